package dev.arclab.dsl.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.IntTuple;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.ObjectTuple;
import dev.arclab.dsl.Tuple;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trickiest semantics of the Basics group, written from dsl-spec §3, §4 and §7.2. */
class BasicsTest {

    private static Object call(String name, Object... args) {
        return Dsl.call(name, args);
    }

    private static Object prim(String name) {
        return Dsl.require(name);
    }

    private static Tuple tup(Object... items) {
        return ObjectTuple.of(items);
    }

    private static FSet set(Object... items) {
        return FSet.of(items);
    }

    private static void assertValue(Object expected, Object actual) {
        assertTrue(Values.equal(expected, actual), "expected " + Values.repr(expected) + " got " + Values.repr(actual));
        assertEquals(Values.hash(expected), Values.hash(actual));
    }

    private static void assertError(String name, Object... args) {
        assertThrows(DslException.class, () -> Dsl.call(name, args), name);
    }

    @AfterEach
    void stopFuel() {
        Fuel.stop();
    }

    // ---- Numerical dispatch (§3.9) --------------------------------------------------------------

    @Test
    void numericalDispatchBroadcastsAsymmetricallyAndFloorsDivision() {
        assertValue(tup(9, 8), call("subtract", 10, new Pair(1, 2)));
        assertValue(tup(9, 19), call("subtract", tup(10, 20), 1));
        assertValue(tup(2, 3), call("add", tup(1, 2, 3), tup(1, 1)));
        assertValue(-4, call("divide", -7, 2));
        assertValue(tup(-4, -4), call("divide", tup(-7, 7), tup(2, -2)));
        assertValue(-3, call("halve", -5));
        assertError("divide", 1, 0);
        assertError("add", tup(1), tup(1, 2));
        assertError("add", set(1), 1);
        assertError("even", tup(2, 2));
    }

    @Test
    void componentsFollowPythonOperators() {
        Grid g = Grid.of(new int[][] {{1, 2, 3}, {4, 5, 6}});
        // 1 * row repeats the row once; 1 + row is a TypeError.
        assertValue(g, call("multiply", 1, g));
        assertError("add", 1, g);
        assertValue(tup(tup(1, 1), tup(2, 2)), call("double", tup(tup(1), tup(2))));
        assertValue(tup(-2, 0), call("crement", tup(-1, 0)));
        assertValue(tup(-1, 0), call("sign", tup(-2, 0)));
    }

    // ---- ties and the canonical order (§3.7, §4) ------------------------------------------------

    @Test
    void mostAndLeastCommonBreakTiesByCanonicalOrder() {
        assertValue(0, call("mostcommon", tup(9, 8, 1, 0)));
        assertValue(0, call("leastcommon", tup(8, 0)));
        assertValue(set(), call("mostcommon", tup(set(), set(1), set(), set(1))));
        assertError("mostcommon", set(1, 2));
        assertError("mostcommon", FSet.EMPTY);
        assertError("leastcommon", ObjectTuple.EMPTY);
    }

    @Test
    void argmaxKeepsFirstOnTiesAndUsesSubsetOrderForSetKeys() {
        assertValue(tup(0, 0), call("argmax", set(tup(0, 0), tup(1, 2), tup(5)), prim("size")));
        assertValue(tup(5), call("argmin", set(tup(1, 2), tup(5), tup(7)), prim("size")));
        assertValue(set(1), call("argmax", set(set(1), set(2)), prim("identity")));
        assertValue(set(1, 2), call("argmax", set(set(1), set(1, 2), set(2)), prim("identity")));
        assertValue(set(1), call("maximum", set(set(1), set(2))));
        assertError("argmax", FSet.EMPTY, prim("size"));
        assertError("argmax", set(prim("size"), prim("first")), prim("identity"));
    }

    @Test
    void valmaxOfEmptyAppliesTheKeyToZero() {
        assertValue(0, call("valmax", FSet.EMPTY, prim("invert")));
        assertError("valmax", FSet.EMPTY, prim("size"));
        assertValue(7, call("valmax", tup(3, -7), prim("invert")));
        assertValue(0, call("maximum", FSet.EMPTY));
        assertValue(tup(1, 0), call("maximum", tup(tup(0, 5), tup(1, 0))));
    }

    @Test
    void orderIsStableAndFollowsCPythonOnPartialOrders() {
        assertValue(tup(1, 3, 2, 4), call("order", set(1, 2, 3, 4), prim("even")));
        assertValue(tup(3, 1, 4, 2), call("order", tup(4, 3, 2, 1), prim("even")));
        assertValue(tup(tup(2, 0), tup(0, 1), tup(1, 1)), call("order", set(tup(0, 1), tup(1, 1), tup(2, 0)), prim("last")));
        // CPython 3.11: sorted([{1}, {1,2}, {2}]) == [{1}, {2}, {1,2}] (run of 2, then binary insertion).
        assertValue(tup(set(1), set(2), set(1, 2)), call("order", set(set(1), set(1, 2), set(2)), prim("identity")));
        assertError("order", tup(1, tup(1, 2)), prim("identity"));
        // One element: no comparison, so no error even for an incomparable key.
        assertValue(tup(prim("size")), call("order", tup(prim("size")), prim("identity")));
    }

    // ---- kind preservation (§2.5) ---------------------------------------------------------------

    @Test
    void combineAndDifferenceKeepTheKindOfTheFirstArgument() {
        assertValue(tup(5, 1, 3), call("combine", tup(5), set(3, 1)));
        assertValue(set(1, 2), call("combine", set(1), tup(2, 2)));
        assertValue(tup(tup(9, 9), tup(0, 0), tup(1, 1)), call("combine", tup(tup(9, 9)), set(tup(1, 1), tup(0, 0))));
        assertValue(tup(3, 2), call("difference", tup(3, 1, 2, 1), set(1)));
        assertValue(set(1), call("difference", set(1, 2), tup(2, 5)));
        assertError("combine", 1, tup(2));
        assertError("combine", set(1), 5);
        assertError("intersection", tup(1, 2), set(1));
        Grid g = Grid.of(new int[][] {{1}});
        Object both = call("combine", g, Grid.of(new int[][] {{2}}));
        assertValue(Grid.of(new int[][] {{1}, {2}}), both);
    }

    @Test
    void mergeAndMapplyFlattenInIterationOrder() {
        assertValue(tup(3, 5, 1), call("merge", tup(set(5, 3), tup(1))));
        assertValue(set(1, 2, 3), call("merge", set(set(1, 2), set(2, 3))));
        assertValue(tup(1, 2, 3, 4, 5, 6), call("merge", Grid.of(new int[][] {{1, 2, 3}, {4, 5, 6}})));
        assertValue(tup(3, 3), call("mapply", prim("initset"), tup(3, 3)));
        assertValue(tup(1, 3, 2, 4), call("mpapply", prim("astuple"), set(1, 2), set(3, 4)));
        assertError("merge", tup(tup(1), 2));
        assertError("mapply", prim("size"), tup(1, 2));
    }

    @Test
    void filtersAndMapsKeepKindAndCollapseSetResults() {
        Grid g = Grid.of(new int[][] {{1, 1, 0}, {0, 1, 2}, {2, 0, 2}});
        Object kept = call("sfilter", g, call("lbind", prim("contained"), 2));
        assertValue(Grid.of(new int[][] {{0, 1, 2}, {2, 0, 2}}), kept);
        assertValue(set(0, 1), call("apply", prim("even"), set(1, 2, 3, 5)));
        assertValue(tup(2, 4, 2), call("apply", prim("double"), tup(1, 2, 1)));
        assertValue(set(4), call("rapply", set(prim("first"), prim("last")), tup(4, 4)));
        assertValue(set(2, 3, 4), call("prapply", prim("add"), tup(1, 2), tup(2, 1)));
        assertError("apply", prim("invert"), 5);
        assertError("apply", prim("first"), tup(FSet.EMPTY));
    }

    @Test
    void dedupeOfEmptySetIsEmptyTupleButNonEmptySetFails() {
        assertValue(ObjectTuple.EMPTY, call("dedupe", FSet.EMPTY));
        assertError("dedupe", set(1, 2));
        assertValue(tup(3, 1, 2), call("dedupe", tup(3, 1, 3, 2, 1)));
        assertValue(tup(1), call("dedupe", tup(1, 1)));
    }

    // ---- picks and errors -----------------------------------------------------------------------

    @Test
    void picksFollowIterationOrderAndRaiseOnNothing() {
        assertValue(3, call("first", set(9, 7, 3)));
        assertValue(9, call("last", set(9, 7, 3)));
        assertValue(IntTuple.of(1, 2, 3), call("first", Grid.of(new int[][] {{1, 2, 3}, {4, 5, 6}})));
        assertValue(5, call("other", set(3, 5, 7), 3));
        assertValue(4, call("extract", set(6, 3, 4), prim("even")));
        assertError("first", ObjectTuple.EMPTY);
        assertError("last", FSet.EMPTY);
        assertError("other", set(1), 1);
        assertError("extract", tup(1, 3), prim("even"));
        assertError("insert", 1, tup(2));
        assertError("size", 5);
        assertError("contained", 1, 5);
        assertValue(0, call("contained", 1, Grid.of(new int[][] {{1, 2}})));
        assertValue(1, call("contained", tup(1, 2), Grid.of(new int[][] {{1, 2}})));
    }

    @Test
    void bothAndEitherReturnOperandsNotBooleans() {
        assertValue(5, call("both", 3, 5));
        assertValue(ObjectTuple.EMPTY, call("both", ObjectTuple.EMPTY, 1));
        assertSame(prim("size"), call("either", 0, prim("size")));
        assertSame(prim("first"), call("branch", FSet.EMPTY, prim("size"), prim("first")));
    }

    // ---- builders of Tuples and sets ------------------------------------------------------------

    @Test
    void intervalRepeatAndProductBuildExactly() {
        assertValue(tup(6, 3, 0), call("interval", 6, -1, -3));
        assertValue(tup(-3, -1, 1), call("interval", -3, 3, 2));
        assertValue(ObjectTuple.EMPTY, call("interval", 0, 5, -1));
        assertError("interval", 0, 3, 0);
        assertValue(ObjectTuple.EMPTY, call("repeat", 7, -2));
        assertValue(Grid.of(new int[][] {{1, 2}, {1, 2}}), call("repeat", tup(1, 2), 2));
        FSet p = (FSet) call("product", set(2, 1), set(3, 0));
        assertValue(set(tup(1, 0), tup(1, 3), tup(2, 0), tup(2, 3)), p);
        Object[] es = p.elements();
        for (int k = 1; k < es.length; k++) {
            assertTrue(Values.compare(es[k - 1], es[k]) < 0);
        }
        assertValue(tup(tup(1, 7), tup(2, 8)), call("pair", set(1, 2), tup(7, 8, 9)));
        assertError("pair", 5, ObjectTuple.EMPTY);
        assertError("product", FSet.EMPTY, 5);
    }

    @Test
    void bigOutputsChargeFuelBeforeAllocating() {
        Fuel.start(1000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("repeat", 7, 100_000));
        Fuel.start(1000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("interval", 0, 1_000_000_000, 1));
        Fuel.start(1000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("product", call("interval", 0, 100, 1), call("interval", 0, 100, 1)));
        Fuel.start(1000);
        assertThrows(Fuel.OutOfFuel.class, () -> call("multiply", tup(tup(1), 0), 1_000_000));
        Fuel.stop();
        // Unmetered, an absurd size is a DSL error rather than a Java OutOfMemoryError.
        assertError("repeat", 7, Integer.MAX_VALUE);
        assertError("interval", Integer.MIN_VALUE, Integer.MAX_VALUE, 1);
        Fuel.start(1_000_000);
        call("repeat", 7, 500);
        assertTrue(Fuel.used() >= 500, "repeat charges per element, used " + Fuel.used());
    }
}
