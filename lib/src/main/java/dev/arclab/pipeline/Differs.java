package dev.arclab.pipeline;

import dev.arclab.dsl.Grid;

/**
 * Partial credit for near misses: how close a produced grid is to the expected one. Four built-in
 * measures, each in 0..1, and their mean as the combined score used to rank near misses and to pick
 * parents for mutation.
 */
public final class Differs {

    /** Part of the cache keys of measures: change it when a measure's definition changes. */
    public static final String VERSION = "differs-1";

    /** The measures of one produced grid against one expected grid. */
    public record Measures(double cells, double shape, double palette, double objects) {
        public static final Measures ZERO = new Measures(0, 0, 0, 0);

        /** Mean of the four measures. */
        public double combined() {
            return (cells + shape + palette + objects) / 4;
        }

        Measures plus(Measures o) {
            return new Measures(cells + o.cells, shape + o.shape, palette + o.palette, objects + o.objects);
        }

        Measures times(double f) {
            return new Measures(cells * f, shape * f, palette * f, objects * f);
        }
    }

    private Differs() {
    }

    /**
     * cells: fraction of equal cells when the shapes match, else 0; shape: 1 when the shapes match, else
     * the mean of the row and column ratios; palette: Jaccard overlap of the colour sets; objects: 1 minus
     * the relative difference in the number of single-coloured objects (4-connected, background excluded).
     */
    public static Measures measure(Grid produced, Grid expected) {
        return measure(produced, new Target(expected));
    }

    /** What the measures need of an expected grid, computed once per sample. */
    public record Target(Grid grid, long colours, int objects) {
        public Target(Grid grid) {
            this(grid, Differs.colours(grid), objectCount(grid));
        }
    }

    public static Measures measure(Grid produced, Target target) {
        Grid expected = target.grid();
        if (produced == null) {
            return Measures.ZERO;
        }
        boolean sameShape = produced.rows() == expected.rows() && produced.cols() == expected.cols();
        double cells = 0;
        if (sameShape && produced.cells().length > 0) {
            int[] a = produced.cells();
            int[] b = expected.cells();
            int eq = 0;
            for (int k = 0; k < a.length; k++) {
                eq += a[k] == b[k] ? 1 : 0;
            }
            cells = (double) eq / a.length;
        }
        double shape = sameShape ? 1 : (ratio(produced.rows(), expected.rows()) + ratio(produced.cols(), expected.cols())) / 2;
        double palette = jaccard(colours(produced), target.colours());
        int na = objectCount(produced);
        int nb = target.objects();
        double objects = Math.max(na, nb) == 0 ? 1 : 1 - (double) Math.abs(na - nb) / Math.max(na, nb);
        return new Measures(cells, shape, palette, objects);
    }

    /**
     * The mean of the measures over a task's samples; samples without a grid count as zero.
     * {@code memo} (one map per sample, may be null) reuses the measures of equal produced grids.
     */
    public static Measures mean(Grid[] produced, Target[] expected, java.util.List<java.util.Map<Grid, Measures>> memo) {
        Measures sum = Measures.ZERO;
        for (int k = 0; k < expected.length; k++) {
            Grid p = produced[k];
            Target e = expected[k];
            Measures m = p == null ? Measures.ZERO
                    : memo == null ? measure(p, e) : memo.get(k).computeIfAbsent(p, g -> measure(g, e));
            sum = sum.plus(m);
        }
        return expected.length == 0 ? Measures.ZERO : sum.times(1.0 / expected.length);
    }

    private static double ratio(int a, int b) {
        return Math.max(a, b) == 0 ? 1 : (double) Math.min(a, b) / Math.max(a, b);
    }

    private static long colours(Grid g) {
        long mask = 0;
        for (int c : g.cells()) {
            mask |= 1L << (c & 63);
        }
        return mask;
    }

    private static double jaccard(long a, long b) {
        long union = a | b;
        return union == 0 ? 1 : (double) Long.bitCount(a & b) / Long.bitCount(union);
    }

    /**
     * The number of single-coloured, 4-connected objects other than the background (the most common
     * colour, ties to the smallest): what {@code size(objects(g, T, F, T))} gives, counted without
     * building the objects.
     */
    static int objectCount(Grid g) {
        int rows = g.rows();
        int cols = g.cols();
        if (rows == 0 || cols == 0) {
            return 0;
        }
        int[] cells = g.cells();
        int bg = background(cells);
        Scratch sc = SCRATCH.get().fit(cells.length);
        int[] seen = sc.seen;
        int[] stack = sc.stack;
        int mark = sc.nextMark();
        int count = 0;
        for (int start = 0; start < cells.length; start++) {
            if (seen[start] == mark || cells[start] == bg) {
                continue;
            }
            count++;
            int colour = cells[start];
            int top = 0;
            stack[top++] = start;
            seen[start] = mark;
            while (top > 0) {
                int k = stack[--top];
                int j = k % cols;
                if (k >= cols && seen[k - cols] != mark && cells[k - cols] == colour) {
                    seen[k - cols] = mark;
                    stack[top++] = k - cols;
                }
                if (k + cols < cells.length && seen[k + cols] != mark && cells[k + cols] == colour) {
                    seen[k + cols] = mark;
                    stack[top++] = k + cols;
                }
                if (j > 0 && seen[k - 1] != mark && cells[k - 1] == colour) {
                    seen[k - 1] = mark;
                    stack[top++] = k - 1;
                }
                if (j < cols - 1 && seen[k + 1] != mark && cells[k + 1] == colour) {
                    seen[k + 1] = mark;
                    stack[top++] = k + 1;
                }
            }
        }
        return count;
    }

    /** Per-thread work arrays for flood fills; a cell is seen when it holds the current mark. */
    private static final class Scratch {
        int[] seen = new int[0];
        int[] stack = new int[0];
        int mark;

        Scratch fit(int n) {
            if (seen.length < n) {
                seen = new int[n];
                stack = new int[n];
                mark = 0;
            }
            return this;
        }

        int nextMark() {
            if (++mark == Integer.MAX_VALUE) {
                java.util.Arrays.fill(seen, 0);
                mark = 1;
            }
            return mark;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The most common value, ties to the smallest (the DSL's mostcolor). */
    private static int background(int[] cells) {
        int[] small = new int[10];
        boolean allSmall = true;
        for (int c : cells) {
            if (c < 0 || c > 9) {
                allSmall = false;
                break;
            }
            small[c]++;
        }
        if (allSmall) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                best = small[c] > small[best] ? c : best;
            }
            return best;
        }
        java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (int c : cells) {
            counts.merge(c, 1, Integer::sum);
        }
        int best = 0;
        int bestCount = -1;
        for (java.util.Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
