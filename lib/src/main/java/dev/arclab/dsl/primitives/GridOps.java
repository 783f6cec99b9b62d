package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Def;
import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.IntTuple;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Pieces;
import dev.arclab.dsl.ObjectTuple;
import dev.arclab.dsl.Tuple;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;
import java.util.Arrays;

/**
 * Grid reshaping primitives: rotations, mirrors, scaling, concatenation, splits, crops and halves
 * (dsl-spec §7.2.82, .111-.117, .122-.130, .141, .143-.146).
 *
 * <p>Every primitive has a fast path for the {@link Grid} representation and a generic path that
 * follows the reference's Python operations on arbitrary Tuples (ragged rows, rows of non-Integers,
 * Tuples of locations or Cells: the Tuple-as-Grid rule of §2.3), raising a {@link DslException}
 * exactly where those operations raise (slicing a non-sequence, iterating a non-container, ...).
 * Patches (anything that is not a Tuple) are mirrored / upscaled as patches.
 */
public final class GridOps {

    /** Largest number of cells a result may have (Java arrays are int-indexed). */
    private static final long MAX_CELLS = Integer.MAX_VALUE - 16;

    private GridOps() {
    }

    // ==== crop / subgrid ========================================================================

    /** {@code crop(grid, start, dims)}: {@code grid[s0:s0+d0]}, then {@code row[s1:s1+d1]} (§3.8 slicing). */
    @Def(index = 82, signature = "crop(grid: Grid, start: IntegerTuple, dims: IntegerTuple) -> Grid",
            summary = "Python slicing (§3.8).")
    public static Object crop(Object grid, Object start, Object dims) {
        Tuple st = seq(start);
        Tuple dm = seq(dims);
        long s0 = st.getInt(0);
        long d0 = dm.getInt(0);
        Tuple g = seq(grid);
        int n = g.size();
        int r0 = clamp(s0, n);
        int r1 = clamp(s0 + d0, n);
        if (r1 <= r0) {
            return Grid.EMPTY;
        }
        // The column bounds are only evaluated once there is a row to slice.
        long s1 = st.getInt(1);
        long d1 = dm.getInt(1);
        int h = r1 - r0;
        if (g instanceof Grid gg) {
            int cols = gg.cols();
            int c0 = clamp(s1, cols);
            int c1 = clamp(s1 + d1, cols);
            int w = Math.max(0, c1 - c0);
            Fuel.charge(h);
            int[] out = new int[alloc((long) h * w)];
            int[] cells = gg.cells();
            for (int i = 0; i < h; i++) {
                System.arraycopy(cells, (r0 + i) * cols + c0, out, i * w, w);
            }
            return Grid.wrap(h, w, out);
        }
        Object[] rows = new Object[h];
        for (int i = 0; i < h; i++) {
            Tuple row = seq(g.get(r0 + i));
            int m = row.size();
            rows[i] = slice(row, clamp(s1, m), clamp(s1 + d1, m));
            Fuel.charge(m);
        }
        return mk(rows);
    }

    /** {@code subgrid(patch, grid)} = {@code crop(grid, ulcorner(patch), shape(patch))}. */
    @Def(index = 128, signature = "subgrid(patch: Patch, grid: Grid) -> Grid",
            summary = "crop(grid, ulcorner(patch), shape(patch)).")
    public static Object subgrid(Object patch, Object grid) {
        if (patch instanceof Tuple t) {
            return subgridOfTuple(t, grid);
        }
        int[] b = Geometry.bounds(patch);
        return crop(grid, Pair.of(b[0], b[1]), Pair.of(b[2] - b[0] + 1, b[3] - b[1] + 1));
    }

    /**
     * A Tuple patch: {@code toindices} passes a Tuple of locations through, so {@code ulcorner} is the
     * column-wise minimum of its elements (zip truncates to the shortest), and its shape is the Grid
     * shape of the Tuple itself (length, length of the first element).
     */
    private static Object subgridOfTuple(Tuple t, Object grid) {
        if (t.size() == 0) {
            throw new DslException("tuple index out of range (ulcorner of an empty patch)");
        }
        Tuple start;
        if (Pieces.isObject(t)) {
            int[] b = Geometry.bounds(t);
            start = Pair.of(b[0], b[1]);
        } else if (t instanceof Grid g) {
            if (g.cols() < 2) {
                throw new DslException("tuple index out of range");
            }
            int[] cells = g.cells();
            int cols = g.cols();
            int m0 = Integer.MAX_VALUE;
            int m1 = Integer.MAX_VALUE;
            for (int k = 0; k < cells.length; k += cols) {
                m0 = Math.min(m0, cells[k]);
                m1 = Math.min(m1, cells[k + 1]);
            }
            Fuel.charge(g.rows());
            start = Pair.of(m0, m1);
        } else {
            start = columnMinima(t);
        }
        int h = t.size();
        int w = Pieces.len(t.get(0));
        return crop(grid, start, Pair.of(h, w));
    }

    /** {@code tuple(map(min, zip(*t)))} with Python's {@code <} (§3.6). */
    private static Tuple columnMinima(Tuple t) {
        Object[][] rows = iterRows(t, false);
        int k = minLength(rows);
        Fuel.charge((long) k * rows.length);
        Object[] mins = new Object[k];
        for (int c = 0; c < k; c++) {
            Object best = rows[0][c];
            for (int r = 1; r < rows.length; r++) {
                Object e = rows[r][c];
                if (Values.less(e, best)) {
                    best = e;
                }
            }
            mins[c] = best;
        }
        return Values.tuple(mins);
    }

    // ==== rotations =============================================================================

    /** Quarter turn clockwise: {@code zip(*grid[::-1])}. */
    @Def(index = 111, signature = "rot90(grid: Grid) -> Grid",
            summary = "Quarter turn clockwise.")
    public static Object rot90(Object grid) {
        Tuple t = seq(grid);
        if (t instanceof Grid g) {
            int h = g.rows();
            int w = g.cols();
            if (h == 0 || w == 0) {
                return Grid.EMPTY;
            }
            int[] c = g.cells();
            int[] out = new int[alloc((long) h * w)];
            int k = 0;
            for (int i = 0; i < w; i++) {
                for (int j = h - 1; j >= 0; j--) {
                    out[k++] = c[j * w + i];
                }
            }
            return Grid.wrap(w, h, out);
        }
        return zipRows(iterRows(t, true));
    }

    /** Half turn: rows reversed, each row reversed. */
    @Def(index = 112, signature = "rot180(grid: Grid) -> Grid",
            summary = "out[i][j] = grid[H−1−i][W−1−j] (rows reversed, each row reversed).")
    public static Object rot180(Object grid) {
        Tuple t = seq(grid);
        if (t instanceof Grid g) {
            int[] c = g.cells();
            int n = c.length;
            int[] out = new int[alloc(n)];
            for (int k = 0; k < n; k++) {
                out[k] = c[n - 1 - k];
            }
            return Grid.wrap(g.rows(), g.cols(), out);
        }
        int n = t.size();
        Object[] rows = new Object[n];
        for (int k = 0; k < n; k++) {
            rows[k] = mk(reversed(t.get(n - 1 - k)));
        }
        return mk(rows);
    }

    /** Quarter turn anticlockwise: {@code tuple(tuple(row[::-1]) for row in zip(*grid[::-1]))[::-1]}. */
    @Def(index = 113, signature = "rot270(grid: Grid) -> Grid",
            summary = "Quarter turn anticlockwise.")
    public static Object rot270(Object grid) {
        Tuple t = seq(grid);
        if (t instanceof Grid g) {
            int h = g.rows();
            int w = g.cols();
            if (h == 0 || w == 0) {
                return Grid.EMPTY;
            }
            int[] c = g.cells();
            int[] out = new int[alloc((long) h * w)];
            int k = 0;
            for (int i = 0; i < w; i++) {
                int col = w - 1 - i;
                for (int j = 0; j < h; j++) {
                    out[k++] = c[j * w + col];
                }
            }
            return Grid.wrap(w, h, out);
        }
        // Columns of the original, last column first, each top to bottom.
        Object[][] rows = iterRows(t, false);
        int k = minLength(rows);
        Fuel.charge((long) k * rows.length);
        Object[] out = new Object[k];
        for (int c = 0; c < k; c++) {
            Object[] col = new Object[rows.length];
            for (int r = 0; r < rows.length; r++) {
                col[r] = rows[r][c];
            }
            out[k - 1 - c] = mk(col);
        }
        return mk(out);
    }

    // ==== mirrors ===============================================================================

    private static final int H = 0;
    private static final int V = 1;
    private static final int D = 2;
    private static final int C = 3;

    /** Tuple: rows reversed. Patch: {@code (i, j) -> (top + bottom - i, j)}. */
    @Def(index = 114, signature = "hmirror(piece: Piece) -> Piece",
            summary = "Tuple (Grid) → the rows in reverse order.")
    public static Object hmirror(Object piece) {
        if (piece instanceof Grid g) {
            int h = g.rows();
            int w = g.cols();
            int[] c = g.cells();
            int[] out = new int[alloc(c.length)];
            for (int i = 0; i < h; i++) {
                System.arraycopy(c, (h - 1 - i) * w, out, i * w, w);
            }
            return Grid.wrap(h, w, out);
        }
        if (piece instanceof Tuple t) {
            int n = t.size();
            Fuel.charge(n);
            Object[] out = new Object[n];
            for (int k = 0; k < n; k++) {
                out[k] = t.get(n - 1 - k);
            }
            return mk(out);
        }
        return mirrorPatch(piece, H);
    }

    /** Tuple: every row reversed. Patch: {@code (i, j) -> (i, left + right - j)}. */
    @Def(index = 115, signature = "vmirror(piece: Piece) -> Piece",
            summary = "Tuple (Grid) → every row reversed.")
    public static Object vmirror(Object piece) {
        if (piece instanceof Grid g) {
            int h = g.rows();
            int w = g.cols();
            int[] c = g.cells();
            int[] out = new int[alloc(c.length)];
            for (int i = 0; i < h; i++) {
                int base = i * w;
                for (int j = 0; j < w; j++) {
                    out[base + j] = c[base + w - 1 - j];
                }
            }
            return Grid.wrap(h, w, out);
        }
        if (piece instanceof Tuple t) {
            int n = t.size();
            Object[] rows = new Object[n];
            for (int k = 0; k < n; k++) {
                rows[k] = mk(reversed(t.get(k)));
            }
            return mk(rows);
        }
        return mirrorPatch(piece, V);
    }

    /** Tuple: transpose ({@code zip(*piece)}). Patch: transpose about the upper-left corner. */
    @Def(index = 116, signature = "dmirror(piece: Piece) -> Piece",
            summary = "Tuple (Grid) → transpose (out[i][j] = grid[j][i].")
    public static Object dmirror(Object piece) {
        if (piece instanceof Grid g) {
            int h = g.rows();
            int w = g.cols();
            if (h == 0 || w == 0) {
                return Grid.EMPTY;
            }
            int[] c = g.cells();
            int[] out = new int[alloc((long) h * w)];
            int k = 0;
            for (int i = 0; i < w; i++) {
                for (int j = 0; j < h; j++) {
                    out[k++] = c[j * w + i];
                }
            }
            return Grid.wrap(w, h, out);
        }
        if (piece instanceof Tuple t) {
            return zipRows(iterRows(t, false));
        }
        return mirrorPatch(piece, D);
    }

    /** Tuple: anti-transpose. Patch: {@code (i, j) -> (top + right - j, left + bottom - i)}. */
    @Def(index = 117, signature = "cmirror(piece: Piece) -> Piece",
            summary = "Tuple (Grid) → anti-transpose.")
    public static Object cmirror(Object piece) {
        if (piece instanceof Grid g) {
            int h = g.rows();
            int w = g.cols();
            if (h == 0 || w == 0) {
                return Grid.EMPTY;
            }
            int[] c = g.cells();
            int[] out = new int[alloc((long) h * w)];
            int k = 0;
            for (int i = 0; i < w; i++) {
                int col = w - 1 - i;
                for (int j = h - 1; j >= 0; j--) {
                    out[k++] = c[j * w + col];
                }
            }
            return Grid.wrap(w, h, out);
        }
        if (piece instanceof Tuple t) {
            // zip(*(r[::-1] for r in piece[::-1]))
            int n = t.size();
            Object[][] rows = new Object[n][];
            for (int k = 0; k < n; k++) {
                rows[k] = reversed(t.get(n - 1 - k));
            }
            return zipRows(rows);
        }
        return mirrorPatch(piece, C);
    }

    /**
     * Mirrors a patch inside its bounding box. The Object test of §2.3 decides whether elements are
     * unpacked as {@code value, (i, j)} (the value is kept as is) or as {@code i, j}.
     */
    private static Object mirrorPatch(Object piece, int mode) {
        int n = Pieces.len(piece);
        if (n == 0) {
            throw new DslException("tuple index out of range (mirror of an empty patch)");
        }
        if ((mode == H || mode == V) && piece instanceof FSet s && s.elementKind() != FSet.OTHER) {
            return mirrorLocations(s, mode == V);
        }
        Object[] es = Pieces.elements(piece);
        Fuel.charge(n);
        boolean obj = Pieces.isObject(piece);
        Object[] vals = obj ? new Object[n] : null;
        int[] is = new int[n];
        int[] js = new int[n];
        unpack(es, obj, vals, is, js);
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        int right = Integer.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            top = Math.min(top, is[k]);
            bottom = Math.max(bottom, is[k]);
            left = Math.min(left, js[k]);
            right = Math.max(right, js[k]);
        }
        Object[] out = new Object[n];
        boolean sorted = piece instanceof FSet;
        switch (mode) {
            case H: {
                int d = top + bottom;
                if (sorted) {
                    // Within each value group, the row runs come out in reverse order.
                    int w = 0;
                    for (int gs = 0; gs < n; ) {
                        int ge = groupEnd(vals, gs, n);
                        int re = ge;
                        while (re > gs) {
                            int rs = re - 1;
                            while (rs > gs && is[rs - 1] == is[re - 1]) {
                                rs--;
                            }
                            for (int k = rs; k < re; k++) {
                                out[w++] = make(obj ? vals[k] : null, d - is[k], js[k]);
                            }
                            re = rs;
                        }
                        gs = ge;
                    }
                    return FSet.wrapSorted(out);
                }
                for (int k = 0; k < n; k++) {
                    out[k] = make(obj ? vals[k] : null, d - is[k], js[k]);
                }
                break;
            }
            case V: {
                int d = left + right;
                if (sorted) {
                    // Within each (value, row) run the columns come out reversed.
                    for (int rs = 0; rs < n; ) {
                        int re = rs + 1;
                        while (re < n && is[re] == is[rs] && (!obj || sameValue(vals[re], vals[rs]))) {
                            re++;
                        }
                        for (int k = rs; k < re; k++) {
                            out[rs + re - 1 - k] = make(obj ? vals[k] : null, is[k], d - js[k]);
                        }
                        rs = re;
                    }
                    return FSet.wrapSorted(out);
                }
                for (int k = 0; k < n; k++) {
                    out[k] = make(obj ? vals[k] : null, is[k], d - js[k]);
                }
                break;
            }
            case D:
                for (int k = 0; k < n; k++) {
                    out[k] = make(obj ? vals[k] : null, top + js[k] - left, left + is[k] - top);
                }
                break;
            default:
                for (int k = 0; k < n; k++) {
                    out[k] = make(obj ? vals[k] : null, top + right - js[k], left + bottom - is[k]);
                }
                break;
        }
        return FSet.fromArray(out);
    }

    /**
     * {@code hmirror} or {@code vmirror} of Indices or of an object of ColoredLocations, as the general path does it
     * (same order of runs, same fuel) but on the elements' fields: no unpacking into arrays, no boxed colours, the
     * bounds kept on the set, the result's kind known.
     */
    private static FSet mirrorLocations(FSet s, boolean vertical) {
        Object[] es = s.elements();
        int n = es.length;
        Fuel.charge(n);
        boolean cells = s.elementKind() == FSet.COLORED_LOCATIONS;
        int[] b = s.locationBounds(); // {top, left, bottom, right}
        Object[] out = new Object[n];
        if (!vertical) {
            // within each colour, the row runs come out in reverse order
            int d = b[0] + b[2];
            int w = 0;
            for (int gs = 0; gs < n; ) {
                int ge = n;
                if (cells) {
                    int c = ((ColoredLocation) es[gs]).color;
                    ge = gs + 1;
                    while (ge < n && ((ColoredLocation) es[ge]).color == c) {
                        ge++;
                    }
                }
                int re = ge;
                while (re > gs) {
                    int row = rowOf(es[re - 1], cells);
                    int rs = re - 1;
                    while (rs > gs && rowOf(es[rs - 1], cells) == row) {
                        rs--;
                    }
                    for (int k = rs; k < re; k++) {
                        Object e = es[k];
                        out[w++] = cells ? ColoredLocation.of(((ColoredLocation) e).color, d - row, ((ColoredLocation) e).j)
                                : Pair.of(d - row, ((Pair) e).b);
                    }
                    re = rs;
                }
                gs = ge;
            }
        } else {
            // within each (colour, row) run the columns come out reversed
            int d = b[1] + b[3];
            for (int rs = 0; rs < n; ) {
                int re = rs + 1;
                while (re < n && sameRun(es[re], es[rs], cells)) {
                    re++;
                }
                for (int k = rs; k < re; k++) {
                    Object e = es[k];
                    if (cells) {
                        ColoredLocation c = (ColoredLocation) e;
                        out[rs + re - 1 - k] = ColoredLocation.of(c.color, c.i, d - c.j);
                    } else {
                        out[rs + re - 1 - k] = Pair.of(((Pair) e).a, d - ((Pair) e).b);
                    }
                }
                rs = re;
            }
        }
        return FSet.wrapSorted(out, s.elementKind());
    }

    private static int rowOf(Object e, boolean cells) {
        return cells ? ((ColoredLocation) e).i : ((Pair) e).a;
    }

    /** Same row (and, for cells, same colour). */
    private static boolean sameRun(Object x, Object y, boolean cells) {
        if (cells) {
            ColoredLocation a = (ColoredLocation) x;
            ColoredLocation c = (ColoredLocation) y;
            return a.i == c.i && a.color == c.color;
        }
        return ((Pair) x).a == ((Pair) y).a;
    }

    /** Unpacks elements as {@code value, (i, j)} (obj) or {@code i, j}; a mismatch is an error. */
    private static void unpack(Object[] es, boolean obj, Object[] vals, int[] is, int[] js) {
        for (int k = 0; k < es.length; k++) {
            Object e = es[k];
            if (obj) {
                if (e instanceof ColoredLocation c) {
                    vals[k] = c.color;
                    is[k] = c.i;
                    js[k] = c.j;
                    continue;
                }
                Tuple t = Values.toTuple(e);
                if (t.size() != 2) {
                    throw DslException.of("expected a cell (value, (i, j)), got %s", e);
                }
                Pair p = Pieces.loc(t.get(1));
                vals[k] = t.get(0);
                is[k] = p.a;
                js[k] = p.b;
            } else {
                Pair p = Pieces.loc(e);
                is[k] = p.a;
                js[k] = p.b;
            }
        }
    }

    /** End of the run of equal values starting at {@code s} (the whole array for Indices). */
    private static int groupEnd(Object[] vals, int s, int n) {
        if (vals == null) {
            return n;
        }
        int e = s + 1;
        while (e < n && sameValue(vals[e], vals[s])) {
            e++;
        }
        return e;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Integer x && b instanceof Integer y) {
            return x.intValue() == y.intValue();
        }
        return Values.equal(a, b);
    }

    /** A ColoredLocation {@code (v, (i, j))} (generic value kept) or, with no value, a location. */
    private static Tuple make(Object v, int i, int j) {
        if (v == null) {
            return Pair.of(i, j);
        }
        if (v instanceof Integer c) {
            return ColoredLocation.of(c, i, j);
        }
        return ObjectTuple.of(v, Pair.of(i, j));
    }

    // ==== scaling ===============================================================================

    /** Every value repeated {@code factor} times within its row. */
    @Def(index = 122, signature = "hupscale(grid: Grid, factor: Integer) -> Grid",
            summary = "Each value is repeated factor times in place within its row (row length × factor).")
    public static Object hupscale(Object grid, Object factor) {
        if (grid instanceof Grid g) {
            int h = g.rows();
            int w = g.cols();
            if (h == 0 || w == 0) {
                return g;
            }
            int f = Values.toInt(factor);
            if (f <= 0) {
                return Grid.wrap(h, 0, new int[0]);
            }
            int[] c = g.cells();
            int[] out = new int[alloc(mul(c.length, f))];
            int k = 0;
            for (int v : c) {
                for (int r = 0; r < f; r++) {
                    out[k++] = v;
                }
            }
            return Grid.wrap(h, w * f, out);
        }
        Object[] rows = Pieces.elements(grid);
        Object[] out = new Object[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = mk(repeatEach(Pieces.elements(rows[i]), factor));
        }
        return mk(out);
    }

    /** Every row repeated {@code factor} times in place. */
    @Def(index = 123, signature = "vupscale(grid: Grid, factor: Integer) -> Grid",
            summary = "Each row is repeated factor times in place.")
    public static Object vupscale(Object grid, Object factor) {
        if (grid instanceof Grid g) {
            int h = g.rows();
            int w = g.cols();
            if (h == 0) {
                return Grid.EMPTY;
            }
            int f = Values.toInt(factor);
            if (f <= 0) {
                return Grid.EMPTY;
            }
            int[] c = g.cells();
            int oh = alloc(mul(h, f));
            int[] out = new int[alloc(mul(c.length, f))];
            int k = 0;
            for (int i = 0; i < h; i++) {
                for (int r = 0; r < f; r++) {
                    System.arraycopy(c, i * w, out, k, w);
                    k += w;
                }
            }
            return Grid.wrap(oh, w, out);
        }
        Object[] rows = Pieces.elements(grid);
        if (rows.length == 0) {
            return Grid.EMPTY;
        }
        return mk(repeatEach(rows, factor));
    }

    /**
     * Tuple (Grid): every value becomes a {@code factor}×{@code factor} block. Object: cells scaled
     * about the upper-left corner. Indices (non-empty): an error.
     */
    @Def(index = 124, signature = "upscale(element: Element, factor: Integer) -> Element",
            summary = "Tuple (Grid) → every value becomes a factor×factor block (factor <= 0 → []).")
    public static Object upscale(Object element, Object factor) {
        if (element instanceof Grid g) {
            int h = g.rows();
            int w = g.cols();
            if (h == 0) {
                return Grid.EMPTY;
            }
            int f = Values.toInt(factor);
            if (f <= 0) {
                return Grid.EMPTY;
            }
            int[] c = g.cells();
            int oh = alloc(mul(h, f));
            int[] out = new int[alloc(mul(mul(c.length, f), f))];
            int ow = w * f;
            int k = 0;
            for (int i = 0; i < h; i++) {
                int rowStart = k;
                for (int j = 0; j < w; j++) {
                    int v = c[i * w + j];
                    for (int r = 0; r < f; r++) {
                        out[k++] = v;
                    }
                }
                for (int r = 1; r < f; r++) {
                    System.arraycopy(out, rowStart, out, k, ow);
                    k += ow;
                }
            }
            return Grid.wrap(oh, ow, out);
        }
        if (element instanceof Tuple t) {
            int n = t.size();
            if (n == 0) {
                return Grid.EMPTY;
            }
            Object[] rows = new Object[n];
            for (int i = 0; i < n; i++) {
                rows[i] = mk(repeatEach(Pieces.elements(t.get(i)), factor));
            }
            return mk(repeatEach(rows, factor));
        }
        return upscaleObject(element, factor);
    }

    private static Object upscaleObject(Object element, Object factor) {
        int n = Pieces.len(element);
        if (n == 0) {
            return FSet.EMPTY;
        }
        Object[] es = Pieces.elements(element);
        Fuel.charge(n);
        // ulcorner and shift come first: they raise on ill-formed patches.
        int[] b = Geometry.bounds(element);
        if (!Pieces.isObject(element)) {
            throw new DslException("cannot unpack non-iterable int object (upscale of Indices)");
        }
        Object[] vals = new Object[n];
        int[] is = new int[n];
        int[] js = new int[n];
        unpack(es, true, vals, is, js);
        int f = Values.toInt(factor);
        if (f <= 0) {
            return FSet.EMPTY;
        }
        int top = b[0];
        int left = b[1];
        Object[] out = new Object[alloc(mul(mul(n, f), f))];
        boolean sorted = element instanceof FSet;
        int w = 0;
        // For a sorted input, emitting each (value, row) run block-row by block-row is ascending.
        for (int rs = 0; rs < n; ) {
            int re = rs + 1;
            if (sorted) {
                while (re < n && is[re] == is[rs] && sameValue(vals[re], vals[rs])) {
                    re++;
                }
            }
            for (int di = 0; di < f; di++) {
                for (int k = rs; k < re; k++) {
                    int i = top + (is[k] - top) * f + di;
                    int j0 = left + (js[k] - left) * f;
                    for (int dj = 0; dj < f; dj++) {
                        out[w++] = make(vals[k], i, j0 + dj);
                    }
                }
            }
            rs = re;
        }
        return sorted ? FSet.wrapSorted(out) : FSet.fromArray(out);
    }

    /** Each item repeated {@code factor} times in place; the factor is only read if there are items. */
    private static Object[] repeatEach(Object[] items, Object factor) {
        if (items.length == 0) {
            return items;
        }
        int f = Values.toInt(factor);
        if (f <= 0) {
            return new Object[0];
        }
        Object[] out = new Object[alloc(mul(items.length, f))];
        int k = 0;
        for (Object v : items) {
            for (int r = 0; r < f; r++) {
                out[k++] = v;
            }
        }
        return out;
    }

    /** Keeps every {@code factor}-th row and column starting at 0. */
    @Def(index = 125, signature = "downscale(grid: Grid, factor: Integer) -> Grid",
            summary = "Keeps the rows whose index i satisfies i mod factor == 0 and, in them, the columns with j mod factor == 0 — i.e.")
    public static Object downscale(Object grid, Object factor) {
        Tuple t = seq(grid);
        int h = t.size();
        if (h == 0) {
            throw new DslException("tuple index out of range (downscale of an empty grid)");
        }
        if (t instanceof Grid g) {
            int w = g.cols();
            int f = Values.toInt(factor);
            if (f == 0) {
                throw new DslException("integer division or modulo by zero");
            }
            long step = Math.abs((long) f);
            int oh = (int) ((h + step - 1) / step);
            int ow = (int) ((w + step - 1) / step);
            int[] c = g.cells();
            int[] out = new int[alloc((long) oh * ow)];
            int k = 0;
            for (long i = 0; i < h; i += step) {
                int base = (int) i * w;
                for (long j = 0; j < w; j += step) {
                    out[k++] = c[base + (int) j];
                }
            }
            return Grid.wrap(oh, ow, out);
        }
        int w = Pieces.len(t.get(0));
        int f = Values.toInt(factor);
        if (f == 0) {
            throw new DslException("integer division or modulo by zero");
        }
        long step = Math.abs((long) f);
        Object[] kept = new Object[(int) ((h + step - 1) / step)];
        int ow = (int) ((w + step - 1) / step);
        for (int i = 0; i < h; i++) {
            // Every row is read at the kept columns (the reference builds all rows first).
            Object[] r = new Object[w == 0 ? 0 : ow];
            if (w > 0) {
                Tuple row = seq(t.get(i));
                int k = 0;
                for (long j = 0; j < w; j += step) {
                    r[k++] = row.get((int) j);
                }
            }
            Fuel.charge(r.length);
            if (i % step == 0) {
                kept[(int) (i / step)] = mk(r);
            }
        }
        return mk(kept);
    }

    // ==== concatenation =========================================================================

    /** Row k = row k of a + row k of b, for k below the smaller height. */
    @Def(index = 126, signature = "hconcat(a: Grid, b: Grid) -> Grid",
            summary = "Row k of the result = row k of a followed by row k of b, for k < min(rows(a), rows(b)) (extra rows of the taller grid are dropped silently).")
    public static Object hconcat(Object a, Object b) {
        Grid ga = tryGrid(a);
        Grid gb = ga == null ? null : tryGrid(b);
        if (ga != null && gb != null) {
            int h = Math.min(ga.rows(), gb.rows());
            if (h == 0) {
                return Grid.EMPTY;
            }
            int wa = ga.cols();
            int wb = gb.cols();
            int w = wa + wb;
            int[] ca = ga.cells();
            int[] cb = gb.cells();
            int[] out = new int[alloc((long) h * w)];
            for (int i = 0; i < h; i++) {
                System.arraycopy(ca, i * wa, out, i * w, wa);
                System.arraycopy(cb, i * wb, out, i * w + wa, wb);
            }
            return Grid.wrap(h, w, out);
        }
        Object[] ra = Pieces.elements(a);
        Object[] rb = Pieces.elements(b);
        int h = Math.min(ra.length, rb.length);
        Object[] out = new Object[h];
        for (int i = 0; i < h; i++) {
            out[i] = plus(ra[i], rb[i]);
        }
        return mk(out);
    }

    /** The rows of a followed by the rows of b (Python {@code a + b}). */
    @Def(index = 127, signature = "vconcat(a: Grid, b: Grid) -> Grid",
            summary = "The rows of a followed by the rows of b.")
    public static Object vconcat(Object a, Object b) {
        if (a instanceof Grid ga && b instanceof Grid gb && (ga.cols() == gb.cols() || ga.rows() == 0
                || gb.rows() == 0)) {
            if (ga.rows() == 0) {
                return gb;
            }
            if (gb.rows() == 0) {
                return ga;
            }
            int[] ca = ga.cells();
            int[] cb = gb.cells();
            int[] out = new int[alloc((long) ca.length + cb.length)];
            System.arraycopy(ca, 0, out, 0, ca.length);
            System.arraycopy(cb, 0, out, ca.length, cb.length);
            return Grid.wrap(ga.rows() + gb.rows(), ga.cols(), out);
        }
        return plus(a, b);
    }

    /** Python {@code x + y} on DSL values: Tuple concatenation or Integer addition; else an error. */
    private static Object plus(Object x, Object y) {
        if (x instanceof Tuple tx && y instanceof Tuple ty) {
            int nx = tx.size();
            int ny = ty.size();
            if (ny == 0) {
                return tx;
            }
            if (nx == 0) {
                return ty;
            }
            if (tx instanceof IntTuple ix && ty instanceof IntTuple iy) {
                int[] out = new int[alloc((long) nx + ny)];
                System.arraycopy(ix.values(), 0, out, 0, nx);
                System.arraycopy(iy.values(), 0, out, nx, ny);
                return IntTuple.wrap(out);
            }
            Object[] out = new Object[alloc((long) nx + ny)];
            for (int k = 0; k < nx; k++) {
                out[k] = tx.get(k);
            }
            for (int k = 0; k < ny; k++) {
                out[nx + k] = ty.get(k);
            }
            return mk(out);
        }
        if (x instanceof Integer p && y instanceof Integer q) {
            return p + q;
        }
        throw DslException.of("unsupported operand type(s) for +: '%s' and '%s'", Values.kindName(x),
                Values.kindName(y));
    }

    // ==== splits ================================================================================

    /** {@code n} side-by-side parts, one separator column assumed when W is not divisible by n. */
    @Def(index = 129, signature = "hsplit(grid: Grid, n: Integer) -> Tuple",
            summary = "Splits into n side-by-side parts.")
    public static Object hsplit(Object grid, Object n) {
        Tuple t = seq(grid);
        int h = t.size();
        if (h == 0) {
            throw new DslException("tuple index out of range (hsplit of an empty grid)");
        }
        int width = Pieces.len(t.get(0));
        int parts = Values.toInt(n);
        if (parts == 0) {
            throw new DslException("integer division or modulo by zero");
        }
        if (parts < 0) {
            return ObjectTuple.EMPTY;
        }
        int w = width / parts;
        int off = width % parts != 0 ? 1 : 0;
        Fuel.charge(mul(parts, h));
        Object[] out = new Object[alloc(parts)];
        if (t instanceof Grid g) {
            int[] c = g.cells();
            for (int i = 0; i < parts; i++) {
                long s = (long) i * (w + off);
                int c0 = (int) Math.min(s, width);
                int c1 = (int) Math.min(s + w, width);
                int pw = c1 - c0;
                int[] cells = new int[alloc((long) h * pw)];
                for (int r = 0; r < h; r++) {
                    System.arraycopy(c, r * width + c0, cells, r * pw, pw);
                }
                out[i] = Grid.wrap(h, pw, cells);
            }
        } else {
            Pair dims = Pair.of(h, w);
            for (int i = 0; i < parts; i++) {
                long s = (long) i * (w + off);
                out[i] = crop(t, Pair.of(0, (int) Math.min(s, Integer.MAX_VALUE)), dims);
            }
        }
        return ObjectTuple.wrap(out);
    }

    /** {@code n} stacked parts, one separator row assumed when the height is not divisible by n. */
    @Def(index = 130, signature = "vsplit(grid: Grid, n: Integer) -> Tuple",
            summary = "Same as hsplit along rows.")
    public static Object vsplit(Object grid, Object n) {
        Tuple t = seq(grid);
        int rows = t.size();
        int parts = Values.toInt(n);
        if (parts == 0) {
            throw new DslException("integer division or modulo by zero");
        }
        if (rows == 0) {
            throw new DslException("tuple index out of range (vsplit of an empty grid)");
        }
        int width = Pieces.len(t.get(0));
        if (parts < 0) {
            return ObjectTuple.EMPTY;
        }
        int h = rows / parts;
        int off = rows % parts != 0 ? 1 : 0;
        Fuel.charge(parts);
        Object[] out = new Object[alloc(parts)];
        if (t instanceof Grid g) {
            int[] c = g.cells();
            for (int i = 0; i < parts; i++) {
                long s = (long) i * (h + off);
                int r0 = (int) Math.min(s, rows);
                int r1 = (int) Math.min(s + h, rows);
                if (r1 <= r0) {
                    out[i] = Grid.EMPTY;
                } else {
                    alloc((long) (r1 - r0) * width);
                    out[i] = Grid.wrap(r1 - r0, width, Arrays.copyOfRange(c, r0 * width, r1 * width));
                }
            }
        } else {
            Pair dims = Pair.of(h, width);
            for (int i = 0; i < parts; i++) {
                long s = (long) i * (h + off);
                out[i] = crop(t, Pair.of((int) Math.min(s, Integer.MAX_VALUE), 0), dims);
            }
        }
        return ObjectTuple.wrap(out);
    }

    // ==== trim and halves =======================================================================

    /** {@code tuple(r[1:-1] for r in grid[1:-1])}. */
    @Def(index = 141, signature = "trim(grid: Grid) -> Grid",
            summary = "Drops the first and last row and, from every remaining row, the first and last value (Python [1:-1] slices).")
    public static Object trim(Object grid) {
        Tuple t = seq(grid);
        int n = t.size();
        int r0 = clamp(1, n);
        int r1 = clamp(-1, n);
        if (r1 <= r0) {
            return Grid.EMPTY;
        }
        int h = r1 - r0;
        if (t instanceof Grid g) {
            int cols = g.cols();
            int c0 = clamp(1, cols);
            int c1 = clamp(-1, cols);
            int w = Math.max(0, c1 - c0);
            int[] c = g.cells();
            Fuel.charge(h);
            int[] out = new int[alloc((long) h * w)];
            for (int i = 0; i < h; i++) {
                System.arraycopy(c, (r0 + i) * cols + c0, out, i * w, w);
            }
            return Grid.wrap(h, w, out);
        }
        Object[] rows = new Object[h];
        for (int i = 0; i < h; i++) {
            Tuple row = seq(t.get(r0 + i));
            int m = row.size();
            Fuel.charge(m);
            rows[i] = slice(row, clamp(1, m), clamp(-1, m));
        }
        return mk(rows);
    }

    /** {@code grid[:len(grid) // 2]}. */
    @Def(index = 143, signature = "tophalf(grid: Grid) -> Grid",
            summary = "The first rows // 2 rows (the middle row of an odd-height grid is excluded).")
    public static Object tophalf(Object grid) {
        Tuple t = seq(grid);
        return slice(t, 0, t.size() / 2);
    }

    /** {@code grid[len(grid) // 2 + len(grid) % 2:]}. */
    @Def(index = 144, signature = "bottomhalf(grid: Grid) -> Grid",
            summary = "The last rows // 2 rows (the middle row of an odd-height grid is excluded).")
    public static Object bottomhalf(Object grid) {
        Tuple t = seq(grid);
        int n = t.size();
        return slice(t, n / 2 + n % 2, n);
    }

    /** {@code rot270(tophalf(rot90(grid)))}: the first W // 2 columns, or {@code ()} if there are none. */
    @Def(index = 145, signature = "lefthalf(grid: Grid) -> Grid",
            summary = "The first W // 2 columns of every row (middle column excluded).")
    public static Object lefthalf(Object grid) {
        if (grid instanceof Grid g) {
            return columns(g, 0, g.cols() / 2);
        }
        return rot270(tophalf(rot90(grid)));
    }

    /** {@code rot270(bottomhalf(rot90(grid)))}: the last W // 2 columns, or {@code ()} if there are none. */
    @Def(index = 146, signature = "righthalf(grid: Grid) -> Grid",
            summary = "The last W // 2 columns (middle column excluded).")
    public static Object righthalf(Object grid) {
        if (grid instanceof Grid g) {
            int w = g.cols();
            return columns(g, w / 2 + w % 2, w);
        }
        return rot270(bottomhalf(rot90(grid)));
    }

    /** Columns c0..c1-1 of every row; no columns gives {@code ()} (the rotation round trip). */
    private static Grid columns(Grid g, int c0, int c1) {
        int h = g.rows();
        int w = c1 - c0;
        if (h == 0 || w <= 0) {
            return Grid.EMPTY;
        }
        int cols = g.cols();
        int[] c = g.cells();
        int[] out = new int[alloc((long) h * w)];
        for (int i = 0; i < h; i++) {
            System.arraycopy(c, i * cols + c0, out, i * w, w);
        }
        return Grid.wrap(h, w, out);
    }

    // ==== generic helpers =======================================================================

    /** Charges {@code n} units and checks that {@code n} cells can be allocated. */
    private static int alloc(long n) {
        Fuel.allocate(n);
        if (n > MAX_CELLS) {
            throw new DslException("result too large (" + n + " cells)");
        }
        return (int) n;
    }

    /** Saturating product of non-negative numbers. */
    private static long mul(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        if (a > Long.MAX_VALUE / b) {
            return Long.MAX_VALUE;
        }
        return a * b;
    }

    /** A sequence (Python subscripting/slicing); anything but a Tuple is an error. */
    private static Tuple seq(Object v) {
        if (v instanceof Tuple t) {
            return t;
        }
        throw DslException.of("'%s' object is not subscriptable", Values.kindName(v));
    }

    /** Python slice bound of §3.8: negative counts from the end, then clipped to 0..n. */
    private static int clamp(long a, int n) {
        if (a < 0) {
            a += n;
            return a < 0 ? 0 : (int) a;
        }
        return a > n ? n : (int) a;
    }

    /** {@code t[a:b]} for bounds already clamped. */
    private static Tuple slice(Tuple t, int a, int b) {
        if (b <= a) {
            return Grid.EMPTY;
        }
        int n = t.size();
        if (a == 0 && b == n) {
            return t;
        }
        Fuel.charge(b - a);
        if (t instanceof Grid g) {
            int cols = g.cols();
            return Grid.wrap(b - a, cols, Arrays.copyOfRange(g.cells(), a * cols, b * cols));
        }
        if (t instanceof IntTuple it) {
            return IntTuple.wrap(Arrays.copyOfRange(it.values(), a, b));
        }
        Object[] out = new Object[b - a];
        for (int k = a; k < b; k++) {
            out[k - a] = t.get(k);
        }
        return mk(out);
    }

    /** {@code row[::-1]} as a fresh array; the row must be a Tuple. */
    private static Object[] reversed(Object row) {
        Object[] a = seq(row).toArray();
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            Object x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
        Fuel.charge(a.length);
        return a;
    }

    /** The rows of a Tuple as element arrays (each row must be iterable), optionally last row first. */
    private static Object[][] iterRows(Tuple t, boolean reverseRows) {
        int n = t.size();
        Object[][] rows = new Object[n][];
        for (int k = 0; k < n; k++) {
            rows[reverseRows ? n - 1 - k : k] = Pieces.elements(t.get(k));
        }
        return rows;
    }

    private static int minLength(Object[][] rows) {
        if (rows.length == 0) {
            return 0;
        }
        int k = Integer.MAX_VALUE;
        for (Object[] r : rows) {
            k = Math.min(k, r.length);
        }
        return k;
    }

    /** {@code tuple(zip(*rows))}: truncated to the shortest row. */
    private static Tuple zipRows(Object[][] rows) {
        int k = minLength(rows);
        Fuel.charge((long) k * rows.length);
        Object[] out = new Object[k];
        for (int c = 0; c < k; c++) {
            Object[] col = new Object[rows.length];
            for (int r = 0; r < rows.length; r++) {
                col[r] = rows[r][c];
            }
            out[c] = mk(col);
        }
        return mk(out);
    }

    /**
     * A Tuple of the given items (the array is given up) in its best representation: a Grid when the
     * items are equally long Tuples of Integers, an IntTuple/Pair for Integers, else the general forms.
     */
    static Tuple mk(Object[] items) {
        int n = items.length;
        if (n == 0) {
            return Grid.EMPTY;
        }
        Object first = items[0];
        if (first instanceof Integer) {
            int[] vals = new int[n];
            for (int k = 0; k < n; k++) {
                if (!(items[k] instanceof Integer v)) {
                    return Values.tuple(items);
                }
                vals[k] = v;
            }
            return n == 2 ? Pair.of(vals[0], vals[1]) : IntTuple.wrap(vals);
        }
        if (first instanceof Tuple) {
            Grid g = tryGrid(ObjectTuple.wrap(items));
            if (g != null) {
                return g;
            }
        }
        return Values.tuple(items);
    }

    /**
     * The Grid form of a value if it is a Grid or a Tuple of equally long Tuples of Integers (the
     * empty Tuple included); otherwise null.
     */
    static Grid tryGrid(Object v) {
        if (v instanceof Grid g) {
            return g;
        }
        if (!(v instanceof Tuple t)) {
            return null;
        }
        int rows = t.size();
        if (rows == 0) {
            return Grid.EMPTY;
        }
        if (!(t.get(0) instanceof Tuple first)) {
            return null;
        }
        int cols = first.size();
        Fuel.charge(rows);
        int[] cells = new int[alloc(mul(rows, cols))];
        for (int i = 0; i < rows; i++) {
            Object r = i == 0 ? first : t.get(i);
            if (!(r instanceof Tuple row) || row.size() != cols) {
                return null;
            }
            int base = i * cols;
            if (row instanceof IntTuple it) {
                System.arraycopy(it.values(), 0, cells, base, cols);
            } else if (row instanceof Pair p) {
                cells[base] = p.a;
                cells[base + 1] = p.b;
            } else {
                for (int j = 0; j < cols; j++) {
                    if (!(row.get(j) instanceof Integer x)) {
                        return null;
                    }
                    cells[base + j] = x;
                }
            }
        }
        return Grid.wrap(rows, cols, cells);
    }
}
