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
 * The grid writers of the Colors group: {@code fill}, {@code paint}, {@code underfill},
 * {@code underpaint}, {@code cover}, {@code move}, {@code canvas}, {@code replace}, {@code switch},
 * {@code cellwise}. They work on a copy of the row-major int cells, made only when a cell changes
 * (an unchanged grid is returned as is: values are immutable).
 */
public final class Painting {
    private Painting() {
    }

    /**
     * The locations of {@code toindices(patch)}, flattened {@code i0, j0, i1, j1, ...}; order and
     * duplicates are those of the patch (callers are order- and duplicate-insensitive). Raises
     * where toindices or the unpacking {@code i, j} raises.
     */
    static int[] patchLocations(Object patch) {
        Object[] es = Pieces.elements(patch);
        int n = es.length;
        if (n == 0) {
            return Colors.NO_INTS;
        }
        int[] out = new int[2 * n];
        if (Pieces.isObject(patch)) {
            for (int k = 0; k < n; k++) {
                Object e = es[k];
                if (e instanceof ColoredLocation c) {
                    out[2 * k] = c.i;
                    out[2 * k + 1] = c.j;
                } else {
                    Tuple t = Values.toTuple(e);
                    if (t.size() != 2) {
                        throw DslException.of("cannot unpack %s into (value, index)", e);
                    }
                    Pair p = Pieces.loc(t.get(1));
                    out[2 * k] = p.a;
                    out[2 * k + 1] = p.b;
                }
            }
        } else {
            for (int k = 0; k < n; k++) {
                Pair p = Pieces.loc(es[k]);
                out[2 * k] = p.a;
                out[2 * k + 1] = p.b;
            }
        }
        return out;
    }

    private static int colourArg(Object value) {
        if (value instanceof Integer v) {
            return v;
        }
        throw DslException.of("a grid colour must be an integer, got %s", value);
    }

    /**
     * Writes {@code fill} at the in-grid locations; {@code under}: only where the cell is {@code bg}.
     * A non-Integer {@code fill} is an error only once a cell is to be written.
     */
    private static Grid fillCells(Grid g, Object fill, int[] locs, boolean under, int bg) {
        int rows = g.rows();
        int cols = g.cols();
        int[] cells = g.cells();
        Fuel.charge(locs.length / 2 + cells.length);
        int[] out = null;
        int value = 0;
        for (int k = 0; k < locs.length; k += 2) {
            int i = locs[k];
            int j = locs[k + 1];
            if (i >= 0 && i < rows && j >= 0 && j < cols) {
                int p = i * cols + j;
                int cur = out == null ? cells[p] : out[p];
                if (out == null && (!under || cur == bg)) {
                    value = colourArg(fill);
                }
                if (cur != value && (!under || cur == bg)) {
                    if (out == null) {
                        out = cells.clone();
                    }
                    out[p] = value;
                }
            }
        }
        return out == null ? g : Grid.wrap(rows, cols, out);
    }

    /**
     * Paints the cells of {@code obj} shifted by (di, dj) in iteration order (later cells win);
     * {@code under}: a cell is written only if the current value is {@code bg}.
     */
    private static int[] paintCells(int[] cells, int[] out, int rows, int cols, Object obj, int di, int dj,
            boolean under, int bg) {
        Object[] es = Pieces.elements(obj);
        Fuel.charge(es.length);
        for (Object e : es) {
            ColoredLocation c = e instanceof ColoredLocation cc ? cc : Pieces.cell(e);
            int i = c.i + di;
            int j = c.j + dj;
            if (i >= 0 && i < rows && j >= 0 && j < cols) {
                int p = i * cols + j;
                int cur = out == null ? cells[p] : out[p];
                if (cur != c.color && (!under || cur == bg)) {
                    if (out == null) {
                        out = cells.clone();
                    }
                    out[p] = c.color;
                }
            }
        }
        return out;
    }

    /** {@code fill}: {@code value} at every in-grid location of {@code toindices(patch)}. */
    @Def(index = 118, signature = "fill(grid: Grid, value: Integer, patch: Patch) -> Grid",
            summary = "Copy of grid where every location of toindices(patch) that lies inside the grid (0 <= i < rows, 0 <= j < cols) gets value.")
    public static Object fill(Object grid, Object value, Object patch) {
        Grid g = Colors.gridWithRow(grid);
        int[] locs = patchLocations(patch);
        if (locs.length == 0) {
            return g;
        }
        return fillCells(g, value, locs, false, 0);
    }

    /** {@code paint}: each cell of {@code obj} in iteration order, inside the grid. */
    @Def(index = 119, signature = "paint(grid: Grid, obj: Object) -> Grid",
            summary = "Copy of grid.")
    public static Object paint(Object grid, Object obj) {
        Grid g = Colors.gridWithRow(grid);
        int[] cells = g.cells();
        Fuel.charge(cells.length);
        int[] out = paintCells(cells, null, g.rows(), g.cols(), obj, 0, 0, false, 0);
        return out == null ? g : Grid.wrap(g.rows(), g.cols(), out);
    }

    /** {@code underfill}: {@code value} at the in-grid patch locations holding the background colour. */
    @Def(index = 120, signature = "underfill(grid: Grid, value: Integer, patch: Patch) -> Grid",
            summary = "bg = mostcolor(grid) (computed once on the input).")
    public static Object underfill(Object grid, Object value, Object patch) {
        Grid g = Colors.gridWithRow(grid);
        int bg = Colors.background(g);
        int[] locs = patchLocations(patch);
        if (locs.length == 0) {
            return g;
        }
        return fillCells(g, value, locs, true, bg);
    }

    /** {@code underpaint}: the cells of {@code obj} in order, each only where the current value is bg. */
    @Def(index = 121, signature = "underpaint(grid: Grid, obj: Object) -> Grid",
            summary = "bg = mostcolor(grid) once.")
    public static Object underpaint(Object grid, Object obj) {
        Grid g = Colors.gridWithRow(grid);
        int bg = Colors.background(g);
        int[] cells = g.cells();
        int[] out = paintCells(cells, null, g.rows(), g.cols(), obj, 0, 0, true, bg);
        return out == null ? g : Grid.wrap(g.rows(), g.cols(), out);
    }

    /** {@code cover}: fill the patch's locations with the grid's most common colour. */
    @Def(index = 140, signature = "cover(grid: Grid, patch: Patch) -> Grid",
            summary = "fill(grid, mostcolor(grid), toindices(patch)).")
    public static Object cover(Object grid, Object patch) {
        Grid g = Colors.grid(grid);
        int bg = Colors.background(g);
        if (g.rows() == 0) {
            throw new DslException("tuple index out of range (grid has no rows)");
        }
        int[] locs = patchLocations(patch);
        if (locs.length == 0) {
            return g;
        }
        return fillCells(g, bg, locs, false, 0);
    }

    /** {@code move}: cover the object with the background, then paint it shifted by {@code offset}. */
    @Def(index = 142, signature = "move(grid: Grid, obj: Object, offset: IntegerTuple) -> Grid",
            summary = "paint(cover(grid, obj), shift(obj, offset)).")
    public static Object move(Object grid, Object obj, Object offset) {
        Grid g = Colors.grid(grid);
        int bg = Colors.background(g);
        if (g.rows() == 0) {
            throw new DslException("tuple index out of range (grid has no rows)");
        }
        int[] locs = patchLocations(obj);
        if (locs.length == 0) {
            return g;
        }
        Grid covered = fillCells(g, bg, locs, false, 0);
        Pair d = Pieces.loc(offset);
        if (!(obj instanceof FSet)) {
            // shift turns a Tuple into a sorted, deduplicated set: paint in that order.
            return paint(covered, Geometry.shift(obj, d));
        }
        // A set shifted by a constant keeps its order, so paint the shifted cells directly.
        int di = d.a;
        int dj = d.b;
        int[] cells = covered.cells();
        int[] out = paintCells(cells, covered == g ? null : cells, g.rows(), g.cols(), obj, di, dj, false, 0);
        return out == null ? covered : (out == cells ? covered : Grid.wrap(g.rows(), g.cols(), out));
    }

    /** {@code canvas}: {@code dimensions[0]} rows of {@code dimensions[1]} copies of {@code value}. */
    @Def(index = 137, signature = "canvas(value: Integer, dimensions: IntegerTuple) -> Grid",
            summary = "Grid of dimensions[0] rows, each of dimensions[1] copies of value.")
    public static Object canvas(Object value, Object dimensions) {
        Tuple d = Values.toTuple(dimensions);
        int h = Values.toInt(d.get(0));
        if (h <= 0) {
            return Grid.EMPTY;
        }
        int w = Math.max(0, Values.toInt(d.get(1)));
        long n = (long) h * w;
        Fuel.allocate(n + h);
        if (n > Integer.MAX_VALUE - 8) {
            throw new DslException("MemoryError");
        }
        if (value instanceof Integer v) {
            return Grid.filled(h, w, v);
        }
        Object[] row = new Object[w];
        Arrays.fill(row, value);
        Tuple r = Values.tuple(row);
        Object[] rows = new Object[h];
        Arrays.fill(rows, r);
        return ObjectTuple.wrap(rows);
    }

    /** {@code replace}: every value equal to {@code replacee} becomes {@code replacer}. */
    @Def(index = 132, signature = "replace(grid: Grid, replacee: Integer, replacer: Integer) -> Grid",
            summary = "Copy of the grid with every value equal to replacee replaced by replacer.")
    public static Object replace(Object grid, Object replacee, Object replacer) {
        Grid g = Colors.grid(grid);
        int[] cells = g.cells();
        Fuel.charge(cells.length);
        if (!(replacee instanceof Integer a)) {
            return g;
        }
        int x = a;
        int[] out = null;
        for (int p = 0; p < cells.length; p++) {
            if (cells[p] == x) {
                if (out == null) {
                    int y = colourArg(replacer);
                    if (y == x) {
                        return g;
                    }
                    out = cells.clone();
                }
                out[p] = (Integer) replacer;
            }
        }
        return out == null ? g : Grid.wrap(g.rows(), g.cols(), out);
    }

    /** {@code switch}: values equal to {@code a} become {@code b} and those equal to {@code b} become {@code a}. */
    @Def(index = 133, signature = "switch(grid: Grid, a: Integer, b: Integer) -> Grid",
            summary = "Copy of the grid where values equal to a become b and values equal to b become a (simultaneously).")
    public static Object switchColors(Object grid, Object a, Object b) {
        Grid g = Colors.grid(grid);
        int[] cells = g.cells();
        Fuel.charge(cells.length);
        boolean ai = a instanceof Integer;
        boolean bi = b instanceof Integer;
        int x = ai ? (Integer) a : 0;
        int y = bi ? (Integer) b : 0;
        int[] out = null;
        for (int p = 0; p < cells.length; p++) {
            int v = cells[p];
            int nv;
            if (ai && v == x) {
                nv = colourArg(b);
            } else if (bi && v == y) {
                nv = colourArg(a);
            } else {
                continue;
            }
            if (nv != v) {
                if (out == null) {
                    out = cells.clone();
                }
                out[p] = nv;
            }
        }
        return out == null ? g : Grid.wrap(g.rows(), g.cols(), out);
    }

    /** {@code cellwise}: shape of {@code a}; {@code a[i][j]} where it equals {@code b[i][j]}, else fallback. */
    @Def(index = 131, signature = "cellwise(a: Grid, b: Grid, fallback: Integer) -> Grid",
            summary = "Result has the shape of a (rows of a, width of a's first row).")
    public static Object cellwise(Object a, Object b, Object fallback) {
        Grid ga = Colors.gridWithRow(a);
        int h = ga.rows();
        int w = ga.cols();
        if (w == 0) {
            return ga;
        }
        Grid gb = Colors.grid(b);
        if (gb.rows() < h || gb.cols() < w) {
            throw new DslException("tuple index out of range (second grid is smaller)");
        }
        int[] ca = ga.cells();
        int[] cb = gb.cells();
        int wb = gb.cols();
        Fuel.charge((long) h * w);
        int[] out = null;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int p = i * w + j;
                if (ca[p] != cb[i * wb + j]) {
                    if (out == null) {
                        out = ca.clone();
                    }
                    out[p] = colourArg(fallback);
                }
            }
        }
        return out == null ? ga : Grid.wrap(h, w, out);
    }
}
