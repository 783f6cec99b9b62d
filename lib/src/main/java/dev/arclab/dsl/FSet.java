package dev.arclab.dsl;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A DSL FrozenSet: distinct values held as an array sorted by the canonical order of dsl-spec §4.3,
 * so that iteration is always ascending and never depends on hashing. Set algebra merges sorted arrays.
 */
public final class FSet implements Iterable<Object> {
    public static final FSet EMPTY = new FSet(new Object[0]);

    /** {@link #elementKind()}: only {@link Pair}s, only {@link ColoredLocation}s, anything else. */
    public static final int PAIRS = 1;
    public static final int COLORED_LOCATIONS = 2;
    public static final int OTHER = 0;

    private final Object[] elems;
    private int hash;
    /** {@link #elementKind()} + 1, or 0 while not yet known (a benign race: every thread computes the same). */
    private byte kind;
    /**
     * {@link #locationBounds()} once computed (every thread computes the same; volatile so that a thread
     * that sees the array also sees its elements).
     */
    private volatile int[] bounds;

    private FSet(Object[] sortedUnique) {
        this.elems = sortedUnique;
    }

    /** A set of the given values, sorted and deduplicated. */
    public static FSet of(Object... values) {
        return fromArray(values.clone());
    }

    public static FSet copyOf(Collection<?> values) {
        return fromArray(values.toArray());
    }

    /** A set of the values in an array the caller gives up (it is sorted in place). */
    public static FSet fromArray(Object[] values) {
        return fromArray(values, values.length);
    }

    /** A set of the first {@code n} values of an array the caller gives up (sorted in place). */
    public static FSet fromArray(Object[] values, int n) {
        if (n == 0) {
            return EMPTY;
        }
        if (n == 1) {
            return new FSet(values.length == 1 ? values : new Object[] {values[0]});
        }
        FSet packed = PackedSort.sortedSet(values, n);
        if (packed != null) {
            return packed;
        }
        if (!isStrictlyAscending(values, n)) {
            Arrays.sort(values, 0, n, Values.CANONICAL);
        }
        int w = 1;
        for (int r = 1; r < n; r++) {
            if (Values.compare(values[r], values[w - 1]) != 0) {
                values[w++] = values[r];
            }
        }
        return new FSet(w == values.length ? values : Arrays.copyOf(values, w));
    }

    /**
     * The union of sets ({@code total} elements together): merged through a bitmap of their keys when they all hold
     * Pairs or all ColoredLocations with keys dense enough, else sorted from their elements together.
     */
    public static FSet unionAll(FSet[] sets, long total) {
        FSet u = PackedSort.unionOfLocations(sets, total);
        if (u != null) {
            return u;
        }
        Object[] all = new Object[Math.toIntExact(total)];
        int w = 0;
        for (FSet set : sets) {
            System.arraycopy(set.elems, 0, all, w, set.elems.length);
            w += set.elems.length;
        }
        return fromArray(all);
    }

    /** Wraps an array already strictly ascending under the canonical order (not checked). */
    public static FSet wrapSorted(Object[] sortedUnique) {
        return sortedUnique.length == 0 ? EMPTY : new FSet(sortedUnique);
    }

    /**
     * As {@link #wrapSorted}, with the {@link #elementKind()} known to the caller (not checked): a builder of
     * locations says so, and the set's kind need not be found by a look at every element.
     */
    public static FSet wrapSorted(Object[] sortedUnique, int elementKind) {
        if (sortedUnique.length == 0) {
            return EMPTY;
        }
        FSet s = new FSet(sortedUnique);
        s.kind = (byte) (elementKind + 1);
        return s;
    }

    /**
     * {@link #PAIRS} when every element is a {@link Pair}, {@link #COLORED_LOCATIONS} when every one is a
     * {@link ColoredLocation}, else (also for the empty set) {@link #OTHER}; computed once per set.
     */
    public int elementKind() {
        int k = kind;
        if (k == 0) {
            k = kindOf(elems) + 1;
            kind = (byte) k;
        }
        return k - 1;
    }

    /**
     * {uppermost, leftmost, lowermost, rightmost} of the locations of a non-empty set of {@link #PAIRS} or
     * {@link #COLORED_LOCATIONS}, computed once per set (the array is shared: read it, never change it);
     * null for any other set.
     */
    public int[] locationBounds() {
        int[] b = bounds;
        if (b == null) {
            int k = elementKind();
            if (k == OTHER) {
                return null;
            }
            b = k == PAIRS ? pairBounds(elems) : coloredLocationBounds(elems);
            bounds = b;
        }
        return b;
    }

    private static int[] pairBounds(Object[] es) {
        // Pairs sort row-major: the rows are the first and last elements'.
        int left = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        for (Object e : es) {
            int j = ((Pair) e).b;
            left = Math.min(left, j);
            right = Math.max(right, j);
        }
        return new int[] {((Pair) es[0]).a, left, ((Pair) es[es.length - 1]).a, right};
    }

    private static int[] coloredLocationBounds(Object[] es) {
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        int right = Integer.MIN_VALUE;
        for (Object e : es) {
            ColoredLocation c = (ColoredLocation) e;
            top = Math.min(top, c.i);
            bottom = Math.max(bottom, c.i);
            left = Math.min(left, c.j);
            right = Math.max(right, c.j);
        }
        return new int[] {top, left, bottom, right};
    }

    private static int kindOf(Object[] es) {
        if (es.length == 0) {
            return OTHER;
        }
        Class<?> c = es[0].getClass();
        if (c != Pair.class && c != ColoredLocation.class) {
            return OTHER;
        }
        for (Object e : es) {
            if (e.getClass() != c) {
                return OTHER;
            }
        }
        return c == Pair.class ? PAIRS : COLORED_LOCATIONS;
    }

    private static boolean isStrictlyAscending(Object[] values, int n) {
        for (int k = 1; k < n; k++) {
            if (Values.compare(values[k - 1], values[k]) >= 0) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return elems.length;
    }

    public boolean isEmpty() {
        return elems.length == 0;
    }

    /** The k-th smallest element. */
    public Object get(int k) {
        return elems[k];
    }

    public Object first() {
        if (elems.length == 0) {
            throw new DslException("empty set has no first element");
        }
        return elems[0];
    }

    public Object last() {
        if (elems.length == 0) {
            throw new DslException("empty set has no last element");
        }
        return elems[elems.length - 1];
    }

    /** The backing array in ascending order, for read-only use on hot paths. */
    public Object[] elements() {
        return elems;
    }

    public Object[] toArray() {
        return elems.clone();
    }

    public boolean contains(Object value) {
        return indexOf(value) >= 0;
    }

    public int indexOf(Object value) {
        int lo = 0;
        int hi = elems.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Values.compare(elems[mid], value);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    public FSet union(FSet other) {
        if (other.elems.length == 0) {
            return this;
        }
        if (elems.length == 0) {
            return other;
        }
        Object[] a = elems;
        Object[] b = other.elems;
        Object[] out = new Object[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            int c = Values.compare(a[i], b[j]);
            if (c < 0) {
                out[n++] = a[i++];
            } else if (c > 0) {
                out[n++] = b[j++];
            } else {
                out[n++] = a[i++];
                j++;
            }
        }
        while (i < a.length) {
            out[n++] = a[i++];
        }
        while (j < b.length) {
            out[n++] = b[j++];
        }
        return new FSet(n == out.length ? out : Arrays.copyOf(out, n));
    }

    public FSet intersect(FSet other) {
        Object[] a = elems;
        Object[] b = other.elems;
        Object[] out = new Object[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            int c = Values.compare(a[i], b[j]);
            if (c < 0) {
                i++;
            } else if (c > 0) {
                j++;
            } else {
                out[n++] = a[i++];
                j++;
            }
        }
        return n == 0 ? EMPTY : new FSet(n == out.length ? out : Arrays.copyOf(out, n));
    }

    public FSet minus(FSet other) {
        if (other.elems.length == 0 || elems.length == 0) {
            return this;
        }
        Object[] a = elems;
        Object[] b = other.elems;
        Object[] out = new Object[a.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            int c = Values.compare(a[i], b[j]);
            if (c < 0) {
                out[n++] = a[i++];
            } else if (c > 0) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        while (i < a.length) {
            out[n++] = a[i++];
        }
        return n == a.length ? this : (n == 0 ? EMPTY : new FSet(Arrays.copyOf(out, n)));
    }

    /** Proper-or-equal subset test. */
    public boolean isSubsetOf(FSet other) {
        if (elems.length > other.elems.length) {
            return false;
        }
        return intersect(other).size() == elems.length;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < elems.length;
            }

            @Override
            public Object next() {
                if (next >= elems.length) {
                    throw new NoSuchElementException();
                }
                return elems[next++];
            }
        };
    }

    /** Independent of how the set was built: a function of its (sorted) elements only. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 0x5e7;
            for (Object e : elems) {
                h = 31 * h + Values.hash(e);
            }
            if (h == 0) {
                h = 1;
            }
            hash = h;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FSet s) || s.elems.length != elems.length) {
            return false;
        }
        if (hash != 0 && s.hash != 0 && hash != s.hash) {
            return false;
        }
        for (int k = 0; k < elems.length; k++) {
            if (!Values.equal(elems[k], s.elems[k])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return Values.repr(this);
    }
}
