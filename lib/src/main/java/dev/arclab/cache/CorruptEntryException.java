package dev.arclab.cache;

/** An entry of the store that cannot be decoded: it is dropped and counted as a miss. */
final class CorruptEntryException extends RuntimeException {
    CorruptEntryException(String message) {
        super(message);
    }
}
