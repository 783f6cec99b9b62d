package dev.arclab.dsl;

import java.util.HashMap;
import java.util.Map;

/**
 * Shared rules for Pieces (Grids and Patches) used by many primitives: the Tuple-is-a-Grid conversion,
 * the Object test of dsl-spec §2.3, container access, and coercion of generic Tuples to cells and
 * locations. Every method raises a {@link DslException} where the reference raises.
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
        if (v instanceof ObjectTuple t) {
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
        if (e instanceof ColoredLocation) {
            return true;
        }
        if (e instanceof Pair) {
            return false;
        }
        return Values.toTuple(e).get(1) instanceof Tuple;
    }

    /** A (colour, (i, j)) value as a ColoredLocation; anything else is an error. */
    public static ColoredLocation cell(Object e) {
        if (e instanceof ColoredLocation c) {
            return c;
        }
        Tuple t = Values.toTuple(e);
        if (t.size() != 2) {
            throw DslException.of("expected a cell (colour, (i, j)), got %s", e);
        }
        Pair p = loc(t.get(1));
        return ColoredLocation.of(Values.toInt(t.get(0)), p.a, p.b);
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
        return Pair.of(Values.toInt(t.get(0)), Values.toInt(t.get(1)));
    }

    /**
     * The value with the highest (most) or lowest (least) count among {@code values}, ties going to
     * the canonically smallest value; no values is an error.
     */
    public static Object commonest(Object[] values, boolean most) {
        if (values.length == 0) {
            throw new DslException(most ? "max() arg is an empty sequence" : "min() arg is an empty sequence");
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


}
