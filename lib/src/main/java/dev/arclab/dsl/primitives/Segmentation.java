package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Cell;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Pieces;
import dev.arclab.dsl.Values;
import dev.arclab.grid.Grid;
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
     * {@code objects}: connected components (4- or 8-neighbourhood per {@code diagonal}); with
     * {@code univalued} only equal values connect; with {@code without_bg} cells of the most common
     * colour (ties to the smallest) belong to no object.
     */
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

        // 1. Label the components by flood fill (an int stack; a cell is labelled when pushed).
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] stack = new int[n];
        int[] sizes = new int[n];
        int ncomp = 0;
        for (int s = 0; s < n; s++) {
            if (label[s] >= 0) {
                continue;
            }
            int val = cells[s];
            if (noBg && val == bg) {
                continue;
            }
            int comp = ncomp++;
            label[s] = comp;
            int sp = 0;
            stack[sp++] = s;
            int size = 0;
            while (sp > 0) {
                int p = stack[--sp];
                size++;
                int i = p / w;
                int j = p - i * w;
                boolean up = i > 0;
                boolean down = i < h - 1;
                boolean left = j > 0;
                boolean right = j < w - 1;
                if (up) {
                    sp = visit(cells, label, stack, sp, p - w, comp, uni, val, noBg, bg);
                }
                if (down) {
                    sp = visit(cells, label, stack, sp, p + w, comp, uni, val, noBg, bg);
                }
                if (left) {
                    sp = visit(cells, label, stack, sp, p - 1, comp, uni, val, noBg, bg);
                }
                if (right) {
                    sp = visit(cells, label, stack, sp, p + 1, comp, uni, val, noBg, bg);
                }
                if (diag) {
                    if (up && left) {
                        sp = visit(cells, label, stack, sp, p - w - 1, comp, uni, val, noBg, bg);
                    }
                    if (up && right) {
                        sp = visit(cells, label, stack, sp, p - w + 1, comp, uni, val, noBg, bg);
                    }
                    if (down && left) {
                        sp = visit(cells, label, stack, sp, p + w - 1, comp, uni, val, noBg, bg);
                    }
                    if (down && right) {
                        sp = visit(cells, label, stack, sp, p + w + 1, comp, uni, val, noBg, bg);
                    }
                }
            }
            sizes[comp] = size;
        }
        if (ncomp == 0) {
            return FSet.EMPTY;
        }

        // 2. Walk the labelled cells in canonical cell order (colour, row, column): each component's
        // cells come out sorted, and components are met in the order of their smallest cell, which
        // is the canonical order of the (disjoint) Objects.
        int[] order = colourOrder(cells, label);
        Object[][] members = new Object[ncomp][];
        int[] fill = new int[ncomp];
        Object[] result = new Object[ncomp];
        int[] rank = new int[ncomp];
        int nextRank = 0;
        for (int p : order) {
            int c = label[p];
            Object[] m = members[c];
            if (m == null) {
                m = new Object[sizes[c]];
                members[c] = m;
                rank[c] = nextRank++;
            }
            m[fill[c]++] = new Cell(cells[p], p / w, p % w);
        }
        for (int c = 0; c < ncomp; c++) {
            result[rank[c]] = FSet.wrapSorted(members[c]);
        }
        return FSet.wrapSorted(result);
    }

    private static int visit(int[] cells, int[] label, int[] stack, int sp, int q, int comp, boolean uni,
            int val, boolean noBg, int bg) {
        if (label[q] < 0) {
            int v = cells[q];
            if (uni ? v == val : !(noBg && v == bg)) {
                label[q] = comp;
                stack[sp++] = q;
            }
        }
        return sp;
    }

    /** The flat indices of the labelled cells ({@code label >= 0}) sorted by (colour, index). */
    private static int[] colourOrder(int[] cells, int[] label) {
        int n = cells.length;
        int count = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int p = 0; p < n; p++) {
            if (label[p] >= 0) {
                count++;
                int c = cells[p];
                if (c < min) {
                    min = c;
                }
                if (c > max) {
                    max = c;
                }
            }
        }
        int[] order = new int[count];
        if ((long) max - min < 4096) {
            int[] start = new int[max - min + 2];
            for (int p = 0; p < n; p++) {
                if (label[p] >= 0) {
                    start[cells[p] - min + 1]++;
                }
            }
            for (int c = 1; c < start.length; c++) {
                start[c] += start[c - 1];
            }
            for (int p = 0; p < n; p++) {
                if (label[p] >= 0) {
                    order[start[cells[p] - min]++] = p;
                }
            }
        } else {
            long[] keys = new long[count];
            int k = 0;
            for (int p = 0; p < n; p++) {
                if (label[p] >= 0) {
                    keys[k++] = ((long) cells[p] << 32) | p;
                }
            }
            Arrays.sort(keys);
            for (k = 0; k < count; k++) {
                order[k] = (int) keys[k];
            }
        }
        return order;
    }

    // ---- partition -----------------------------------------------------------------------------

    /** {@code partition}: one Object per colour holding all its cells. */
    public static Object partition(Object grid) {
        return byColour(Colors.grid(grid), false, 0);
    }

    /** {@code fgpartition}: {@code partition} without the most common colour (ties to the smallest). */
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
        Cell[] sorted = Colors.sortedCells(cells, g.cols(), null, n);
        Object[] objs = new Object[16];
        int count = 0;
        for (int k = 0; k < n;) {
            int c = sorted[k].color;
            int r = k + 1;
            while (r < n && sorted[r].color == c) {
                r++;
            }
            if (!skip || c != bg) {
                if (count == objs.length) {
                    objs = Arrays.copyOf(objs, 2 * count);
                }
                objs[count++] = FSet.wrapSorted(Arrays.copyOfRange(sorted, k, r, Object[].class));
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
                    obj[j] = new Cell(cells[i * w + j], i, j);
                }
                objs[n++] = FSet.wrapSorted(obj);
            }
        }
        for (int j = 0; j < w; j++) {
            if (cols[j]) {
                Object[] obj = new Object[h];
                for (int i = 0; i < h; i++) {
                    obj[i] = new Cell(cells[i * w + j], i, j);
                }
                objs[n++] = FSet.wrapSorted(obj);
            }
        }
        return FSet.fromArray(objs, n);
    }

    /** {@code compress}: the grid without its uniform rows and columns (found on the original grid). */
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
    public static Object occurrences(Object grid, Object obj) {
        int len = Pieces.len(obj);
        if (len == 0) {
            Grid g = Colors.gridWithRow(grid);
            int h = g.rows();
            int w = g.cols();
            long total = (long) (h + 1) * (w + 1);
            Fuel.charge(total);
            Object[] out = new Object[(int) total];
            int k = 0;
            for (int i = 0; i <= h; i++) {
                for (int j = 0; j <= w; j++) {
                    out[k++] = new Pair(i, j);
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
        boolean cellsOnly = obj instanceof FSet;
        if (cellsOnly) {
            for (Object e : ((FSet) obj).elements()) {
                if (!(e instanceof Cell)) {
                    cellsOnly = false;
                    break;
                }
            }
        }
        if (cellsOnly) {
            Object[] es = ((FSet) obj).elements();
            int n = es.length;
            int top = Integer.MAX_VALUE;
            int left = Integer.MAX_VALUE;
            int bottom = Integer.MIN_VALUE;
            int right = Integer.MIN_VALUE;
            for (Object e : es) {
                Cell c = (Cell) e;
                top = Math.min(top, c.i);
                bottom = Math.max(bottom, c.i);
                left = Math.min(left, c.j);
                right = Math.max(right, c.j);
            }
            ca = new int[n];
            cb = new int[n];
            cc = new int[n];
            for (int k = 0; k < n; k++) {
                Cell c = (Cell) es[k];
                ca[k] = c.i - top;
                cb[k] = c.j - left;
                cc[k] = c.color;
            }
            oh = bottom - top + 1;
            ow = right - left + 1;
        } else {
            int[] b = Pieces.bounds(obj);
            Object normed = Pieces.shift(obj, new Pair(-b[0], -b[1]));
            oh = Pieces.height(obj);
            ow = Pieces.width(obj);
            Object[] es = Pieces.elements(normed);
            int n = es.length;
            ca = new int[n];
            cb = new int[n];
            cc = new int[n];
            if (!(es[0] instanceof Cell)) {
                // Indices: unpacking (v, (a, b)) fails as soon as one offset is tested.
                Grid g = Colors.gridWithRow(grid);
                if (g.rows() - oh + 1 > 0 && g.cols() - ow + 1 > 0) {
                    throw DslException.of("cannot unpack %s as a cell (value, (i, j))", es[0]);
                }
                return FSet.EMPTY;
            }
            for (int k = 0; k < n; k++) {
                Cell c = (Cell) es[k];
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
                    out[found++] = new Pair(i, j);
                }
            }
        }
        return FSet.wrapSorted(found == out.length ? out : Arrays.copyOf(out, found));
    }
}
