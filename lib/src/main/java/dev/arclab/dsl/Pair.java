package dev.arclab.dsl;

/** A Tuple of two Integers: a location (i, j), an offset (di, dj) or dimensions (h, w). */
public final class Pair extends Tuple {
    public final int a;
    public final int b;

    public Pair(int a, int b) {
        this.a = a;
        this.b = b;
    }

    /** Pairs with both values in [{@code SHARED_LO}, {@code SHARED_HI}): shared instances (grid locations, offsets). */
    static final int SHARED_LO = -32;
    static final int SHARED_HI = 64;
    private static final int SHARED_SIDE = SHARED_HI - SHARED_LO;
    private static final Pair[] SHARED = new Pair[SHARED_SIDE * SHARED_SIDE];

    static {
        for (int a = SHARED_LO; a < SHARED_HI; a++) {
            for (int b = SHARED_LO; b < SHARED_HI; b++) {
                SHARED[(a - SHARED_LO) * SHARED_SIDE + (b - SHARED_LO)] = new Pair(a, b);
            }
        }
    }

    /** The Pair (a, b): a shared instance for small values (Pairs are immutable), else a new one. */
    public static Pair of(int a, int b) {
        int x = a - SHARED_LO;
        int y = b - SHARED_LO;
        if ((x | y) >= 0 && x < SHARED_SIDE && y < SHARED_SIDE) {
            return SHARED[x * SHARED_SIDE + y];
        }
        return new Pair(a, b);
    }

    /**
     * Puts the Pairs (a, b), (a, b + 1), ..., (a, b + n - 1) into {@code out[at..at + n)}: one copy from the shared
     * instances when they are all shared (a run of a row of locations), else one Pair at a time.
     */
    public static void row(int a, int b, int n, Object[] out, int at) {
        int x = a - SHARED_LO;
        int y = b - SHARED_LO;
        if (x >= 0 && x < SHARED_SIDE && y >= 0 && n <= SHARED_SIDE - y) {
            System.arraycopy(SHARED, x * SHARED_SIDE + y, out, at, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            out[at + k] = of(a, b + k);
        }
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public Object get(int i) {
        if (i == 0) {
            return a;
        }
        if (i == 1) {
            return b;
        }
        throw outOfRange(i);
    }

    @Override
    public int getInt(int i) {
        if (i == 0) {
            return a;
        }
        if (i == 1) {
            return b;
        }
        throw outOfRange(i);
    }

    /** Same value as {@link Tuple#hashCode()} for the elements (a, b). */
    public static int hash(int a, int b) {
        return 31 * (31 + a) + b;
    }

    @Override
    public int hashCode() {
        return hash(a, b);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof Pair p) {
            return a == p.a && b == p.b;
        }
        return super.equals(o);
    }
}
