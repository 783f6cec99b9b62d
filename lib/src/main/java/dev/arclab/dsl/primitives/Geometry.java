package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Def;
import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Pieces;
import dev.arclab.dsl.ObjectTuple;
import dev.arclab.dsl.Tuple;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;
import java.util.Arrays;

/**
 * Patch geometry primitives: bounds, corners, neighbours, boxes, lines, distances, periods
 * (dsl-spec §7.2). Boxes and lines live in {@link Boxes}.
 *
 * <p>Each primitive has a fast path for the common representation (a FrozenSet made only of
 * {@link Pair} locations or only of {@link ColoredLocation}s, or a {@link Grid}) and a generic path that follows
 * the reference's Python semantics on any Tuple/FrozenSet form (the Tuple-is-a-Grid rule, the Object
 * test and the {@code toindices} pass-through of §2.3), raising a {@link DslException} wherever the
 * reference raises.
 */
public final class Geometry {
    private Geometry() {
    }

    static final int[] NO_INTS = new int[0];

    // ---- shared location helpers ----------------------------------------------------------------

    /** (value, index) unpacked from an element of an Object: its index; a non-pair is an error. */
    private static Object unpackIndex(Object e) {
        if (e instanceof ColoredLocation c) {
            return Pair.of(c.i, c.j);
        }
        Object idx;
        if (e instanceof Tuple t) {
            if (t.size() != 2) {
                throw DslException.of("cannot unpack %s as (value, index)", Values.shortRepr(e));
            }
            idx = t.get(1);
        } else if (e instanceof FSet s) {
            if (s.size() != 2) {
                throw DslException.of("cannot unpack %s as (value, index)", Values.shortRepr(e));
            }
            idx = s.get(1);
        } else {
            throw DslException.of("cannot unpack non-iterable %s", Values.kindName(e));
        }
        if (idx instanceof Tuple t && !(idx instanceof Pair) && t.size() == 2 && t.get(0) instanceof Integer a
                && t.get(1) instanceof Integer b) {
            return Pair.of(a, b);
        }
        return idx;
    }

    /**
     * Locations of {@code toindices(patch)}, flattened {@code i0, j0, i1, j1, ...}; every element must
     * unpack as two Integers. An Object given as a FrozenSet of Cells may repeat a location (callers
     * only use this where multiplicity does not matter).
     */
    static int[] locs(Object patch) {
        if (patch instanceof FSet s) {
            Object[] es = s.elements();
            int n = es.length;
            if (n == 0) {
                return NO_INTS;
            }
            int kind = s.elementKind();
            if (kind != 0) {
                Fuel.charge(n);
                int[] out = new int[2 * n];
                if (kind == 1) {
                    for (int k = 0; k < n; k++) {
                        Pair p = (Pair) es[k];
                        out[2 * k] = p.a;
                        out[2 * k + 1] = p.b;
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        ColoredLocation c = (ColoredLocation) es[k];
                        out[2 * k] = c.i;
                        out[2 * k + 1] = c.j;
                    }
                }
                return out;
            }
        }
        Object ind = toindices(patch);
        Object[] es = Pieces.elements(ind);
        Fuel.charge(es.length);
        int[] out = new int[2 * es.length];
        for (int k = 0; k < es.length; k++) {
            Pair p = Pieces.loc(es[k]);
            out[2 * k] = p.a;
            out[2 * k + 1] = p.b;
        }
        return out;
    }

    /**
     * {uppermost, leftmost, lowermost, rightmost} of a patch (each location unpacked as (i, j));
     * an empty patch is an error. The array may be shared: callers read it and never change it.
     */
    public static int[] bounds(Object patch) {
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        int right = Integer.MIN_VALUE;
        if (patch instanceof FSet s && s.size() > 0) {
            int[] b = s.locationBounds();
            if (b != null) {
                Fuel.charge(s.size());
                return b;
            }
        }
        int[] l = locs(patch);
        if (l.length == 0) {
            throw new DslException("min() arg is an empty sequence");
        }
        for (int k = 0; k < l.length; k += 2) {
            top = Math.min(top, l[k]);
            bottom = Math.max(bottom, l[k]);
            left = Math.min(left, l[k + 1]);
            right = Math.max(right, l[k + 1]);
        }
        return new int[] {top, left, bottom, right};
    }

    // ---- height, width, shape ---------------------------------------------------------------------

    public static int heightOf(Object piece) {
        if (piece instanceof Tuple t) {
            return t.size();
        }
        if (Pieces.len(piece) == 0) {
            return 0;
        }
        int[] b = bounds(piece);
        return b[2] - b[0] + 1;
    }

    public static int widthOf(Object piece) {
        if (piece instanceof Grid g) {
            return g.cols();
        }
        if (piece instanceof Tuple t) {
            return t.size() == 0 ? 0 : Pieces.len(t.get(0));
        }
        if (Pieces.len(piece) == 0) {
            return 0;
        }
        int[] b = bounds(piece);
        return b[3] - b[1] + 1;
    }

    @Def(index = 69, signature = "height(piece: Piece) -> Integer",
            summary = "Empty (size 0) → 0.")
    public static Object height(Object piece) {
        return heightOf(piece);
    }

    @Def(index = 70, signature = "width(piece: Piece) -> Integer",
            summary = "Empty → 0.")
    public static Object width(Object piece) {
        return widthOf(piece);
    }

    @Def(index = 71, signature = "shape(piece: Piece) -> IntegerTuple",
            summary = "(height(piece), width(piece)).")
    public static Object shape(Object piece) {
        if (piece instanceof FSet s && s.size() > 0) {
            int[] b = bounds(piece);
            return Pair.of(b[2] - b[0] + 1, b[3] - b[1] + 1);
        }
        return Pair.of(heightOf(piece), widthOf(piece));
    }

    @Def(index = 72, signature = "portrait(piece: Piece) -> Boolean",
            summary = "height > width, Boolean.")
    public static Object portrait(Object piece) {
        if (piece instanceof FSet s && s.size() > 0) {
            int[] b = bounds(piece);
            return Values.bool(b[2] - b[0] > b[3] - b[1]);
        }
        return Values.bool(heightOf(piece) > widthOf(piece));
    }

    @Def(index = 97, signature = "square(piece: Piece) -> Boolean",
            summary = "Tuple (Grid).")
    public static Object square(Object piece) {
        if (piece instanceof Grid g) {
            if (g.rows() == 0) {
                throw new DslException("tuple index out of range");
            }
            return Values.bool(g.rows() == g.cols());
        }
        if (piece instanceof Tuple t) {
            if (t.size() == 0) {
                throw new DslException("tuple index out of range");
            }
            return Values.bool(t.size() == Pieces.len(t.get(0)));
        }
        int n = Pieces.len(piece);
        if (n == 0) {
            return 1;
        }
        int[] b = bounds(piece);
        int h = b[2] - b[0] + 1;
        int w = b[3] - b[1] + 1;
        return Values.bool((long) h * w == n && h == w);
    }

    @Def(index = 98, signature = "vline(patch: Patch) -> Boolean",
            summary = "height(patch) == size(patch) and width(patch) == 1.")
    public static Object vline(Object patch) {
        if (patch instanceof FSet s) {
            int n = s.size();
            if (n == 0) {
                return 0;
            }
            int[] b = bounds(patch);
            return Values.bool(b[2] - b[0] + 1 == n && b[3] == b[1]);
        }
        return Values.bool(heightOf(patch) == Pieces.len(patch) && widthOf(patch) == 1);
    }

    @Def(index = 99, signature = "hline(patch: Patch) -> Boolean",
            summary = "width(patch) == size(patch) and height(patch) == 1.")
    public static Object hline(Object patch) {
        if (patch instanceof FSet s) {
            int n = s.size();
            if (n == 0) {
                return 0;
            }
            int[] b = bounds(patch);
            return Values.bool(b[3] - b[1] + 1 == n && b[2] == b[0]);
        }
        return Values.bool(widthOf(patch) == Pieces.len(patch) && heightOf(patch) == 1);
    }

    // ---- sizefilter --------------------------------------------------------------------------------

    @Def(index = 75, signature = "sizefilter(container: Container, n: Integer) -> FrozenSet",
            summary = "FrozenSet of the items of container whose size equals n.")
    public static Object sizefilter(Object container, Object n) {
        Object[] es = Pieces.elements(container);
        Fuel.charge(es.length);
        Object[] out = new Object[es.length];
        int w = 0;
        for (Object e : es) {
            int len = Pieces.len(e);
            if (n instanceof Integer m && m == len) {
                out[w++] = e;
            }
        }
        if (container instanceof FSet) {
            return FSet.wrapSorted(w == out.length ? out : Arrays.copyOf(out, w));
        }
        return FSet.fromArray(out, w);
    }

    // ---- corners --------------------------------------------------------------------------------

    @Def(index = 78, signature = "ulcorner(patch: Patch) -> IntegerTuple",
            summary = "(min i, min j) over toindices(patch).")
    public static Object ulcorner(Object patch) {
        return corner(patch, false, false, false);
    }

    @Def(index = 79, signature = "urcorner(patch: Patch) -> IntegerTuple",
            summary = "(min i, max j).")
    public static Object urcorner(Object patch) {
        return corner(patch, false, true, true);
    }

    @Def(index = 80, signature = "llcorner(patch: Patch) -> IntegerTuple",
            summary = "(max i, min j).")
    public static Object llcorner(Object patch) {
        return corner(patch, true, false, true);
    }

    @Def(index = 81, signature = "lrcorner(patch: Patch) -> IntegerTuple",
            summary = "(max i, max j).")
    public static Object lrcorner(Object patch) {
        return corner(patch, true, true, false);
    }

    /**
     * The reference's corner rule: per column of {@code zip(*toindices(patch))} the min or max; an
     * empty patch gives {@code ()}. With {@code twoColumnsOnly} (urcorner, llcorner) a third column
     * is an error (the reference looks the column number up in a two-entry table).
     */
    static Object corner(Object patch, boolean maxRow, boolean maxCol, boolean twoColumnsOnly) {
        if (patch instanceof FSet s) {
            if (s.size() == 0) {
                return ObjectTuple.EMPTY;
            }
            if (s.elementKind() != 0) {
                int[] b = bounds(patch);
                return Pair.of(maxRow ? b[2] : b[0], maxCol ? b[3] : b[1]);
            }
        }
        Object ind = toindices(patch);
        Object[][] cols = zipColumns(ind);
        Object[] out = new Object[cols.length];
        for (int k = 0; k < cols.length; k++) {
            if (k >= 2 && twoColumnsOnly) {
                throw DslException.of("KeyError: %s", k);
            }
            boolean max = k == 0 ? maxRow : (k == 1 ? maxCol : maxRow);
            Object[] col = cols[k];
            Object best = col[0];
            for (int r = 1; r < col.length; r++) {
                if (max ? Values.greater(col[r], best) : Values.less(col[r], best)) {
                    best = col[r];
                }
            }
            out[k] = best;
        }
        return Values.tuple(out);
    }

    /** {@code zip(*container)}: column k holds element k of every element, k below the shortest length. */
    static Object[][] zipColumns(Object container) {
        Object[] es = Pieces.elements(container);
        if (es.length == 0) {
            return new Object[0][];
        }
        Fuel.charge(es.length);
        Object[][] rows = new Object[es.length][];
        int m = Integer.MAX_VALUE;
        for (int r = 0; r < es.length; r++) {
            rows[r] = Pieces.elements(es[r]);
            m = Math.min(m, rows[r].length);
        }
        Object[][] cols = new Object[m][es.length];
        for (int r = 0; r < es.length; r++) {
            for (int k = 0; k < m; k++) {
                cols[k][r] = rows[r][k];
            }
        }
        return cols;
    }

    // ---- toindices, recolor, shift, normalize ----------------------------------------------------

    @Def(index = 83, signature = "toindices(patch: Patch) -> Indices",
            summary = "Empty (any kind) → {} (a FrozenSet).")
    public static Object toindices(Object patch) {
        if (patch instanceof FSet s) {
            Object[] es = s.elements();
            int n = es.length;
            if (n == 0) {
                return FSet.EMPTY;
            }
            Object f = es[0];
            if (f instanceof Pair) {
                return patch;
            }
            if (f instanceof ColoredLocation c0) {
                Fuel.charge(n);
                Object[] out = new Object[n];
                boolean oneColour = true;
                for (int k = 0; k < n; k++) {
                    Object e = es[k];
                    if (e instanceof ColoredLocation c) {
                        out[k] = Pair.of(c.i, c.j);
                        oneColour &= c.color == c0.color;
                    } else {
                        out[k] = unpackIndex(e);
                        oneColour = false;
                    }
                }
                // One colour: the cells are sorted by location already, and locations are distinct.
                return oneColour ? FSet.wrapSorted(out) : FSet.fromArray(out);
            }
        }
        if (Pieces.len(patch) == 0) {
            return FSet.EMPTY;
        }
        if (!Pieces.isObject(patch)) {
            return patch;
        }
        Object[] es = Pieces.elements(patch);
        Fuel.charge(es.length);
        Object[] out = new Object[es.length];
        for (int k = 0; k < es.length; k++) {
            out[k] = unpackIndex(es[k]);
        }
        return FSet.fromArray(out);
    }

    @Def(index = 84, signature = "recolor(value: Integer, patch: Patch) -> Object",
            summary = "FrozenSet of cells (value, loc) for every loc in toindices(patch).")
    public static Object recolor(Object value, Object patch) {
        if (value instanceof Integer v && patch instanceof FSet s && s.size() > 0) {
            Object[] es = s.elements();
            int kind = s.elementKind();
            if (kind == 1) {
                Fuel.charge(es.length);
                Object[] out = new Object[es.length];
                for (int k = 0; k < es.length; k++) {
                    Pair p = (Pair) es[k];
                    out[k] = ColoredLocation.of(v, p.a, p.b);
                }
                return FSet.wrapSorted(out);
            }
            if (kind == 2 && ((ColoredLocation) es[0]).color == ((ColoredLocation) es[es.length - 1]).color) {
                // One colour: the cells' locations are distinct and ascending already.
                Fuel.charge(es.length);
                Object[] out = new Object[es.length];
                for (int k = 0; k < es.length; k++) {
                    ColoredLocation c = (ColoredLocation) es[k];
                    out[k] = ColoredLocation.of(v, c.i, c.j);
                }
                return FSet.wrapSorted(out);
            }
        }
        Object ind = toindices(patch);
        Object[] es = Pieces.elements(ind);
        Fuel.charge(es.length);
        Object[] out = new Object[es.length];
        for (int k = 0; k < es.length; k++) {
            out[k] = Values.tuple2(value, es[k]);
        }
        // Distinct sorted indices give distinct cells sorted the same way (the colour is common).
        return ind instanceof FSet ? FSet.wrapSorted(out) : FSet.fromArray(out);
    }

    /** {@code di, dj = directions}: exactly two Integers. */
    private static int[] unpackOffset(Object directions) {
        if (directions instanceof Pair p) {
            return new int[] {p.a, p.b};
        }
        Object[] d;
        if (directions instanceof Tuple || directions instanceof FSet) {
            d = Pieces.elements(directions);
        } else {
            throw DslException.of("cannot unpack non-iterable %s", Values.kindName(directions));
        }
        if (d.length != 2) {
            throw DslException.of("expected 2 values to unpack, got %s", d.length);
        }
        return new int[] {Values.toInt(d[0]), Values.toInt(d[1])};
    }

    @Def(index = 85, signature = "shift(patch: Patch, directions: IntegerTuple) -> Patch",
            summary = "Empty → the argument itself.")
    public static Object shift(Object patch, Object directions) {
        if (Pieces.len(patch) == 0) {
            return patch;
        }
        int[] d = unpackOffset(directions);
        return shiftBy(patch, d[0], d[1]);
    }

    /** {@code shift} of a non-empty patch. */
    static Object shiftBy(Object patch, int di, int dj) {
        if (patch instanceof FSet s) {
            Object[] es = s.elements();
            int kind = s.elementKind();
            if (kind != 0) {
                Fuel.charge(es.length);
                Object[] out = new Object[es.length];
                if (kind == 1) {
                    for (int k = 0; k < es.length; k++) {
                        Pair p = (Pair) es[k];
                        out[k] = Pair.of(p.a + di, p.b + dj);
                    }
                } else {
                    for (int k = 0; k < es.length; k++) {
                        ColoredLocation c = (ColoredLocation) es[k];
                        out[k] = ColoredLocation.of(c.color, c.i + di, c.j + dj);
                    }
                }
                return FSet.wrapSorted(out);
            }
        }
        Object[] es = Pieces.elements(patch);
        Fuel.charge(es.length);
        Object[] out = new Object[es.length];
        if (Pieces.isObject(patch)) {
            for (int k = 0; k < es.length; k++) {
                Object e = es[k];
                if (e instanceof ColoredLocation c) {
                    out[k] = ColoredLocation.of(c.color, c.i + di, c.j + dj);
                } else {
                    Tuple t = Values.toTuple(e);
                    if (t.size() != 2) {
                        throw DslException.of("cannot unpack %s as (value, (i, j))", Values.shortRepr(e));
                    }
                    Pair p = Pieces.loc(t.get(1));
                    out[k] = Values.tuple2(t.get(0), Pair.of(p.a + di, p.b + dj));
                }
            }
        } else {
            for (int k = 0; k < es.length; k++) {
                Pair p = Pieces.loc(es[k]);
                out[k] = Pair.of(p.a + di, p.b + dj);
            }
        }
        // A sorted set shifted by a constant stays sorted: only Tuples need sorting.
        return patch instanceof FSet ? FSet.wrapSorted(out) : FSet.fromArray(out);
    }

    @Def(index = 86, signature = "normalize(patch: Patch) -> Patch",
            summary = "Empty → the argument itself.")
    public static Object normalize(Object patch) {
        if (Pieces.len(patch) == 0) {
            return patch;
        }
        int[] b = bounds(patch);
        if (b[0] == 0 && b[1] == 0 && patch instanceof FSet s && s.elementKind() != 0) {
            return patch;
        }
        return shiftBy(patch, -b[0], -b[1]);
    }

    // ---- neighbours --------------------------------------------------------------------------------

    private static int coord(Object loc, int k) {
        if (loc instanceof Pair p) {
            return k == 0 ? p.a : p.b;
        }
        if (loc instanceof Tuple t) {
            return Values.toInt(t.get(k));
        }
        throw DslException.of("'%s' object is not subscriptable", Values.kindName(loc));
    }

    @Def(index = 87, signature = "dneighbors(loc: IntegerTuple) -> Indices",
            summary = "FrozenSet of the 4 orthogonal neighbours (i−1, j), (i+1, j), (i, j−1), (i, j+1).")
    public static Object dneighbors(Object loc) {
        int i = coord(loc, 0);
        int j = coord(loc, 1);
        Fuel.charge(4);
        return FSet.wrapSorted(new Object[] {
            Pair.of(i - 1, j), Pair.of(i, j - 1), Pair.of(i, j + 1), Pair.of(i + 1, j)});
    }

    @Def(index = 88, signature = "ineighbors(loc: IntegerTuple) -> Indices",
            summary = "FrozenSet of the 4 diagonal neighbours (i±1, j±1).")
    public static Object ineighbors(Object loc) {
        int i = coord(loc, 0);
        int j = coord(loc, 1);
        Fuel.charge(4);
        return FSet.wrapSorted(new Object[] {
            Pair.of(i - 1, j - 1), Pair.of(i - 1, j + 1), Pair.of(i + 1, j - 1), Pair.of(i + 1, j + 1)});
    }

    @Def(index = 89, signature = "neighbors(loc: IntegerTuple) -> Indices",
            summary = "Union of dneighbors and ineighbors (8 locations).")
    public static Object neighbors(Object loc) {
        int i = coord(loc, 0);
        int j = coord(loc, 1);
        Fuel.charge(8);
        return FSet.wrapSorted(new Object[] {
            Pair.of(i - 1, j - 1), Pair.of(i - 1, j), Pair.of(i - 1, j + 1),
            Pair.of(i, j - 1), Pair.of(i, j + 1),
            Pair.of(i + 1, j - 1), Pair.of(i + 1, j), Pair.of(i + 1, j + 1)});
    }

    // ---- extremes -----------------------------------------------------------------------------------

    @Def(index = 93, signature = "uppermost(patch: Patch) -> Integer",
            summary = "Minimum row index over toindices(patch).")
    public static Object uppermost(Object patch) {
        return bounds(patch)[0];
    }

    @Def(index = 95, signature = "leftmost(patch: Patch) -> Integer",
            summary = "Minimum column index.")
    public static Object leftmost(Object patch) {
        return bounds(patch)[1];
    }

    @Def(index = 94, signature = "lowermost(patch: Patch) -> Integer",
            summary = "Maximum row index.")
    public static Object lowermost(Object patch) {
        return bounds(patch)[2];
    }

    @Def(index = 96, signature = "rightmost(patch: Patch) -> Integer",
            summary = "Maximum column index.")
    public static Object rightmost(Object patch) {
        return bounds(patch)[3];
    }

    // ---- matching, distances -------------------------------------------------------------------

    @Def(index = 100, signature = "hmatching(a: Patch, b: Patch) -> Boolean",
            summary = "True iff some row index is used by both toindices(a) and toindices(b).")
    public static Object hmatching(Object a, Object b) {
        return Values.bool(shareCoordinate(locs(a), locs(b), 0));
    }

    @Def(index = 101, signature = "vmatching(a: Patch, b: Patch) -> Boolean",
            summary = "True iff some column index is shared.")
    public static Object vmatching(Object a, Object b) {
        return Values.bool(shareCoordinate(locs(a), locs(b), 1));
    }

    /** Whether some location of {@code la} and some of {@code lb} share coordinate {@code off} (0 = row). */
    static boolean shareCoordinate(int[] la, int[] lb, int off) {
        if (la.length == 0 || lb.length == 0) {
            return false;
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int k = off; k < la.length; k += 2) {
            lo = Math.min(lo, la[k]);
            hi = Math.max(hi, la[k]);
        }
        long span = (long) hi - lo + 1;
        if (span <= 4096) {
            boolean[] seen = new boolean[(int) span];
            for (int k = off; k < la.length; k += 2) {
                seen[la[k] - lo] = true;
            }
            for (int k = off; k < lb.length; k += 2) {
                int v = lb[k];
                if (v >= lo && v <= hi && seen[v - lo]) {
                    return true;
                }
            }
            return false;
        }
        int[] xa = new int[la.length / 2];
        for (int k = 0; k < xa.length; k++) {
            xa[k] = la[2 * k + off];
        }
        Arrays.sort(xa);
        for (int k = off; k < lb.length; k += 2) {
            if (Arrays.binarySearch(xa, lb[k]) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Minimum Manhattan distance between two non-empty flattened location lists. */
    static int minDistance(int[] la, int[] lb) {
        Fuel.charge((long) (la.length / 2) * (lb.length / 2));
        int best = Integer.MAX_VALUE;
        for (int x = 0; x < la.length; x += 2) {
            int ai = la[x];
            int aj = la[x + 1];
            for (int y = 0; y < lb.length; y += 2) {
                int d = Math.abs(ai - lb[y]) + Math.abs(aj - lb[y + 1]);
                if (d < best) {
                    best = d;
                    if (d == 0) {
                        return 0;
                    }
                }
            }
        }
        return best;
    }

    private static int manhattanOf(Object a, Object b) {
        int[] la = locs(a);
        if (la.length == 0) {
            throw new DslException("min() arg is an empty sequence");
        }
        int[] lb = locs(b);
        if (lb.length == 0) {
            throw new DslException("min() arg is an empty sequence");
        }
        return minDistance(la, lb);
    }

    @Def(index = 102, signature = "manhattan(a: Patch, b: Patch) -> Integer",
            summary = "Minimum of |ai − bi| + |aj − bj| over all pairs of locations from toindices(a) and toindices(b) (0 if they overlap).")
    public static Object manhattan(Object a, Object b) {
        return manhattanOf(a, b);
    }

    @Def(index = 103, signature = "adjacent(a: Patch, b: Patch) -> Boolean",
            summary = "manhattan(a, b) == 1.")
    public static Object adjacent(Object a, Object b) {
        return Values.bool(manhattanOf(a, b) == 1);
    }

    @Def(index = 104, signature = "bordering(patch: Patch, grid: Grid) -> Boolean",
            summary = "uppermost == 0 or leftmost == 0 or lowermost == rows − 1 or rightmost == cols − 1, evaluated left to right with short-circuit (cols = length of the first row.")
    public static Object bordering(Object patch, Object grid) {
        int[] b = bounds(patch);
        if (b[0] == 0 || b[1] == 0) {
            return 1;
        }
        if (b[2] == Pieces.len(grid) - 1) {
            return 1;
        }
        int cols;
        if (grid instanceof Grid g) {
            if (g.rows() == 0) {
                throw new DslException("tuple index out of range");
            }
            cols = g.cols();
        } else {
            cols = Pieces.len(Values.toTuple(grid).get(0));
        }
        return Values.bool(b[3] == cols - 1);
    }

    // ---- centres ------------------------------------------------------------------------------------

    @Def(index = 105, signature = "centerofmass(patch: Patch) -> IntegerTuple",
            summary = "Let S = toindices(patch) (distinct locations) and n = size(patch) (element count of the argument itself).")
    public static Object centerofmass(Object patch) {
        if (patch instanceof FSet s && s.size() > 0) {
            Object[] es = s.elements();
            int kind = s.elementKind();
            boolean distinct = kind == 1 || (kind == 2 && ((ColoredLocation) es[0]).color == ((ColoredLocation) es[es.length - 1]).color);
            if (distinct) {
                // Pairs, or cells of one colour: the locations are distinct already.
                Fuel.charge(es.length);
                long si = 0;
                long sj = 0;
                for (Object e : es) {
                    if (kind == 1) {
                        si += ((Pair) e).a;
                        sj += ((Pair) e).b;
                    } else {
                        si += ((ColoredLocation) e).i;
                        sj += ((ColoredLocation) e).j;
                    }
                }
                int n = es.length;
                return Pair.of((int) Math.floorDiv(si, n), (int) Math.floorDiv(sj, n));
            }
        }
        int n = Pieces.len(patch);
        Object[][] cols = zipColumns(toindices(patch));
        Object[] out = new Object[cols.length];
        for (int k = 0; k < cols.length; k++) {
            long sum = 0;
            for (Object v : cols[k]) {
                sum += Values.toInt(v);
            }
            out[k] = (int) Math.floorDiv(sum, n);
        }
        return Values.tuple(out);
    }

    static Pair centerOf(Object patch) {
        int[] b = bounds(patch);
        int h;
        int w;
        if (patch instanceof Tuple) {
            h = heightOf(patch);
            w = widthOf(patch);
        } else {
            h = b[2] - b[0] + 1;
            w = b[3] - b[1] + 1;
        }
        return Pair.of(b[0] + Math.floorDiv(h, 2), b[1] + Math.floorDiv(w, 2));
    }

    @Def(index = 134, signature = "center(patch: Patch) -> IntegerTuple",
            summary = "(uppermost + height // 2, leftmost + width // 2) of the patch — the middle of the bounding box.")
    public static Object center(Object patch) {
        return centerOf(patch);
    }

    @Def(index = 135, signature = "position(a: Patch, b: Patch) -> IntegerTuple",
            summary = "Let (ia, ja) = center(toindices(a)), (ib, jb) = center(toindices(b)).")
    public static Object position(Object a, Object b) {
        Pair ca = centerOf(toindices(a));
        Pair cb = centerOf(toindices(b));
        if (ca.a == cb.a) {
            return Pair.of(0, ca.b < cb.b ? 1 : -1);
        }
        if (ca.b == cb.b) {
            return Pair.of(ca.a < cb.a ? 1 : -1, 0);
        }
        return Pair.of(ca.a < cb.a ? 1 : -1, ca.b < cb.b ? 1 : -1);
    }

    // ---- gravitate ------------------------------------------------------------------------------------

    @Def(index = 151, signature = "gravitate(source: Patch, destination: Patch) -> IntegerTuple",
            summary = "Returns the offset by which source must be moved, one unit step at a time, until it is orthogonally adjacent to destination.")
    public static Object gravitate(Object source, Object destination) {
        Pair cs = centerOf(source);
        Pair cd = centerOf(destination);
        int[] ls = locs(source);
        int[] ld = locs(destination);
        int di = 0;
        int dj = 0;
        if (shareCoordinate(ls, ld, 1)) {
            di = cs.a < cd.a ? 1 : -1;
        } else {
            dj = cs.b < cd.b ? 1 : -1;
        }
        int c = stepsToAdjacency(ls, ld, di, dj, 42);
        return Pair.of(c * di, c * dj);
    }

    /**
     * The first {@code c} in {@code 0..limit-1} at which {@code ls} shifted by {@code c * (di, dj)} is
     * orthogonally adjacent to (minimum Manhattan distance exactly 1 from) {@code ld}; else {@code limit}.
     */
    static int stepsToAdjacency(int[] ls, int[] ld, int di, int dj, int limit) {
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        int right = Integer.MIN_VALUE;
        for (int k = 0; k < ld.length; k += 2) {
            top = Math.min(top, ld[k]);
            bottom = Math.max(bottom, ld[k]);
            left = Math.min(left, ld[k + 1]);
            right = Math.max(right, ld[k + 1]);
        }
        long h = (long) bottom - top + 3;
        long w = (long) right - left + 3;
        int ns = ls.length / 2;
        if (h * w > 1 << 16) {
            for (int c = 0; c < limit; c++) {
                int[] moved = new int[ls.length];
                for (int k = 0; k < ls.length; k += 2) {
                    moved[k] = ls[k] + c * di;
                    moved[k + 1] = ls[k + 1] + c * dj;
                }
                if (minDistance(moved, ld) == 1) {
                    return c;
                }
            }
            return limit;
        }
        // Destination occupancy over its bounding box with a margin of one cell.
        int hh = (int) h;
        int ww = (int) w;
        Fuel.charge(hh * ww + (long) limit * ns);
        boolean[] occ = new boolean[hh * ww];
        int oi = top - 1;
        int oj = left - 1;
        for (int k = 0; k < ld.length; k += 2) {
            occ[(ld[k] - oi) * ww + (ld[k + 1] - oj)] = true;
        }
        for (int c = 0; c < limit; c++) {
            boolean touch = false;
            boolean overlap = false;
            for (int k = 0; k < ls.length && !overlap; k += 2) {
                long i = (long) ls[k] + (long) c * di - oi;
                long j = (long) ls[k + 1] + (long) c * dj - oj;
                if (i < 0 || j < 0 || i >= hh || j >= ww) {
                    continue;
                }
                int at = (int) (i * ww + j);
                if (occ[at]) {
                    overlap = true;
                } else if (!touch) {
                    touch = (i > 0 && occ[at - ww]) || (i < hh - 1 && occ[at + ww])
                            || (j > 0 && occ[at - 1]) || (j < ww - 1 && occ[at + 1]);
                }
            }
            if (touch && !overlap) {
                return c;
            }
        }
        return limit;
    }

    // ---- periods --------------------------------------------------------------------------------------

    @Def(index = 159, signature = "hperiod(obj: Object) -> Integer",
            summary = "N = normalize(obj), w = width(N).")
    public static Object hperiod(Object obj) {
        return period(obj, true);
    }

    @Def(index = 160, signature = "vperiod(obj: Object) -> Integer",
            summary = "As hperiod on rows.")
    public static Object vperiod(Object obj) {
        return period(obj, false);
    }

    /**
     * The smallest {@code p} in {@code 1..extent-1} such that the normalized object shifted left (up)
     * by {@code p}, cut to columns (rows) ≥ 0, is a subset of itself; else the extent (width/height).
     */
    static Object period(Object obj, boolean horizontal) {
        Object normalized = normalize(obj);
        int extent = horizontal ? widthOf(normalized) : heightOf(normalized);
        if (extent <= 1) {
            return extent;
        }
        FSet ns = Values.toSet(normalized);
        Object[] es = ns.elements();
        int kind = ns.elementKind();
        if (kind == 1) {
            throw new DslException("cannot unpack non-iterable int object");
        }
        if (kind == 2) {
            int h = horizontal ? heightOf(normalized) : extent;
            int w = horizontal ? extent : widthOf(normalized);
            long[] masks = null;
            if ((long) h * w <= 1 << 16) {
                masks = new long[h * w];
                for (Object e : es) {
                    ColoredLocation c = (ColoredLocation) e;
                    if (c.color < 0 || c.color > 63) {
                        masks = null;
                        break;
                    }
                    masks[c.i * w + c.j] |= 1L << c.color;
                }
            }
            Fuel.charge((long) es.length * extent);
            for (int p = 1; p < extent; p++) {
                boolean subset = true;
                for (int k = 0; k < es.length && subset; k++) {
                    ColoredLocation c = (ColoredLocation) es[k];
                    int i = horizontal ? c.i : c.i - p;
                    int j = horizontal ? c.j - p : c.j;
                    if (i < 0 || j < 0) {
                        continue;
                    }
                    if (masks != null) {
                        subset = (masks[i * w + j] & (1L << c.color)) != 0;
                    } else {
                        subset = ns.contains(ColoredLocation.of(c.color, i, j));
                    }
                }
                if (subset) {
                    return p;
                }
            }
            return extent;
        }
        for (int p = 1; p < extent; p++) {
            Object moved = horizontal ? shiftBy(ns, 0, -p) : shiftBy(ns, -p, 0);
            boolean subset = true;
            for (Object e : Pieces.elements(moved)) {
                Tuple t = Values.toTuple(e);
                if (t.size() != 2) {
                    throw DslException.of("cannot unpack %s as (value, (i, j))", Values.shortRepr(e));
                }
                Pair loc = Pieces.loc(t.get(1));
                if ((horizontal ? loc.b : loc.a) >= 0 && !ns.contains(e)) {
                    subset = false;
                }
            }
            if (subset) {
                return p;
            }
        }
        return extent;
    }
}
