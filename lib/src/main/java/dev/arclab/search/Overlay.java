package dev.arclab.search;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import java.util.ArrayList;
import java.util.List;

/**
 * Two grids the search built, stacked: {@code underpaint(A, asobject(B))} is A where A is not its background (its
 * most common colour) and B elsewhere. The combination the 2020 winner's greedy stacking makes from pieces of its
 * search, here for two pieces: a grid A whose foreground cells are all right in every demo output, over a grid B
 * right on every other cell. It joins two values found at depth d and d' for the price of a check, where
 * enumerating the call would need depth d + d' + 2.
 *
 * <p>Checked with bitsets over the demo cells: per grid, the cells equal to the demo output and the cells of its
 * foreground. Only demo outputs are read; the answer on the test inputs is computed by the DSL.
 */
final class Overlay {

    /** Most grids looked at as the top piece (those covering most cells first). */
    static final int MAX_TOPS = 64;

    private final Grid[] targets;
    private final int nDemo;
    private final int[] offset;
    private final int words;
    private final long fuel;

    Overlay(Grid[] targets, long fuel) {
        this.fuel = fuel;
        this.targets = targets;
        this.nDemo = targets.length;
        this.offset = new int[nDemo + 1];
        for (int e = 0; e < nDemo; e++) {
            offset[e + 1] = offset[e] + targets[e].rows() * targets[e].cols();
        }
        this.words = (offset[nDemo] + 63) >>> 6;
    }

    /** A found stack: its expression and test answers. */
    record Stack(Expr expr, Object[] answers) {
    }

    /**
     * Stacks of two of the given grid vectors (each with the demo outputs' shapes on the demo part; the first
     * {@code nDemo} values are the demo part), at most {@code max}, cheapest top piece first.
     */
    List<Stack> find(List<Enumerator.Entry> grids, int max) {
        int m = grids.size();
        long[][] right = new long[m][];
        List<Integer> tops = new ArrayList<>();
        long[][] back = new long[m][];
        int[] cover = new int[m];
        for (int i = 0; i < m; i++) {
            Object[] vals = grids.get(i).vals;
            long[] r = new long[words];
            long[] bg = new long[words];
            boolean topOk = true;
            int fg = 0;
            int wrong = 0;
            for (int e = 0; e < nDemo; e++) {
                int[] a = ((Grid) vals[e]).cells();
                int[] t = targets[e].cells();
                int b = commonest(a);
                for (int k = 0; k < a.length; k++) {
                    int bit = offset[e] + k;
                    if (a[k] == t[k]) {
                        r[bit >>> 6] |= 1L << bit;
                    } else {
                        wrong++;
                    }
                    if (a[k] == b) {
                        bg[bit >>> 6] |= 1L << bit;
                    } else {
                        fg++;
                        topOk &= a[k] == t[k];
                    }
                }
            }
            right[i] = r;
            if (topOk && fg > 0 && wrong > 0) {
                tops.add(i);
                back[i] = bg;
                cover[i] = fg;
            }
        }
        tops.sort((x, y) -> cover[y] != cover[x] ? Integer.compare(cover[y], cover[x]) : Integer.compare(x, y));
        List<Stack> out = new ArrayList<>();
        for (int ti = 0; ti < Math.min(MAX_TOPS, tops.size()) && out.size() < max; ti++) {
            int a = tops.get(ti);
            long[] need = back[a];
            for (int b = 0; b < m; b++) {
                if (b == a || !covers(right[b], need)) {
                    continue;
                }
                Stack s = stack(grids.get(a), grids.get(b));
                if (s != null) {
                    out.add(s);
                }
                break;
            }
        }
        return out;
    }

    private static boolean covers(long[] right, long[] need) {
        for (int w = 0; w < need.length; w++) {
            if ((need[w] & ~right[w]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** underpaint(A, asobject(B)) as an expression with its answers on the test part; null if the DSL refuses. */
    private Stack stack(Enumerator.Entry top, Enumerator.Entry under) {
        Object[] answers = new Object[top.vals.length - nDemo];
        try {
            for (int e = 0; e < top.vals.length; e++) {
                dev.arclab.dsl.Fuel.start(fuel);
                Object v = Dsl.call("underpaint", top.vals[e], Dsl.call("asobject", under.vals[e]));
                if (e < nDemo && !targets[e].equals(v)) {
                    return null;
                }
                if (e >= nDemo) {
                    answers[e - nDemo] = v;
                }
            }
        } catch (RuntimeException ex) {
            return null;
        }
        Expr object = Expr.call("asobject", under.expr);
        return new Stack(Expr.call("underpaint", top.expr, object), answers);
    }

    /** The most common value of the cells, the smallest on ties (as arc-dsl's mostcolor). */
    private static int commonest(int[] cells) {
        int[] count = new int[10];
        for (int c : cells) {
            count[c]++;
        }
        int best = 0;
        for (int c = 1; c < 10; c++) {
            if (count[c] > count[best]) {
                best = c;
            }
        }
        return best;
    }
}
