package dev.arclab.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Growable byte buffers with variable-length integers: what the hand-written serializers of the store
 * write and read. Smaller and several times faster than Java serialization (shared/docs/libraries.md).
 */
public final class Bytes {
    private Bytes() {
    }

    /** An output buffer. */
    public static final class Out {
        private byte[] buf;
        private int size;

        public Out(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        public Out() {
            this(64);
        }

        public int size() {
            return size;
        }

        public void reset() {
            size = 0;
        }

        /** Drops what was written after the first {@code n} bytes. */
        public void truncate(int n) {
            size = Math.min(size, n);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        public Out write(int b) {
            ensure(1);
            buf[size++] = (byte) b;
            return this;
        }

        public Out write(byte[] b) {
            return write(b, 0, b.length);
        }

        public Out write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
            return this;
        }

        /** Unsigned LEB128; negative values take 10 bytes. */
        public Out varLong(long v) {
            ensure(10);
            if ((v & ~0x7FL) == 0) {
                buf[size++] = (byte) v;
                return this;
            }
            if ((v & ~0x3FFFL) == 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                buf[size++] = (byte) (v >>> 7);
                return this;
            }
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
            return this;
        }

        public Out varInt(int v) {
            return varLong(v & 0xFFFFFFFFL);
        }

        /** Zig-zag, for values that may be negative. */
        public Out zigZag(long v) {
            return varLong((v << 1) ^ (v >> 63));
        }

        public Out fixedLong(long v) {
            ensure(8);
            for (int k = 56; k >= 0; k -= 8) {
                buf[size++] = (byte) (v >>> k);
            }
            return this;
        }

        public Out doubleBits(double d) {
            return fixedLong(Double.doubleToRawLongBits(d));
        }

        /** A string as its UTF-8 length and bytes; null as length 0 with a marker. */
        public Out string(String s) {
            if (s == null) {
                return varInt(0);
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varInt(b.length + 1);
            return write(b);
        }

        public byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** An input over a byte range. */
    public static final class In {
        private final byte[] buf;
        private int pos;
        private final int end;

        public In(byte[] buf) {
            this(buf, 0, buf.length);
        }

        public In(byte[] buf, int off, int len) {
            if (off < 0 || len < 0 || off + len > buf.length) {
                throw new CorruptEntryException("range " + off + "+" + len + " outside " + buf.length + " bytes");
            }
            this.buf = buf;
            this.pos = off;
            this.end = off + len;
        }

        public int position() {
            return pos;
        }

        public boolean atEnd() {
            return pos >= end;
        }

        public int read() {
            if (pos >= end) {
                throw new CorruptEntryException("unexpected end of entry");
            }
            return buf[pos++] & 0xFF;
        }

        public void skip(int n) {
            if (n < 0 || pos + n > end) {
                throw new CorruptEntryException("unexpected end of entry");
            }
            pos += n;
        }

        public byte[] bytes(int n) {
            skip(n);
            return Arrays.copyOfRange(buf, pos - n, pos);
        }

        public long varLong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new CorruptEntryException("variable-length integer too long");
        }

        public int varInt() {
            long v = varLong();
            if (v > 0xFFFFFFFFL || v < 0) {
                throw new CorruptEntryException("integer out of range: " + v);
            }
            return (int) v;
        }

        /** A non-negative int no larger than {@code max} (a count or a length). */
        public int count(int max) {
            int v = varInt();
            if (v < 0 || v > max) {
                throw new CorruptEntryException("count " + v + " out of range 0.." + max);
            }
            return v;
        }

        public long zigZag() {
            long v = varLong();
            return (v >>> 1) ^ -(v & 1);
        }

        public long fixedLong() {
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v = (v << 8) | read();
            }
            return v;
        }

        public double doubleBits() {
            return Double.longBitsToDouble(fixedLong());
        }

        public String string() {
            int n = count(end - pos + 1);
            if (n == 0) {
                return null;
            }
            skip(n - 1);
            return new String(buf, pos - (n - 1), n - 1, StandardCharsets.UTF_8);
        }
    }
}
