package dev.arclab.dsl;

import java.util.Arrays;
import java.util.List;

/** The general Tuple: an array of any values. */
public final class Tup extends Tuple {
    public static final Tup EMPTY = new Tup(new Object[0]);

    private final Object[] items;
    private int hash;

    private Tup(Object[] items) {
        this.items = items;
    }

    public static Tup of(Object... items) {
        return items.length == 0 ? EMPTY : new Tup(items.clone());
    }

    /** Wraps an array the caller gives up: it must not be changed afterwards. */
    public static Tup wrap(Object[] items) {
        return items.length == 0 ? EMPTY : new Tup(items);
    }

    public static Tup copyOf(List<?> items) {
        return wrap(items.toArray());
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Object get(int i) {
        if (i < 0 || i >= items.length) {
            throw outOfRange(i);
        }
        return items[i];
    }

    @Override
    public Object[] toArray() {
        return items.clone();
    }

    /** The backing array, for read-only use on hot paths. */
    public Object[] items() {
        return items;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = super.hashCode();
            hash = h;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof Tup t) {
            return Arrays.equals(items, t.items);
        }
        return super.equals(o);
    }
}
