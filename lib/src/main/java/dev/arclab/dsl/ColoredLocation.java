package dev.arclab.dsl;

/** A Tuple (colour, (i, j)): one coloured location of an Object (arc-dsl's type name for it is Cell). */
public final class ColoredLocation extends Tuple {
    public final int color;
    public final int i;
    public final int j;

    public ColoredLocation(int color, int i, int j) {
        this.color = color;
        this.i = i;
        this.j = j;
    }

    /** Colours 0..9 at locations inside a 32 × 32 canvas: shared instances (ColoredLocations are immutable). */
    private static final int SHARED_COLORS = 10;
    private static final int SHARED_SIDE = 32;
    private static final ColoredLocation[] SHARED = new ColoredLocation[SHARED_COLORS * SHARED_SIDE * SHARED_SIDE];

    static {
        for (int c = 0, k = 0; c < SHARED_COLORS; c++) {
            for (int i = 0; i < SHARED_SIDE; i++) {
                for (int j = 0; j < SHARED_SIDE; j++) {
                    SHARED[k++] = new ColoredLocation(c, i, j);
                }
            }
        }
    }

    /** The value (color, (i, j)): a shared instance for ARC colours on a grid, else a new one. */
    public static ColoredLocation of(int color, int i, int j) {
        if ((color | i | j) >= 0 && color < SHARED_COLORS && i < SHARED_SIDE && j < SHARED_SIDE) {
            return SHARED[(color * SHARED_SIDE + i) * SHARED_SIDE + j];
        }
        return new ColoredLocation(color, i, j);
    }

    /**
     * Puts (color, (i, j)), (color, (i, j + 1)), ..., (color, (i, j + n - 1)) into {@code out[at..at + n)}: one copy
     * from the shared instances when they are all shared (a run of a row of an object), else one at a time.
     */
    public static void row(int color, int i, int j, int n, Object[] out, int at) {
        if ((color | i | j) >= 0 && color < SHARED_COLORS && i < SHARED_SIDE && n <= SHARED_SIDE - j) {
            System.arraycopy(SHARED, (color * SHARED_SIDE + i) * SHARED_SIDE + j, out, at, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            out[at + k] = of(color, i, j + k);
        }
    }

    public Pair loc() {
        return Pair.of(i, j);
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public Object get(int k) {
        if (k == 0) {
            return color;
        }
        if (k == 1) {
            return Pair.of(i, j);
        }
        throw outOfRange(k);
    }

    /** Same value as {@link Tuple#hashCode()} for the elements (color, (i, j)). */
    public static int hash(int color, int i, int j) {
        return 31 * (31 + color) + Pair.hash(i, j);
    }

    @Override
    public int hashCode() {
        return hash(color, i, j);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof ColoredLocation c) {
            return color == c.color && i == c.i && j == c.j;
        }
        return super.equals(o);
    }
}
