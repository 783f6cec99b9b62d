package dev.arclab.dsl;

import java.util.Arrays;

/**
 * An immutable rows × cols grid of Integers (ARC colours 0..9 in task files; DSL results may hold
 * other Integers). It is also the DSL's Tuple of row Tuples (dsl-spec §2.1): equal to, hashing and
 * comparing like the same rows spelled as generic Tuples. A grid with no rows has no columns and is
 * the empty Tuple; a grid of empty rows ({@code ((), ())}) has rows and no columns.
 */
public final class Grid extends Tuple {
    public static final Grid EMPTY = new Grid(0, 0, new int[0]);

    private final int rows;
    private final int cols;
    private final int[] cells;
    private int hash;

    private Grid(int rows, int cols, int[] cells) {
        this.rows = rows;
        this.cols = cols;
        this.cells = cells;
    }

    /** A grid over a row-major array the caller gives up: it must not be changed afterwards. */
    public static Grid wrap(int rows, int cols, int[] cells) {
        if (rows < 0 || cols < 0 || (long) rows * cols != cells.length) {
            throw new IllegalArgumentException("grid " + rows + "x" + cols + " needs " + (long) rows * cols
                    + " cells, got " + cells.length);
        }
        if (rows == 0) {
            return EMPTY;
        }
        return new Grid(rows, cols, cells);
    }

    /** A grid copied from rows, which must all have the same length. */
    public static Grid of(int[][] rowValues) {
        int r = rowValues.length;
        if (r == 0) {
            return EMPTY;
        }
        int c = rowValues[0].length;
        int[] cells = new int[r * c];
        for (int i = 0; i < r; i++) {
            if (rowValues[i].length != c) {
                throw new IllegalArgumentException("ragged grid: row " + i + " has " + rowValues[i].length
                        + " cells, row 0 has " + c);
            }
            System.arraycopy(rowValues[i], 0, cells, i * c, c);
        }
        return new Grid(r, c, cells);
    }

    /** A grid of one colour. */
    public static Grid filled(int rows, int cols, int color) {
        int[] cells = new int[rows * cols];
        if (color != 0) {
            Arrays.fill(cells, color);
        }
        return wrap(rows, cols, cells);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The colour at row i, column j (no bounds check beyond the array's). */
    public int at(int i, int j) {
        return cells[i * cols + j];
    }

    public boolean contains(int i, int j) {
        return i >= 0 && i < rows && j >= 0 && j < cols;
    }

    /** The row-major cells, for read-only use on hot paths. */
    public int[] cells() {
        return cells;
    }

    public int[][] toRows() {
        int[][] out = new int[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(cells, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /** The DSL Tuple view: the number of rows. */
    @Override
    public int size() {
        return rows;
    }

    /** The DSL Tuple view: row i as a Tuple of Integers. */
    @Override
    public Object get(int i) {
        if (i < 0 || i >= rows) {
            throw DslException.of("tuple index %s out of range for a grid of %s rows", i, rows);
        }
        return IntTuple.wrap(Arrays.copyOfRange(cells, i * cols, (i + 1) * cols));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 1;
            for (int i = 0; i < rows; i++) {
                h = 31 * h + IntTuple.hash(cells, i * cols, (i + 1) * cols);
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
        if (o instanceof Grid g) {
            // hashes already computed (as the search's value tables do) tell most unequal grids apart
            if (hash != 0 && g.hash != 0 && hash != g.hash) {
                return false;
            }
            return rows == g.rows && cols == g.cols && Arrays.equals(cells, g.cells);
        }
        return super.equals(o);
    }
}
