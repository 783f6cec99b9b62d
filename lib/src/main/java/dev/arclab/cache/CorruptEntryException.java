package dev.arclab.cache;

/** An entry of the store that cannot be decoded: it is dropped and counted as a miss. */
public final class CorruptEntryException extends RuntimeException {
    public CorruptEntryException(String message) {
        super(message);
    }
}
