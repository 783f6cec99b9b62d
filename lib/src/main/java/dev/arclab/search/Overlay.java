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
    record Stack(Expr expr, Object[] answers, boolean weak) {
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
        if (tops.size() > MAX_TOPS) {
            tops = new ArrayList<>(tops.subList(0, MAX_TOPS));
        }
        List<Stack> out = new ArrayList<>();
        for (int a : tops) {
            if (out.size() >= max) {
                break;
            }
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
        if (out.isEmpty() && tops.size() >= 2) {
            greedy(grids, right, back, tops, out, max);
        }
        return out;
    }

    /** Most pieces painted over a base by the greedy stacking. */
    static final int MAX_PIECES = 3;
    /** Bases the greedy stacking starts from: the grids with the most cells right. */
    static final int MAX_BASES = 256;

    /**
     * The 2020 winner's greedy stacking for more than one top piece: from a base grid, repeatedly the top piece
     * (foreground all right) covering most of the cells still wrong, up to {@link #MAX_PIECES}; when none is left
     * wrong, {@code paint(paint(B, merge(fgpartition(A1))), merge(fgpartition(A2)))...}. Such stacks fit the demo
     * pairs more easily than a single call, so they are offered as weak solutions: kept, but the search goes on.
     */
    private void greedy(List<Enumerator.Entry> grids, long[][] right, long[][] back, List<Integer> tops, List<Stack> out,
                        int max) {
        int m = grids.size();
        int[] score = new int[m];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            for (long w : right[i]) {
                score[i] += Long.bitCount(w);
            }
        }
        java.util.Arrays.sort(order, (x, y) -> score[y] != score[x] ? Integer.compare(score[y], score[x]) : Integer.compare(x, y));
        long[] valid = new long[words];
        for (int bit = 0; bit < offset[nDemo]; bit++) {
            valid[bit >>> 6] |= 1L << bit;
        }
        java.util.Set<List<Integer>> tried = new java.util.HashSet<>();
        for (int bi = 0; bi < Math.min(MAX_BASES, m) && out.size() < max; bi++) {
            int b = order[bi];
            long[] wrong = new long[words];
            for (int w = 0; w < words; w++) {
                wrong[w] = valid[w] & ~right[b][w];
            }
            List<Integer> chosen = new ArrayList<>();
            while (chosen.size() < MAX_PIECES && !isEmpty(wrong)) {
                int best = -1;
                int bestGain = 0;
                for (int t : tops) {
                    if (t == b || chosen.contains(t)) {
                        continue;
                    }
                    int gain = 0;
                    for (int w = 0; w < words; w++) {
                        gain += Long.bitCount(wrong[w] & ~back[t][w]);
                    }
                    if (gain > bestGain) {
                        best = t;
                        bestGain = gain;
                    }
                }
                if (best < 0) {
                    break;
                }
                chosen.add(best);
                for (int w = 0; w < words; w++) {
                    wrong[w] &= back[best][w];
                }
            }
            if (!isEmpty(wrong) || chosen.size() < 2) {
                continue;
            }
            List<Integer> key = new ArrayList<>(chosen);
            java.util.Collections.sort(key);
            key.add(0, b);
            if (!tried.add(key)) {
                continue;
            }
            Stack s = paintStack(grids.get(b), chosen.stream().map(grids::get).toList());
            if (s != null) {
                out.add(s);
            }
        }
    }

    private static boolean isEmpty(long[] bits) {
        for (long w : bits) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** paint(...paint(B, merge(fgpartition(A1)))..., merge(fgpartition(Ak))), checked on the demo part. */
    private Stack paintStack(Enumerator.Entry base, List<Enumerator.Entry> pieces) {
        Object[] answers = answers(base.vals.length, e -> {
            Object v = base.vals[e];
            for (Enumerator.Entry p : pieces) {
                v = Dsl.call("paint", v, Dsl.call("merge", Dsl.call("fgpartition", p.vals[e])));
            }
            return v;
        });
        if (answers == null) {
            return null;
        }
        Expr expr = base.expr;
        for (Enumerator.Entry p : pieces) {
            expr = Expr.call("paint", expr, Expr.call("merge", Expr.call("fgpartition", p.expr)));
        }
        return new Stack(expr, answers, true);
    }

    /**
     * The values {@code valueAt} computes for each of the {@code n} inputs when those of the demo part are the demo
     * outputs: the test part's (the answers); null when a demo value differs or the DSL refuses.
     */
    private Object[] answers(int n, java.util.function.IntFunction<Object> valueAt) {
        Object[] answers = new Object[n - nDemo];
        try {
            for (int e = 0; e < n; e++) {
                dev.arclab.dsl.Fuel.start(fuel);
                Object v = valueAt.apply(e);
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
        return answers;
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
        Object[] answers = answers(top.vals.length,
                e -> Dsl.call("underpaint", top.vals[e], Dsl.call("asobject", under.vals[e])));
        if (answers == null) {
            return null;
        }
        Expr object = Expr.call("asobject", under.expr);
        return new Stack(Expr.call("underpaint", top.expr, object), answers, false);
    }

    /**
     * The most common colour of the cells, the smallest on ties (as arc-dsl's mostcolor); values outside 0..9 (a
     * search builds such grids) are not counted: they are never background and never right.
     */
    static int commonest(int[] cells) {
        int[] count = new int[10];
        for (int c : cells) {
            if (c >= 0 && c <= 9) {
                count[c]++;
            }
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
