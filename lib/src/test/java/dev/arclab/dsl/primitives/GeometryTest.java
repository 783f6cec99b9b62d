package dev.arclab.dsl.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Focused checks of the trickiest geometry semantics (dsl-spec §7.2), written from the spec. */
class GeometryTest {

    @AfterEach
    void noFuelLimit() {
        Fuel.stop();
    }

    private static Object call(String name, Object... args) {
        return Dsl.call(name, args);
    }

    private static Pair p(int i, int j) {
        return new Pair(i, j);
    }

    private static ColoredLocation c(int color, int i, int j) {
        return new ColoredLocation(color, i, j);
    }

    private static FSet set(Object... xs) {
        return FSet.of(xs);
    }

    private static void assertValue(Object expected, Object actual) {
        assertTrue(Values.equal(expected, actual), "expected " + Values.repr(expected) + " got " + Values.repr(actual));
    }

    // ---- empty inputs that are not errors, and kind preservation -------------------------------------

    @Test
    void emptyPatchResults() {
        assertValue(ObjectTuple.EMPTY, call("ulcorner", FSet.EMPTY));
        assertValue(ObjectTuple.EMPTY, call("lrcorner", ObjectTuple.EMPTY));
        assertValue(set(ObjectTuple.EMPTY), call("corners", FSet.EMPTY));
        assertValue(ObjectTuple.EMPTY, call("centerofmass", FSet.EMPTY));
        assertSame(ObjectTuple.EMPTY, call("box", ObjectTuple.EMPTY));
        assertSame(ObjectTuple.EMPTY, call("shift", ObjectTuple.EMPTY, p(1, 1)));
        assertSame(ObjectTuple.EMPTY, call("normalize", ObjectTuple.EMPTY));
        assertValue(FSet.EMPTY, call("backdrop", ObjectTuple.EMPTY));
        assertValue(1, call("square", FSet.EMPTY));
        assertValue(0, call("vline", FSet.EMPTY));
        assertValue(0, call("hperiod", FSet.EMPTY));
        for (String f : new String[] {"uppermost", "center", "inbox", "outbox"}) {
            assertThrows(DslException.class, () -> call(f, FSet.EMPTY), f);
        }
        assertThrows(DslException.class, () -> call("manhattan", set(p(0, 0)), FSet.EMPTY));
        assertThrows(DslException.class, () -> call("gravitate", set(p(0, 0)), FSet.EMPTY));
    }

    @Test
    void tupleIsAGridForShapeButLocationsForBounds() {
        Grid locs = Grid.of(new int[][] {{0, 1}, {2, 3}, {0, 1}});
        // height of a Tuple is its length (3), not the row span of its locations.
        assertValue(3, call("height", locs));
        assertValue(p(1, 2), call("center", locs));
        // toindices passes a Tuple of locations through unchanged, duplicates kept.
        assertSame(locs, call("toindices", locs));
        // A FrozenSet minus a Tuple is undefined: delta of a Tuple of locations fails ...
        assertThrows(DslException.class, () -> call("delta", locs));
        // ... but a Tuple of cells is converted by toindices first.
        ObjectTuple cells = ObjectTuple.of(c(5, 0, 1), c(6, 1, 2));
        assertValue(set(p(0, 2), p(1, 1)), call("delta", cells));
        // shift of a Tuple comes back as a FrozenSet with duplicates collapsed.
        assertValue(set(p(1, 2), p(3, 4)), call("shift", locs, p(1, 1)));
    }

    @Test
    void cornerColumnsFollowZip() {
        Grid g = Grid.of(new int[][] {{1, 2, 3}, {4, 5, 6}});
        assertValue(ObjectTuple.of(1, 2, 3), call("ulcorner", g));
        assertValue(ObjectTuple.of(4, 5, 6), call("lrcorner", g));
        assertThrows(DslException.class, () -> call("urcorner", g));
        assertThrows(DslException.class, () -> call("llcorner", g));
        assertThrows(DslException.class, () -> call("corners", g));
        assertThrows(DslException.class, () -> call("backdrop", g));
    }

    @Test
    void objectsWithSharedLocations() {
        FSet twoOnOne = set(c(1, 0, 0), c(1, 0, 3), c(2, 0, 0));
        // centerofmass sums distinct locations but divides by the element count: (0+3)//3 = 1.
        assertValue(p(0, 1), call("centerofmass", twoOnOne));
        assertValue(0, call("square", set(c(1, 0, 0), c(2, 0, 0))));
        assertValue(set(p(0, 0), p(0, 3)), call("toindices", twoOnOne));
        assertValue(set(c(7, 0, 0), c(7, 0, 3)), call("recolor", 7, twoOnOne));
        assertValue(set(c(1, 1, 1), c(2, 1, 1)), call("shift", set(c(1, 0, 0), c(2, 0, 0)), p(1, 1)));
    }

    @Test
    void shiftDirectionsMustUnpackToTwoIntegers() {
        FSet s = set(p(1, 1));
        assertThrows(DslException.class, () -> call("shift", s, ObjectTuple.of(1, 2, 3)));
        assertThrows(DslException.class, () -> call("shift", s, ObjectTuple.of(1)));
        assertThrows(DslException.class, () -> call("shift", s, 1));
        assertValue(set(p(2, 1)), call("shift", s, ObjectTuple.of(1, 0)));
    }

    @Test
    void inboxOfThinPatchesExtendsOutward() {
        assertValue(call("outbox", set(p(5, 5))), call("inbox", set(p(5, 5))));
        assertValue(set(p(1, 1)), call("inbox", set(p(0, 0), p(2, 2))));
        assertValue(set(p(0, 0), p(0, 1), p(1, 0), p(1, 1)), call("inbox", set(p(0, 0), p(1, 1))));
    }

    @Test
    void deltaOfIndicesIsTheBackdropWithoutThemAndCostsAsForAnObject() {
        Random r = new Random(21);
        for (int round = 0; round < 300; round++) {
            int n = 1 + r.nextInt(round < 150 ? 6 : 80);
            int base = round % 3 == 0 ? -40 : (round % 3 == 1 ? 0 : 55);
            int span = 1 + r.nextInt(20);
            Object[] pairs = new Object[n];
            for (int k = 0; k < n; k++) {
                pairs[k] = p(base + r.nextInt(span), base + r.nextInt(span));
            }
            FSet indices = FSet.fromArray(pairs);
            // the same locations as an object of one colour, and of two (the general path) when there are two
            Object[] cells = new Object[indices.size()];
            Object[] multicolour = new Object[indices.size()];
            for (int k = 0; k < indices.size(); k++) {
                Pair at = (Pair) indices.get(k);
                cells[k] = c(3, at.a, at.b);
                multicolour[k] = c(k % 2 == 0 ? 1 : 2, at.a, at.b);
            }
            Fuel.start(1_000_000);
            Object delta = call("delta", indices);
            long used = Fuel.used();
            assertValue(((FSet) call("backdrop", indices)).minus(indices), delta);
            for (Object[] object : List.of(cells, multicolour)) {
                Fuel.start(1_000_000);
                Object ofObject = call("delta", FSet.fromArray(object));
                assertEquals(used, Fuel.used(), "fuel of delta on indices and on an object over the same locations");
                assertValue(delta, ofObject);
            }
            Fuel.stop();
        }
    }

    @Test
    void connectAndShoot() {
        assertValue(set(p(0, 2), p(1, 1), p(2, 0)), call("connect", p(2, 0), p(0, 2)));
        assertValue(FSet.EMPTY, call("connect", p(0, 0), p(1, 2)));
        assertThrows(DslException.class, () -> call("connect", ObjectTuple.of(0, 0, 9), p(2, 2)));
        assertValue(set(p(3, 3)), call("shoot", p(3, 3), p(0, 0)));
        assertEquals(85, ((FSet) call("shoot", p(0, 0), p(2, 2))).size());
        assertEquals(43, ((FSet) call("shoot", p(5, 5), p(-1, 0))).size());
    }

    @Test
    void gravitateQuirks() {
        assertValue(p(0, 3), call("gravitate", set(p(0, 0)), set(p(0, 4))));
        // Never adjacent (diagonal): the loop stops after 42 steps.
        assertValue(p(0, 42), call("gravitate", set(p(0, 0)), set(p(3, 3))));
        // Equal centres, vertical case: steps upwards.
        assertValue(p(-1, 0), call("gravitate", set(p(3, 3)), set(p(3, 3))));
        // A destination with a huge bounding box takes the pairwise path: same rule.
        assertValue(p(0, 3), call("gravitate", set(p(0, 0)), set(p(0, 4), p(100000, 100000))));
        assertValue(p(0, 2), call("gravitate", set(c(1, 0, 0), c(1, 1, 0)), set(p(1, 3), p(-70000, 90000))));
    }

    @Test
    void periodsWithLargeColoursMatchSmallOnes() {
        FSet small = set(c(1, 0, 0), c(2, 0, 1), c(1, 0, 2), c(2, 0, 3), c(1, 0, 4));
        FSet large = set(c(100, 0, 0), c(200, 0, 1), c(100, 0, 2), c(200, 0, 3), c(100, 0, 4));
        assertValue(2, call("hperiod", small));
        assertValue(2, call("hperiod", large));
        assertValue(1, call("vperiod", large));
        assertThrows(DslException.class, () -> call("hperiod", set(p(1, 1), p(1, 2))));
        assertValue(1, call("hperiod", set(p(1, 1), p(2, 1))));
    }

    @Test
    void matchingWithFarApartCoordinates() {
        assertValue(1, call("hmatching", set(p(5, 0), p(100000, 0)), set(p(100000, 7))));
        assertValue(0, call("vmatching", set(p(5, 0), p(9, 100000)), set(p(1, 1))));
    }

    // ---- fuel and huge outputs ----------------------------------------------------------------------

    @Test
    void hugeOutputsRunOutOfFuelBeforeAllocating() {
        Fuel.start(10_000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("connect", p(0, 0), p(0, 50_000_000)));
        Fuel.start(10_000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("backdrop", set(p(0, 0), p(5000, 5000))));
        Fuel.start(10_000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("box", set(p(0, 0), p(0, 20_000))));
        Fuel.stop();
        // Without a budget an absurd size is a DSL error, not an OutOfMemoryError.
        assertThrows(DslException.class, () -> call("backdrop", set(p(0, 0), p(1 << 20, 1 << 20))));
    }

    @Test
    void workIsCharged() {
        Fuel.start(1_000_000);
        call("manhattan", Boxes.rect(0, 9, 0, 9), Boxes.rect(20, 29, 20, 29));
        assertTrue(Fuel.used() >= 100 * 100, "manhattan of 100 x 100 locations used " + Fuel.used());
        Fuel.start(1_000_000);
        call("backdrop", set(p(0, 0), p(29, 29)));
        assertTrue(Fuel.used() >= 900, "backdrop of 900 locations used " + Fuel.used());
    }

    // ---- fast paths agree with the generic paths ---------------------------------------------------

    private static final String[] UNARY = {
        "height", "width", "shape", "portrait", "ulcorner", "urcorner", "llcorner", "lrcorner", "toindices",
        "normalize", "uppermost", "lowermost", "leftmost", "rightmost", "square", "vline", "hline",
        "centerofmass", "center", "corners", "backdrop", "delta", "inbox", "outbox", "box", "hperiod", "vperiod"};
    private static final String[] BINARY = {"hmatching", "vmatching", "manhattan", "adjacent", "position", "gravitate"};

    /** The same patch with every element spelled as a generic ObjectTuple (defeats the Pair/ColoredLocation fast paths). */
    private static FSet generic(FSet s) {
        List<Object> out = new ArrayList<>();
        for (Object e : s) {
            if (e instanceof Pair q) {
                out.add(ObjectTuple.of(q.a, q.b));
            } else {
                ColoredLocation x = (ColoredLocation) e;
                out.add(ObjectTuple.of(x.color, ObjectTuple.of(x.i, x.j)));
            }
        }
        return FSet.copyOf(out);
    }

    private static FSet randomPatch(Random rnd, boolean cells) {
        int n = 1 + rnd.nextInt(7);
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = rnd.nextInt(6) - 1;
            int j = rnd.nextInt(6) - 1;
            out.add(cells ? c(rnd.nextInt(3), i, j) : p(i, j));
        }
        return FSet.copyOf(out);
    }

    private static Object outcome(String name, Object... args) {
        try {
            return Dsl.call(name, args);
        } catch (DslException e) {
            return "ERROR";
        }
    }

    @Test
    void fastPathsAgreeWithGenericPaths() {
        Random rnd = new Random(7);
        for (int round = 0; round < 400; round++) {
            FSet a = randomPatch(rnd, rnd.nextBoolean());
            FSet b = randomPatch(rnd, rnd.nextBoolean());
            FSet ga = generic(a);
            FSet gb = generic(b);
            for (String f : UNARY) {
                check(f, outcome(f, a), outcome(f, ga), a);
            }
            for (String f : BINARY) {
                check(f, outcome(f, a, b), outcome(f, ga, gb), a);
            }
            check("recolor", outcome("recolor", 4, a), outcome("recolor", 4, ga), a);
            check("shift", outcome("shift", a, p(2, -3)), outcome("shift", ga, p(2, -3)), a);
        }
    }

    private static void check(String f, Object fast, Object slow, Object arg) {
        if (!(fast instanceof String && slow instanceof String) && !Values.equal(fast, slow)) {
            fail(f + "(" + Values.repr(arg) + "): fast " + Values.repr(fast) + " vs generic " + Values.repr(slow));
        }
        if (fast instanceof FSet s) {
            Object[] es = s.elements();
            for (int k = 1; k < es.length; k++) {
                assertTrue(Values.compare(es[k - 1], es[k]) < 0, f + ": result not in canonical order");
            }
        }
        if (fast instanceof Tuple && slow instanceof Tuple) {
            assertEquals(Values.hash(fast), Values.hash(slow));
        }
    }
}
