package dev.arclab.search;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Grid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finishers read off the layout of the demo outputs rather than their cells:
 * <ul>
 *   <li><b>a fixed window</b>: every output is the input's cells at one place, counted from the top left or
 *   from the bottom right ({@code crop(I, (i, j), (h, w))});</li>
 *   <li><b>tiles</b>: every output is a × b blocks of one shape, and each block is a grid the search has built
 *   ({@code vconcat(hconcat(B00, B01), hconcat(B10, B11))}), as in tasks that mirror the input into the four
 *   quarters of the output.</li>
 * </ul>
 * Only demo outputs are read; the answers on the test inputs are computed by the DSL.
 */
final class Layout {
    /** Most blocks along a side of a tiled output. */
    static final int MAX_TILES = 4;

    private final Grid[] inputs;
    private final Grid[] targets;
    private final int nDemo;
    private final long fuel;

    Layout(Grid[] inputs, Grid[] targets, long fuel) {
        this.inputs = inputs;
        this.targets = targets;
        this.nDemo = targets.length;
        this.fuel = fuel;
    }


    private static Expr pair(int a, int b) {
        return Expr.call("astuple", Expr.number(a), Expr.number(b));
    }

    /** The window every demo output is, at a fixed place from the top left or the bottom right; null if none. */
    Finishers.Finished window() {
        int h = targets[0].rows();
        int w = targets[0].cols();
        int minRows = Integer.MAX_VALUE;
        int minCols = Integer.MAX_VALUE;
        boolean smaller = false;
        for (int e = 0; e < nDemo; e++) {
            if (targets[e].rows() != h || targets[e].cols() != w) {
                return null;
            }
            minRows = Math.min(minRows, inputs[e].rows());
            minCols = Math.min(minCols, inputs[e].cols());
            smaller |= inputs[e].rows() != h || inputs[e].cols() != w;
        }
        if (!smaller || h > minRows || w > minCols) {
            return null;
        }
        for (boolean fromEnd : new boolean[] {false, true}) {
            for (int i = 0; i + h <= minRows; i++) {
                for (int j = 0; j + w <= minCols; j++) {
                    if (fits(i, j, h, w, fromEnd)) {
                        return crop(i, j, h, w, fromEnd);
                    }
                }
            }
        }
        return null;
    }

    private boolean fits(int i, int j, int h, int w, boolean fromEnd) {
        for (int e = 0; e < nDemo; e++) {
            Grid in = inputs[e];
            int top = fromEnd ? in.rows() - h - i : i;
            int left = fromEnd ? in.cols() - w - j : j;
            Grid t = targets[e];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    if (in.at(top + r, left + c) != t.at(r, c)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private Finishers.Finished crop(int i, int j, int h, int w, boolean fromEnd) {
        // from the end: the start is shape(I) - (h + i, w + j)
        Expr start = fromEnd ? Expr.call("subtract", Expr.call("shape", Expr.INPUT), pair(h + i, w + j)) : pair(i, j);
        Expr expr = Expr.call("crop", Expr.INPUT, start, pair(h, w));
        Object[] answers = new Object[inputs.length - nDemo];
        try {
            for (int e = nDemo; e < inputs.length; e++) {
                Grid in = inputs[e];
                Object at = fromEnd ? Dsl.call("astuple", in.rows() - h - i, in.cols() - w - j) : Dsl.call("astuple", i, j);
                Fuel.start(fuel);
                answers[e - nDemo] = Dsl.call("crop", in, at, Dsl.call("astuple", h, w));
            }
        } catch (RuntimeException ex) {
            return null;
        } finally {
            Fuel.stop();
        }
        return new Finishers.Finished(expr, answers);
    }

    /**
     * Outputs made of a × b blocks of one shape per pair (the same a and b in every demo pair, a·b at least 2, a
     * and b at most {@link #MAX_TILES}), each block a grid among {@code grids} (the cheapest first): their
     * concatenation; null when no such layout has every block there.
     */
    Finishers.Finished tiles(List<Enumerator.Entry> grids) {
        // the grids by their demo part
        Map<List<Grid>, Enumerator.Entry> byDemo = new HashMap<>();
        for (Enumerator.Entry g : grids) {
            List<Grid> demo = new ArrayList<>(nDemo);
            for (int e = 0; e < nDemo; e++) {
                demo.add((Grid) g.vals[e]);
            }
            byDemo.putIfAbsent(demo, g);
        }
        for (int a = 1; a <= MAX_TILES; a++) {
            for (int b = 1; b <= MAX_TILES; b++) {
                if (a * b < 2) {
                    continue;
                }
                Finishers.Finished f = tiles(byDemo, a, b);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private Finishers.Finished tiles(Map<List<Grid>, Enumerator.Entry> byDemo, int a, int b) {
        for (int e = 0; e < nDemo; e++) {
            if (targets[e].rows() % a != 0 || targets[e].cols() % b != 0) {
                return null;
            }
        }
        Enumerator.Entry[][] block = new Enumerator.Entry[a][b];
        for (int r = 0; r < a; r++) {
            for (int c = 0; c < b; c++) {
                List<Grid> want = new ArrayList<>(nDemo);
                for (int e = 0; e < nDemo; e++) {
                    int h = targets[e].rows() / a;
                    int w = targets[e].cols() / b;
                    want.add((Grid) Dsl.call("crop", targets[e], Dsl.call("astuple", r * h, c * w), Dsl.call("astuple", h, w)));
                }
                block[r][c] = byDemo.get(want);
                if (block[r][c] == null) {
                    return null;
                }
            }
        }
        Expr expr = null;
        Object[] answers = new Object[inputs.length - nDemo];
        try {
            for (int r = 0; r < a; r++) {
                Expr row = block[r][0].expr;
                Object[] rowVals = new Object[answers.length];
                for (int e = 0; e < answers.length; e++) {
                    rowVals[e] = block[r][0].vals[nDemo + e];
                }
                for (int c = 1; c < b; c++) {
                    row = Expr.call("hconcat", row, block[r][c].expr);
                    for (int e = 0; e < answers.length; e++) {
                        rowVals[e] = Dsl.call("hconcat", rowVals[e], block[r][c].vals[nDemo + e]);
                    }
                }
                expr = expr == null ? row : Expr.call("vconcat", expr, row);
                for (int e = 0; e < answers.length; e++) {
                    answers[e] = r == 0 ? rowVals[e] : Dsl.call("vconcat", answers[e], rowVals[e]);
                }
            }
        } catch (RuntimeException ex) {
            return null;
        }
        for (Object answer : answers) {
            if (!(answer instanceof Grid)) {
                return null; // blocks of a test input that do not line up
            }
        }
        return new Finishers.Finished(expr, answers);
    }
}
