package dev.arclab.dsl;

import java.util.Arrays;

/**
 * Sorting and deduplicating a set's elements without comparator calls when they are all Integers, all
 * {@link Pair}s or all {@link ColoredLocation}s: each element becomes one {@code long} holding its fields
 * (offset by their minimum, in mixed radix, most significant first, so that the key order is the
 * canonical order of dsl-spec §4.3) times n plus its index; the keys are sorted as primitives and equal
 * fields collapse. When the keys are dense (the locations of one patch, say) the elements are placed in
 * their key's slot instead, with no sort at all. Used by {@link FSet#fromArray} whenever the keys fit
 * in a long, which they always do for grid locations.
 */
final class PackedSort {
    private static final int INTS = 3;
    /** Largest scratch array kept per thread (larger ranges get their own array). */
    private static final int MAX_SCRATCH = 1 << 16;
    /** Per thread, an all-null array for ranges up to MAX_SCRATCH. */
    private static final ThreadLocal<Object[]> SLOTS = ThreadLocal.withInitial(() -> new Object[1024]);

    private PackedSort() {
    }

    /**
     * The set of the first {@code n >= 2} values, or null when they are not of one packable kind (the
     * caller then sorts with the canonical comparator). The array is given up: it may be reused.
     */
    static FSet sortedSet(Object[] values, int n) {
        Class<?> c = values[0].getClass();
        int kind;
        if (c == Pair.class) {
            kind = FSet.PAIRS;
        } else if (c == ColoredLocation.class) {
            kind = FSet.COLORED_LOCATIONS;
        } else if (c == Integer.class) {
            kind = INTS;
        } else {
            return null;
        }
        // one pass: homogeneity, field ranges, and whether the input is strictly ascending already
        long min0 = Long.MAX_VALUE;
        long max0 = Long.MIN_VALUE;
        long min1 = Long.MAX_VALUE;
        long max1 = Long.MIN_VALUE;
        long min2 = Long.MAX_VALUE;
        long max2 = Long.MIN_VALUE;
        boolean ascending = true;
        int p0 = 0;
        int p1 = 0;
        int p2 = 0;
        for (int k = 0; k < n; k++) {
            Object v = values[k];
            if (v.getClass() != c) {
                return null;
            }
            int f0;
            int f1 = 0;
            int f2 = 0;
            if (kind == FSet.PAIRS) {
                Pair p = (Pair) v;
                f0 = p.a;
                f1 = p.b;
            } else if (kind == FSet.COLORED_LOCATIONS) {
                ColoredLocation l = (ColoredLocation) v;
                f0 = l.color;
                f1 = l.i;
                f2 = l.j;
            } else {
                f0 = (Integer) v;
            }
            if (k > 0 && ascending) {
                ascending = f0 > p0 || (f0 == p0 && (f1 > p1 || (f1 == p1 && f2 > p2)));
            }
            p0 = f0;
            p1 = f1;
            p2 = f2;
            min0 = Math.min(min0, f0);
            max0 = Math.max(max0, f0);
            min1 = Math.min(min1, f1);
            max1 = Math.max(max1, f1);
            min2 = Math.min(min2, f2);
            max2 = Math.max(max2, f2);
        }
        int setKind = kind == INTS ? FSet.OTHER : kind;
        if (ascending) {
            return FSet.wrapSorted(n == values.length ? values : Arrays.copyOf(values, n), setKind);
        }
        // mixed-radix key of the fields: ascending keys are the canonical order
        long r1 = max1 - min1 + 1;
        long r2 = max2 - min2 + 1;
        if (kind != INTS) {
            // locations: a bit per possible key (the fields' ranges rounded up to powers of two), when the bitmap
            // has at most about as many words as there are elements; set bits in key order are the set
            int s1 = bitsFor(r1);
            int s2 = bitsFor(r2);
            long span0 = max0 - min0 + 1;
            if (s1 + s2 <= 32 && span0 <= (64L * n + 4096) >>> (s1 + s2)) {
                return bitmap(values, n, kind, span0 << (s1 + s2), min0, min1, min2, s1, s2);
            }
        }
        double range = (double) (max0 - min0 + 1) * r1 * r2;
        if (range <= 4.0 * n + 64) {
            return bucketed(values, n, kind, setKind, (int) range, min0, min1, min2, r1, r2);
        }
        if (range * n >= 0x1p62) {
            return null;
        }
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            keys[k] = key(values[k], kind, min0, min1, min2, r1, r2) * n + k;
        }
        Arrays.sort(keys);
        Object[] out = new Object[n];
        int w = 0;
        long previous = -1;
        for (long key : keys) {
            long fields = key / n;
            if (fields != previous) {
                out[w++] = values[(int) (key - fields * n)];
                previous = fields;
            }
        }
        return FSet.wrapSorted(w == n ? out : Arrays.copyOf(out, w), setKind);
    }

    /** Bits needed for the values 0..r-1 ({@code r >= 1}). */
    private static int bitsFor(long r) {
        return 64 - Long.numberOfLeadingZeros(r - 1);
    }

    /**
     * Pairs or ColoredLocations by a bitmap of their keys (fields minus their minimum, shifted together, most
     * significant first, so that ascending keys are the canonical order): one pass sets the bits, equal elements
     * falling on one bit, and the set bits in order give the elements back (the shared instances where they exist).
     */
    private static FSet bitmap(Object[] values, int n, int kind, long keys, long min0, long min1, long min2, int s1,
            int s2) {
        long[] bits = new long[(int) ((keys + 63) >>> 6)];
        int distinct = mark(bits, values, n, kind, min0, min1, min2, s1, s2);
        return unmark(bits, distinct, kind, min0, min1, min2, s1, s2);
    }

    /** Sets the bits of the first {@code n} values' keys; the number of bits that were not set before. */
    private static int mark(long[] bits, Object[] values, int n, int kind, long min0, long min1, long min2, int s1,
            int s2) {
        int distinct = 0;
        if (kind == FSet.PAIRS) {
            for (int k = 0; k < n; k++) {
                Pair p = (Pair) values[k];
                long key = ((p.a - min0) << s1) | (p.b - min1);
                int w = (int) (key >>> 6);
                long bit = 1L << key;
                if ((bits[w] & bit) == 0) {
                    bits[w] |= bit;
                    distinct++;
                }
            }
        } else {
            for (int k = 0; k < n; k++) {
                ColoredLocation c = (ColoredLocation) values[k];
                long key = ((((c.color - min0) << s1) | (c.i - min1)) << s2) | (c.j - min2);
                int w = (int) (key >>> 6);
                long bit = 1L << key;
                if ((bits[w] & bit) == 0) {
                    bits[w] |= bit;
                    distinct++;
                }
            }
        }
        return distinct;
    }

    /** As {@link #mark} for Pairs, or -1 as soon as a column falls outside the {@code s1} bits from {@code min1}. */
    private static int markPairs(long[] bits, Object[] values, long min0, long min1, int s1) {
        int distinct = 0;
        for (Object v : values) {
            Pair p = (Pair) v;
            long col = p.b - min1;
            if (col >>> s1 != 0) {
                return -1;
            }
            long key = ((p.a - min0) << s1) | col;
            int w = (int) (key >>> 6);
            long bit = 1L << key;
            if ((bits[w] & bit) == 0) {
                bits[w] |= bit;
                distinct++;
            }
        }
        return distinct;
    }

    /** The set of the elements whose key bits are set ({@code distinct} of them), in key order. */
    private static FSet unmark(long[] bits, int distinct, int kind, long min0, long min1, long min2, int s1, int s2) {
        Object[] out = new Object[distinct];
        int o = 0;
        long mask1 = (1L << s1) - 1;
        // a row's keys are consecutive: each run of set bits within a word and a row is one run of elements
        int rowBits = kind == FSet.PAIRS ? s1 : s2;
        long rowMask = (1L << rowBits) - 1;
        for (int w = 0; o < distinct; w++) {
            long word = bits[w];
            while (word != 0) {
                int t = Long.numberOfTrailingZeros(word);
                long key = ((long) w << 6) | t;
                long col = key & rowMask;
                int run = (int) Math.min(Long.numberOfTrailingZeros(~(word >>> t)), (1L << rowBits) - col);
                word = run + t >= 64 ? 0 : word & ~(((1L << run) - 1) << t);
                if (kind == FSet.PAIRS) {
                    Pair.row((int) (min0 + (key >>> s1)), (int) (min1 + col), run, out, o);
                } else {
                    ColoredLocation.row((int) (min0 + (key >>> (s1 + s2))), (int) (min1 + ((key >>> s2) & mask1)),
                            (int) (min2 + col), run, out, o);
                }
                o += run;
            }
        }
        return FSet.wrapSorted(out, kind);
    }

    /**
     * The union of sets that all hold {@link FSet#PAIRS} or all {@link FSet#COLORED_LOCATIONS} ({@code total}
     * elements together), straight from their elements into a bitmap (the field ranges from each set's bounds,
     * kept on it); null when they are not all of one such kind, or their keys are too sparse for a bitmap.
     */
    static FSet unionOfLocations(FSet[] sets, long total) {
        int kind = -1;
        long min0 = Long.MAX_VALUE;
        long max0 = Long.MIN_VALUE;
        long min1 = Long.MAX_VALUE;
        long max1 = Long.MIN_VALUE;
        long min2 = Long.MAX_VALUE;
        long max2 = Long.MIN_VALUE;
        for (FSet set : sets) {
            if (set.isEmpty()) {
                continue;
            }
            int k = set.elementKind();
            if (k == FSet.OTHER || (kind >= 0 && k != kind)) {
                return null;
            }
            kind = k;
            Object[] es = set.elements();
            if (k == FSet.PAIRS) {
                // sorted by row first: the rows range from the first element's to the last's; the columns are
                // taken to be those of the shared Pairs, which marking checks (no look at every element before)
                min0 = Math.min(min0, ((Pair) es[0]).a);
                max0 = Math.max(max0, ((Pair) es[es.length - 1]).a);
                min1 = Pair.SHARED_LO;
                max1 = Pair.SHARED_HI - 1;
            } else {
                int[] b = set.locationBounds(); // {top, left, bottom, right}
                // sorted by colour first: the colours range from the first element's to the last's
                min0 = Math.min(min0, ((ColoredLocation) es[0]).color);
                max0 = Math.max(max0, ((ColoredLocation) es[es.length - 1]).color);
                min1 = Math.min(min1, b[0]);
                max1 = Math.max(max1, b[2]);
                min2 = Math.min(min2, b[1]);
                max2 = Math.max(max2, b[3]);
            }
        }
        if (kind < 0 || total > Integer.MAX_VALUE - 8) {
            return null;
        }
        if (kind == FSet.PAIRS) {
            min2 = 0;
            max2 = 0;
        }
        int s1 = bitsFor(max1 - min1 + 1);
        int s2 = bitsFor(max2 - min2 + 1);
        long span0 = max0 - min0 + 1;
        if (s1 + s2 > 32 || span0 > (64L * total + 4096) >>> (s1 + s2)) {
            return null;
        }
        long[] bits = new long[(int) (((span0 << (s1 + s2)) + 63) >>> 6)];
        int distinct = 0;
        for (FSet set : sets) {
            Object[] es = set.elements();
            if (kind == FSet.PAIRS) {
                int marked = markPairs(bits, es, min0, min1, s1);
                if (marked < 0) {
                    return null; // a column beyond the shared Pairs' (rare): sorted from the elements instead
                }
                distinct += marked;
            } else {
                distinct += mark(bits, es, es.length, kind, min0, min1, min2, s1, s2);
            }
        }
        return unmark(bits, distinct, kind, min0, min1, min2, s1, s2);
    }

    /** Dense fields (a grid's locations, say): each element goes to its key's slot, no sort at all. */
    private static FSet bucketed(Object[] values, int n, int kind, int setKind, int range, long min0, long min1,
            long min2, long r1, long r2) {
        Object[] slots;
        if (range > MAX_SCRATCH) {
            slots = new Object[range];
        } else {
            slots = SLOTS.get();
            if (slots.length < range) {
                slots = new Object[Math.min(MAX_SCRATCH, Math.max(range, 2 * slots.length))];
                SLOTS.set(slots);
            }
        }
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            Object v = values[k];
            int slot = (int) key(v, kind, min0, min1, min2, r1, r2);
            if (slots[slot] == null) {
                slots[slot] = v;
                distinct++;
            }
        }
        Object[] out = new Object[distinct];
        int w = 0;
        for (int slot = 0; w < distinct; slot++) {
            Object v = slots[slot];
            if (v != null) {
                out[w++] = v;
                slots[slot] = null; // the scratch array is left empty for the next set
            }
        }
        return FSet.wrapSorted(out, setKind);
    }

    private static long key(Object v, int kind, long min0, long min1, long min2, long r1, long r2) {
        if (kind == FSet.PAIRS) {
            Pair p = (Pair) v;
            return (p.a - min0) * r1 + (p.b - min1);
        }
        if (kind == FSet.COLORED_LOCATIONS) {
            ColoredLocation l = (ColoredLocation) v;
            return ((l.color - min0) * r1 + (l.i - min1)) * r2 + (l.j - min2);
        }
        return (Integer) v - min0;
    }
}
