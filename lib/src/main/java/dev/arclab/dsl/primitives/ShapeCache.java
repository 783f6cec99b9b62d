package dev.arclab.dsl.primitives;

import dev.arclab.dsl.FSet;

/**
 * Sets of locations that primitives build again and again (the same box, outline or line on a task's grids, for
 * candidate after candidate of a search), kept in a small direct-mapped table by their defining coordinates. The
 * sets are immutable values, so sharing one is the same as building it again; a shared one also carries its hash
 * and bounds already, and compares equal to itself at once. Callers charge fuel as if they built the set.
 * Thread-safe: an entry is published whole (final fields), and a slot lost to another thread's entry only costs a
 * rebuild. In a search (2 rounds, 100 tasks) the tables held 89% of the shapes asked for with 2,048 slots each and
 * 96% with 16,384; they have 8,192. A table holds at most 8,192 × {@link #MAX_SIZE} references (32 MB), in practice a few MB.
 */
final class ShapeCache {
    /** Largest set kept (a 32 × 32 box). */
    static final int MAX_SIZE = 1024;

    private record Entry(long key, FSet set) {
    }

    private final Entry[] slots;
    private final int shift;

    /** A table of {@code 2^bits} slots. */
    ShapeCache(int bits) {
        this.slots = new Entry[1 << bits];
        this.shift = 64 - bits;
    }

    /**
     * The key of four coordinates, or -1 when one is outside [-16384, 16384) (such shapes are not cached, so that
     * every key names exactly one shape).
     */
    static long key(int a, int b, int c, int d) {
        if (((a + OFFSET) | (b + OFFSET) | (c + OFFSET) | (d + OFFSET)) >>> 15 != 0) {
            return -1;
        }
        return ((long) (a + OFFSET) << 45) | ((long) (b + OFFSET) << 30) | ((long) (c + OFFSET) << 15) | (d + OFFSET);
    }

    private static final int OFFSET = 1 << 14;

    /** The set kept under {@code key}, or null. */
    FSet get(long key) {
        if (key < 0) {
            return null;
        }
        Entry e = slots[slot(key)];
        return e != null && e.key == key ? e.set : null;
    }

    /** Keeps {@code set} under {@code key} (unless the key is -1 or the set too large) and returns it. */
    FSet put(long key, FSet set) {
        if (key >= 0 && set.size() <= MAX_SIZE) {
            slots[slot(key)] = new Entry(key, set);
        }
        return set;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
