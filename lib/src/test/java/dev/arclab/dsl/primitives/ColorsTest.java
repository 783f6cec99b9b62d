package dev.arclab.dsl.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.None;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.ObjectTuple;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Focused tests of the Colors group's trickiest semantics (dsl-spec §7.2 entries and §4.4). */
class ColorsTest {

    private static final Grid G1 = Grid.of(new int[][] {
            {0, 0, 1, 0, 0}, {0, 1, 1, 0, 2}, {0, 0, 0, 2, 2}, {3, 0, 0, 0, 0}, {3, 3, 0, 1, 0}});
    private static final Integer T = 1;
    private static final Integer F = 0;
    private static final Grid TIE = Grid.of(new int[][] {{8, 8, 1}, {0, 0, 1}, {2, 2, 2}});

    @AfterEach
    void stopFuel() {
        Fuel.stop();
    }

    private static Object call(String name, Object... args) {
        return Dsl.call(name, args);
    }

    private static Grid grid(int[]... rows) {
        return Grid.of(rows);
    }

    private static ColoredLocation cell(int c, int i, int j) {
        return new ColoredLocation(c, i, j);
    }

    private static FSet set(Object... xs) {
        return FSet.of(xs);
    }

    private static void assertCanonical(Object v) {
        if (v instanceof FSet s) {
            Object[] es = s.elements();
            for (int k = 1; k < es.length; k++) {
                assertTrue(Values.compare(es[k - 1], es[k]) < 0, () -> "set not ascending: " + s);
            }
            for (Object e : es) {
                assertCanonical(e);
            }
        }
    }

    // ---- colour ties (§4.4: ties go to the smallest value) --------------------------------------

    @Test
    void colourTiesGoToTheSmallestValue() {
        assertEquals(0, call("mostcolor", grid(new int[] {8, 0})));
        assertEquals(0, call("mostcolor", grid(new int[] {9, 9, 0, 0})));
        assertEquals(1, call("leastcolor", grid(new int[] {9, 1})));
        assertEquals(0, call("leastcolor", TIE));
        assertEquals(2, call("mostcolor", TIE));
        assertEquals(1, call("mostcolor", set(cell(2, 0, 0), cell(1, 5, 5))));
        // Indices count their row numbers; a Tuple of cells counts every component of its "rows".
        assertEquals(1, call("mostcolor", set(new Pair(1, 1), new Pair(1, 2), new Pair(2, 1))));
        assertEquals(5, call("leastcolor", ObjectTuple.of(cell(5, 0, 1), cell(6, 1, 1))));
        assertThrows(DslException.class, () -> call("mostcolor", Grid.EMPTY));
        assertThrows(DslException.class, () -> call("leastcolor", Grid.wrap(2, 0, new int[0])));
        assertThrows(DslException.class, () -> call("mostcolor", FSet.EMPTY));
    }

    @Test
    void colourOfAnObjectIsItsSmallestColour() {
        FSet multi = set(cell(2, 1, 1), cell(1, 1, 2));
        FSet two = set(cell(2, 3, 3));
        FSet objs = set(set(cell(1, 0, 0)), multi, two);
        assertEquals(set(two), call("colorfilter", objs, 2));
        assertEquals(set(set(cell(1, 0, 0)), multi), call("colorfilter", objs, 1));
        assertEquals(2, call("color", set(cell(5, 0, 0), cell(2, 9, 9))));
        assertEquals(5, call("color", ObjectTuple.of(cell(5, 0, 0), cell(2, 9, 9))));
        assertThrows(DslException.class, () -> call("color", FSet.EMPTY));
        assertThrows(DslException.class, () -> call("colorfilter", set(FSet.EMPTY), 1));
    }

    @Test
    void paletteOfATupleCollectsEveryRowElement() {
        assertEquals(set(0, 1, 2, 3), call("palette", G1));
        assertEquals(4, call("numcolors", G1));
        assertEquals(set(5, 6, new Pair(0, 1), new Pair(1, 1)), call("palette", ObjectTuple.of(cell(5, 0, 1), cell(6, 1, 1))));
        assertEquals(set(4), call("palette", set(cell(4, 0, 0), cell(4, 1, 1))));
        assertEquals(15, call("colorcount", G1, 0));
        assertEquals(FSet.EMPTY, call("palette", Grid.EMPTY));
    }

    // ---- objects --------------------------------------------------------------------------------

    @Test
    void objectsFlagsFollowTheSpecExamples() {
        // Conformance 3 and 4: the diagonal flag joins the 1-shape and the 2-shape only when multicolour.
        Object o3 = call("objects", G1, F, F, T);
        Object o4 = call("objects", G1, F, T, T);
        assertEquals(4, ((FSet) o3).size());
        assertEquals(3, ((FSet) o4).size());
        assertEquals(set(cell(1, 0, 2), cell(1, 1, 1), cell(1, 1, 2), cell(2, 1, 4), cell(2, 2, 3), cell(2, 2, 4)),
                ((FSet) o4).first());
        // Background by the mostcolor tie rule: in TIE, 2 is the most common colour.
        assertEquals(set(set(cell(0, 1, 0), cell(0, 1, 1)), set(cell(1, 0, 2), cell(1, 1, 2)),
                set(cell(8, 0, 0), cell(8, 0, 1))), call("objects", TIE, T, F, T));
        // Without univalued and background, the whole grid is one object whatever the diagonal flag.
        assertEquals(set(call("asobject", G1)), call("objects", G1, F, F, F));
        // Flags are tested for truthiness.
        assertEquals(call("objects", G1, F, T, F), call("objects", G1, ObjectTuple.EMPTY, ObjectTuple.of(0), FSet.EMPTY));
        assertEquals(FSet.EMPTY, call("objects", grid(new int[] {0}), T, F, T));
        assertEquals(FSet.EMPTY, call("objects", Grid.wrap(2, 0, new int[0]), T, F, F));
        assertThrows(DslException.class, () -> call("objects", Grid.EMPTY, T, F, F));
        assertThrows(DslException.class, () -> call("objects", Grid.wrap(2, 0, new int[0]), T, F, T));
    }

    /** A literal transcription of the spec's connected-component definition, built with generic sets. */
    private static FSet naiveObjects(Grid g, boolean univalued, boolean diagonal, boolean withoutBg) {
        int h = g.rows();
        int w = g.cols();
        Integer bg = withoutBg ? (Integer) call("mostcolor", g) : null;
        boolean[][] occupied = new boolean[h][w];
        List<Object> objs = new ArrayList<>();
        for (int i0 = 0; i0 < h; i0++) {
            for (int j0 = 0; j0 < w; j0++) {
                int val = g.at(i0, j0);
                if (occupied[i0][j0] || (bg != null && val == bg)) {
                    continue;
                }
                List<Object> obj = new ArrayList<>();
                ArrayDeque<int[]> todo = new ArrayDeque<>();
                todo.add(new int[] {i0, j0});
                occupied[i0][j0] = true;
                while (!todo.isEmpty()) {
                    int[] c = todo.poll();
                    obj.add(cell(g.at(c[0], c[1]), c[0], c[1]));
                    for (int di = -1; di <= 1; di++) {
                        for (int dj = -1; dj <= 1; dj++) {
                            if ((di == 0 && dj == 0) || (!diagonal && di != 0 && dj != 0)) {
                                continue;
                            }
                            int i = c[0] + di;
                            int j = c[1] + dj;
                            if (i < 0 || i >= h || j < 0 || j >= w || occupied[i][j]) {
                                continue;
                            }
                            int v = g.at(i, j);
                            if (univalued ? v == val : (bg == null || v != bg)) {
                                occupied[i][j] = true;
                                todo.add(new int[] {i, j});
                            }
                        }
                    }
                }
                objs.add(FSet.copyOf(obj));
            }
        }
        return FSet.copyOf(objs);
    }

    @Test
    void objectsMatchANaiveFloodFillOnRandomGrids() {
        Random rnd = new Random(7);
        for (int t = 0; t < 300; t++) {
            int h = 1 + rnd.nextInt(12);
            int w = 1 + rnd.nextInt(12);
            int colours = 1 + rnd.nextInt(5);
            int[] cells = new int[h * w];
            for (int k = 0; k < cells.length; k++) {
                // Mostly background, sometimes negative or large colours (generic counting paths).
                cells[k] = rnd.nextInt(3) == 0 ? rnd.nextInt(colours) : 0;
                if (t % 10 == 9) {
                    cells[k] = cells[k] * 5000 - 3;
                }
            }
            Grid g = Grid.wrap(h, w, cells);
            for (int flags = 0; flags < 8; flags++) {
                boolean u = (flags & 1) != 0;
                boolean d = (flags & 2) != 0;
                boolean b = (flags & 4) != 0;
                Object actual = call("objects", g, Values.bool(u), Values.bool(d), Values.bool(b));
                assertEquals(naiveObjects(g, u, d, b), actual, () -> "objects " + g + " " + u + d + b);
                assertCanonical(actual);
            }
        }
    }

    @Test
    void partitionsUseTheBackgroundTieRule() {
        Grid g = grid(new int[] {9, 9, 0, 0}, new int[] {1, 2, 2, 1});
        Object fg = call("fgpartition", g);
        assertEquals(set(set(cell(1, 1, 0), cell(1, 1, 3)), set(cell(2, 1, 1), cell(2, 1, 2)),
                set(cell(9, 0, 0), cell(9, 0, 1))), fg);
        assertCanonical(fg);
        assertEquals(4, ((FSet) call("partition", g)).size());
        assertEquals(FSet.EMPTY, call("partition", Grid.EMPTY));
        assertThrows(DslException.class, () -> call("fgpartition", Grid.EMPTY));
    }

    // ---- painting -------------------------------------------------------------------------------

    @Test
    void paintOrderDecidesSharedLocations() {
        Grid g = grid(new int[] {0, 0, 0});
        // A set paints in ascending order: the largest colour wins; underpaint keeps the first (smallest).
        FSet shared = set(cell(1, 0, 1), cell(2, 0, 2), cell(3, 0, 1));
        assertEquals(grid(new int[] {0, 3, 2}), call("paint", g, shared));
        assertEquals(grid(new int[] {0, 1, 2}), call("underpaint", g, shared));
        // A Tuple paints in its own order.
        assertEquals(grid(new int[] {1, 0}), call("paint", grid(new int[] {0, 0}), ObjectTuple.of(cell(2, 0, 0), cell(1, 0, 0))));
        // A background-coloured cell first does not block the next one in underpaint.
        assertEquals(grid(new int[] {5, 1}, new int[] {0, 0}),
                call("underpaint", grid(new int[] {0, 1}, new int[] {0, 0}), set(cell(0, 0, 0), cell(5, 0, 0))));
        // Indices are not cells.
        assertThrows(DslException.class, () -> call("paint", g, set(new Pair(0, 0))));
        assertThrows(DslException.class, () -> call("paint", Grid.EMPTY, FSet.EMPTY));
        // The input grid is never modified.
        assertEquals(grid(new int[] {0, 0, 0}), g);
    }

    @Test
    void fillIgnoresColoursAndOutOfGridLocations() {
        Grid g = grid(new int[] {1, 1, 0}, new int[] {0, 1, 2}, new int[] {2, 0, 2});
        assertEquals(grid(new int[] {7, 1, 0}, new int[] {0, 1, 2}, new int[] {2, 0, 7}),
                call("fill", g, 7, set(new Pair(-1, 1), new Pair(0, 0), new Pair(2, 2), new Pair(3, 0))));
        assertEquals(grid(new int[] {1, 1, 0}, new int[] {0, 7, 2}, new int[] {2, 0, 2}),
                call("fill", g, 7, set(cell(5, 1, 1))));
        // underfill: only where the value is the background (0 wins the three-way tie).
        assertEquals(grid(new int[] {1, 1, 7}, new int[] {7, 1, 2}, new int[] {2, 0, 2}),
                call("underfill", g, 7, set(new Pair(0, 0), new Pair(0, 2), new Pair(1, 0))));
        // cover with the mostcolor tie rule; move = cover then paint shifted.
        assertEquals(grid(new int[] {2, 8, 1}, new int[] {0, 0, 1}, new int[] {2, 2, 2}),
                call("cover", TIE, set(new Pair(0, 0), new Pair(2, 2))));
        assertEquals(grid(new int[] {0, 1, 0}, new int[] {0, 2, 2}, new int[] {2, 0, 2}),
                call("move", g, set(cell(1, 0, 0), cell(2, 0, 0)), new Pair(1, 1)));
        assertThrows(DslException.class, () -> call("move", g, set(new Pair(1, 1)), new Pair(1, 1)));
        assertThrows(DslException.class, () -> call("move", g, set(cell(3, 1, 1)), ObjectTuple.of(1, 2, 3)));
        assertThrows(DslException.class, () -> call("fill", Grid.EMPTY, 7, FSet.EMPTY));
    }

    @Test
    void gridWritersHandleDegenerateShapes() {
        assertEquals(Grid.EMPTY, call("canvas", 5, ObjectTuple.of(0)));
        assertEquals(Grid.wrap(2, 0, new int[0]), call("canvas", 5, new Pair(2, -1)));
        assertThrows(DslException.class, () -> call("canvas", 5, ObjectTuple.of(1)));
        assertEquals(grid(new int[] {1, 9}, new int[] {3, 9}),
                call("cellwise", grid(new int[] {1, 2}, new int[] {3, 4}), grid(new int[] {1, 0}, new int[] {3, 0}), 9));
        assertThrows(DslException.class,
                () -> call("cellwise", grid(new int[] {1, 2}, new int[] {3, 4}), grid(new int[] {1, 2}), 0));
        assertEquals(grid(new int[] {2, 2, 0}), call("switch", grid(new int[] {1, 1, 0}), 1, 2));
        assertEquals(grid(new int[] {3, 2, 1}, new int[] {1, 2, 3}),
                call("switch", grid(new int[] {1, 2, 3}, new int[] {3, 2, 1}), 3, 1));
        assertEquals(grid(new int[] {1, 2, 1}, new int[] {1, 2, 1}),
                call("replace", grid(new int[] {1, 2, 3}, new int[] {3, 2, 1}), 3, 1));
        assertEquals(None.NONE, call("index", grid(new int[] {1, 2, 3}), new Pair(0, -1)));
        assertEquals(3, call("index", grid(new int[] {1, 2, 3}), new Pair(0, 2)));
        assertThrows(DslException.class, () -> call("index", Grid.EMPTY, new Pair(0, 0)));
    }

    @Test
    void frontiersAndCompress() {
        Grid g2 = grid(new int[] {5, 5, 0, 5}, new int[] {5, 0, 0, 5}, new int[] {8, 8, 8, 8}, new int[] {5, 0, 5, 5});
        assertEquals(set(set(cell(8, 2, 0), cell(8, 2, 1), cell(8, 2, 2), cell(8, 2, 3))), call("frontiers", g2));
        assertEquals(grid(new int[] {5, 5, 0, 5}, new int[] {5, 0, 0, 5}, new int[] {5, 0, 5, 5}), call("compress", g2));
        // A 1x1 grid's row and column frontiers are the same object.
        assertEquals(set(set(cell(5, 0, 0))), call("frontiers", grid(new int[] {5})));
        // Every column of a one-row grid is a frontier: rows survive with no columns.
        assertEquals(Grid.wrap(1, 0, new int[0]), call("compress", grid(new int[] {1, 2, 3, 4})));
        assertEquals(Grid.EMPTY, call("compress", grid(new int[] {1, 1}, new int[] {2, 2})));
        assertThrows(DslException.class, () -> call("frontiers", Grid.EMPTY));
    }

    // ---- occurrences ----------------------------------------------------------------------------

    @Test
    void occurrencesEdgeCases() {
        Grid g = grid(new int[] {1, 2}, new int[] {3, 4});
        // Empty object: every offset up to and including (rows, cols).
        assertEquals(9, ((FSet) call("occurrences", g, FSet.EMPTY)).size());
        assertTrue(((FSet) call("occurrences", g, FSet.EMPTY)).contains(new Pair(2, 2)));
        // Indices fail as soon as one offset is tested, but not when none is.
        assertThrows(DslException.class, () -> call("occurrences", g, set(new Pair(0, 0))));
        assertEquals(FSet.EMPTY, call("occurrences", g, set(new Pair(0, 0), new Pair(5, 5))));
        // Holes in the bounding box match anything; overlapping matches are all reported.
        Grid g3 = grid(new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {0, 1, 1});
        assertEquals(set(new Pair(0, 0), new Pair(0, 1), new Pair(1, 0), new Pair(1, 1)),
                call("occurrences", g3, set(cell(1, 0, 0), cell(1, 0, 1), cell(1, 1, 1))));
        // Off-grid objects are normalized first.
        assertEquals(set(new Pair(0, 0)), call("occurrences",
                grid(new int[] {1, 1, 0}, new int[] {0, 1, 2}, new int[] {2, 0, 2}), set(cell(1, -1, -1), cell(1, -1, 0))));
        // A Tuple of cells takes its shape by the Grid rule (height 2 = its length, width 2 = a cell's
        // length), where the same cells as a set have shape (1, 2).
        Grid fives = grid(new int[] {5, 5, 5}, new int[] {5, 5, 5}, new int[] {5, 5, 5});
        assertEquals(set(new Pair(0, 0), new Pair(0, 1), new Pair(1, 0), new Pair(1, 1)),
                call("occurrences", fives, ObjectTuple.of(cell(5, 0, 0), cell(5, 0, 1))));
        assertEquals(6, ((FSet) call("occurrences", fives, set(cell(5, 0, 0), cell(5, 0, 1)))).size());
    }

    /** The spec's occurrences, literally. */
    private static FSet naiveOccurrences(Grid g, FSet obj) {
        int top = Integer.MAX_VALUE;
        int left = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        int right = Integer.MIN_VALUE;
        for (Object e : obj) {
            ColoredLocation c = (ColoredLocation) e;
            top = Math.min(top, c.i);
            left = Math.min(left, c.j);
            bottom = Math.max(bottom, c.i);
            right = Math.max(right, c.j);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i <= g.rows() - (bottom - top + 1); i++) {
            for (int j = 0; j <= g.cols() - (right - left + 1); j++) {
                boolean ok = true;
                for (Object e : obj) {
                    ColoredLocation c = (ColoredLocation) e;
                    int a = c.i - top + i;
                    int b = c.j - left + j;
                    ok &= g.contains(a, b) && g.at(a, b) == c.color;
                }
                if (ok) {
                    out.add(new Pair(i, j));
                }
            }
        }
        return FSet.copyOf(out);
    }

    @Test
    void occurrencesMatchTheDefinitionOnRandomGrids() {
        Random rnd = new Random(11);
        for (int t = 0; t < 300; t++) {
            int h = 1 + rnd.nextInt(9);
            int w = 1 + rnd.nextInt(9);
            int[] cells = new int[h * w];
            for (int k = 0; k < cells.length; k++) {
                cells[k] = rnd.nextInt(2);
            }
            Grid g = Grid.wrap(h, w, cells);
            List<Object> obj = new ArrayList<>();
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                obj.add(cell(rnd.nextInt(2), rnd.nextInt(4) - 1, rnd.nextInt(4) - 1));
            }
            FSet o = FSet.copyOf(obj);
            assertEquals(naiveOccurrences(g, o), call("occurrences", g, o), () -> "occurrences " + g + " " + o);
        }
    }

    // ---- kinds and fuel -------------------------------------------------------------------------

    @Test
    void raggedTuplesUseTheFirstRowWidth() {
        ObjectTuple ragged = ObjectTuple.of(ObjectTuple.of(1, 2), ObjectTuple.of(3));
        assertEquals(set(new Pair(0, 0), new Pair(0, 1), new Pair(1, 0), new Pair(1, 1)), call("asindices", ragged));
        assertEquals(set(cell(1, 0, 0), cell(2, 0, 1), cell(3, 1, 0)), call("asobject", ragged));
        assertEquals(set(new Pair(0, 0)), call("ofcolor", ragged, 1));
        assertThrows(DslException.class, () -> call("index", ragged, new Pair(1, 1)));
        assertThrows(DslException.class, () -> call("asindices", ObjectTuple.of(5)));
    }

    @Test
    void toobjectReadsGridColoursAndDropsOutsideLocations() {
        Grid g = grid(new int[] {1, 1, 0}, new int[] {0, 1, 2}, new int[] {2, 0, 2});
        assertEquals(set(cell(0, 2, 1), cell(1, 1, 1), cell(2, 1, 2)),
                call("toobject", set(cell(3, 1, 1), cell(3, 1, 2), cell(3, 2, 1)), g));
        // A Tuple of locations with duplicates, out of order.
        Object o = call("toobject", ObjectTuple.of(new Pair(2, 2), new Pair(0, 0), new Pair(2, 2), new Pair(9, 0)), g);
        assertEquals(set(cell(1, 0, 0), cell(2, 2, 2)), o);
        assertCanonical(o);
        assertThrows(DslException.class, () -> call("toobject", FSet.EMPTY, Grid.EMPTY));
    }

    @Test
    void bigOutputsAreChargedBeforeAllocation() {
        Fuel.start(10_000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("canvas", 0, new Pair(100_000, 100_000)));
        Fuel.start(10_000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("canvas", 0, new Pair(Integer.MAX_VALUE, 0)));
        Grid big = Grid.filled(30, 30, 0);
        Fuel.start(500);
        assertThrows(Fuel.OutOfFuel.class, () -> call("objects", big, T, F, F));
        Fuel.start(500);
        assertThrows(Fuel.OutOfFuel.class, () -> call("asobject", big));
        Fuel.start(500);
        assertThrows(Fuel.OutOfFuel.class, () -> call("occurrences", big, FSet.EMPTY));
        Fuel.stop();
        // Without a budget, a gigantic canvas is an error, not a Java OutOfMemoryError.
        assertThrows(DslException.class, () -> call("canvas", 0, new Pair(100_000, 100_000)));
    }

    @Test
    void inputGridsAreNeverModified() {
        Grid g = grid(new int[] {1, 2}, new int[] {2, 2});
        Grid copy = grid(new int[] {1, 2}, new int[] {2, 2});
        call("replace", g, 2, 5);
        call("switch", g, 1, 2);
        call("fill", g, 7, set(new Pair(0, 0)));
        call("paint", g, set(cell(9, 1, 1)));
        call("underpaint", g, set(cell(9, 1, 1)));
        call("move", g, set(cell(1, 0, 0)), new Pair(1, 1));
        call("cellwise", g, grid(new int[] {0, 0}, new int[] {0, 0}), 4);
        assertEquals(copy, g);
        assertEquals(grid(new int[] {1, 5}, new int[] {5, 5}), call("replace", g, 2, 5));
    }
}
