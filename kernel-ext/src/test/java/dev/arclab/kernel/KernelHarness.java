package dev.arclab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Runs cells in an in-process {@link ArcKernel}, capturing what they print. */
final class KernelHarness implements AutoCloseable {
    /** What one cell did. */
    record Cell(Object value, DisplayData display, String out, String err, RuntimeException error) {
        String errorText() {
            return error instanceof CellException c ? c.text() : String.valueOf(error);
        }
    }

    final ArcKernel kernel;

    static Object data(DisplayData d, String mime) {
        return d == null ? null : d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(mime));
    }

    KernelHarness() {
        kernel = ArcKernel.builder().build();
        kernel.onStartup();
        // the start narrows java.class.path for a moment (TablesawStart); tests read it themselves
        kernel.awaitSetUp();
    }

    /** Counts an execute request as jjava does before it publishes execute_input and evaluates the cell. */
    void countRequest() {
        try {
            java.lang.reflect.Field f = org.dflib.jjava.jupyter.kernel.BaseKernel.class.getDeclaredField("executionCount");
            f.setAccessible(true);
            ((java.util.concurrent.atomic.AtomicInteger) f.get(kernel)).getAndIncrement();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jjava's BaseKernel has no executionCount field", e);
        }
    }

    /** Runs a cell as a request would: counted first, then evaluated. */
    Cell run(String code) {
        countRequest();
        return runCounted(code);
    }

    /** Evaluates a cell whose request was already counted ({@link #countRequest}). */
    Cell runCounted(String code) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Object value = null;
        DisplayData display = null;
        RuntimeException error = null;
        try {
            value = kernel.evalRaw(code);
            display = value == null ? null : kernel.getRenderer().render(value);
        } catch (RuntimeException e) {
            error = e;
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Cell(value, display, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), error);
    }

    /** Runs a cell that must succeed and returns its value. */
    Object value(String code) {
        Cell c = run(code);
        if (c.error() != null) {
            throw new AssertionError("cell failed: " + code + "\n" + c.errorText(), c.error());
        }
        return c.value();
    }

    @Override
    public void close() {
        kernel.onShutdown(false);
    }
}
