package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Def;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fn;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.IntTuple;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Pieces;
import dev.arclab.dsl.ObjectTuple;
import dev.arclab.dsl.Tuple;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;
import java.util.Arrays;
import java.util.HashSet;

/**
 * Container primitives (dsl-spec §7.2.11-§7.2.32, §7.2.40-§7.2.53): membership, set algebra,
 * kind-preserving filters, scans with Python's {@code <}/{@code >}, and Tuple builders. Result Tuples
 * are built in their fastest form (see {@link #tupleOf}); all forms are equal to the generic one.
 */
public final class Containers {

    /**
     * The largest container a primitive builds. Requests beyond it are DSL errors (after charging
     * fuel), so that an unmetered run never turns an absurd size into a Java OutOfMemoryError.
     */
    static final long MAX_ELEMENTS = 1L << 26;

    private Containers() {
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Charges {@code n} units for building {@code n} elements, before allocating them. */
    static void chargeBuild(long n) {
        Fuel.allocate(n);
        if (n > MAX_ELEMENTS) {
            throw new DslException("container too large: " + n + " elements");
        }
    }

    /** The elements of a container in iteration order (read-only); anything else is an error. */
    static Object[] elems(Object c) {
        return Pieces.elements(c);
    }

    static DslException notIterable(Object v) {
        return DslException.of("'%s' object is not iterable", Values.kindName(v));
    }

    static boolean isContainer(Object v) {
        return v instanceof Tuple || v instanceof FSet;
    }

    /** A Tuple of the first {@code n} items in its fastest form; the array is given up. */
    static Tuple tupleOf(Object[] items, int n) {
        if (n == 0) {
            return ObjectTuple.EMPTY;
        }
        Object f = items[0];
        if (f instanceof Integer) {
            int k = 1;
            while (k < n && items[k] instanceof Integer) {
                k++;
            }
            if (k == n) {
                if (n == 2) {
                    return Pair.of((Integer) items[0], (Integer) items[1]);
                }
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (Integer) items[i];
                }
                return IntTuple.wrap(v);
            }
        } else if (f instanceof IntTuple r0) {
            int cols = r0.size();
            int k = 1;
            while (k < n && items[k] instanceof IntTuple r && r.size() == cols) {
                k++;
            }
            if (k == n) {
                int[] cells = new int[n * cols];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(((IntTuple) items[i]).values(), 0, cells, i * cols, cols);
                }
                return Grid.wrap(n, cols, cells);
            }
        }
        if (n == 2) {
            return Values.tuple2(items[0], items[1]);
        }
        return ObjectTuple.wrap(n == items.length ? items : Arrays.copyOf(items, n));
    }

    static Tuple tupleOf(Object[] items) {
        return tupleOf(items, items.length);
    }

    /** Integers of a Tuple known to hold only Integers (IntTuple or Pair), else null. */
    private static int[] intsOf(Tuple t) {
        if (t instanceof IntTuple it) {
            return it.values();
        }
        if (t instanceof Pair p) {
            return new int[] {p.a, p.b};
        }
        return null;
    }

    private static Tuple intTuple(int[] v) {
        return v.length == 2 ? Pair.of(v[0], v[1]) : IntTuple.wrap(v);
    }

    /** Python's Tuple + Tuple. */
    static Tuple concat(Tuple a, Tuple b) {
        int na = a.size();
        int nb = b.size();
        if (nb == 0) {
            return a;
        }
        if (na == 0) {
            return b;
        }
        if (a instanceof Grid ga && b instanceof Grid gb && ga.cols() == gb.cols()) {
            chargeBuild((long) ga.cells().length + gb.cells().length + na + nb);
            int[] cells = Arrays.copyOf(ga.cells(), ga.cells().length + gb.cells().length);
            System.arraycopy(gb.cells(), 0, cells, ga.cells().length, gb.cells().length);
            return Grid.wrap(na + nb, ga.cols(), cells);
        }
        int[] ia = intsOf(a);
        int[] ib = ia == null ? null : intsOf(b);
        if (ib != null) {
            chargeBuild((long) na + nb);
            int[] v = Arrays.copyOf(ia, na + nb);
            System.arraycopy(ib, 0, v, na, nb);
            return intTuple(v);
        }
        return concat(a, elems(b));
    }

    /** The elements of {@code a} followed by {@code tail}. */
    static Tuple concat(Tuple a, Object[] tail) {
        int na = a.size();
        if (tail.length == 0) {
            return a;
        }
        chargeBuild((long) na + tail.length);
        Object[] out = new Object[na + tail.length];
        System.arraycopy(elems(a), 0, out, 0, na);
        System.arraycopy(tail, 0, out, na, tail.length);
        return tupleOf(out);
    }

    /** Python's Tuple * n (n ≤ 0 gives the empty Tuple). */
    static Tuple repeatTuple(Tuple t, int n) {
        int size = t.size();
        if (n <= 0 || size == 0) {
            return ObjectTuple.EMPTY;
        }
        if (n == 1) {
            return t;
        }
        if (t instanceof Grid g) {
            int[] cells = g.cells();
            chargeBuild(((long) cells.length + size) * n);
            int[] out = new int[cells.length * n];
            for (int k = 0; k < n; k++) {
                System.arraycopy(cells, 0, out, k * cells.length, cells.length);
            }
            return Grid.wrap(size * n, g.cols(), out);
        }
        chargeBuild((long) size * n);
        int[] ints = intsOf(t);
        if (ints != null) {
            int[] out = new int[size * n];
            for (int k = 0; k < n; k++) {
                System.arraycopy(ints, 0, out, k * size, size);
            }
            return intTuple(out);
        }
        Object[] es = elems(t);
        Object[] out = new Object[size * n];
        for (int k = 0; k < n; k++) {
            System.arraycopy(es, 0, out, k * size, size);
        }
        return tupleOf(out);
    }

    /** Python's {@code v in container}: Tuple scan or set lookup; a non-container is an error. */
    static boolean in(Object v, Object container) {
        if (container instanceof FSet s) {
            return s.contains(v);
        }
        if (container instanceof Pair p) {
            return v instanceof Integer i && (i == p.a || i == p.b);
        }
        if (container instanceof IntTuple it) {
            if (!(v instanceof Integer i)) {
                return false;
            }
            for (int x : it.values()) {
                if (x == i) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Grid g) {
            return gridHasRow(g, v);
        }
        if (container instanceof ObjectTuple t) {
            for (Object e : t.items()) {
                if (Values.equal(e, v)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Tuple t) {
            for (int k = 0, n = t.size(); k < n; k++) {
                if (Values.equal(t.get(k), v)) {
                    return true;
                }
            }
            return false;
        }
        throw DslException.of("argument of type '%s' is not iterable", Values.kindName(container));
    }

    private static boolean gridHasRow(Grid g, Object v) {
        if (!(v instanceof Tuple row) || row.size() != g.cols()) {
            return false;
        }
        int cols = g.cols();
        int[] cells = g.cells();
        int[] r = intsOf(row);
        if (r == null) {
            r = new int[cols];
            for (int j = 0; j < cols; j++) {
                if (!(row.get(j) instanceof Integer x)) {
                    return false;
                }
                r[j] = x;
            }
        }
        for (int i = 0; i < g.rows(); i++) {
            if (Arrays.equals(cells, i * cols, (i + 1) * cols, r, 0, cols)) {
                return true;
            }
        }
        return false;
    }

    // ---- equality, membership, set algebra --------------------------------------------------------

    @Def(index = 11, signature = "equality(a: Any, b: Any) -> Boolean",
            summary = "a == b under §2.4 as a Boolean.")
    public static Object equality(Object a, Object b) {
        return Values.bool(Values.equal(a, b));
    }

    @Def(index = 12, signature = "contained(value: Any, container: Container) -> Boolean",
            summary = "Membership test, Boolean.")
    public static Object contained(Object value, Object container) {
        if (container instanceof Tuple t && t.size() > 16) {
            Fuel.charge(t.size());
        }
        return Values.bool(in(value, container));
    }

    @Def(index = 13, signature = "combine(a: Container, b: Container) -> Container",
            summary = "Result kind = kind of a.")
    public static Object combine(Object a, Object b) {
        if (a instanceof FSet s) {
            if (b instanceof FSet t) {
                Fuel.charge((long) s.size() + t.size());
                return s.union(t);
            }
            if (!(b instanceof Tuple bt)) {
                throw notIterable(b);
            }
            if (bt.isEmpty()) {
                return s;
            }
            Fuel.charge((long) s.size() + bt.size());
            return s.union(FSet.fromArray(bt.toArray()));
        }
        if (a instanceof Tuple t) {
            if (b instanceof Tuple u) {
                return concat(t, u);
            }
            if (b instanceof FSet s) {
                return concat(t, s.elements());
            }
            throw notIterable(b);
        }
        throw notIterable(a);
    }

    @Def(index = 14, signature = "intersection(a: FrozenSet, b: FrozenSet) -> FrozenSet",
            summary = "Both arguments must be FrozenSets.")
    public static Object intersection(Object a, Object b) {
        if (a instanceof FSet s && b instanceof FSet t) {
            Fuel.charge((long) s.size() + t.size());
            return s.intersect(t);
        }
        throw DslException.of("unsupported operand type(s) for &: '%s' and '%s'", Values.kindName(a),
                Values.kindName(b));
    }

    /** Many lookups in a long Tuple go through a hash set (consistent with §2.4 equality). */
    private static Object lookup(Object b, int lookups) {
        if (b instanceof ObjectTuple t && t.size() > 8 && lookups > 8) {
            return new HashSet<>(Arrays.asList(t.items()));
        }
        return b;
    }

    private static boolean member(Object v, Object lookup) {
        if (lookup instanceof HashSet<?> h) {
            return h.contains(v);
        }
        return in(v, lookup);
    }

    @Def(index = 15, signature = "difference(a: FrozenSet, b: FrozenSet) -> FrozenSet",
            summary = "Result kind = kind of a.")
    public static Object difference(Object a, Object b) {
        if (a instanceof FSet s) {
            if (s.isEmpty()) {
                return s;
            }
            if (b instanceof FSet t) {
                Fuel.charge((long) s.size() + t.size());
                return s.minus(t);
            }
            if (!(b instanceof Tuple)) {
                throw DslException.of("argument of type '%s' is not iterable", Values.kindName(b));
            }
            Object[] es = s.elements();
            Fuel.charge(es.length);
            Object look = lookup(b, es.length);
            Object[] out = new Object[es.length];
            int n = 0;
            for (Object e : es) {
                if (!member(e, look)) {
                    out[n++] = e;
                }
            }
            return n == es.length ? s : FSet.wrapSorted(Arrays.copyOf(out, n));
        }
        if (a instanceof Tuple t) {
            if (t.isEmpty()) {
                return t;
            }
            Object[] es = elems(t);
            Fuel.charge(es.length);
            Object look = lookup(b, es.length);
            Object[] out = new Object[es.length];
            int n = 0;
            for (Object e : es) {
                if (!member(e, look)) {
                    out[n++] = e;
                }
            }
            return n == es.length ? t : tupleOf(out, n);
        }
        throw notIterable(a);
    }

    @Def(index = 16, signature = "dedupe(tup: Tuple) -> Tuple",
            summary = "Argument must be a Tuple.")
    public static Object dedupe(Object tup) {
        if (tup instanceof FSet s) {
            if (s.isEmpty()) {
                return ObjectTuple.EMPTY;
            }
            throw new DslException("'frozenset' object has no attribute 'index'");
        }
        if (!(tup instanceof Tuple t)) {
            throw notIterable(tup);
        }
        Object[] es = elems(t);
        int len = es.length;
        Fuel.charge(len);
        Object[] out = new Object[len];
        int n = 0;
        if (len <= 16) {
            outer:
            for (Object e : es) {
                for (int k = 0; k < n; k++) {
                    if (Values.equal(out[k], e)) {
                        continue outer;
                    }
                }
                out[n++] = e;
            }
        } else {
            HashSet<Object> seen = new HashSet<>();
            for (Object e : es) {
                if (seen.add(e)) {
                    out[n++] = e;
                }
            }
        }
        return n == len ? t : tupleOf(out, n);
    }

    // ---- sorting ---------------------------------------------------------------------------------

    @Def(index = 17, signature = "order(container: Container, compfunc: Callable) -> Tuple",
            summary = "Returns a Tuple of all elements sorted ascending by the key compfunc(e).")
    public static Object order(Object container, Object compfunc) {
        Object[] es = elems(container);
        int n = es.length;
        if (n == 0) {
            return ObjectTuple.EMPTY;
        }
        Fn f = Values.toFn(compfunc);
        Object[] keys = new Object[n];
        boolean allInts = true;
        for (int k = 0; k < n; k++) {
            keys[k] = f.call1(es[k]);
            allInts &= keys[k] instanceof Integer;
        }
        Fuel.charge(n);
        Object[] out = new Object[n];
        if (n == 1) {
            out[0] = es[0];
        } else if (allInts) {
            long[] packed = new long[n];
            for (int k = 0; k < n; k++) {
                packed[k] = ((long) (Integer) keys[k] << 32) | k;
            }
            Arrays.sort(packed);
            for (int k = 0; k < n; k++) {
                out[k] = es[(int) packed[k]];
            }
        } else {
            int[] idx = pySortIndices(keys);
            for (int k = 0; k < n; k++) {
                out[k] = es[idx[k]];
            }
        }
        return tupleOf(out);
    }

    /**
     * Indices of {@code keys} in the order of Python's stable {@code sorted}, comparing with {@code <}
     * only. Below 64 keys this is CPython's own procedure (initial run + binary insertion), so even
     * partial orders (set keys) and incomparable keys behave as in the reference; above it a stable
     * merge sort, which agrees with CPython for every total order.
     */
    static int[] pySortIndices(Object[] keys) {
        int n = keys.length;
        Object[] k = keys.clone();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (n < 2) {
            return idx;
        }
        if (n >= 64) {
            mergeSort(k, idx, new Object[n], new int[n], 0, n);
            return idx;
        }
        // count_run
        int run = 2;
        if (Values.less(k[1], k[0])) {
            while (run < n && Values.less(k[run], k[run - 1])) {
                run++;
            }
            for (int lo = 0, hi = run - 1; lo < hi; lo++, hi--) {
                Object tk = k[lo];
                k[lo] = k[hi];
                k[hi] = tk;
                int ti = idx[lo];
                idx[lo] = idx[hi];
                idx[hi] = ti;
            }
        } else {
            while (run < n && !Values.less(k[run], k[run - 1])) {
                run++;
            }
        }
        // binarysort(lo = 0, hi = n, start = run)
        for (int start = run; start < n; start++) {
            Object pivot = k[start];
            int pivotIdx = idx[start];
            int l = 0;
            int r = start;
            do {
                int p = l + ((r - l) >> 1);
                if (Values.less(pivot, k[p])) {
                    r = p;
                } else {
                    l = p + 1;
                }
            } while (l < r);
            for (int p = start; p > l; p--) {
                k[p] = k[p - 1];
                idx[p] = idx[p - 1];
            }
            k[l] = pivot;
            idx[l] = pivotIdx;
        }
        return idx;
    }

    private static void mergeSort(Object[] k, int[] idx, Object[] tk, int[] ti, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(k, idx, tk, ti, lo, mid);
        mergeSort(k, idx, tk, ti, mid, hi);
        System.arraycopy(k, lo, tk, lo, hi - lo);
        System.arraycopy(idx, lo, ti, lo, hi - lo);
        int i = lo;
        int j = mid;
        int w = lo;
        while (i < mid && j < hi) {
            if (Values.less(tk[j], tk[i])) {
                k[w] = tk[j];
                idx[w++] = ti[j++];
            } else {
                k[w] = tk[i];
                idx[w++] = ti[i++];
            }
        }
        while (i < mid) {
            k[w] = tk[i];
            idx[w++] = ti[i++];
        }
        while (j < hi) {
            k[w] = tk[j];
            idx[w++] = ti[j++];
        }
    }

    // ---- builders of Tuples ----------------------------------------------------------------------

    @Def(index = 18, signature = "repeat(item: Any, num: Integer) -> Tuple",
            summary = "Tuple containing num copies of item.")
    public static Object repeat(Object item, Object num) {
        if (!(num instanceof Integer count)) {
            throw DslException.of("'%s' object cannot be interpreted as an integer", Values.kindName(num));
        }
        int n = count;
        if (n <= 0) {
            return ObjectTuple.EMPTY;
        }
        chargeBuild(n);
        if (item instanceof Integer v) {
            int[] out = new int[n];
            Arrays.fill(out, v);
            return intTuple(out);
        }
        if (item instanceof IntTuple row) {
            int cols = row.size();
            chargeBuild((long) n * cols);
            int[] cells = new int[n * cols];
            for (int i = 0; i < n; i++) {
                System.arraycopy(row.values(), 0, cells, i * cols, cols);
            }
            return Grid.wrap(n, cols, cells);
        }
        Object[] out = new Object[n];
        Arrays.fill(out, item);
        return n == 2 ? Values.tuple2(item, item) : ObjectTuple.wrap(out);
    }

    @Def(index = 49, signature = "interval(start: Integer, stop: Integer, step: Integer) -> Tuple",
            summary = "Python range(start, stop, step) as a Tuple.")
    public static Object interval(Object start, Object stop, Object step) {
        if (!(start instanceof Integer a) || !(stop instanceof Integer b) || !(step instanceof Integer s)) {
            throw new DslException("interval needs Integer start, stop and step");
        }
        if (s == 0) {
            throw new DslException("range() arg 3 must not be zero");
        }
        long len;
        if (s > 0) {
            len = a < b ? ((long) b - a + s - 1) / s : 0;
        } else {
            len = a > b ? ((long) a - b - s - 1) / -(long) s : 0;
        }
        if (len == 0) {
            return ObjectTuple.EMPTY;
        }
        chargeBuild(len);
        int[] out = new int[(int) len];
        long v = a;
        for (int k = 0; k < out.length; k++, v += s) {
            out[k] = (int) v;
        }
        return intTuple(out);
    }

    @Def(index = 50, signature = "astuple(a: Integer, b: Integer) -> IntegerTuple",
            summary = "The pair (a, b).")
    public static Object astuple(Object a, Object b) {
        return Values.tuple2(a, b);
    }

    @Def(index = 43, signature = "totuple(container: FrozenSet) -> Tuple",
            summary = "Tuple of the elements in iteration order.")
    public static Object totuple(Object container) {
        if (container instanceof Tuple t) {
            return t;
        }
        if (container instanceof FSet s) {
            Fuel.charge(s.size());
            return tupleOf(s.toArray());
        }
        throw notIterable(container);
    }

    @Def(index = 51, signature = "product(a: Container, b: Container) -> FrozenSet",
            summary = "FrozenSet of all pairs (x, y) with x from a and y from b.")
    public static Object product(Object a, Object b) {
        Object[] ea = elems(a);
        Object[] eb = elems(b);
        long n = (long) ea.length * eb.length;
        if (n == 0) {
            return FSet.EMPTY;
        }
        chargeBuild(n);
        Object[] out = new Object[(int) n];
        int w = 0;
        for (Object x : ea) {
            for (Object y : eb) {
                out[w++] = Values.tuple2(x, y);
            }
        }
        // Pairs of two ascending, duplicate-free sequences come out x-major in ascending order.
        return a instanceof FSet && b instanceof FSet ? FSet.wrapSorted(out) : FSet.fromArray(out);
    }

    @Def(index = 52, signature = "pair(a: Tuple, b: Tuple) -> TupleTuple",
            summary = "Zips two containers.")
    public static Object pair(Object a, Object b) {
        Object[] ea = elems(a);
        Object[] eb = elems(b);
        int n = Math.min(ea.length, eb.length);
        if (n == 0) {
            return ObjectTuple.EMPTY;
        }
        chargeBuild(n);
        Object[] out = new Object[n];
        for (int k = 0; k < n; k++) {
            out[k] = Values.tuple2(ea[k], eb[k]);
        }
        return tupleOf(out);
    }

    // ---- sizes and scans -------------------------------------------------------------------------

    @Def(index = 19, signature = "greater(a: Integer, b: Integer) -> Boolean",
            summary = "a > b (§3.6) as a Boolean.")
    public static Object greater(Object a, Object b) {
        if (a instanceof Integer x && b instanceof Integer y) {
            return Values.bool(x > y);
        }
        return Values.bool(Values.greater(a, b));
    }

    @Def(index = 20, signature = "size(container: Container) -> Integer",
            summary = "Number of elements.")
    public static Object size(Object container) {
        return Pieces.len(container);
    }

    /** Python's {@code key > best} (max) or {@code key < best} (min). */
    static boolean better(Object key, Object best, boolean max) {
        if (key instanceof Integer x && best instanceof Integer y) {
            return max ? x > y : x < y;
        }
        return max ? Values.greater(key, best) : Values.less(key, best);
    }

    private static Object extreme(Object container, boolean max) {
        if (container instanceof FSet s && !s.isEmpty() && s.first() instanceof Integer
                && s.last() instanceof Integer) {
            // Integers rank between None and Tuples: a set starting and ending with one holds only Integers.
            return max ? s.last() : s.first();
        }
        if (container instanceof IntTuple it && it.size() > 0) {
            int[] v = it.values();
            Fuel.charge(v.length);
            int best = v[0];
            for (int x : v) {
                best = max ? Math.max(best, x) : Math.min(best, x);
            }
            return best;
        }
        Object[] es = elems(container);
        if (es.length == 0) {
            return 0;
        }
        Fuel.charge(es.length);
        Object best = es[0];
        for (int k = 1; k < es.length; k++) {
            if (better(es[k], best, max)) {
                best = es[k];
            }
        }
        return best;
    }

    @Def(index = 22, signature = "maximum(container: IntegerSet) -> Integer",
            summary = "Largest element by Python > (Integers.")
    public static Object maximum(Object container) {
        return extreme(container, true);
    }

    @Def(index = 23, signature = "minimum(container: IntegerSet) -> Integer",
            summary = "Smallest element by Python <.")
    public static Object minimum(Object container) {
        return extreme(container, false);
    }

    /**
     * The max/min scan of §3.7 over non-empty elements: returns {element, key} of the first element
     * whose key is not beaten by a later one.
     */
    private static Object[] scan(Object[] es, Fn f, boolean max) {
        Fuel.charge(es.length);
        Object best = es[0];
        Object bestKey = f.call1(best);
        for (int k = 1; k < es.length; k++) {
            Object key = f.call1(es[k]);
            if (better(key, bestKey, max)) {
                best = es[k];
                bestKey = key;
            }
        }
        return new Object[] {best, bestKey};
    }

    private static Object val(Object container, Object compfunc, boolean max) {
        Object[] es = elems(container);
        Fn f = Values.toFn(compfunc);
        if (es.length == 0) {
            return f.call1(0);
        }
        return scan(es, f, max)[1];
    }

    private static Object arg(Object container, Object compfunc, boolean max) {
        Object[] es = elems(container);
        if (es.length == 0) {
            throw new DslException(max ? "max() arg is an empty sequence" : "min() arg is an empty sequence");
        }
        return scan(es, Values.toFn(compfunc), max)[0];
    }

    @Def(index = 24, signature = "valmax(container: Container, compfunc: Callable) -> Integer",
            summary = "Find the element with the largest key (scan rule of §3.7.")
    public static Object valmax(Object container, Object compfunc) {
        return val(container, compfunc, true);
    }

    @Def(index = 25, signature = "valmin(container: Container, compfunc: Callable) -> Integer",
            summary = "As valmax with the smallest key.")
    public static Object valmin(Object container, Object compfunc) {
        return val(container, compfunc, false);
    }

    @Def(index = 26, signature = "argmax(container: Container, compfunc: Callable) -> Any",
            summary = "The element with the largest key compfunc(e), scanning in iteration order and replacing the current best only when a later key is strictly greater (§3.7).")
    public static Object argmax(Object container, Object compfunc) {
        return arg(container, compfunc, true);
    }

    @Def(index = 27, signature = "argmin(container: Container, compfunc: Callable) -> Any",
            summary = "As argmax with \"strictly smaller\".")
    public static Object argmin(Object container, Object compfunc) {
        return arg(container, compfunc, false);
    }

    private static Object commonest(Object container, boolean most) {
        if (container instanceof FSet) {
            throw new DslException("'frozenset' object has no attribute 'count'");
        }
        if (!(container instanceof Tuple)) {
            throw notIterable(container);
        }
        return Pieces.commonest(elems(container), most);
    }

    @Def(index = 28, signature = "mostcommon(container: Container) -> Any",
            summary = "The argument must be a Tuple (FrozenSet → ERROR.")
    public static Object mostcommon(Object container) {
        return commonest(container, true);
    }

    @Def(index = 29, signature = "leastcommon(container: Container) -> Any",
            summary = "As mostcommon but the lowest count.")
    public static Object leastcommon(Object container) {
        return commonest(container, false);
    }

    // ---- merge -----------------------------------------------------------------------------------

    @Def(index = 21, signature = "merge(containers: ContainerContainer) -> Container",
            summary = "Flattens one level.")
    public static Object merge(Object containers) {
        if (containers instanceof FSet s) {
            Object[] outer = s.elements();
            if (outer.length == 0) {
                return FSet.EMPTY;
            }
            if (outer.length == 1 && outer[0] instanceof FSet only) {
                Fuel.charge(only.size());
                return only;
            }
            return unionOf(outer);
        }
        if (containers instanceof Grid g) {
            chargeBuild(g.cells().length);
            return intTuple(g.cells().clone());
        }
        if (containers instanceof Tuple t) {
            return concatAll(elems(t));
        }
        throw notIterable(containers);
    }

    /** Python's merge of a Tuple of containers: every element of each, in order. */
    static Tuple concatAll(Object[] outer) {
        if (outer.length == 0) {
            return ObjectTuple.EMPTY;
        }
        Object[][] parts = new Object[outer.length][];
        long total = 0;
        for (int k = 0; k < outer.length; k++) {
            parts[k] = elems(outer[k]);
            total += parts[k].length;
        }
        chargeBuild(total);
        Object[] all = new Object[(int) total];
        int w = 0;
        for (Object[] p : parts) {
            System.arraycopy(p, 0, all, w, p.length);
            w += p.length;
        }
        return tupleOf(all);
    }

    // ---- logic -----------------------------------------------------------------------------------

    @Def(index = 30, signature = "initset(value: Any) -> FrozenSet",
            summary = "FrozenSet containing exactly value.")
    public static Object initset(Object value) {
        return FSet.wrapSorted(new Object[] {value});
    }

    @Def(index = 31, signature = "both(a: Boolean, b: Boolean) -> Boolean",
            summary = "Python a and b.")
    public static Object both(Object a, Object b) {
        return Values.truthy(a) ? b : a;
    }

    @Def(index = 32, signature = "either(a: Boolean, b: Boolean) -> Boolean",
            summary = "Python a or b.")
    public static Object either(Object a, Object b) {
        return Values.truthy(a) ? a : b;
    }

    @Def(index = 53, signature = "branch(condition: Boolean, a: Any, b: Any) -> Any",
            summary = "Returns a if condition is truthy, else b.")
    public static Object branch(Object condition, Object a, Object b) {
        return Values.truthy(condition) ? a : b;
    }

    // ---- filters and picks -----------------------------------------------------------------------

    @Def(index = 40, signature = "sfilter(container: Container, condition: Callable) -> Container",
            summary = "Keeps the elements e for which condition(e) is truthy.")
    public static Object sfilter(Object container, Object condition) {
        Object[] es = elems(container);
        int len = es.length;
        if (len == 0) {
            return container;
        }
        Fn f = Values.toFn(condition);
        Fuel.charge(len);
        Object[] out = new Object[len];
        int n = 0;
        for (Object e : es) {
            if (Values.truthy(f.call1(e))) {
                out[n++] = e;
            }
        }
        if (n == len) {
            return container;
        }
        if (container instanceof FSet) {
            return FSet.wrapSorted(Arrays.copyOf(out, n));
        }
        return tupleOf(out, n);
    }

    @Def(index = 41, signature = "mfilter(container: Container, function: Callable) -> FrozenSet",
            summary = "merge(sfilter(container, function)).")
    public static Object mfilter(Object container, Object function) {
        return merge(sfilter(container, function));
    }

    @Def(index = 42, signature = "extract(container: Container, condition: Callable) -> Any",
            summary = "The first element in iteration order for which condition is truthy (for a FrozenSet.")
    public static Object extract(Object container, Object condition) {
        Object[] es = elems(container);
        if (es.length > 0) {
            Fn f = Values.toFn(condition);
            for (int k = 0; k < es.length; k++) {
                if (Values.truthy(f.call1(es[k]))) {
                    Fuel.charge(k + 1);
                    return es[k];
                }
            }
            Fuel.charge(es.length);
        }
        throw new DslException("extract: no element satisfies the condition");
    }

    @Def(index = 44, signature = "first(container: Container) -> Any",
            summary = "First element in iteration order (FrozenSet.")
    public static Object first(Object container) {
        if (container instanceof FSet s) {
            if (s.isEmpty()) {
                throw new DslException("first of an empty container");
            }
            return s.first();
        }
        if (container instanceof Tuple t) {
            if (t.isEmpty()) {
                throw new DslException("first of an empty container");
            }
            return t.get(0);
        }
        throw notIterable(container);
    }

    @Def(index = 45, signature = "last(container: Container) -> Any",
            summary = "Last element in iteration order (FrozenSet.")
    public static Object last(Object container) {
        if (container instanceof FSet s) {
            if (s.isEmpty()) {
                throw new DslException("last of an empty container");
            }
            return s.last();
        }
        if (container instanceof Tuple t) {
            if (t.isEmpty()) {
                throw new DslException("last of an empty container");
            }
            return t.get(t.size() - 1);
        }
        throw notIterable(container);
    }

    @Def(index = 46, signature = "insert(value: Any, container: FrozenSet) -> FrozenSet",
            summary = "container must be a FrozenSet (Tuple → ERROR).")
    public static Object insert(Object value, Object container) {
        if (!(container instanceof FSet s)) {
            throw DslException.of("'%s' object has no attribute 'union'", Values.kindName(container));
        }
        Object[] es = s.elements();
        int lo = 0;
        int hi = es.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Values.compare(es[mid], value);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return s;
            }
        }
        Fuel.charge(es.length);
        Object[] out = new Object[es.length + 1];
        System.arraycopy(es, 0, out, 0, lo);
        out[lo] = value;
        System.arraycopy(es, lo, out, lo + 1, es.length - lo);
        return FSet.wrapSorted(out);
    }

    @Def(index = 47, signature = "remove(value: Any, container: Container) -> Container",
            summary = "Result kind = kind of container.")
    public static Object remove(Object value, Object container) {
        if (container instanceof FSet s) {
            int at = s.indexOf(value);
            if (at < 0) {
                return s;
            }
            Object[] es = s.elements();
            Fuel.charge(es.length);
            Object[] out = new Object[es.length - 1];
            System.arraycopy(es, 0, out, 0, at);
            System.arraycopy(es, at + 1, out, at, es.length - at - 1);
            return FSet.wrapSorted(out);
        }
        if (container instanceof Tuple t) {
            Object[] es = elems(t);
            Fuel.charge(es.length);
            Object[] out = new Object[es.length];
            int n = 0;
            for (Object e : es) {
                if (!Values.equal(e, value)) {
                    out[n++] = e;
                }
            }
            return n == es.length ? t : tupleOf(out, n);
        }
        throw notIterable(container);
    }

    @Def(index = 48, signature = "other(container: Container, value: Any) -> Any",
            summary = "first(remove(value, container)).")
    public static Object other(Object container, Object value) {
        Object[] es = elems(container);
        for (Object e : es) {
            if (!Values.equal(e, value)) {
                return e;
            }
        }
        throw new DslException("other: no element differs from the value");
    }

    /** The FrozenSet of the elements of all the given containers (merge of a FrozenSet of containers). */
    static FSet unionOf(Object[] containers) {
        FSet[] sets = new FSet[containers.length];
        long size = 0;
        for (int k = 0; k < containers.length && (k == 0 || sets[k - 1] != null); k++) {
            sets[k] = containers[k] instanceof FSet s ? s : null;
            size += sets[k] == null ? 0 : sets[k].size();
        }
        if (containers.length > 0 && sets[containers.length - 1] != null) {
            // sets only (mapply, merge of sets of patches): merged by their keys where they are locations
            chargeBuild(size);
            return FSet.unionAll(sets, size);
        }
        Object[][] parts = new Object[containers.length][];
        long total = 0;
        for (int k = 0; k < containers.length; k++) {
            parts[k] = elems(containers[k]);
            total += parts[k].length;
        }
        chargeBuild(total);
        Object[] all = new Object[(int) total];
        int w = 0;
        for (Object[] p : parts) {
            System.arraycopy(p, 0, all, w, p.length);
            w += p.length;
        }
        return FSet.fromArray(all);
    }
}
