package dev.arclab.dsl;

/**
 * The DSL's error: thrown wherever the reference arc-dsl raises (dsl-spec §3.10).
 * Errors are frequent during a search (most candidates that fail are never looked at), so no stack trace is
 * captured and the message is formatted only when someone reads it.
 */
public final class DslException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String format;
    private final transient Object[] args;
    private volatile String message;

    public DslException(String message) {
        super(null, null, false, false);
        this.format = null;
        this.args = null;
        this.message = message;
    }

    private DslException(String format, Object[] args) {
        super(null, null, false, false);
        this.format = format;
        this.args = args;
    }

    public static DslException of(String format, Object... args) {
        return new DslException(format, args.clone());
    }

    @Override
    public String getMessage() {
        String m = message;
        if (m == null && args == null) {
            return format;
        }
        if (m == null) {
            Object[] shown = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                shown[i] = args[i] instanceof String ? args[i] : Values.shortRepr(args[i]);
            }
            m = String.format(format, shown);
            message = m;
        }
        return m;
    }
}
