package dev.arclab.cache;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A record with its checksum: the payload, then the CRC-32C of the payload (4 bytes, big-endian). The
 * store seals every record it writes (index records, chunks, library entries, run records) and checks
 * each one it reads, so damaged bytes on disk are found where they are read and never decoded into a
 * wrong value: the record is dropped (its items miss and are computed again) and the rest stands.
 */
final class Sealed {
    static final int OVERHEAD = 4;

    private Sealed() {
    }

    /** The payload followed by its checksum. */
    static byte[] seal(byte[] payload) {
        byte[] out = Arrays.copyOf(payload, payload.length + OVERHEAD);
        int crc = crc(payload, payload.length);
        for (int k = 0; k < OVERHEAD; k++) {
            out[payload.length + k] = (byte) (crc >>> (24 - 8 * k));
        }
        return out;
    }

    /**
     * The payload of a sealed record, checked.
     *
     * @throws CorruptEntryException when the record is too short or its checksum does not match
     */
    static byte[] open(byte[] sealed) {
        if (!intact(sealed)) {
            throw new CorruptEntryException("a record of " + (sealed == null ? 0 : sealed.length)
                    + " bytes does not match its checksum");
        }
        return Arrays.copyOf(sealed, sealed.length - OVERHEAD);
    }

    /** Whether a sealed record matches its checksum. */
    static boolean intact(byte[] sealed) {
        if (sealed == null || sealed.length < OVERHEAD) {
            return false;
        }
        int n = sealed.length - OVERHEAD;
        int stored = 0;
        for (int k = 0; k < OVERHEAD; k++) {
            stored = (stored << 8) | (sealed[n + k] & 0xff);
        }
        return stored == crc(sealed, n);
    }

    private static int crc(byte[] b, int len) {
        CRC32C c = new CRC32C();
        c.update(b, 0, len);
        return (int) c.getValue();
    }
}
