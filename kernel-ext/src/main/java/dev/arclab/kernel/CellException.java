package dev.arclab.kernel;

import java.util.List;

/**
 * A cell failed. Jupyter shows {@link #lines()} as the traceback; the exception's simple class name and message
 * are the error's {@code ename} and {@code evalue}. Carries no stack trace of its own: the kernel's frames are
 * of no use to the user.
 */
public abstract class CellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    CellException(String message, List<String> lines) {
        super(message, null, false, false);
        this.lines = List.copyOf(lines);
    }

    /** The lines shown to the user. */
    public List<String> lines() {
        return lines;
    }

    /** The shown lines as one text, without terminal colours. */
    public String text() {
        return String.join("\n", lines).replaceAll("\u001B\\[[0-9;]*m", "");
    }

    /** The code did not compile: the message is the first compiler error. */
    public static final class CompilationException extends CellException {
        private static final long serialVersionUID = 1L;

        CompilationException(String message, List<String> lines) {
            super(message, lines);
        }
    }

    /** The code threw: the message is {@code exceptionClass: message}. */
    public static final class EvalException extends CellException {
        private static final long serialVersionUID = 1L;

        private final String exceptionClassName;

        EvalException(String exceptionClassName, String message, List<String> lines) {
            super(message, lines);
            this.exceptionClassName = exceptionClassName;
        }

        /** The class of the exception the user's code threw. */
        public String exceptionClassName() {
            return exceptionClassName;
        }
    }

    /** A magic was called wrongly (or does not exist): the message says what was wrong. */
    public static final class MagicUsageException extends CellException {
        private static final long serialVersionUID = 1L;

        MagicUsageException(String message, List<String> lines) {
            super(message, lines);
        }
    }

    /** The user stopped the cell. */
    public static final class CellInterruptedException extends CellException {
        private static final long serialVersionUID = 1L;

        CellInterruptedException(String message, List<String> lines) {
            super(message, lines);
        }
    }
}
