package dev.arclab.dsl;

import java.util.Arrays;
import java.util.List;

/** The general Tuple: an array of any values (beside {@link IntTuple}, {@link Pair}, {@link ColoredLocation}). */
public final class ObjectTuple extends Tuple {
    public static final ObjectTuple EMPTY = new ObjectTuple(new Object[0]);

    private final Object[] items;
    private int hash;

    private ObjectTuple(Object[] items) {
        this.items = items;
    }

    public static ObjectTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new ObjectTuple(items.clone());
    }

    /** Wraps an array the caller gives up: it must not be changed afterwards. */
    public static ObjectTuple wrap(Object[] items) {
        return items.length == 0 ? EMPTY : new ObjectTuple(items);
    }

    public static ObjectTuple copyOf(List<?> items) {
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
        if (o instanceof ObjectTuple t) {
            if (hash != 0 && t.hash != 0 && hash != t.hash) {
                return false;
            }
            return Arrays.equals(items, t.items);
        }
        return super.equals(o);
    }
}
