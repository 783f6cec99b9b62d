package dev.arclab.dsl;

/**
 * The DSL's error: thrown wherever the reference arc-dsl raises (dsl-spec §3.10).
 * Errors are frequent during a search, so no stack trace is captured.
 */
public final class DslException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DslException(String message) {
        super(message, null, false, false);
    }

    public static DslException of(String format, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof String ? args[i] : Values.shortRepr(args[i]);
        }
        return new DslException(String.format(format, shown));
    }
}
