package dev.arclab.dsl.primitives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.ObjectTuple;
import dev.arclab.dsl.Tuple;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Focused checks of the trickiest GridOps semantics (dsl-spec §3.8, §2.3, §7.2 entries). */
class GridOpsTest {

    private static final Grid G3 = Grid.of(new int[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});

    @AfterEach
    void stopFuel() {
        Fuel.stop();
    }

    private static Object call(String name, Object... args) {
        return Dsl.call(name, args);
    }

    private static void assertValue(Object expected, Object actual) {
        assertTrue(Values.equal(expected, actual), "expected " + Values.repr(expected) + " got " + Values.repr(actual));
        assertEquals(Values.hash(expected), Values.hash(actual));
    }

    private static Grid grid(int[]... rows) {
        return Grid.of(rows);
    }

    // ---- slicing (§3.8) --------------------------------------------------------------------

    @Test
    void cropUsesPythonSlicingWithNegativeBounds() {
        assertValue(grid(new int[] {5, 6}, new int[] {8, 9}), call("crop", G3, Pair.of(-2, -2), Pair.of(5, 5)));
        // -1 + 2 = 1 < 2 (= -1 + 3): an empty row slice, not the last row.
        assertValue(ObjectTuple.EMPTY, call("crop", G3, Pair.of(-1, 0), Pair.of(2, 3)));
        // Columns past the end: rows are kept, each empty.
        assertValue(ObjectTuple.of(ObjectTuple.EMPTY, ObjectTuple.EMPTY), call("crop", G3, Pair.of(0, 5), Pair.of(2, 2)));
        // A negative column start counts from the end: [1:-1+2] of 4 columns is [3:1], empty.
        Grid g4 = grid(new int[] {5, 5, 0, 5}, new int[] {5, 0, 0, 5}, new int[] {8, 8, 8, 8});
        assertValue(ObjectTuple.of(ObjectTuple.EMPTY, ObjectTuple.EMPTY), call("crop", g4, Pair.of(1, -1), Pair.of(2, 2)));
    }

    @Test
    void cropReadsColumnBoundsOnlyWhenRowsAreSelected() {
        Grid g = grid(new int[] {1, 2, 3}, new int[] {4, 5, 6});
        assertThrows(DslException.class, () -> call("crop", g, ObjectTuple.of(0), Pair.of(1, 1)));
        // No row selected: start[1] is never read (the reference returns () without error).
        assertValue(ObjectTuple.EMPTY, call("crop", g, ObjectTuple.of(5), Pair.of(1, 1)));
    }

    @Test
    void subgridOfPatchAboveTheGridHitsNegativeSlicing() {
        assertValue(ObjectTuple.EMPTY, call("subgrid", FSet.of(Pair.of(-1, 0), Pair.of(1, 1)), G3));
        assertValue(grid(new int[] {1, 2}, new int[] {4, 5}),
                call("subgrid", FSet.of(new ColoredLocation(2, 0, 1), new ColoredLocation(4, 1, 0)), G3));
        assertThrows(DslException.class, () -> call("subgrid", FSet.EMPTY, G3));
        // A Tuple patch uses the Tuple-as-Grid shape: 2 rows (its length) x 2 columns (first element).
        assertValue(grid(new int[] {5, 6}, new int[] {8, 9}),
                call("subgrid", ObjectTuple.of(Pair.of(1, 1), Pair.of(1, 2)), G3));
    }

    @Test
    void trimAndHalvesOfDegenerateGrids() {
        assertValue(ObjectTuple.of(ObjectTuple.EMPTY), call("trim", grid(new int[] {1, 2}, new int[] {3, 4}, new int[] {5, 6})));
        assertValue(ObjectTuple.EMPTY, call("trim", grid(new int[] {1, 2}, new int[] {3, 4})));
        // lefthalf/righthalf are rotation round trips: no columns gives (), not a grid of empty rows.
        assertValue(ObjectTuple.EMPTY, call("lefthalf", grid(new int[] {1}, new int[] {2})));
        assertValue(ObjectTuple.EMPTY, call("righthalf", grid(new int[] {1}, new int[] {2})));
        assertValue(grid(new int[] {4, 5}, new int[] {9, 0}),
                call("righthalf", grid(new int[] {1, 2, 3, 4, 5}, new int[] {6, 7, 8, 9, 0})));
        assertValue(grid(new int[] {3}), call("bottomhalf", grid(new int[] {1}, new int[] {2}, new int[] {3})));
    }

    // ---- Tuple-as-Grid rule and generic Tuples (§2.3) ----------------------------------------

    @Test
    void tuplesAreGridsForTheMirrorFamily() {
        ObjectTuple locs = ObjectTuple.of(Pair.of(0, 1), Pair.of(2, 3));
        Object h = call("hmirror", locs);
        assertInstanceOf(Tuple.class, h);
        assertValue(ObjectTuple.of(Pair.of(2, 3), Pair.of(0, 1)), h);
        // The same locations as a FrozenSet are mirrored inside their bounding box.
        assertValue(FSet.of(Pair.of(2, 1), Pair.of(0, 3)), call("hmirror", FSet.of(Pair.of(0, 1), Pair.of(2, 3))));
        // dmirror of a Tuple of Cells is zip(*cells): the colours, then the locations.
        ObjectTuple cells = ObjectTuple.of(ObjectTuple.of(5, Pair.of(0, 1)), ObjectTuple.of(6, Pair.of(1, 1)));
        assertValue(ObjectTuple.of(Pair.of(5, 6), ObjectTuple.of(Pair.of(0, 1), Pair.of(1, 1))), call("dmirror", cells));
    }

    @Test
    void raggedTuplesFollowZipAndSlicing() {
        ObjectTuple ragged = ObjectTuple.of(Pair.of(1, 2), ObjectTuple.of(3));
        assertValue(grid(new int[] {3, 1}), call("rot90", ragged));
        assertValue(grid(new int[] {1, 3}), call("rot270", ragged));
        assertValue(ObjectTuple.of(ObjectTuple.of(3), Pair.of(2, 1)), call("rot180", ragged));
        assertValue(ObjectTuple.EMPTY, call("lefthalf", ragged));
        assertValue(ObjectTuple.of(Pair.of(1, 2), Pair.of(3, 4), ObjectTuple.of(7)),
                call("vconcat", grid(new int[] {1, 2}, new int[] {3, 4}), grid(new int[] {7})));
        assertThrows(DslException.class, () -> call("rot90", FSet.of(Pair.of(1, 1))));
        assertThrows(DslException.class, () -> call("tophalf", 5));
    }

    // ---- patches ---------------------------------------------------------------------------

    @Test
    void patchMirrorsKeepColoursAndIterateInCanonicalOrder() {
        FSet obj = FSet.of(new ColoredLocation(1, 2, 5), new ColoredLocation(2, 3, 5), new ColoredLocation(3, 2, 7), new ColoredLocation(1, 2, 6));
        FSet v = (FSet) call("vmirror", obj);
        assertArrayEquals(new Object[] {new ColoredLocation(1, 2, 6), new ColoredLocation(1, 2, 7), new ColoredLocation(2, 3, 7), new ColoredLocation(3, 2, 5)},
                v.elements());
        FSet h = (FSet) call("hmirror", obj);
        assertArrayEquals(new Object[] {new ColoredLocation(1, 3, 5), new ColoredLocation(1, 3, 6), new ColoredLocation(2, 2, 5), new ColoredLocation(3, 3, 7)},
                h.elements());
        assertValue(FSet.of(new ColoredLocation(1, 4, 6), new ColoredLocation(2, 4, 5), new ColoredLocation(3, 2, 6)),
                call("cmirror", FSet.of(new ColoredLocation(1, 2, 5), new ColoredLocation(2, 3, 5), new ColoredLocation(3, 2, 7))));
        assertValue(FSet.of(new ColoredLocation(1, 2, 5), new ColoredLocation(2, 2, 6), new ColoredLocation(3, 4, 5)),
                call("dmirror", FSet.of(new ColoredLocation(1, 2, 5), new ColoredLocation(2, 3, 5), new ColoredLocation(3, 2, 7))));
        for (String m : new String[] {"hmirror", "vmirror", "dmirror", "cmirror"}) {
            assertThrows(DslException.class, () -> call(m, FSet.EMPTY), m);
        }
    }

    @Test
    void upscaleOfPatches() {
        FSet obj = FSet.of(new ColoredLocation(5, 2, 3), new ColoredLocation(6, 3, 4));
        FSet up = (FSet) call("upscale", obj, 2);
        assertArrayEquals(new Object[] {new ColoredLocation(5, 2, 3), new ColoredLocation(5, 2, 4), new ColoredLocation(5, 3, 3), new ColoredLocation(5, 3, 4),
            new ColoredLocation(6, 4, 5), new ColoredLocation(6, 4, 6), new ColoredLocation(6, 5, 5), new ColoredLocation(6, 5, 6)}, up.elements());
        assertValue(FSet.EMPTY, call("upscale", FSet.EMPTY, 3));
        assertValue(FSet.EMPTY, call("upscale", obj, 0));
        assertThrows(DslException.class, () -> call("upscale", FSet.of(Pair.of(1, 1)), 2));
        assertThrows(DslException.class, () -> call("upscale", FSet.of(Pair.of(1, 1)), 0));
    }

    // ---- splits, scaling, concatenation ----------------------------------------------------

    @Test
    void splitsAssumeOneSeparatorWhenNotDivisible() {
        Object parts = call("hsplit", grid(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), 3);
        assertValue(ObjectTuple.of(grid(new int[] {0, 1, 2}), grid(new int[] {4, 5, 6}), grid(new int[] {8, 9})), parts);
        assertValue(ObjectTuple.of(grid(new int[] {1}), grid(new int[] {3}), ObjectTuple.EMPTY),
                call("vsplit", grid(new int[] {1}, new int[] {2}, new int[] {3}, new int[] {4}), 3));
        assertValue(ObjectTuple.EMPTY, call("hsplit", G3, -1));
        assertThrows(DslException.class, () -> call("hsplit", G3, 0));
        assertThrows(DslException.class, () -> call("vsplit", ObjectTuple.EMPTY, 2));
    }

    @Test
    void scalingEdgeCases() {
        assertValue(ObjectTuple.of(ObjectTuple.EMPTY, ObjectTuple.EMPTY), call("hupscale", grid(new int[] {1, 2}, new int[] {3, 4}), 0));
        assertValue(ObjectTuple.EMPTY, call("vupscale", grid(new int[] {1, 2}, new int[] {3, 4}), -1));
        assertValue(grid(new int[] {1, 2, 3}, new int[] {4, 5, 6}),
                call("downscale", grid(new int[] {1, 1, 2, 2, 3}, new int[] {1, 1, 2, 2, 3}, new int[] {4, 4, 5, 5, 6}), 2));
        // Negative factors keep the same indices as Python's j % -2 == 0.
        assertValue(grid(new int[] {1, 3}, new int[] {7, 9}), call("downscale", G3, -2));
        assertThrows(DslException.class, () -> call("downscale", G3, 0));
        assertThrows(DslException.class, () -> call("downscale", ObjectTuple.EMPTY, 2));
        assertValue(grid(new int[] {1, 2, 3, 7}), call("hconcat", grid(new int[] {1, 2, 3}, new int[] {4, 5, 6}),
                grid(new int[] {7})));
    }

    // ---- fuel and huge outputs -------------------------------------------------------------

    @Test
    void bigOutputsRunOutOfFuelBeforeAllocating() {
        Fuel.start(10_000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("upscale", G3, 1_000));
        Fuel.start(10_000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("hupscale", G3, 100_000));
        Fuel.start(10_000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("hsplit", G3, 1_000_000_000));
        Fuel.start(10_000);
        assertThrows(Fuel.OutOfFuel.class,
                () -> call("upscale", FSet.of(new ColoredLocation(1, 0, 0), new ColoredLocation(2, 5, 5)), 1_000));
        Fuel.start(100_000);
        call("upscale", G3, 10);
        assertTrue(Fuel.used() >= 900, "upscale to 900 cells must charge for them, used " + Fuel.used());
    }

    @Test
    void impossibleSizesAreDslErrorsWithoutFuel() {
        // No budget: a result beyond Java's array limit is a DSL error, never a Java exception.
        assertThrows(DslException.class, () -> call("upscale", G3, 1 << 20));
        assertThrows(DslException.class, () -> call("vupscale", G3, Integer.MAX_VALUE));
    }

    @Test
    void mirrorsOfLocationsAreThoseOfTheSameGenericTuples() {
        // Indices and objects take a path on their fields; the same values spelled as generic tuples take the
        // general one: same sets, same fuel
        java.util.Random r = new java.util.Random(29);
        for (int round = 0; round < 300; round++) {
            int n = 1 + r.nextInt(40);
            int colours = 1 + r.nextInt(3);
            Object[] fast = new Object[n];
            Object[] generic = new Object[n];
            boolean cells = round % 2 == 0;
            for (int k = 0; k < n; k++) {
                int i = r.nextInt(12) - 3;
                int j = r.nextInt(12) - 3;
                int c = r.nextInt(colours);
                fast[k] = cells ? new ColoredLocation(c, i, j) : new Pair(i, j);
                generic[k] = cells ? ObjectTuple.of(c, ObjectTuple.of(i, j)) : ObjectTuple.of(i, j);
            }
            FSet a = FSet.fromArray(fast);
            FSet b = FSet.fromArray(generic);
            assertTrue(a.elementKind() != FSet.OTHER && b.elementKind() == FSet.OTHER);
            for (String name : new String[] {"hmirror", "vmirror"}) {
                Fuel.start(1_000_000);
                Object expected = call(name, b);
                long used = Fuel.used();
                Fuel.start(1_000_000);
                Object actual = call(name, a);
                assertEquals(used, Fuel.used(), name + " fuel");
                assertValue(expected, actual);
                FSet result = (FSet) actual;
                for (int k = 1; k < result.size(); k++) {
                    assertTrue(Values.compare(result.get(k - 1), result.get(k)) < 0, name + " ascending");
                }
            }
        }
    }
}
