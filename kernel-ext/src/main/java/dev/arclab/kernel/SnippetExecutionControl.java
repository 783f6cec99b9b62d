package dev.arclab.kernel;

import java.lang.reflect.Field;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process execution (snippets run on a thread of this JVM; {@code stop()} ends even a tight loop),
 * with one addition: the real value of a variable, not only its string.
 *
 * <p>{@code JShell.varValue(VarSnippet)} calls {@link #varValue(String, String)} with the snippet's wrapper class
 * and the field name; while {@link #capture} is on, the field's object is kept for the kernel.
 */
final class SnippetExecutionControl extends LocalExecutionControl {
    private final ThreadLocal<Object[]> capture = new ThreadLocal<>();

    SnippetExecutionControl(SnippetLoader loader) {
        super(loader);
    }

    /** Runs {@code varValueCall} (which must call {@code JShell.varValue}) and returns the variable's object. */
    Object capture(Runnable varValueCall) {
        Object[] box = new Object[1];
        capture.set(box);
        try {
            varValueCall.run();
        } finally {
            capture.remove();
        }
        return box[0];
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException,
            InternalException {
        Object[] box = capture.get();
        if (box == null) {
            return super.varValue(className, varName);
        }
        try {
            Field f = findClass(className).getDeclaredField(varName);
            f.setAccessible(true);
            box[0] = f.get(null);
            return "";
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException("cannot read " + varName + " of " + className + ": " + e);
        }
    }
}
