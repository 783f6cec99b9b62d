package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Def;
import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Pieces;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;
import java.util.Arrays;

/**
 * The segmentation primitives of the Colors group: {@code objects}, {@code partition},
 * {@code fgpartition}, {@code frontiers}, {@code compress} and {@code occurrences}. They work on the
 * row-major int cells and build every set directly in canonical order (cells by colour, then row,
 * then column; Objects by their smallest cell).
 */
public final class Segmentation {
    private Segmentation() {
    }

    // ---- objects -------------------------------------------------------------------------------

    /**
     * Per-thread scratch arrays for {@code objects} (no callbacks run while they are in use). {@code zeros} is never
     * written: the connection key of every cell when any two foreground neighbours connect.
     */
    private static final class Scratch {
        int[] label = new int[0];
        int[] stackI = new int[0];
        int[] stackJ = new int[0];
        int[] sizes = new int[0];
        int[] zeros = new int[0];

        void ensure(int n) {
            if (label.length < n) {
                int m = Math.max(n, 1024);
                label = new int[m];
                stackI = new int[m];
                stackJ = new int[m];
                sizes = new int[m];
                zeros = new int[m];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** {@link Scratch#label} of a cell not yet in a component. */
    private static final int UNLABELLED = -1;
    /** {@link Scratch#label} of a background cell when {@code without_bg}: in no component. */
    private static final int NO_OBJECT = -2;

    /**
     * {@code objects}: connected components (4- or 8-neighbourhood per {@code diagonal}); with
     * {@code univalued} only equal values connect; with {@code without_bg} cells of the most common
     * colour (ties to the smallest) belong to no object.
     *
     * <p>Written as a few small methods with no flag tested in their loops (the flags choose the key array and
     * the neighbourhood once): one large method with the three flags in its inner loop took the JIT's optimising
     * compiler most of a second to compile, during which nothing else of a warm-up got compiled.
     */
    @Def(index = 90, signature = "objects(grid: Grid, univalued: Boolean, diagonal: Boolean, without_bg: Boolean) -> Objects",
            summary = "Connected-component extraction.")
    public static Object objects(Object grid, Object univalued, Object diagonal, Object withoutBg) {
        boolean uni = Values.truthy(univalued);
        boolean diag = Values.truthy(diagonal);
        boolean noBg = Values.truthy(withoutBg);
        Grid g = Colors.grid(grid);
        int[] cells = g.cells();
        int bg = noBg ? Colors.background(g) : 0;
        if (g.rows() == 0) {
            throw new DslException("tuple index out of range (grid has no rows)");
        }
        int h = g.rows();
        int w = g.cols();
        int n = cells.length;
        if (n == 0) {
            return FSet.EMPTY;
        }
        Fuel.charge(2L * n);

        // 1. Label the components by flood fill. Two neighbours connect when both are unlabelled foreground and
        // their keys are equal: the colours when univalued, else one key (zeros) for every cell. Seeds are met in
        // row-major order, so component numbers follow the components' first (row-major) cells.
        Scratch sc = SCRATCH.get();
        sc.ensure(n);
        int[] label = sc.label;
        if (noBg) {
            markBackground(cells, n, bg, label);
        } else {
            Arrays.fill(label, 0, n, UNLABELLED);
        }
        int[] key = uni ? cells : sc.zeros;
        int ncomp = diag ? label8(key, h, w, sc) : label4(key, h, w, sc);
        if (ncomp == 0) {
            return FSet.EMPTY;
        }
        return uni ? univaluedObjects(cells, h, w, label, sc.sizes, ncomp)
                : multicolourObjects(cells, n, w, label, sc.sizes, ncomp);
    }

    /** Labels the cells of colour {@code bg} {@link #NO_OBJECT}, the others {@link #UNLABELLED}. */
    private static void markBackground(int[] cells, int n, int bg, int[] label) {
        for (int p = 0; p < n; p++) {
            label[p] = cells[p] == bg ? NO_OBJECT : UNLABELLED;
        }
    }

    /** Labels the 4-connected components of equal keys (row-major seeds); returns how many; sizes in sc.sizes. */
    private static int label4(int[] key, int h, int w, Scratch sc) {
        int[] label = sc.label;
        int[] stackI = sc.stackI;
        int[] stackJ = sc.stackJ;
        int[] sizes = sc.sizes;
        int ncomp = 0;
        for (int si = 0, s = 0; si < h; si++) {
            for (int sj = 0; sj < w; sj++, s++) {
                if (label[s] != UNLABELLED) {
                    continue;
                }
                int comp = ncomp++;
                int k = key[s];
                label[s] = comp;
                stackI[0] = si;
                stackJ[0] = sj;
                int sp = 1;
                int size = 0;
                while (sp > 0) {
                    --sp;
                    int i = stackI[sp];
                    int j = stackJ[sp];
                    size++;
                    int p = i * w + j;
                    int q;
                    if (i > 0 && label[q = p - w] == UNLABELLED && key[q] == k) {
                        label[q] = comp;
                        stackI[sp] = i - 1;
                        stackJ[sp++] = j;
                    }
                    if (i < h - 1 && label[q = p + w] == UNLABELLED && key[q] == k) {
                        label[q] = comp;
                        stackI[sp] = i + 1;
                        stackJ[sp++] = j;
                    }
                    if (j > 0 && label[q = p - 1] == UNLABELLED && key[q] == k) {
                        label[q] = comp;
                        stackI[sp] = i;
                        stackJ[sp++] = j - 1;
                    }
                    if (j < w - 1 && label[q = p + 1] == UNLABELLED && key[q] == k) {
                        label[q] = comp;
                        stackI[sp] = i;
                        stackJ[sp++] = j + 1;
                    }
                }
                sizes[comp] = size;
            }
        }
        return ncomp;
    }

    /** As {@link #label4} with the 8-neighbourhood (a cell is pushed once, so the stack holds at most n). */
    private static int label8(int[] key, int h, int w, Scratch sc) {
        int[] label = sc.label;
        int[] stackI = sc.stackI;
        int[] stackJ = sc.stackJ;
        int[] sizes = sc.sizes;
        int ncomp = 0;
        for (int si = 0, s = 0; si < h; si++) {
            for (int sj = 0; sj < w; sj++, s++) {
                if (label[s] != UNLABELLED) {
                    continue;
                }
                int comp = ncomp++;
                int k = key[s];
                label[s] = comp;
                stackI[0] = si;
                stackJ[0] = sj;
                int sp = 1;
                int size = 0;
                while (sp > 0) {
                    --sp;
                    int i = stackI[sp];
                    int j = stackJ[sp];
                    size++;
                    int top = Math.max(i - 1, 0);
                    int bottom = Math.min(i + 1, h - 1);
                    int left = Math.max(j - 1, 0);
                    int right = Math.min(j + 1, w - 1);
                    for (int ni = top; ni <= bottom; ni++) {
                        for (int nj = left, q = ni * w + left; nj <= right; nj++, q++) {
                            if (label[q] == UNLABELLED && key[q] == k) {
                                label[q] = comp;
                                stackI[sp] = ni;
                                stackJ[sp++] = nj;
                            }
                        }
                    }
                }
                sizes[comp] = size;
            }
        }
        return ncomp;
    }

    /**
     * Single-colour components: a row-major sweep fills each one in canonical order; the Objects sort by (colour,
     * first cell), i.e. a stable sort of the component numbers by colour.
     */
    private static FSet univaluedObjects(int[] cells, int h, int w, int[] label, int[] sizes, int ncomp) {
        Object[][] members = new Object[ncomp][];
        for (int c = 0; c < ncomp; c++) {
            members[c] = new Object[sizes[c]];
        }
        int[] fill = new int[ncomp];
        int[] colour = new int[ncomp];
        for (int i = 0, p = 0; i < h; i++) {
            for (int j = 0; j < w; j++, p++) {
                int c = label[p];
                if (c >= 0) {
                    if (fill[c] == 0) {
                        colour[c] = cells[p];
                    }
                    members[c][fill[c]++] = ColoredLocation.of(cells[p], i, j);
                }
            }
        }
        int[] order = stableOrderBy(colour, ncomp);
        Object[] result = new Object[ncomp];
        for (int k = 0; k < ncomp; k++) {
            result[k] = FSet.wrapSorted(members[order[k]]);
        }
        return FSet.wrapSorted(result);
    }

    /**
     * Multicolour components: walk the labelled cells by (colour, row, column); each component's cells come out
     * sorted, and components are met in the order of their smallest cell, which is the canonical order of the
     * (disjoint) Objects.
     */
    private static FSet multicolourObjects(int[] cells, int n, int w, int[] label, int[] sizes, int ncomp) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int labelled = 0;
        for (int p = 0; p < n; p++) {
            if (label[p] >= 0) {
                int c = cells[p];
                min = Math.min(min, c);
                max = Math.max(max, c);
                labelled++;
            }
        }
        int[] byColour = (long) max - min < 4096 ? cellsByColour(cells, n, label, min, max, labelled)
                : cellsByColourSorted(cells, n, label, labelled);
        Object[][] members = new Object[ncomp][];
        for (int c = 0; c < ncomp; c++) {
            members[c] = new Object[sizes[c]];
        }
        int[] fill = new int[ncomp];
        int[] rank = new int[ncomp];
        Arrays.fill(rank, -1);
        int nextRank = 0;
        for (int p : byColour) {
            int c = label[p];
            if (rank[c] < 0) {
                rank[c] = nextRank++;
            }
            int i = p / w;
            members[c][fill[c]++] = ColoredLocation.of(cells[p], i, p - i * w);
        }
        Object[] result = new Object[ncomp];
        for (int c = 0; c < ncomp; c++) {
            result[rank[c]] = FSet.wrapSorted(members[c]);
        }
        return FSet.wrapSorted(result);
    }

    /** The labelled cells' positions by (colour, position): a counting sort over colours min..max. */
    private static int[] cellsByColour(int[] cells, int n, int[] label, int min, int max, int labelled) {
        int[] start = new int[max - min + 2];
        for (int p = 0; p < n; p++) {
            if (label[p] >= 0) {
                start[cells[p] - min + 1]++;
            }
        }
        for (int c = 1; c < start.length; c++) {
            start[c] += start[c - 1];
        }
        int[] order = new int[labelled];
        for (int p = 0; p < n; p++) {
            if (label[p] >= 0) {
                order[start[cells[p] - min]++] = p;
            }
        }
        return order;
    }

    /** As {@link #cellsByColour} for colours too far apart to count: sorts (colour, position) keys. */
    private static int[] cellsByColourSorted(int[] cells, int n, int[] label, int labelled) {
        long[] keys = new long[labelled];
        int k = 0;
        for (int p = 0; p < n; p++) {
            if (label[p] >= 0) {
                keys[k++] = ((long) cells[p] << 32) | p;
            }
        }
        Arrays.sort(keys);
        int[] order = new int[labelled];
        for (int m = 0; m < labelled; m++) {
            order[m] = (int) keys[m];
        }
        return order;
    }

    /** The indices 0..n-1 stably sorted by {@code key[index]}. */
    private static int[] stableOrderBy(int[] key, int n) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            min = Math.min(min, key[k]);
            max = Math.max(max, key[k]);
        }
        int[] order = new int[n];
        if ((long) max - min < 4096) {
            int[] start = new int[max - min + 2];
            for (int k = 0; k < n; k++) {
                start[key[k] - min + 1]++;
            }
            for (int c = 1; c < start.length; c++) {
                start[c] += start[c - 1];
            }
            for (int k = 0; k < n; k++) {
                order[start[key[k] - min]++] = k;
            }
        } else {
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) {
                keys[k] = ((long) key[k] << 32) | k;
            }
            Arrays.sort(keys);
            for (int k = 0; k < n; k++) {
                order[k] = (int) keys[k];
            }
        }
        return order;
    }

    // ---- partition -----------------------------------------------------------------------------

    /** {@code partition}: one Object per colour holding all its cells. */
    @Def(index = 91, signature = "partition(grid: Grid) -> Objects",
            summary = "One Object per distinct value of the grid, containing every cell with that value (connectivity is ignored).")
    public static Object partition(Object grid) {
        return byColour(Colors.grid(grid), false, 0);
    }

    /** {@code fgpartition}: {@code partition} without the most common colour (ties to the smallest). */
    @Def(index = 92, signature = "fgpartition(grid: Grid) -> Objects",
            summary = "As partition but without the Object of the colour mostcolor(grid) (tie → smallest colour).")
    public static Object fgpartition(Object grid) {
        Grid g = Colors.grid(grid);
        return byColour(g, true, Colors.background(g));
    }

    private static FSet byColour(Grid g, boolean skip, int bg) {
        int[] cells = g.cells();
        int n = cells.length;
        if (n == 0) {
            return FSet.EMPTY;
        }
        Fuel.charge(2L * n);
        Object[] sorted = Colors.sortedCells(cells, g.cols(), null, n);
        Object[] objs = new Object[16];
        int count = 0;
        for (int k = 0; k < n;) {
            int c = ((ColoredLocation) sorted[k]).color;
            int r = k + 1;
            while (r < n && ((ColoredLocation) sorted[r]).color == c) {
                r++;
            }
            if (!skip || c != bg) {
                if (count == objs.length) {
                    objs = Arrays.copyOf(objs, 2 * count);
                }
                objs[count++] = FSet.wrapSorted(Arrays.copyOfRange(sorted, k, r));
            }
            k = r;
        }
        return FSet.wrapSorted(count == objs.length ? objs : Arrays.copyOf(objs, count));
    }

    // ---- frontiers and compress ----------------------------------------------------------------

    private static boolean[] uniformRows(int[] cells, int h, int w) {
        boolean[] out = new boolean[h];
        for (int i = 0; i < h && w > 0; i++) {
            int base = i * w;
            int c = cells[base];
            boolean u = true;
            for (int j = 1; j < w && u; j++) {
                u = cells[base + j] == c;
            }
            out[i] = u;
        }
        return out;
    }

    private static boolean[] uniformCols(int[] cells, int h, int w) {
        boolean[] out = new boolean[w];
        if (h == 0) {
            return out;
        }
        for (int j = 0; j < w; j++) {
            int c = cells[j];
            boolean u = true;
            for (int i = 1; i < h && u; i++) {
                u = cells[i * w + j] == c;
            }
            out[j] = u;
        }
        return out;
    }

    /** {@code frontiers}: an Object per uniform row and per uniform column. */
    @Def(index = 157, signature = "frontiers(grid: Grid) -> Objects",
            summary = "A row is a frontier if it is non-empty and all its values are equal.")
    public static Object frontiers(Object grid) {
        Grid g = Colors.gridWithRow(grid);
        int h = g.rows();
        int w = g.cols();
        int[] cells = g.cells();
        Fuel.charge(2L * cells.length);
        boolean[] rows = uniformRows(cells, h, w);
        boolean[] cols = uniformCols(cells, h, w);
        Object[] objs = new Object[h + w];
        int n = 0;
        for (int i = 0; i < h; i++) {
            if (rows[i]) {
                Object[] obj = new Object[w];
                for (int j = 0; j < w; j++) {
                    obj[j] = ColoredLocation.of(cells[i * w + j], i, j);
                }
                objs[n++] = FSet.wrapSorted(obj);
            }
        }
        for (int j = 0; j < w; j++) {
            if (cols[j]) {
                Object[] obj = new Object[h];
                for (int i = 0; i < h; i++) {
                    obj[i] = ColoredLocation.of(cells[i * w + j], i, j);
                }
                objs[n++] = FSet.wrapSorted(obj);
            }
        }
        return FSet.fromArray(objs, n);
    }

    /** {@code compress}: the grid without its uniform rows and columns (found on the original grid). */
    @Def(index = 158, signature = "compress(grid: Grid) -> Grid",
            summary = "Removes every frontier row and every frontier column (both determined on the original grid) and returns the remaining values in their original arrangement.")
    public static Object compress(Object grid) {
        Grid g = Colors.grid(grid);
        int h = g.rows();
        int w = g.cols();
        int[] cells = g.cells();
        Fuel.charge(2L * cells.length + h);
        boolean[] rows = uniformRows(cells, h, w);
        boolean[] cols = uniformCols(cells, h, w);
        int kr = 0;
        for (boolean b : rows) {
            if (!b) {
                kr++;
            }
        }
        int kc = 0;
        for (boolean b : cols) {
            if (!b) {
                kc++;
            }
        }
        if (kr == h && kc == w) {
            return g;
        }
        int[] out = new int[kr * kc];
        int k = 0;
        for (int i = 0; i < h; i++) {
            if (rows[i]) {
                continue;
            }
            for (int j = 0; j < w; j++) {
                if (!cols[j]) {
                    out[k++] = cells[i * w + j];
                }
            }
        }
        return Grid.wrap(kr, kc, out);
    }

    // ---- occurrences ---------------------------------------------------------------------------

    /**
     * {@code occurrences}: the offsets (i, j), 0 <= i <= rows - height(obj), 0 <= j <= cols -
     * width(obj), at which every cell of {@code normalize(obj)} shifted by (i, j) lies inside the
     * grid on an equal value.
     */
    @Def(index = 156, signature = "occurrences(grid: Grid, obj: Object) -> Indices",
            summary = "Let normed = normalize(obj), (oh, ow) = shape(obj), rows, cols the grid size.")
    public static Object occurrences(Object grid, Object obj) {
        int len = Pieces.len(obj);
        if (len == 0) {
            Grid g = Colors.gridWithRow(grid);
            int h = g.rows();
            int w = g.cols();
            long total = (long) (h + 1) * (w + 1);
            Fuel.allocate(total);
            if (total > Integer.MAX_VALUE - 8) {
                throw new DslException("MemoryError");
            }
            Object[] out = new Object[(int) total];
            int k = 0;
            for (int i = 0; i <= h; i++) {
                for (int j = 0; j <= w; j++) {
                    out[k++] = Pair.of(i, j);
                }
            }
            return FSet.wrapSorted(out);
        }
        // The object's cells, normalized: relative rows/columns and colours.
        int[] ca;
        int[] cb;
        int[] cc;
        int oh;
        int ow;
        if (obj instanceof FSet set && set.elementKind() == FSet.COLORED_LOCATIONS) {
            Object[] es = set.elements();
            int n = es.length;
            int[] bounds = set.locationBounds();
            int top = bounds[0];
            int left = bounds[1];
            int bottom = bounds[2];
            int right = bounds[3];
            ca = new int[n];
            cb = new int[n];
            cc = new int[n];
            for (int k = 0; k < n; k++) {
                ColoredLocation c = (ColoredLocation) es[k];
                ca[k] = c.i - top;
                cb[k] = c.j - left;
                cc[k] = c.color;
            }
            oh = bottom - top + 1;
            ow = right - left + 1;
        } else {
            int[] b = Geometry.bounds(obj);
            Object normed = Geometry.shift(obj, Pair.of(-b[0], -b[1]));
            oh = Geometry.heightOf(obj);
            ow = Geometry.widthOf(obj);
            Object[] es = Pieces.elements(normed);
            int n = es.length;
            ca = new int[n];
            cb = new int[n];
            cc = new int[n];
            if (!(es[0] instanceof ColoredLocation)) {
                // Indices: unpacking (v, (a, b)) fails as soon as one offset is tested.
                Grid g = Colors.gridWithRow(grid);
                if (g.rows() - oh + 1 > 0 && g.cols() - ow + 1 > 0) {
                    throw DslException.of("cannot unpack %s as a cell (value, (i, j))", es[0]);
                }
                return FSet.EMPTY;
            }
            for (int k = 0; k < n; k++) {
                ColoredLocation c = (ColoredLocation) es[k];
                ca[k] = c.i;
                cb[k] = c.j;
                cc[k] = c.color;
            }
        }
        Grid g = Colors.gridWithRow(grid);
        int h = g.rows();
        int w = g.cols();
        int[] cells = g.cells();
        int h2 = h - oh + 1;
        int w2 = w - ow + 1;
        if (h2 <= 0 || w2 <= 0) {
            return FSet.EMPTY;
        }
        int n = cc.length;
        Fuel.charge((long) h2 * w2 + n);
        int maxA = 0;
        int maxB = 0;
        int[] delta = new int[n];
        for (int k = 0; k < n; k++) {
            maxA = Math.max(maxA, ca[k]);
            maxB = Math.max(maxB, cb[k]);
            delta[k] = ca[k] * w + cb[k];
        }
        boolean inside = h2 - 1 + maxA < h && w2 - 1 + maxB < w;
        Object[] out = new Object[h2 * w2];
        int found = 0;
        for (int i = 0; i < h2; i++) {
            int rowBase = i * w;
            for (int j = 0; j < w2; j++) {
                boolean ok = true;
                if (inside) {
                    int base = rowBase + j;
                    for (int k = 0; k < n; k++) {
                        if (cells[base + delta[k]] != cc[k]) {
                            ok = false;
                            break;
                        }
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        int a = ca[k] + i;
                        int bb = cb[k] + j;
                        if (a >= h || bb >= w || cells[a * w + bb] != cc[k]) {
                            ok = false;
                            break;
                        }
                    }
                }
                if (ok) {
                    out[found++] = Pair.of(i, j);
                }
            }
        }
        return FSet.wrapSorted(found == out.length ? out : Arrays.copyOf(out, found));
    }
}
