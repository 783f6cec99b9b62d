package dev.arclab.cache;

/**
 * The store cannot be used by this process and must be left as it is (permission denied, a dangling
 * symbolic link, a new file that cannot be created): the message says what and where; callers go on
 * with a memory cache.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
