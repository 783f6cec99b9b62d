package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Grid;
import dev.arclab.dsl.Pair;
import dev.arclab.search.Enumerator.Result;
import dev.arclab.search.Enumerator.Settings;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PatchJoinTest {

    /** One demo (4x4 of zeros, cells (1,1) and (1,2) turn 3) and one test input (4x4 of zeros). */
    private static final Grid IN = Grid.filled(4, 4, 0);
    private static final Grid OUT = (Grid) Dsl.call("fill", IN, 3, cells(1, 1, 1, 2));
    private static final Grid[] INPUTS = {IN, IN};
    private static final Object[] COLOUR = {3, 3};

    private static FSet cells(int... ij) {
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < ij.length; k += 2) {
            out.add(new Pair(ij[k], ij[k + 1]));
        }
        return FSet.copyOf(out);
    }

    /** Sets named by cost: the name's length is its expression's cost (a leaf costs 1, each call adds 1). */
    private static Map<String, List<PatchJoin.Joined>> find(Map<Expr, FSet> sets) {
        List<Expr> exprs = new ArrayList<>(sets.keySet());
        exprs.sort(java.util.Comparator.comparingInt(Expr::cost));
        List<Object[]> vals = new ArrayList<>();
        for (Expr e : exprs) {
            vals.add(new Object[] {sets.get(e), sets.get(e)});
        }
        Map<String, List<PatchJoin.Joined>> byOp = new TreeMap<>();
        for (PatchJoin.Joined j : new PatchJoin(INPUTS, new Grid[] {OUT}, COLOUR, false).find(exprs, vals)) {
            byOp.computeIfAbsent(j.patch().name(), k -> new ArrayList<>()).add(j);
        }
        return byOp;
    }

    private static Expr named(String name, int depth) {
        Expr e = Expr.INPUT;
        for (int k = 0; k < depth; k++) {
            e = Expr.call(name, e);
        }
        return e;
    }

    @Test
    void joinsTwoSetsWhoseIntersectionDifferenceOrUnionIsExactlyTheChangedCells() {
        Map<Expr, FSet> sets = new java.util.LinkedHashMap<>();
        sets.put(named("row", 1), cells(1, 0, 1, 1, 1, 2, 1, 3));          // covers the change, and more
        sets.put(named("cols", 1), cells(0, 1, 1, 1, 2, 1, 0, 2, 1, 2, 2, 2)); // covers the change, and more
        sets.put(named("ends", 2), cells(1, 0, 1, 3));                     // misses the change
        sets.put(named("left", 1), cells(1, 1));                           // part of it, only changed cells
        sets.put(named("right", 2), cells(1, 2));                          // the other part
        Map<String, List<PatchJoin.Joined>> found = find(sets);
        assertEquals(Map.of("combine", 1, "difference", 1, "intersection", 1),
                Map.of("combine", found.get("combine").size(), "difference", found.get("difference").size(),
                        "intersection", found.get("intersection").size()));
        assertEquals("intersection(row(I), cols(I))", found.get("intersection").get(0).patch().toString());
        assertEquals("difference(row(I), ends(ends(I)))", found.get("difference").get(0).patch().toString());
        assertEquals("combine(left(I), right(right(I)))", found.get("combine").get(0).patch().toString());
        for (List<PatchJoin.Joined> js : found.values()) {
            assertEquals(cells(1, 1, 1, 2), js.get(0).vals()[1], "the same sets on the test input give the same cells");
        }
    }

    @Test
    void aJoinThatLeavesAChangedCellOutOrTakesAnotherIsNoSolution() {
        Map<Expr, FSet> sets = new java.util.LinkedHashMap<>();
        sets.put(named("row", 1), cells(1, 0, 1, 1, 1, 2, 1, 3));
        sets.put(named("wide", 1), cells(1, 0, 1, 1, 1, 2, 2, 2));  // the intersection keeps (1, 0), not changed
        sets.put(named("half", 1), cells(1, 1));                    // a union with nothing else
        assertTrue(find(sets).isEmpty(), find(sets).toString());
    }

    @Test
    void underfillJoinsMayHoldForegroundCellsAndObjectsJoinAsTheirLocations() {
        // the demo: a 5 at (1, 0) stays; (1, 1) and (1, 2) turn 3
        Grid in = (Grid) Dsl.call("fill", IN, 5, cells(1, 0));
        Grid out = (Grid) Dsl.call("fill", in, 3, cells(1, 1, 1, 2));
        FSet row = cells(1, 0, 1, 1, 1, 2, 1, 3);
        FSet notLast = cells(1, 0, 1, 1, 1, 2, 0, 0);
        Object[] rowObject = {Dsl.call("toobject", row, in), Dsl.call("toobject", row, in)};
        List<Expr> exprs = List.of(named("row", 1), named("notLast", 1));
        List<Object[]> vals = List.of(rowObject, new Object[] {notLast, notLast});
        Grid[] inputs = {in, in};
        assertTrue(new PatchJoin(inputs, new Grid[] {out}, COLOUR, false).find(exprs, vals).isEmpty(),
                "fill would turn the 5 to 3");
        List<PatchJoin.Joined> under = new PatchJoin(inputs, new Grid[] {out}, COLOUR, true).find(exprs, vals);
        assertEquals(1, under.size());
        assertEquals("underfill", under.get(0).fill());
        assertEquals("intersection(toindices(row(I)), notLast(I))", under.get(0).patch().toString());
        assertEquals(out, Dsl.call("underfill", in, 3, under.get(0).vals()[1]));
    }

    @Test
    void aStackPaintsAColourNoStoredPatchPaintsAloneWithAJoin() {
        // (1, 1) and (1, 2) turn 3 (no stored patch is exactly them), (3, 3) turns 4 (a stored patch is)
        Grid out = (Grid) Dsl.call("fill", OUT, 4, cells(3, 3));
        Grid test = (Grid) Dsl.call("fill", IN, 6, cells(0, 0));
        Finishers finishers = new Finishers(new Grid[] {IN, test}, new Grid[] {out});
        FSet corner = cells(3, 3);
        assertTrue(finishers.finish(named("corner", 1), new Object[] {corner, corner}, ValueType.INDICES).isEmpty(),
                "one colour is not a stack");
        FSet row = cells(1, 0, 1, 1, 1, 2, 1, 3);
        FSet cols = cells(0, 1, 1, 1, 2, 1, 0, 2, 1, 2, 2, 2);
        Finishers.Finished stack = finishers.stackWithJoins(List.of(named("row", 1), named("cols", 1)),
                List.of(new Object[] {row, row}, new Object[] {cols, cols}));
        assertEquals("fill(fill(I, THREE, intersection(row(I), cols(I))), FOUR, corner(I))", stack.expr().toString());
        assertTrue(stack.weak(), "a stack fitted colour by colour answers only when nothing better does");
        assertEquals(Dsl.call("fill", Dsl.call("fill", test, 3, cells(1, 1, 1, 2)), 4, corner), stack.answers()[0]);
        assertEquals(null, finishers.stackWithJoins(List.of(named("row", 1)), List.<Object[]>of(new Object[] {row, row})),
                "no join paints the 3s: no stack");
    }

    @Test
    void anObjectEmptyOnOneDemoStillJoinsAsItsLocations() {
        // demo 0: the row is the two cells; demo 1: the row is longer and an object (of 5s, empty on demo 0) holds
        // the extra cells. The DSL's difference of locations and an object removes nothing: toindices is needed.
        Grid in1 = (Grid) Dsl.call("fill", IN, 5, cells(1, 0, 1, 3));
        Grid out1 = (Grid) Dsl.call("fill", in1, 3, cells(1, 1, 1, 2));
        Grid[] inputs = {IN, in1, in1};
        Object[] row = {cells(1, 1, 1, 2), cells(1, 0, 1, 1, 1, 2, 1, 3), cells(1, 0, 1, 1, 1, 2, 1, 3)};
        Object fives = Dsl.call("toobject", cells(1, 0, 1, 3), in1);
        Object[] object = {FSet.EMPTY, fives, fives};
        List<PatchJoin.Joined> found = new PatchJoin(inputs, new Grid[] {OUT, out1}, new Object[] {3, 3, 3}, false)
                .find(List.of(named("row", 1), named("fives", 1)), List.of(row, object));
        PatchJoin.Joined difference = found.stream().filter(j -> j.patch().name().equals("difference")).findFirst().orElseThrow();
        assertEquals("difference(row(I), toindices(fives(I)))", difference.patch().toString());
        assertEquals(out1, Dsl.call("fill", in1, 3, difference.vals()[1]), "the program as it runs makes the output");
    }

    @Test
    void theSearchFindsTheCellsBetweenTwoMarksAsAnIntersection() {
        // a699fb00: a 2 between two 1s one cell apart in a row; the cells where the 1s shifted right and left meet
        Task task = TaskLoader.bundled().get("a699fb00");
        Result r = new Enumerator(SearchProblem.of(task), Settings.defaults().withMaxCost(4).withMaxCandidates(20_000))
                .run(Long.MAX_VALUE, () -> false);
        assertTrue(r.strong(), () -> "no solution: " + r.stats());
        String text = r.solutions().get(0).expr().toString();
        assertTrue(text.startsWith("fill(I, TWO, intersection("), text);
        assertEquals(task.test().get(0).output(), r.solutions().get(0).testOutputs().get(0));
    }
}
