package dev.arclab.dsl;

import dev.arclab.grid.Grid;
import java.util.HashMap;
import java.util.Map;

/**
 * Shared rules for Pieces (Grids and Patches) used by many primitives: the Tuple-is-a-Grid test,
 * the Object test and {@code toindices} pass-through of dsl-spec §2.3, and fast access to locations,
 * cells and colours. Every method raises a {@link DslException} where the reference raises.
 */
public final class Pieces {

    private Pieces() {
    }

    /** A Tuple viewed as a Grid (its elements are rows of Integers; cols = length of the first row). */
    public static Grid asGrid(Object v) {
        if (v instanceof Grid g) {
            return g;
        }
        Tuple t = Values.toTuple(v);
        int rows = t.size();
        if (rows == 0) {
            return Grid.EMPTY;
        }
        Tuple first = Values.toTuple(t.get(0));
        int cols = first.size();
        int[] cells = new int[rows * cols];
        for (int i = 0; i < rows; i++) {
            Tuple row = i == 0 ? first : Values.toTuple(t.get(i));
            if (row.size() != cols) {
                throw DslException.of("ragged grid: row %s has %s cells, row 0 has %s", i, row.size(), cols);
            }
            if (row instanceof IntTuple it) {
                System.arraycopy(it.values(), 0, cells, i * cols, cols);
            } else {
                for (int j = 0; j < cols; j++) {
                    cells[i * cols + j] = row.getInt(j);
                }
            }
        }
        Fuel.charge(cells.length);
        return Grid.wrap(rows, cols, cells);
    }

    /** Number of elements of a container (Python len); anything else is an error. */
    public static int len(Object v) {
        if (v instanceof Tuple t) {
            return t.size();
        }
        if (v instanceof FSet s) {
            return s.size();
        }
        throw DslException.of("object of type '%s' has no len()", Values.kindName(v));
    }

    /** The elements of a container in iteration order (FrozenSets ascending). */
    public static Object[] elements(Object v) {
        if (v instanceof FSet s) {
            return s.elements();
        }
        if (v instanceof Tup t) {
            return t.items();
        }
        if (v instanceof Tuple t) {
            return t.toArray();
        }
        throw DslException.of("'%s' object is not iterable", Values.kindName(v));
    }

    /** The first element of a non-empty container in iteration order. */
    public static Object firstElement(Object v) {
        if (v instanceof FSet s) {
            return s.first();
        }
        return Values.toTuple(v).get(0);
    }

    /** The Object test of §2.3 on a non-empty patch: is component 1 of its first element a Tuple? */
    public static boolean isObject(Object patch) {
        Object e = firstElement(patch);
        if (e instanceof Cell) {
            return true;
        }
        if (e instanceof Pair) {
            return false;
        }
        return Values.toTuple(e).get(1) instanceof Tuple;
    }

    /** A (colour, (i, j)) value as a Cell; anything else is an error. */
    public static Cell cell(Object e) {
        if (e instanceof Cell c) {
            return c;
        }
        Tuple t = Values.toTuple(e);
        if (t.size() != 2) {
            throw DslException.of("expected a cell (colour, (i, j)), got %s", e);
        }
        Pair p = loc(t.get(1));
        return new Cell(Values.toInt(t.get(0)), p.a, p.b);
    }

    /** An (i, j) value as a Pair; anything else is an error. */
    public static Pair loc(Object e) {
        if (e instanceof Pair p) {
            return p;
        }
        Tuple t = Values.toTuple(e);
        if (t.size() != 2) {
            throw DslException.of("expected a location (i, j), got %s", e);
        }
        return new Pair(Values.toInt(t.get(0)), Values.toInt(t.get(1)));
    }

    /**
     * {@code toindices} (§2.3 rule 4): empty → {}; an Object → the FrozenSet of its locations; anything
     * else is returned unchanged (Indices stay Indices, a Tuple of locations stays a Tuple).
     */
    public static Object toIndices(Object patch) {
        if (len(patch) == 0) {
            return FSet.EMPTY;
        }
        if (!isObject(patch)) {
            return patch;
        }
        Object[] es = elements(patch);
        Object[] out = new Object[es.length];
        for (int k = 0; k < es.length; k++) {
            Object e = es[k];
            out[k] = e instanceof Cell c ? new Pair(c.i, c.j) : loc(Values.toTuple(e).get(1));
        }
        Fuel.charge(es.length);
        return FSet.fromArray(out);
    }

    /**
     * The locations of {@code toindices(patch)} in its iteration order, flattened as
     * {@code i0, j0, i1, j1, ...} (duplicates of a Tuple patch kept).
     */
    public static int[] locations(Object patch) {
        Object ind = toIndices(patch);
        Object[] es = elements(ind);
        int[] out = new int[es.length * 2];
        for (int k = 0; k < es.length; k++) {
            Pair p = loc(es[k]);
            out[2 * k] = p.a;
            out[2 * k + 1] = p.b;
        }
        return out;
    }

    /** {uppermost, leftmost, lowermost, rightmost} of a patch's locations; empty is an error. */
    public static int[] bounds(Object patch) {
        int[] l = locations(patch);
        if (l.length == 0) {
            throw new DslException("min() arg is an empty sequence");
        }
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        int right = Integer.MIN_VALUE;
        for (int k = 0; k < l.length; k += 2) {
            top = Math.min(top, l[k]);
            bottom = Math.max(bottom, l[k]);
            left = Math.min(left, l[k + 1]);
            right = Math.max(right, l[k + 1]);
        }
        return new int[] {top, left, bottom, right};
    }

    /** {@code height}: empty → 0; a Tuple → its length; a patch → lowermost − uppermost + 1. */
    public static int height(Object piece) {
        if (len(piece) == 0) {
            return 0;
        }
        if (piece instanceof Tuple t) {
            return t.size();
        }
        int[] b = bounds(piece);
        return b[2] - b[0] + 1;
    }

    /** {@code width}: empty → 0; a Tuple → the length of its first element; a patch → its column span. */
    public static int width(Object piece) {
        if (len(piece) == 0) {
            return 0;
        }
        if (piece instanceof Grid g) {
            return g.cols();
        }
        if (piece instanceof Tuple t) {
            return len(t.get(0));
        }
        int[] b = bounds(piece);
        return b[3] - b[1] + 1;
    }

    /** {@code shift}: empty → the argument itself; else a FrozenSet of shifted cells or locations. */
    public static Object shift(Object patch, Object directions) {
        if (len(patch) == 0) {
            return patch;
        }
        Tuple d = Values.toTuple(directions);
        if (d.size() != 2) {
            throw DslException.of("expected 2 values to unpack, got %s", d.size());
        }
        int di = d.getInt(0);
        int dj = d.getInt(1);
        Object[] es = elements(patch);
        Object[] out = new Object[es.length];
        Fuel.charge(es.length);
        if (isObject(patch)) {
            for (int k = 0; k < es.length; k++) {
                Cell c = cell(es[k]);
                out[k] = new Cell(c.color, c.i + di, c.j + dj);
            }
        } else {
            for (int k = 0; k < es.length; k++) {
                Pair p = loc(es[k]);
                out[k] = new Pair(p.a + di, p.b + dj);
            }
        }
        // A sorted set shifted by a constant stays sorted: only Tuples need sorting.
        return patch instanceof FSet ? FSet.wrapSorted(out) : FSet.fromArray(out);
    }

    /**
     * The values {@code mostcolor}/{@code leastcolor} count: every grid value row-major for a Tuple,
     * else component 0 of every element (an Object's colours; row numbers for Indices).
     */
    public static Object[] colorValues(Object element) {
        if (element instanceof Grid g) {
            int[] cells = g.cells();
            Object[] out = new Object[cells.length];
            for (int k = 0; k < cells.length; k++) {
                out[k] = cells[k];
            }
            return out;
        }
        if (element instanceof Tuple t) {
            int n = 0;
            Object[][] rows = new Object[t.size()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = elements(t.get(i));
                n += rows[i].length;
            }
            Object[] out = new Object[n];
            int w = 0;
            for (Object[] row : rows) {
                System.arraycopy(row, 0, out, w, row.length);
                w += row.length;
            }
            return out;
        }
        Object[] es = elements(element);
        Object[] out = new Object[es.length];
        for (int k = 0; k < es.length; k++) {
            Object e = es[k];
            out[k] = e instanceof Cell c ? (Object) c.color : Values.toTuple(e).get(0);
        }
        return out;
    }

    /**
     * The value with the highest (most) or lowest (least) count among {@code values}, ties going to
     * the canonically smallest value; no values is an error.
     */
    public static Object commonest(Object[] values, boolean most) {
        if (values.length == 0) {
            throw new DslException((most ? "max" : "min") + "() arg is an empty sequence");
        }
        Fuel.charge(values.length);
        boolean allSmallInts = true;
        for (Object v : values) {
            if (!(v instanceof Integer i) || i < 0 || i > 255) {
                allSmallInts = false;
                break;
            }
        }
        if (allSmallInts) {
            int[] counts = new int[256];
            for (Object v : values) {
                counts[(Integer) v]++;
            }
            int best = -1;
            for (int c = 0; c < 256; c++) {
                if (counts[c] > 0 && (best < 0 || (most ? counts[c] > counts[best] : counts[c] < counts[best]))) {
                    best = c;
                }
            }
            return best;
        }
        Map<Object, int[]> counts = new HashMap<>();
        for (Object v : values) {
            counts.computeIfAbsent(v, k -> new int[1])[0]++;
        }
        FSet distinct = FSet.copyOf(counts.keySet());
        Object best = null;
        int bestCount = 0;
        for (Object v : distinct) {
            int c = counts.get(v)[0];
            if (best == null || (most ? c > bestCount : c < bestCount)) {
                best = v;
                bestCount = c;
            }
        }
        return best;
    }

    /** {@code mostcolor}. */
    public static Object mostcolor(Object element) {
        return commonest(colorValues(element), true);
    }
}
