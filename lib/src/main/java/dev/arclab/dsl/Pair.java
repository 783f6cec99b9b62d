package dev.arclab.dsl;

/** A Tuple of two Integers: a location (i, j), an offset (di, dj) or dimensions (h, w). */
public final class Pair extends Tuple {
    public final int a;
    public final int b;

    public Pair(int a, int b) {
        this.a = a;
        this.b = b;
    }

    public static Pair of(int a, int b) {
        return new Pair(a, b);
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
