package dev.arclab.magics;

/**
 * A magic was called wrongly: the message says what was wrong, followed by the usage. Kernels show only the
 * message, without a stack trace.
 */
public class MagicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MagicException(String message) {
        super(message);
    }

    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
