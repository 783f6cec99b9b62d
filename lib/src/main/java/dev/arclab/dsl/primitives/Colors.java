package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Def;
import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.None;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Pieces;
import dev.arclab.dsl.Tuple;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;
import java.util.Arrays;

/**
 * Colour, object and painting primitives: palettes, object segmentation, fill and paint.
 * Segmentation ({@code objects}, {@code partition}, {@code occurrences}, ...) lives in
 * {@link Segmentation}, grid writers ({@code fill}, {@code paint}, {@code canvas}, ...) in
 * {@link Painting}; this class holds the colour queries and the helpers shared by the three.
 */
public final class Colors {
    private Colors() {
    }

    // ---- shared helpers ------------------------------------------------------------------------

    static final int[] NO_INTS = new int[0];

    /** A Grid argument: the Grid itself, or a Tuple of Integer rows converted (ragged is an error). */
    static Grid grid(Object v) {
        return v instanceof Grid g ? g : Pieces.asGrid(v);
    }

    /** A Grid argument whose first row is read ({@code len(grid[0])}): no rows is an error. */
    static Grid gridWithRow(Object v) {
        Grid g = grid(v);
        if (g.rows() == 0) {
            throw new DslException("tuple index out of range (grid has no rows)");
        }
        return g;
    }

    /** Unpacks {@code v, _ = e} and returns {@code v}: e must be an iterable of exactly two values. */
    static Object unpackFirst(Object e) {
        if (e instanceof ColoredLocation c) {
            return c.color;
        }
        if (e instanceof Pair p) {
            return p.a;
        }
        if (e instanceof Tuple t) {
            if (t.size() != 2) {
                throw DslException.of("cannot unpack %s into 2 values", e);
            }
            return t.get(0);
        }
        if (e instanceof FSet s) {
            if (s.size() != 2) {
                throw DslException.of("cannot unpack %s into 2 values", e);
            }
            return s.get(0);
        }
        throw DslException.of("cannot unpack non-iterable %s", Values.kindName(e));
    }

    /**
     * The most ({@code most}) or least common value of an int array, ties to the smallest value
     * (the canonical convention of mostcolor/leastcolor); no values is an error.
     */
    static int commonestColor(int[] cells, boolean most) {
        int n = cells.length;
        if (n == 0) {
            throw new DslException(most ? "max() arg is an empty sequence" : "min() arg is an empty sequence");
        }
        Fuel.charge(n);
        int min = cells[0];
        int max = min;
        for (int k = 1; k < n; k++) {
            int c = cells[k];
            if (c < min) {
                min = c;
            } else if (c > max) {
                max = c;
            }
        }
        if ((long) max - min < 4096) {
            int[] counts = new int[max - min + 1];
            for (int k = 0; k < n; k++) {
                counts[cells[k] - min]++;
            }
            int best = -1;
            int bestCount = 0;
            for (int c = 0; c < counts.length; c++) {
                int cnt = counts[c];
                if (cnt > 0 && (best < 0 || (most ? cnt > bestCount : cnt < bestCount))) {
                    best = c;
                    bestCount = cnt;
                }
            }
            return best + min;
        }
        int[] s = cells.clone();
        Arrays.sort(s);
        int best = s[0];
        int bestCount = -1;
        for (int k = 0; k < n;) {
            int r = k;
            while (r < n && s[r] == s[k]) {
                r++;
            }
            int cnt = r - k;
            if (bestCount < 0 || (most ? cnt > bestCount : cnt < bestCount)) {
                best = s[k];
                bestCount = cnt;
            }
            k = r;
        }
        return best;
    }

    /** {@code mostcolor} of a Grid argument (the background rule): ties to the smallest colour. */
    static int background(Grid g) {
        return commonestColor(g.cells(), true);
    }

    /**
     * The cells {@code (grid[i][j], (i, j))} for the flat indices {@code idx[0..n)} (strictly
     * ascending, row-major; {@code idx == null} means all cells), as a canonically sorted array:
     * by colour, then row, then column (a stable counting sort by colour).
     */
    static Object[] sortedCells(int[] cells, int cols, int[] idx, int n) {
        Object[] out = new Object[n];
        if (n == 0) {
            return out;
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            int c = cells[idx == null ? k : idx[k]];
            if (c < min) {
                min = c;
            }
            if (c > max) {
                max = c;
            }
        }
        if ((long) max - min < 4096) {
            int[] start = null;
            if (min != max) {
                start = new int[max - min + 2];
                for (int k = 0; k < n; k++) {
                    start[cells[idx == null ? k : idx[k]] - min + 1]++;
                }
                for (int c = 1; c < start.length; c++) {
                    start[c] += start[c - 1];
                }
            }
            int i = 0;
            int j = 0;
            for (int k = 0; k < n; k++) {
                int c;
                if (idx == null) {
                    c = cells[k];
                } else {
                    int p = idx[k];
                    c = cells[p];
                    i = p / cols;
                    j = p - i * cols;
                }
                out[start == null ? k : start[c - min]++] = ColoredLocation.of(c, i, j);
                if (idx == null && ++j == cols) {
                    j = 0;
                    i++;
                }
            }
        } else {
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) {
                int p = idx == null ? k : idx[k];
                keys[k] = ((long) cells[p] << 32) | p;
            }
            Arrays.sort(keys);
            for (int k = 0; k < n; k++) {
                int p = (int) keys[k];
                out[k] = ColoredLocation.of((int) (keys[k] >> 32), p / cols, p % cols);
            }
        }
        return out;
    }

    /** The colours of a set made only of Cells (ascending, since cells sort by colour first), else null. */
    static int[] cellColours(Object element) {
        if (!(element instanceof FSet s)) {
            return null;
        }
        Object[] es = s.elements();
        int[] out = new int[es.length];
        for (int k = 0; k < es.length; k++) {
            if (!(es[k] instanceof ColoredLocation c)) {
                return null;
            }
            out[k] = c.color;
        }
        return out;
    }

    /** Values {@code mostcolor}/{@code leastcolor} count for a non-Grid element. */
    private static Object[] colourValues(Object element) {
        if (element instanceof Tuple t) {
            int rows = t.size();
            Object[][] rs = new Object[rows][];
            int n = 0;
            for (int i = 0; i < rows; i++) {
                rs[i] = Pieces.elements(t.get(i));
                n += rs[i].length;
            }
            Object[] out = new Object[n];
            int w = 0;
            for (Object[] r : rs) {
                System.arraycopy(r, 0, out, w, r.length);
                w += r.length;
            }
            return out;
        }
        Object[] es = Pieces.elements(element);
        Object[] out = new Object[es.length];
        for (int k = 0; k < es.length; k++) {
            out[k] = unpackFirst(es[k]);
        }
        return out;
    }

    // ---- colour queries ------------------------------------------------------------------------

    /** {@code mostcolor}: the most common colour (grid values or cell colours), ties to the smallest. */
    @Def(index = 67, signature = "mostcolor(element: Element) -> Integer",
            summary = "Collect a list of values.")
    public static Object mostcolor(Object element) {
        if (element instanceof Grid g) {
            return commonestColor(g.cells(), true);
        }
        int[] colours = cellColours(element);
        if (colours != null) {
            return commonestColor(colours, true);
        }
        return Pieces.commonest(colourValues(element), true);
    }

    /** {@code leastcolor}: the least common colour, ties to the smallest. */
    @Def(index = 68, signature = "leastcolor(element: Element) -> Integer",
            summary = "As mostcolor but the lowest count.")
    public static Object leastcolor(Object element) {
        if (element instanceof Grid g) {
            return commonestColor(g.cells(), false);
        }
        int[] colours = cellColours(element);
        if (colours != null) {
            return commonestColor(colours, false);
        }
        return Pieces.commonest(colourValues(element), false);
    }

    /** {@code colorcount}: grid values equal to {@code value}, or cells whose colour equals it. */
    @Def(index = 73, signature = "colorcount(element: Element, value: Integer) -> Integer",
            summary = "Tuple (Grid) → number of grid values equal to value.")
    public static Object colorcount(Object element, Object value) {
        int count = 0;
        if (element instanceof Grid g) {
            int[] cells = g.cells();
            Fuel.charge(cells.length);
            if (value instanceof Integer v) {
                int x = v;
                for (int c : cells) {
                    if (c == x) {
                        count++;
                    }
                }
            }
            return count;
        }
        if (element instanceof Tuple t) {
            for (int i = 0, rows = t.size(); i < rows; i++) {
                Object row = t.get(i);
                if (!(row instanceof Tuple r)) {
                    throw DslException.of("'%s' object has no attribute 'count'", Values.kindName(row));
                }
                int n = r.size();
                Fuel.charge(n);
                for (int j = 0; j < n; j++) {
                    if (Values.equal(r.get(j), value)) {
                        count++;
                    }
                }
            }
            return count;
        }
        if (element instanceof FSet s && value instanceof Integer v && s.elementKind() != FSet.OTHER) {
            // cells (colour first) or locations (row first): compare the ints without unpacking
            Object[] es = s.elements();
            Fuel.charge(es.length);
            int x = v;
            boolean cells = s.elementKind() == FSet.COLORED_LOCATIONS;
            for (Object e : es) {
                if ((cells ? ((ColoredLocation) e).color : ((Pair) e).a) == x) {
                    count++;
                }
            }
            return count;
        }
        Object[] es = Pieces.elements(element);
        Fuel.charge(es.length);
        for (Object e : es) {
            if (Values.equal(unpackFirst(e), value)) {
                count++;
            }
        }
        return count;
    }

    /** {@code colorfilter}: members whose first element (smallest cell) has colour {@code value}. */
    @Def(index = 74, signature = "colorfilter(objs: Objects, value: Integer) -> Objects",
            summary = "FrozenSet of the members obj of objs whose color(obj) (first cell in iteration order, i.e.")
    public static Object colorfilter(Object objs, Object value) {
        Object[] es = Pieces.elements(objs);
        Fuel.charge(es.length);
        Object[] out = new Object[es.length];
        int n = 0;
        for (Object obj : es) {
            if (Values.equal(color(obj), value)) {
                out[n++] = obj;
            }
        }
        if (objs instanceof FSet) {
            return FSet.wrapSorted(n == out.length ? out : Arrays.copyOf(out, n));
        }
        return FSet.fromArray(out, n);
    }

    /** {@code color}: component 0 of the first element in iteration order; empty is an error. */
    @Def(index = 108, signature = "color(obj: Object) -> Integer",
            summary = "First component of the first element in iteration order.")
    public static Object color(Object obj) {
        Object e;
        if (obj instanceof FSet s) {
            if (s.isEmpty()) {
                throw new DslException("StopIteration: color of an empty set");
            }
            e = s.get(0);
        } else if (obj instanceof Tuple t) {
            if (t.size() == 0) {
                throw new DslException("StopIteration: color of an empty tuple");
            }
            e = t.get(0);
        } else {
            throw DslException.of("'%s' object is not iterable", Values.kindName(obj));
        }
        if (e instanceof ColoredLocation c) {
            return c.color;
        }
        return Values.toTuple(e).get(0);
    }

    /** {@code asindices}: every (i, j) with i < rows and j < len(first row). */
    @Def(index = 76, signature = "asindices(grid: Grid) -> Indices",
            summary = "FrozenSet of every location (i, j) with 0 <= i < rows and 0 <= j < len(first row).")
    public static Object asindices(Object grid) {
        int rows;
        int cols;
        if (grid instanceof Grid g) {
            rows = g.rows();
            cols = g.cols();
        } else {
            Tuple t = Values.toTuple(grid);
            rows = t.size();
            cols = rows == 0 ? 0 : Pieces.len(t.get(0));
        }
        long n = (long) rows * cols;
        if (n == 0) {
            return FSet.EMPTY;
        }
        Fuel.allocate(n);
        if (n > Integer.MAX_VALUE - 8) {
            throw new DslException("MemoryError");
        }
        Object[] out = new Object[(int) n];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            Pair.row(i, 0, cols, out, k);
            k += cols;
        }
        return FSet.wrapSorted(out, FSet.PAIRS);
    }

    /** {@code ofcolor}: the locations whose value equals {@code value} (row-major = ascending). */
    @Def(index = 77, signature = "ofcolor(grid: Grid, value: Integer) -> Indices",
            summary = "FrozenSet of the locations (i, j) whose value equals value.")
    public static Object ofcolor(Object grid, Object value) {
        if (grid instanceof Grid g) {
            if (!(value instanceof Integer v)) {
                Fuel.charge(g.cells().length);
                return FSet.EMPTY;
            }
            int x = v;
            int[] cells = g.cells();
            int cols = g.cols();
            Fuel.charge(cells.length);
            int n = 0;
            for (int c : cells) {
                if (c == x) {
                    n++;
                }
            }
            if (n == 0) {
                return FSet.EMPTY;
            }
            Object[] out = new Object[n];
            int w = 0;
            for (int i = 0, row = 0; w < n; i++, row += cols) {
                for (int j = 0; j < cols; ) {
                    if (cells[row + j] != x) {
                        j++;
                        continue;
                    }
                    int run = j + 1; // a run of the colour in a row: one copy of shared Pairs
                    while (run < cols && cells[row + run] == x) {
                        run++;
                    }
                    Pair.row(i, j, run - j, out, w);
                    w += run - j;
                    j = run;
                }
            }
            return FSet.wrapSorted(out, FSet.PAIRS);
        }
        Tuple t = Values.toTuple(grid);
        java.util.ArrayList<Object> out = new java.util.ArrayList<>();
        for (int i = 0, rows = t.size(); i < rows; i++) {
            Object[] row = Pieces.elements(t.get(i));
            Fuel.charge(row.length);
            for (int j = 0; j < row.length; j++) {
                if (Values.equal(row[j], value)) {
                    out.add(Pair.of(i, j));
                }
            }
        }
        return FSet.wrapSorted(out.toArray());
    }

    /** {@code palette}: the set of grid values, or of the elements' first components. */
    @Def(index = 106, signature = "palette(element: Element) -> IntegerSet",
            summary = "Tuple (Grid) → FrozenSet of all grid values.")
    public static Object palette(Object element) {
        if (element instanceof Grid g) {
            return gridPalette(g.cells());
        }
        int[] colours = cellColours(element);
        if (colours != null) {
            Fuel.charge(colours.length);
            return FSet.wrapSorted(distinctAscending(colours));
        }
        Object[] values = colourValues(element);
        Fuel.charge(values.length);
        return FSet.fromArray(values);
    }

    private static FSet gridPalette(int[] cells) {
        Fuel.charge(cells.length);
        long mask = 0;
        boolean small = true;
        for (int c : cells) {
            if (c < 0 || c > 63) {
                small = false;
                break;
            }
            mask |= 1L << c;
        }
        if (small) {
            Object[] out = new Object[Long.bitCount(mask)];
            int k = 0;
            while (mask != 0) {
                int c = Long.numberOfTrailingZeros(mask);
                out[k++] = c;
                mask &= mask - 1;
            }
            return FSet.wrapSorted(out);
        }
        int[] s = cells.clone();
        Arrays.sort(s);
        return FSet.wrapSorted(distinctAscending(s));
    }

    /** The distinct values of an ascending int array, boxed. */
    private static Object[] distinctAscending(int[] s) {
        int n = 0;
        for (int k = 0; k < s.length; k++) {
            if (k == 0 || s[k] != s[k - 1]) {
                n++;
            }
        }
        Object[] out = new Object[n];
        n = 0;
        for (int k = 0; k < s.length; k++) {
            if (k == 0 || s[k] != s[k - 1]) {
                out[n++] = s[k];
            }
        }
        return out;
    }

    /** {@code numcolors}: the size of the palette, an Integer. */
    @Def(index = 107, signature = "numcolors(element: Element) -> IntegerSet",
            summary = "size(palette(element)), an Integer (the signature's IntegerSet is wrong).")
    public static Object numcolors(Object element) {
        if (element instanceof Grid g) {
            int[] cells = g.cells();
            Fuel.charge(cells.length);
            long mask = 0;
            for (int c : cells) {
                if (c < 0 || c > 63) {
                    return gridPalette(cells).size();
                }
                mask |= 1L << c;
            }
            return Long.bitCount(mask);
        }
        int[] colours = cellColours(element);
        if (colours != null) {
            Fuel.charge(colours.length);
            int n = 0;
            for (int k = 0; k < colours.length; k++) {
                if (k == 0 || colours[k] != colours[k - 1]) {
                    n++;
                }
            }
            return n;
        }
        return ((FSet) palette(element)).size();
    }

    /** {@code toobject}: the in-grid locations of {@code toindices(patch)} with their grid values. */
    @Def(index = 109, signature = "toobject(patch: Patch, grid: Grid) -> Object",
            summary = "FrozenSet of cells (grid[i][j], (i, j)) for every (i, j) in toindices(patch) with 0 <= i < rows and 0 <= j < cols.")
    public static Object toobject(Object patch, Object grid) {
        Grid g = gridWithRow(grid);
        int rows = g.rows();
        int cols = g.cols();
        int[] locs = Painting.patchLocations(patch);
        int m = locs.length / 2;
        Fuel.charge(m);
        int[] idx = new int[m];
        int n = 0;
        boolean ascending = true;
        for (int k = 0; k < m; k++) {
            int i = locs[2 * k];
            int j = locs[2 * k + 1];
            if (i >= 0 && i < rows && j >= 0 && j < cols) {
                int p = i * cols + j;
                if (n > 0 && p <= idx[n - 1]) {
                    ascending = false;
                }
                idx[n++] = p;
            }
        }
        if (!ascending) {
            Arrays.sort(idx, 0, n);
            int w = 1;
            for (int k = 1; k < n; k++) {
                if (idx[k] != idx[w - 1]) {
                    idx[w++] = idx[k];
                }
            }
            n = w;
        }
        return FSet.wrapSorted(sortedCells(g.cells(), cols, idx, n));
    }

    /** {@code asobject}: every cell {@code (grid[i][j], (i, j))}. */
    @Def(index = 110, signature = "asobject(grid: Grid) -> Object",
            summary = "FrozenSet of all cells (grid[i][j], (i, j)).")
    public static Object asobject(Object grid) {
        if (grid instanceof Grid g) {
            int[] cells = g.cells();
            Fuel.charge(cells.length);
            return FSet.wrapSorted(sortedCells(cells, g.cols(), null, cells.length));
        }
        Tuple t = Values.toTuple(grid);
        java.util.ArrayList<Object> out = new java.util.ArrayList<>();
        for (int i = 0, rows = t.size(); i < rows; i++) {
            Object[] row = Pieces.elements(t.get(i));
            Fuel.charge(row.length);
            for (int j = 0; j < row.length; j++) {
                out.add(Values.tuple2(row[j], Pair.of(i, j)));
            }
        }
        return FSet.fromArray(out.toArray());
    }

    /** {@code index}: {@code grid[i][j]} inside the grid, else None; an empty grid is an error. */
    @Def(index = 136, signature = "index(grid: Grid, loc: IntegerTuple) -> Integer",
            summary = "The value grid[i][j] if 0 <= i < rows and 0 <= j < len(first row), otherwise None (negative indices are out of range, not wrapped).")
    public static Object index(Object grid, Object loc) {
        Pair l = Pieces.loc(loc);
        int i = l.a;
        int j = l.b;
        if (grid instanceof Grid g) {
            if (g.rows() == 0) {
                throw new DslException("tuple index out of range (grid has no rows)");
            }
            if (i < 0 || i >= g.rows() || j < 0 || j >= g.cols()) {
                return None.NONE;
            }
            return g.at(i, j);
        }
        Tuple t = Values.toTuple(grid);
        int rows = t.size();
        if (rows == 0) {
            throw new DslException("tuple index out of range (grid has no rows)");
        }
        int cols = Pieces.len(t.get(0));
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            return None.NONE;
        }
        return Values.toTuple(t.get(i)).get(j);
    }
}
