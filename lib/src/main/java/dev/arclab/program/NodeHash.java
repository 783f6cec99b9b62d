package dev.arclab.program;

import java.util.HexFormat;

/**
 * A 128-bit structural hash of a program node: the first 16 bytes of a SHA-256 digest over the
 * node's kind, its content and its children's hashes (a Merkle hash). Equal hashes mean equal
 * structure; the hex form is what caches and reports show.
 */
public record NodeHash(long high, long low) implements Comparable<NodeHash> {

    /** The 32-digit lowercase hex form. */
    public String hex() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }

    /** The hash written as 32 hex digits. */
    public static NodeHash ofHex(String hex) {
        if (hex.length() != 32) {
            throw new IllegalArgumentException("a node hash has 32 hex digits, got " + hex.length());
        }
        return new NodeHash(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
    }

    /** The hash from the first 16 bytes of a digest. */
    static NodeHash ofDigest(byte[] digest) {
        long h = 0;
        long l = 0;
        for (int k = 0; k < 8; k++) {
            h = (h << 8) | (digest[k] & 0xff);
            l = (l << 8) | (digest[k + 8] & 0xff);
        }
        return new NodeHash(h, l);
    }

    @Override
    public int hashCode() {
        return (int) (low ^ (low >>> 32));
    }

    @Override
    public int compareTo(NodeHash o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    @Override
    public String toString() {
        return hex();
    }
}
