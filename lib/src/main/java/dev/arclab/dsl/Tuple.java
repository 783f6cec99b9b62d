package dev.arclab.dsl;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A DSL Tuple: an immutable ordered sequence of values (dsl-spec §2.1). Pairs, cells, rows and grids
 * are Tuples with specialised representations; all representations of the same elements are equal,
 * hash alike and compare alike.
 */
public abstract class Tuple implements Iterable<Object> {

    public abstract int size();

    /** Element {@code i}; out of range is a DSL error (Python IndexError). */
    public abstract Object get(int i);

    public final boolean isEmpty() {
        return size() == 0;
    }

    /** Element {@code i} as an int; a non-Integer element is a DSL error. */
    public int getInt(int i) {
        return Values.toInt(get(i));
    }

    protected final DslException outOfRange(int i) {
        return DslException.of("tuple index %s out of range for a tuple of length %s", i, size());
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Object next() {
                if (next >= size()) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    public Object[] toArray() {
        Object[] out = new Object[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple t && Values.equal(this, t);
    }

    /** The hash of every Tuple representation: h = 1; h = 31 h + hash(element). */
    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0, n = size(); i < n; i++) {
            h = 31 * h + Values.hash(get(i));
        }
        return h;
    }

    @Override
    public String toString() {
        return Values.repr(this);
    }
}
