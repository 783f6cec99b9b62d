package dev.arclab.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Keys of the store: the first 128 bits of SHA-256 over the key text, so every key takes 16 bytes
 * whatever its length (pipeline keys are up to ~170 characters) and accidental collisions are out of reach.
 */
final class Keys {
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private Keys() {
    }

    /** A 128-bit key, usable in hash maps. */
    record Key(long high, long low) {
        byte[] bytes() {
            byte[] b = new byte[16];
            put(b, 0);
            return b;
        }

        void put(byte[] b, int at) {
            for (int k = 0; k < 8; k++) {
                b[at + k] = (byte) (high >>> (56 - 8 * k));
                b[at + 8 + k] = (byte) (low >>> (56 - 8 * k));
            }
        }

        static Key of(byte[] b, int at) {
            long h = 0;
            long l = 0;
            for (int k = 0; k < 8; k++) {
                h = (h << 8) | (b[at + k] & 0xFF);
                l = (l << 8) | (b[at + 8 + k] & 0xFF);
            }
            return new Key(h, l);
        }

        @Override
        public int hashCode() {
            return (int) (low ^ (low >>> 32));
        }
    }

    /**
     * A fast 128-bit hash of a string's characters (two independent multiply-rotate lanes, each finished
     * with a 64-bit mixer): for item keys, which need to differ only within their group (at most a few
     * thousand items), and are hashed on every lookup.
     */
    static Key fast(String s) {
        return fast(s, 0, s.length());
    }

    /** {@link #fast(String)} of {@code s.substring(from, to)}, four characters per step. */
    static Key fast(String s, int from, int to) {
        int n = to - from;
        long h1 = 0x9E3779B97F4A7C15L ^ n;
        long h2 = 0xC2B2AE3D27D4EB4FL + n;
        int k = from;
        for (; k + 4 <= to; k += 4) {
            long c = s.charAt(k) | ((long) s.charAt(k + 1) << 16) | ((long) s.charAt(k + 2) << 32)
                    | ((long) s.charAt(k + 3) << 48);
            h1 = Long.rotateLeft(h1 ^ c, 23) * 0xFF51AFD7ED558CCDL;
            h2 = Long.rotateLeft(h2 + c * 0x9E3779B97F4A7C15L, 29) * 0xC4CEB9FE1A85EC53L;
        }
        for (; k < to; k++) {
            long c = s.charAt(k);
            h1 = Long.rotateLeft(h1 ^ c, 23) * 0xFF51AFD7ED558CCDL;
            h2 = Long.rotateLeft(h2 + c * 0x9E3779B97F4A7C15L, 29) * 0xC4CEB9FE1A85EC53L;
        }
        return new Key(mix(h1 ^ (h2 >>> 17)), mix(h2 ^ (h1 >>> 13)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** The hash of the parts, each followed by a 0 byte. */
    static Key hash(String... parts) {
        MessageDigest md = SHA.get();
        md.reset();
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return Key.of(md.digest(), 0);
    }
}
