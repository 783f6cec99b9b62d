package dev.arclab.report;

import dev.arclab.dsl.Grid;
import dev.arclab.report.Drawing.Anchor;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures of grids, tasks and candidates in the standard ARC palette, as {@link Drawing}s (PNG or SVG).
 * Cells are squares separated by 1-pixel lines; the cell size depends on the grid size so small grids are
 * not tiny and 30×30 grids are not huge.
 */
public final class GridPictures {
    /** Fill of a diff-mask cell where expected and produced agree. */
    public static final Color DIFF_MATCH = new Color(0xE6, 0xE6, 0xE6);
    /** Fill of a diff-mask cell where they differ. */
    public static final Color DIFF_DIFFERS = new Color(0xE0, 0x24, 0x5E);
    /** Fill of a diff-mask cell that only one of the two grids has (shapes differ). */
    public static final Color DIFF_ONE_SIDE = new Color(0xFF, 0xB0, 0x00);

    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x77, 0x77, 0x77);
    private static final Color RULE = new Color(0xCC, 0xCC, 0xCC);
    private static final int MARGIN = 16;

    private GridPictures() {
    }

    // ---- geometry -------------------------------------------------------------------------------------------

    /** Cell size in pixels for one grid shown alone: the larger side aims at ~240 px, cells 3..32 px. */
    public static int cellSize(int rows, int cols) {
        return cellSizeFor(Math.max(rows, cols), 240, 32);
    }

    private static int cellSizeFor(int maxSide, int target, int max) {
        if (maxSide <= 0) {
            return max;
        }
        return Math.max(3, Math.min(max, Math.round((float) target / maxSide)));
    }

    /** The line between cells: 1 px, or none when cells are too small to afford it. */
    public static int gap(int cell) {
        return cell >= 5 ? 1 : 0;
    }

    /** Width in pixels of a grid of {@code cols} columns drawn with cell size {@code cell}. */
    public static int extent(int cells, int cell) {
        if (cells <= 0) {
            return 3 * cell;
        }
        int gap = gap(cell);
        return cells * (cell + gap) + gap;
    }

    /** Pixel offset of the centre of cell number {@code index} (row or column) from the grid's corner. */
    public static int cellCentre(int index, int cell) {
        int gap = gap(cell);
        return gap + index * (cell + gap) + cell / 2;
    }

    // ---- grid -----------------------------------------------------------------------------------------------

    /** One grid alone, with a size-aware cell size and no margin: the picture is exactly the grid. */
    public static Drawing grid(Grid g) {
        return grid(g, cellSize(g.rows(), g.cols()));
    }

    /** One grid alone with the given cell size. */
    public static Drawing grid(Grid g, int cell) {
        Drawing d = new Drawing(extent(g.cols(), cell), extent(g.rows(), cell));
        drawGrid(d, g, 0, 0, cell);
        return d;
    }

    /** Draws a grid with its top left corner at (x, y). An empty grid is a grey box reading "empty". */
    static void drawGrid(Drawing d, Grid g, double x, double y, int cell) {
        if (g.rows() == 0 || g.cols() == 0) {
            double w = extent(g.cols(), cell);
            double h = extent(g.rows(), cell);
            d.rect(x, y, w, h, new Color(0xF4, 0xF4, 0xF4), RULE, 1);
            d.text(x + w / 2, y + h / 2 + 4, "empty", Math.min(11f, (float) w / 4), false, MUTED, Anchor.MIDDLE);
            return;
        }
        int gap = gap(cell);
        d.rect(x, y, extent(g.cols(), cell), extent(g.rows(), cell), Palette.CELL_BORDER);
        for (int i = 0; i < g.rows(); i++) {
            for (int j = 0; j < g.cols(); j++) {
                double cx = x + gap + j * (cell + gap);
                double cy = y + gap + i * (cell + gap);
                int v = g.at(i, j);
                d.rect(cx, cy, cell, cell, Palette.color(v));
                if (!Palette.inRange(v) && cell >= 8) {
                    // Not an ARC colour: a cross, so it is not mistaken for a colour.
                    double p = cell * 0.25;
                    d.line(cx + p, cy + p, cx + cell - p, cy + cell - p, Color.BLACK, 1);
                    d.line(cx + cell - p, cy + p, cx + p, cy + cell - p, Color.BLACK, 1);
                }
            }
        }
    }

    private static String dims(Grid g) {
        return g.rows() + "\u00d7" + g.cols();
    }

    // ---- task -----------------------------------------------------------------------------------------------

    /** A task's pairs side by side, demo pairs then test pairs; a test output only where it is known. */
    public static Drawing task(Task task) {
        List<Example> pairs = new ArrayList<>(task.demo());
        pairs.addAll(task.test());
        int maxSide = 1;
        for (Example e : pairs) {
            maxSide = Math.max(maxSide, Math.max(e.input().rows(), e.input().cols()));
            if (e.hasOutput()) {
                maxSide = Math.max(maxSide, Math.max(e.output().rows(), e.output().cols()));
            }
        }
        int cell = cellSizeFor(maxSide, 150, 24);
        float labelSize = 12;
        float dimSize = 10;
        int colGap = 24;
        int sectionGap = 24;
        int titleH = 30;
        int labelH = 20;
        int dimH = 16;
        int arrowH = 22;

        int n = pairs.size();
        double[] colW = new double[n];
        double inRowH = 0;
        double outRowH = 0;
        for (int k = 0; k < n; k++) {
            Example e = pairs.get(k);
            double w = Math.max(extent(e.input().cols(), cell), Drawing.textWidth(pairLabel(task, k), labelSize, true));
            inRowH = Math.max(inRowH, extent(e.input().rows(), cell));
            if (e.hasOutput()) {
                w = Math.max(w, extent(e.output().cols(), cell));
                outRowH = Math.max(outRowH, extent(e.output().rows(), cell));
            }
            colW[k] = Math.max(w, 40);
        }
        outRowH = Math.max(outRowH, Math.min(inRowH, 40));
        double width = 2.0 * MARGIN;
        for (int k = 0; k < n; k++) {
            width += colW[k] + (k > 0 ? colGap : 0);
        }
        boolean hasBoth = !task.demo().isEmpty() && !task.test().isEmpty();
        if (hasBoth) {
            width += sectionGap;
        }
        String title = "Task " + task.id();
        String subtitle = task.demo().size() + " demo, " + task.test().size() + " test";
        width = Math.max(width, 2 * MARGIN + Drawing.textWidth(title + "   " + subtitle, 14, true) + 10);
        double inTop = MARGIN + titleH + labelH;
        double arrowTop = inTop + inRowH + dimH;
        double outTop = arrowTop + arrowH;
        double height = outTop + outRowH + dimH + MARGIN;

        Drawing d = new Drawing((int) Math.ceil(width), (int) Math.ceil(height));
        d.text(MARGIN, MARGIN + 14, title, 14, true, TEXT, Anchor.START);
        d.text(MARGIN + Drawing.textWidth(title, 14, true) + 12, MARGIN + 14, subtitle, 12, false, MUTED, Anchor.START);
        double x = MARGIN;
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                x += colGap;
            }
            if (hasBoth && k == task.demo().size()) {
                double lx = x - colGap / 2.0 + sectionGap / 2.0;
                d.line(lx, MARGIN + titleH, lx, height - MARGIN, RULE, 1);
                x += sectionGap;
            }
            Example e = pairs.get(k);
            double cx = x + colW[k] / 2;
            d.text(cx, MARGIN + titleH + 13, pairLabel(task, k), labelSize, true, TEXT, Anchor.MIDDLE);
            double iw = extent(e.input().cols(), cell);
            double ih = extent(e.input().rows(), cell);
            drawGrid(d, e.input(), Math.round(cx - iw / 2), inTop, cell);
            d.text(cx, inTop + ih + 12, dims(e.input()), dimSize, false, MUTED, Anchor.MIDDLE);
            arrow(d, cx, arrowTop + 3, arrowTop + arrowH - 5);
            if (e.hasOutput()) {
                double ow = extent(e.output().cols(), cell);
                double oh = extent(e.output().rows(), cell);
                drawGrid(d, e.output(), Math.round(cx - ow / 2), outTop, cell);
                d.text(cx, outTop + oh + 12, dims(e.output()), dimSize, false, MUTED, Anchor.MIDDLE);
            } else {
                d.text(cx, outTop + Math.min(outRowH, 40) / 2 + 8, "?", 22, true, RULE, Anchor.MIDDLE);
            }
            x += colW[k];
        }
        return d;
    }

    private static String pairLabel(Task task, int k) {
        int demo = task.demo().size();
        return k < demo ? "demo " + (k + 1) : "test " + (k - demo + 1);
    }

    private static void arrow(Drawing d, double x, double y0, double y1) {
        d.line(x, y0, x, y1, MUTED, 1.5f);
        d.line(x - 4, y1 - 5, x, y1, MUTED, 1.5f);
        d.line(x + 4, y1 - 5, x, y1, MUTED, 1.5f);
    }

    // ---- candidate ------------------------------------------------------------------------------------------

    /** Where expected and produced agree, cell by cell, over the union of their shapes. */
    public record Diff(int rows, int cols, int[] mask, int differing, int oneSide, boolean sameShape) {
        public static final int MATCH = 0;
        public static final int DIFFERS = 1;
        public static final int ONE_SIDE = 2;
        /** Outside both grids (e.g. 3×1 against 1×3). */
        public static final int NEITHER = 3;

        public int at(int i, int j) {
            return mask[i * cols + j];
        }

        public boolean matches() {
            return sameShape && differing == 0;
        }
    }

    public static Diff diff(Grid expected, Grid produced) {
        int rows = Math.max(expected.rows(), produced.rows());
        int cols = Math.max(expected.cols(), produced.cols());
        int[] mask = new int[rows * cols];
        int differing = 0;
        int oneSide = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                boolean inE = expected.contains(i, j);
                boolean inP = produced.contains(i, j);
                int m;
                if (inE && inP) {
                    m = expected.at(i, j) == produced.at(i, j) ? Diff.MATCH : Diff.DIFFERS;
                } else if (inE || inP) {
                    m = Diff.ONE_SIDE;
                } else {
                    m = Diff.NEITHER;
                }
                if (m == Diff.DIFFERS) {
                    differing++;
                } else if (m == Diff.ONE_SIDE) {
                    oneSide++;
                }
                mask[i * cols + j] = m;
            }
        }
        boolean same = expected.rows() == produced.rows() && expected.cols() == produced.cols();
        return new Diff(rows, cols, mask, differing, oneSide, same);
    }

    /**
     * A candidate on one sample: input, expected output, produced output and the diff mask, side by side.
     * {@code produced} null means the program gave no grid (error or timeout: say which in {@code status});
     * {@code expected} null means the expected output is not known.
     */
    public static Drawing candidate(Grid input, Grid expected, Grid produced, String caption, String status) {
        Diff diff = expected != null && produced != null ? diff(expected, produced) : null;
        int maxSide = Math.max(input.rows(), input.cols());
        for (Grid g : new Grid[] {expected, produced}) {
            if (g != null) {
                maxSide = Math.max(maxSide, Math.max(g.rows(), g.cols()));
            }
        }
        int cell = cellSizeFor(maxSide, 150, 24);
        String[] labels = {"input", "expected", "produced", "diff"};
        Grid mask = diff == null ? null : Grid.wrap(diff.rows(), diff.cols(), new int[diff.rows() * diff.cols()]);
        Grid[] grids = {input, expected, produced, mask};
        String[] notes = new String[4];
        notes[0] = dims(input);
        notes[1] = expected == null ? "not known" : dims(expected);
        notes[2] = produced == null ? (status == null ? "no output" : status) : dims(produced);
        if (diff == null) {
            notes[3] = "\u2014";
        } else if (diff.matches()) {
            notes[3] = "all " + diff.rows() * diff.cols() + " cells match";
        } else if (diff.sameShape()) {
            notes[3] = diff.differing() + " of " + diff.rows() * diff.cols() + " cells differ";
        } else {
            notes[3] = "shape " + dims(produced) + ", expected " + dims(expected);
        }
        double[] w = new double[4];
        double rowH = 40;
        for (int k = 0; k < 4; k++) {
            Grid g = grids[k];
            double gw = g == null ? 60 : extent(g.cols(), cell);
            if (g != null) {
                rowH = Math.max(rowH, extent(g.rows(), cell));
            }
            w[k] = Math.max(Math.max(gw, Drawing.textWidth(notes[k], 10, false)), Drawing.textWidth(labels[k], 12, true));
        }
        int colGap = 28;
        int titleH = caption == null ? 0 : 26;
        double width = 2.0 * MARGIN + w[0] + w[1] + w[2] + w[3] + 3 * colGap;
        if (caption != null) {
            width = Math.max(width, 2 * MARGIN + Drawing.textWidth(caption, 13, true) + 4);
        }
        double top = MARGIN + titleH + 20;
        double height = top + rowH + 16 + (diff != null && !diff.matches() ? 20 : 0) + MARGIN;
        Drawing d = new Drawing((int) Math.ceil(width), (int) Math.ceil(height));
        if (caption != null) {
            d.text(MARGIN, MARGIN + 13, caption, 13, true, TEXT, Anchor.START);
        }
        double x = MARGIN;
        for (int k = 0; k < 4; k++) {
            double cx = x + w[k] / 2;
            d.text(cx, MARGIN + titleH + 13, labels[k], 12, true, TEXT, Anchor.MIDDLE);
            Grid g = grids[k];
            double gh;
            if (k == 3 && diff != null) {
                double gw = extent(diff.cols(), cell);
                gh = extent(diff.rows(), cell);
                drawMask(d, diff, Math.round(cx - gw / 2), top, cell);
            } else if (g != null) {
                double gw = extent(g.cols(), cell);
                gh = extent(g.rows(), cell);
                drawGrid(d, g, Math.round(cx - gw / 2), top, cell);
            } else {
                gh = 40;
                d.rect(cx - 30, top, 60, gh, new Color(0xF4, 0xF4, 0xF4), RULE, 1);
                d.text(cx, top + gh / 2 + 6, "\u2014", 16, false, MUTED, Anchor.MIDDLE);
            }
            Color noteColor = k == 2 && produced == null ? DIFF_DIFFERS : MUTED;
            d.text(cx, top + gh + 12, notes[k], 10, false, noteColor, Anchor.MIDDLE);
            x += w[k] + colGap;
        }
        if (diff != null && !diff.matches()) {
            double lx = x - colGap - w[3];
            double ly = top + rowH + 32;
            lx = legendSwatch(d, lx, ly, DIFF_DIFFERS, "differs");
            if (!diff.sameShape()) {
                legendSwatch(d, lx + 10, ly, DIFF_ONE_SIDE, "in one grid only");
            }
        }
        return d;
    }

    /** Same as {@link #candidate(Grid, Grid, Grid, String, String)} with no caption or status. */
    public static Drawing candidate(Grid input, Grid expected, Grid produced) {
        return candidate(input, expected, produced, null, null);
    }

    private static double legendSwatch(Drawing d, double x, double y, Color c, String label) {
        d.rect(x, y - 8, 9, 9, c);
        d.text(x + 13, y, label, 10, false, MUTED, Anchor.START);
        return x + 13 + Drawing.textWidth(label, 10, false);
    }

    private static void drawMask(Drawing d, Diff diff, double x, double y, int cell) {
        int gap = gap(cell);
        d.rect(x, y, extent(diff.cols(), cell), extent(diff.rows(), cell), Palette.CELL_BORDER);
        for (int i = 0; i < diff.rows(); i++) {
            for (int j = 0; j < diff.cols(); j++) {
                Color c = switch (diff.at(i, j)) {
                    case Diff.MATCH -> DIFF_MATCH;
                    case Diff.DIFFERS -> DIFF_DIFFERS;
                    case Diff.ONE_SIDE -> DIFF_ONE_SIDE;
                    default -> Color.WHITE;
                };
                d.rect(x + gap + j * (cell + gap), y + gap + i * (cell + gap), cell, cell, c);
            }
        }
    }
}
