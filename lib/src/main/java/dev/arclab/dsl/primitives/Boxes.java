package dev.arclab.dsl.primitives;

import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.Def;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Pieces;
import dev.arclab.dsl.Tuple;
import dev.arclab.dsl.Values;

/**
 * Geometry primitives that build sets of locations: corners, lines ({@code connect}, {@code shoot},
 * frontiers) and boxes ({@code backdrop}, {@code delta}, {@code inbox}, {@code outbox}, {@code box}).
 * Every result is produced in canonical (row-major) order and charged before it is allocated.
 */
public final class Boxes {
    private Boxes() {
    }

    /** Results larger than this are refused (the reference would exhaust memory). */
    static final long MAX_LOCATIONS = 1L << 26;

    /** Cached frontiers for small coordinates: 30-location sets are built very often. */
    private static final int CACHE_LO = -64;
    private static final int CACHE_HI = 128;
    private static final FSet[] VFRONTIERS = new FSet[CACHE_HI - CACHE_LO];
    private static final FSet[] HFRONTIERS = new FSet[CACHE_HI - CACHE_LO];

    private static void charge(long n) {
        if (n > MAX_LOCATIONS) {
            throw DslException.of("MemoryError: %s locations", n);
        }
        Fuel.allocate(n);
    }

    /** Element {@code k} of an indexable value (a Tuple); anything else is an error. */
    private static Object item(Object v, int k) {
        if (v instanceof Pair p) {
            return k == 0 ? (Object) p.a : (Object) p.b;
        }
        if (v instanceof Tuple t) {
            return t.get(k);
        }
        throw DslException.of("'%s' object is not subscriptable", Values.kindName(v));
    }

    /** {@code x, y = v}: exactly two Integers. */
    private static int[] unpack2(Object v) {
        if (v instanceof Pair p) {
            return new int[] {p.a, p.b};
        }
        Object[] es;
        if (v instanceof Tuple || v instanceof FSet) {
            es = Pieces.elements(v);
        } else {
            throw DslException.of("cannot unpack non-iterable %s", Values.kindName(v));
        }
        if (es.length != 2) {
            throw DslException.of("expected 2 values to unpack, got %s", es.length);
        }
        return new int[] {Values.toInt(es[0]), Values.toInt(es[1])};
    }

    // ---- corners ---------------------------------------------------------------------------------

    @Def(index = 138, signature = "corners(patch: Patch) -> Indices",
            summary = "FrozenSet {ulcorner, urcorner, llcorner, lrcorner} (collapses to 2 or 1 locations for lines and single cells).")
    public static Object corners(Object patch) {
        if (patch instanceof FSet s && s.size() > 0 && s.elementKind() != 0) {
            int[] b = Geometry.bounds(patch);
            return FSet.fromArray(new Object[] {
                Pair.of(b[0], b[1]), Pair.of(b[0], b[3]), Pair.of(b[2], b[1]), Pair.of(b[2], b[3])});
        }
        Object ul = Geometry.ulcorner(patch);
        Object ur = Geometry.urcorner(patch);
        Object ll = Geometry.llcorner(patch);
        Object lr = Geometry.lrcorner(patch);
        return FSet.fromArray(new Object[] {ul, ur, ll, lr});
    }

    // ---- lines ------------------------------------------------------------------------------------

    @Def(index = 139, signature = "connect(a: IntegerTuple, b: IntegerTuple) -> Indices",
            summary = "Let a = (ai, aj), b = (bi, bj), si = min(ai, bi), ei = max(ai, bi), sj = min(aj, bj), ej = max(aj, bj).")
    public static Object connect(Object a, Object b) {
        int[] pa = unpack2(a);
        int[] pb = unpack2(b);
        return line(pa[0], pa[1], pb[0], pb[1]);
    }

    /** {@code connect} of two locations: a horizontal, vertical or diagonal segment, else {}. */
    static FSet line(int ai, int aj, int bi, int bj) {
        long key = ShapeCache.key(ai, aj, bi, bj);
        FSet kept = LINES.get(key);
        if (kept != null) {
            if (!kept.isEmpty()) {
                charge(kept.size()); // as building it
            }
            return kept;
        }
        return LINES.put(key, buildLine(ai, aj, bi, bj));
    }

    private static FSet buildLine(int ai, int aj, int bi, int bj) {
        int si = Math.min(ai, bi);
        int ei = Math.max(ai, bi);
        int sj = Math.min(aj, bj);
        int ej = Math.max(aj, bj);
        if (ai == bi) {
            int n = count((long) ej - sj + 1);
            Object[] out = new Object[n];
            Pair.row(ai, sj, n, out, 0);
            return FSet.wrapSorted(out, FSet.PAIRS);
        }
        if (aj == bj) {
            int n = count((long) ei - si + 1);
            Object[] out = new Object[n];
            for (int k = 0; k < n; k++) {
                out[k] = Pair.of(si + k, aj);
            }
            return FSet.wrapSorted(out, FSet.PAIRS);
        }
        long di = (long) bi - ai;
        if (di == (long) bj - aj) {
            int n = count((long) ei - si + 1);
            Object[] out = new Object[n];
            for (int k = 0; k < n; k++) {
                out[k] = Pair.of(si + k, sj + k);
            }
            return FSet.wrapSorted(out, FSet.PAIRS);
        }
        if (di == (long) aj - bj) {
            int n = count((long) ei - si + 1);
            Object[] out = new Object[n];
            for (int k = 0; k < n; k++) {
                out[k] = Pair.of(si + k, ej - k);
            }
            return FSet.wrapSorted(out, FSet.PAIRS);
        }
        return FSet.EMPTY;
    }

    private static int count(long n) {
        charge(n);
        return (int) n;
    }

    @Def(index = 155, signature = "shoot(start: IntegerTuple, direction: IntegerTuple) -> Indices",
            summary = "connect(start, (start[0] + 42direction[0], start[1] + 42direction[1])).")
    public static Object shoot(Object start, Object direction) {
        int s0 = Values.toInt(item(start, 0));
        int d0 = Values.toInt(item(direction, 0));
        long e0 = s0 + 42L * d0;
        int s1 = Values.toInt(item(start, 1));
        int d1 = Values.toInt(item(direction, 1));
        long e1 = s1 + 42L * d1;
        int[] a = unpack2(start);
        if (e0 != (int) e0 || e1 != (int) e1) {
            throw DslException.of("shoot target out of range: (%s, %s)", e0, e1);
        }
        return line(a[0], a[1], (int) e0, (int) e1);
    }

    @Def(index = 147, signature = "vfrontier(location: IntegerTuple) -> Indices",
            summary = "The 30 locations {(i, location[1]) | 0 <= i <= 29} (column of a 30-row canvas.")
    public static Object vfrontier(Object location) {
        Object v = item(location, 1);
        if (v instanceof Integer j && j >= CACHE_LO && j < CACHE_HI) {
            FSet f = VFRONTIERS[j - CACHE_LO];
            if (f == null) {
                f = frontier(v, true);
                VFRONTIERS[j - CACHE_LO] = f;
            }
            Fuel.charge(30);
            return f;
        }
        Fuel.charge(30);
        return frontier(v, true);
    }

    @Def(index = 148, signature = "hfrontier(location: IntegerTuple) -> Indices",
            summary = "The 30 locations {(location[0], j) | 0 <= j <= 29}.")
    public static Object hfrontier(Object location) {
        Object v = item(location, 0);
        if (v instanceof Integer i && i >= CACHE_LO && i < CACHE_HI) {
            FSet f = HFRONTIERS[i - CACHE_LO];
            if (f == null) {
                f = frontier(v, false);
                HFRONTIERS[i - CACHE_LO] = f;
            }
            Fuel.charge(30);
            return f;
        }
        Fuel.charge(30);
        return frontier(v, false);
    }

    /** {(k, v) | 0 <= k < 30} (vertical) or {(v, k) | 0 <= k < 30}: ascending either way. */
    private static FSet frontier(Object v, boolean vertical) {
        Object[] out = new Object[30];
        for (int k = 0; k < 30; k++) {
            out[k] = vertical ? Values.tuple2(k, v) : Values.tuple2(v, k);
        }
        return FSet.wrapSorted(out);
    }

    // ---- boxes ------------------------------------------------------------------------------------

    /** {upper-left i, j, lower-right i, j} by the reference's ulcorner/lrcorner rule, unpacked as pairs. */
    private static int[] cornerBounds(Object patch) {
        if (patch instanceof FSet s && s.size() > 0 && s.elementKind() != 0) {
            int[] b = Geometry.bounds(patch);
            return new int[] {b[0], b[1], b[2], b[3]};
        }
        int[] ul = unpack2(Geometry.ulcorner(patch));
        int[] lr = unpack2(Geometry.lrcorner(patch));
        return new int[] {ul[0], ul[1], lr[0], lr[1]};
    }

    @Def(index = 149, signature = "backdrop(patch: Patch) -> Indices",
            summary = "Empty → {}.")
    public static Object backdrop(Object patch) {
        if (Pieces.len(patch) == 0) {
            return FSet.EMPTY;
        }
        // the bounds of a set's locations are cached on it: no need to build its indices first
        int[] c = cornerBounds(patch instanceof FSet s && s.elementKind() != 0 ? patch : Geometry.toindices(patch));
        return rect(c[0], c[2], c[1], c[3]);
    }

    /** All locations of rows {@code si..ei} × columns {@code sj..ej}, row-major. */
    static FSet rect(int si, int ei, int sj, int ej) {
        long h = Math.max(0, (long) ei - si + 1);
        long w = Math.max(0, (long) ej - sj + 1);
        int n = count(h * w);
        long key = ShapeCache.key(si, ei, sj, ej);
        FSet kept = RECTS.get(key);
        if (kept != null) {
            return kept;
        }
        return RECTS.put(key, buildRect(si, sj, h, w, n));
    }

    /** Boxes, outlines and lines built before (the same ones recur across a search's candidates). */
    private static final ShapeCache RECTS = new ShapeCache(13);
    private static final ShapeCache OUTLINES = new ShapeCache(13);
    private static final ShapeCache LINES = new ShapeCache(13);

    private static FSet buildRect(int si, int sj, long h, long w, int n) {
        Object[] out = new Object[n];
        int k = 0;
        for (int di = 0; di < h; di++) {
            Pair.row(si + di, sj, (int) w, out, k);
            k += (int) w;
        }
        return FSet.wrapSorted(out, FSet.PAIRS);
    }

    @Def(index = 150, signature = "delta(patch: Patch) -> Indices",
            summary = "Empty → {}.")
    public static Object delta(Object patch) {
        if (Pieces.len(patch) == 0) {
            return FSet.EMPTY;
        }
        if (patch instanceof FSet s && (s.elementKind() == FSet.PAIRS || isUnivaluedObject(s))) {
            return deltaRowMajor(s);
        }
        if (patch instanceof FSet s && s.elementKind() != 0) {
            int[] b = Geometry.bounds(patch);
            long h = (long) b[2] - b[0] + 1;
            long w = (long) b[3] - b[1] + 1;
            charge(h * w);
            int hh = (int) h;
            int ww = (int) w;
            boolean[] filled = new boolean[hh * ww];
            int[] l = Geometry.locs(patch);
            int holes = hh * ww;
            for (int k = 0; k < l.length; k += 2) {
                int at = (l[k] - b[0]) * ww + (l[k + 1] - b[1]);
                if (!filled[at]) {
                    filled[at] = true;
                    holes--;
                }
            }
            Object[] out = new Object[holes];
            int n = 0;
            for (int i = 0; i < hh && n < holes; i++) {
                int row = i * ww;
                for (int j = 0; j < ww; ) {
                    if (filled[row + j]) {
                        j++;
                        continue;
                    }
                    int run = j + 1; // a run of holes: one copy of shared Pairs
                    while (run < ww && !filled[row + run]) {
                        run++;
                    }
                    Pair.row(b[0] + i, b[1] + j, run - j, out, n);
                    n += run - j;
                    j = run;
                }
            }
            return FSet.wrapSorted(out, FSet.PAIRS);
        }
        FSet back = (FSet) backdrop(patch);
        Object ind = Geometry.toindices(patch);
        if (!(ind instanceof FSet indices)) {
            throw DslException.of("unsupported operand type(s) for -: 'frozenset' and '%s'", Values.kindName(ind));
        }
        return back.minus(indices);
    }

    /** A set of ColoredLocations of one colour (sorted by colour first: the first and the last have the same). */
    private static boolean isUnivaluedObject(FSet s) {
        if (s.elementKind() != FSet.COLORED_LOCATIONS) {
            return false;
        }
        Object[] es = s.elements();
        return ((ColoredLocation) es[0]).color == ((ColoredLocation) es[es.length - 1]).color;
    }

    /**
     * {@code delta} of Indices or of an object of one colour: their locations are sorted row-major, so the holes of
     * each row are the gaps between its consecutive locations, each one run of shared Pairs (no grid of flags).
     * Charged as the general path.
     */
    private static FSet deltaRowMajor(FSet s) {
        boolean pairs = s.elementKind() == FSet.PAIRS;
        int[] b = Geometry.bounds(s);
        long h = (long) b[2] - b[0] + 1;
        long w = (long) b[3] - b[1] + 1;
        charge(h * w);
        Object[] es = s.elements();
        int n = es.length;
        Fuel.charge(n); // as the general path's unpacking of the locations
        int hh = (int) h;
        int holes = (int) (h * w) - n;
        Object[] out = new Object[holes];
        int o = 0;
        int k = 0;
        for (int r = 0; r < hh && o < holes; r++) {
            int i = b[0] + r;
            long j = b[1];
            while (k < n && (pairs ? ((Pair) es[k]).a : ((ColoredLocation) es[k]).i) == i) {
                int pj = pairs ? ((Pair) es[k]).b : ((ColoredLocation) es[k]).j;
                if (pj > j) {
                    Pair.row(i, (int) j, (int) (pj - j), out, o);
                    o += (int) (pj - j);
                }
                j = (long) pj + 1;
                k++;
            }
            if (j <= b[3]) {
                Pair.row(i, (int) j, (int) (b[3] - j + 1), out, o);
                o += (int) (b[3] - j + 1);
            }
        }
        return FSet.wrapSorted(out, FSet.PAIRS);
    }

    @Def(index = 152, signature = "inbox(patch: Patch) -> Indices",
            summary = "Let ai = uppermost+1, aj = leftmost+1, bi = lowermost−1, bj = rightmost−1.")
    public static Object inbox(Object patch) {
        int[] b = Geometry.bounds(patch);
        int ai = b[0] + 1;
        int aj = b[1] + 1;
        int bi = b[2] - 1;
        int bj = b[3] - 1;
        return outline(Math.min(ai, bi), Math.max(ai, bi), Math.min(aj, bj), Math.max(aj, bj));
    }

    @Def(index = 153, signature = "outbox(patch: Patch) -> Indices",
            summary = "Outline (as in inbox) of the rectangle uppermost−1..lowermost+1 × leftmost−1..rightmost+1.")
    public static Object outbox(Object patch) {
        int[] b = Geometry.bounds(patch);
        int ai = b[0] - 1;
        int aj = b[1] - 1;
        int bi = b[2] + 1;
        int bj = b[3] + 1;
        return outline(Math.min(ai, bi), Math.max(ai, bi), Math.min(aj, bj), Math.max(aj, bj));
    }

    @Def(index = 154, signature = "box(patch: Patch) -> Indices",
            summary = "Empty → the argument itself (same value and kind).")
    public static Object box(Object patch) {
        if (Pieces.len(patch) == 0) {
            return patch;
        }
        int[] c = cornerBounds(patch);
        return outline(Math.min(c[0], c[2]), Math.max(c[0], c[2]), Math.min(c[1], c[3]), Math.max(c[1], c[3]));
    }

    /** The outline of rows {@code si..ei} × columns {@code sj..ej} ({@code si <= ei}, {@code sj <= ej}), row-major. */
    static FSet outline(int si, int ei, int sj, int ej) {
        long h = (long) ei - si + 1;
        long w = (long) ej - sj + 1;
        long total = h == 1 ? w : 2 * w + (h - 2) * (w == 1 ? 1 : 2);
        int n = count(total);
        long key = ShapeCache.key(si, ei, sj, ej);
        FSet kept = OUTLINES.get(key);
        if (kept != null) {
            return kept;
        }
        return OUTLINES.put(key, buildOutline(si, ei, sj, ej, h, w, n));
    }

    private static FSet buildOutline(int si, int ei, int sj, int ej, long h, long w, int n) {
        Object[] out = new Object[n];
        int k = 0;
        Pair.row(si, sj, (int) w, out, k);
        k += (int) w;
        for (int di = 1; di < h - 1; di++) {
            out[k++] = Pair.of(si + di, sj);
            if (ej != sj) {
                out[k++] = Pair.of(si + di, ej);
            }
        }
        if (ei != si) {
            Pair.row(ei, sj, (int) w, out, k);
        }
        return FSet.wrapSorted(out, FSet.PAIRS);
    }
}
