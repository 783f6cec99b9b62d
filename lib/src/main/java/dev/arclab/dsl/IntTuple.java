package dev.arclab.dsl;

import java.util.Arrays;

/** A Tuple of Integers held unboxed: grid rows and Integer sequences. */
public final class IntTuple extends Tuple {
    public static final IntTuple EMPTY = new IntTuple(new int[0]);

    private final int[] values;

    private IntTuple(int[] values) {
        this.values = values;
    }

    /** Wraps an array the caller gives up: it must not be changed afterwards. */
    public static IntTuple wrap(int[] values) {
        return new IntTuple(values);
    }

    public static IntTuple of(int... values) {
        return new IntTuple(values.clone());
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object get(int i) {
        if (i < 0 || i >= values.length) {
            throw outOfRange(i);
        }
        return values[i];
    }

    @Override
    public int getInt(int i) {
        if (i < 0 || i >= values.length) {
            throw outOfRange(i);
        }
        return values[i];
    }

    /** The backing array, for read-only use on hot paths. */
    public int[] values() {
        return values;
    }

    public static int hash(int[] values, int from, int to) {
        int h = 1;
        for (int k = from; k < to; k++) {
            h = 31 * h + values[k];
        }
        return h;
    }

    @Override
    public int hashCode() {
        return hash(values, 0, values.length);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof IntTuple t) {
            return Arrays.equals(values, t.values);
        }
        return super.equals(o);
    }
}
