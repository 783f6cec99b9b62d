package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Outcome;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.search.Enumerator.Result;
import dev.arclab.search.Enumerator.Settings;
import dev.arclab.search.Enumerator.Stop;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EnumeratorTest {

    /** Random grids of 3..6 by 3..6 cells over a few colours, background 0, seeded. */
    static Grid randomGrid(Random r) {
        int h = 3 + r.nextInt(4);
        int w = 3 + r.nextInt(4);
        int[][] rows = new int[h][w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                rows[i][j] = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0;
            }
        }
        return Grid.of(rows);
    }

    /** A task whose outputs are {@code f} of random inputs: three demo pairs, one test pair. */
    static Task taskOf(String id, long seed, UnaryOperator<Grid> f) {
        Random r = new Random(seed);
        List<Example> demo = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Grid in = randomGrid(r);
            demo.add(new Example(in, f.apply(in)));
        }
        Grid test = randomGrid(r);
        return new Task(id, demo, List.of(new Example(test, f.apply(test))));
    }

    static Result search(Task task, Settings settings) {
        return new Enumerator(SearchProblem.of(task), settings).run(Long.MAX_VALUE, () -> false);
    }

    static Grid call(String prim, Object... args) {
        return (Grid) Dsl.call(prim, args);
    }

    @Test
    void findsAOnePrimitiveSolutionAsThatPrimitive() {
        Task task = taskOf("a0000001", 1, g -> call("rot90", g));
        Result r = search(task, Settings.defaults());
        assertTrue(r.strong());
        assertEquals("rot90(I)", r.solutions().get(0).expr().toString());
        assertEquals(1, r.stats().completedCost());
        assertEquals(task.test().get(0).output(), r.solutions().get(0).testOutputs().get(0));
    }

    @Test
    void findsATwoCallSolutionAtCostTwo() {
        Task task = taskOf("a0000002", 2, g -> call("vconcat", g, call("hmirror", g)));
        Result r = search(task, Settings.defaults());
        assertTrue(r.strong());
        assertEquals("vconcat(I, hmirror(I))", r.solutions().get(0).expr().toString());
        assertEquals(2, r.solutions().get(0).expr().cost());
    }

    @Test
    void findsAForkKeyInsideArgmax() {
        // A hollow 3x3 frame (8 cells, area 9) and a solid 2x4 or 4x2 block (8 cells, area 8) of one colour, the frame
        // first or last in set order: size, colour counts, height and width each pick the block in some pair; the
        // bounding-box area (fork(multiply, height, width)) always picks the frame.
        List<Example> demo = new ArrayList<>();
        Grid[] ins = {
            Grid.of(new int[][] {{1, 1, 1, 0, 0, 0, 0}, {1, 0, 1, 0, 0, 0, 0}, {1, 1, 1, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0},
                {0, 0, 0, 1, 1, 1, 1}, {0, 0, 0, 1, 1, 1, 1}}),
            Grid.of(new int[][] {{2, 2, 0, 0, 0, 0, 0}, {2, 2, 0, 0, 0, 0, 0}, {2, 2, 0, 0, 0, 0, 0}, {2, 2, 0, 0, 2, 2, 2},
                {0, 0, 0, 0, 2, 0, 2}, {0, 0, 0, 0, 2, 2, 2}}),
            Grid.of(new int[][] {{3, 3, 3, 3, 0, 0, 0}, {3, 3, 3, 3, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 3, 3, 3},
                {0, 0, 0, 0, 3, 0, 3}, {0, 0, 0, 0, 3, 3, 3}}),
        };
        for (Grid in : ins) {
            demo.add(new Example(in, expectedFork(in)));
        }
        // (0 stays the background: more zeros than fives)
        Grid test = Grid.of(new int[][] {{5, 5, 0, 0, 0, 0}, {5, 5, 0, 0, 0, 0}, {5, 5, 0, 5, 5, 5}, {5, 5, 0, 5, 0, 5},
            {0, 0, 0, 5, 5, 5}, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}});
        Task task = new Task("a0000003", demo, List.of(new Example(test, expectedFork(test))));
        Result r = search(task, Settings.defaults());
        assertTrue(r.strong(), () -> "no solution: " + r.stats());
        String text = r.solutions().get(0).expr().toString();
        assertTrue(text.contains("fork(multiply, height, width)"), text);
        assertEquals(task.test().get(0).output(), r.solutions().get(0).testOutputs().get(0));
        assertEquals(3, task.test().get(0).output().rows(), "the frame");
    }

    private static Grid expectedFork(Grid in) {
        Object objs = Dsl.call("objects", in, 1, 0, 1);
        Object area = Dsl.call("fork", Dsl.primitive("multiply"), Dsl.primitive("height"), Dsl.primitive("width"));
        return call("subgrid", Dsl.call("argmax", objs, area), in);
    }

    @Test
    void equalBehavioursKeepTheCheapestExpression() {
        Task task = taskOf("a0000004", 4, g -> call("upscale", g, 3));
        Enumerator en = new Enumerator(SearchProblem.of(task), Settings.defaults().withMaxCost(2));
        en.run(Long.MAX_VALUE, () -> false);
        Grid[] inputs = SearchProblem.of(task).inputs();
        Object[] rotated = new Object[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            rotated[k] = call("hmirror", call("vmirror", inputs[k]));
        }
        // hmirror(vmirror(I)) costs 2, rot180(I) costs 1: the vector is kept under rot180
        assertEquals("rot180(I)", en.expressionOf(rotated).orElseThrow().toString());
    }

    @Test
    void aFoundProgramReparsesAndSolvesItsDemoPairs() {
        Task task = taskOf("a0000005", 5, g -> call("fill", g, 5, Dsl.call("ofcolor", g, 0)));
        Result r = search(task, Settings.defaults());
        assertTrue(r.strong());
        String text = r.solutions().get(0).expr().toSolver(task.id());
        Program program = new ProgramParser().parseProgram(text);
        Interpreter interpreter = new Interpreter();
        for (Example ex : task.demo()) {
            Outcome o = interpreter.run(program, ex.input());
            assertTrue(o instanceof Outcome.Ok ok && ex.output().equals(ok.value()), text);
        }
        assertTrue(text.startsWith("def solve_a0000005(I):\n"), text);
        assertTrue(text.endsWith("    return O\n"), text);
    }

    @Test
    void theCandidateBudgetIsHonouredExactly() {
        Task task = taskOf("a0000006", 6, g -> call("rot90", call("upscale", call("trim", g), 2)));
        Result r = search(task, Settings.defaults().withMaxCandidates(1234));
        assertEquals(Stop.CANDIDATES, r.stats().stop());
        assertEquals(1234, r.stats().candidates());
    }

    @Test
    void aPassedDeadlineAndCancellationStopTheSearch() {
        Task task = taskOf("a0000007", 7, g -> call("rot90", call("upscale", call("trim", g), 2)));
        Result late = new Enumerator(SearchProblem.of(task), Settings.defaults()).run(System.nanoTime() - 1, () -> false);
        assertEquals(Stop.DEADLINE, late.stats().stop());
        assertTrue(late.stats().candidates() <= 64);
        Result cancelled = new Enumerator(SearchProblem.of(task), Settings.defaults()).run(Long.MAX_VALUE, () -> true);
        assertEquals(Stop.CANCELLED, cancelled.stats().stop());
        assertFalse(cancelled.solved());
    }

    @Test
    void storedValuesAreCappedAndTheCostliestDropped() {
        Task task = taskOf("a0000008", 8, g -> call("rot90", call("upscale", call("trim", g), 2)));
        Settings tiny = new Settings(3, 50_000, 200_000, 300, 30_000_000L, 4, true);
        Enumerator en = new Enumerator(SearchProblem.of(task), tiny);
        Result r = en.run(Long.MAX_VALUE, () -> false);
        int stored = en.storedByType().values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(stored <= 300, "stored " + stored);
        assertTrue(r.stats().dropped() > 0);
        // the values past the cap are still known by their fingerprints: counted, once
        assertTrue(r.stats().distinct() > stored, r.stats().distinct() + " distinct, " + stored + " stored");
        // what was kept is the cheapest: every cost-1 value fits under the cap
        assertTrue(r.stats().distinctByCost()[1] > 0);
    }

    @Test
    void theLastLevelIsKnownByFingerprintsAndCountedOnce() {
        Task task = taskOf("a0000013", 13, g -> call("rot90", call("upscale", call("trim", g), 2)));
        Enumerator en = new Enumerator(SearchProblem.of(task), Settings.defaults().withMaxCost(2));
        Result r = en.run(Long.MAX_VALUE, () -> false);
        int stored = en.storedByType().values().stream().mapToInt(Integer::intValue).sum();
        long[] byCost = r.stats().distinctByCost();
        // the input and level 1 stored whole, level 2 (nothing grows it) by fingerprint only
        assertEquals(r.stats().distinct(), 1 + byCost[1] + byCost[2]);
        assertEquals(stored, 1 + byCost[1]);
        assertTrue(byCost[2] > 0);
        Grid[] inputs = SearchProblem.of(task).inputs();
        Object[] twice = new Object[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            twice[k] = call("rot90", call("rot90", call("trim", inputs[k])));
        }
        assertTrue(en.expressionOf(twice).isEmpty(), "a level-2 value is not stored");
    }

    @Test
    void fingerprintsTellVectorsApartAndEqualVectorsAlike() {
        Grid a = Grid.of(new int[][] {{1, 2}, {3, 4}});
        Grid b = Grid.of(new int[][] {{1, 2}, {3, 5}});
        Grid c = Grid.of(new int[][] {{1, 2, 3, 4}});
        long ab = Enumerator.fingerprint(new Object[] {a, b});
        assertEquals(ab, Enumerator.fingerprint(new Object[] {Grid.of(new int[][] {{1, 2}, {3, 4}}), b}));
        assertNotEquals(ab, Enumerator.fingerprint(new Object[] {b, a}));
        assertNotEquals(Enumerator.fingerprint(new Object[] {a}), Enumerator.fingerprint(new Object[] {c}));
        assertNotEquals(Enumerator.fingerprint(new Object[] {1, 2}), Enumerator.fingerprint(new Object[] {2, 1}));
    }

    @Test
    void finishersApplyOnlyWhereOutputsKeepOrFitInsideTheInputs() {
        Task larger = taskOf("a0000010", 10, g -> call("upscale", g, 2));
        Task same = taskOf("a0000011", 11, g -> call("fill", g, 5, Dsl.call("ofcolor", g, 0)));
        Task smaller = taskOf("a0000012", 12, g -> call("tophalf", g));
        assertFalse(finishers(larger).active());
        assertTrue(finishers(same).active());
        assertTrue(finishers(smaller).active());
    }

    private static Finishers finishers(Task t) {
        SearchProblem p = SearchProblem.of(t);
        return new Finishers(p.inputs(), p.demoOutputs().toArray(new Grid[0]));
    }

    @Test
    void testOutputsDoNotInfluenceTheSearch() {
        Task task = taskOf("a0000009", 9, g -> call("fill", g, 4, Dsl.call("delta", Dsl.call("ofcolor", g, 1))));
        Result with = search(task, Settings.defaults().withMaxCandidates(20_000));
        Result without = search(task.withoutTestOutputs(), Settings.defaults().withMaxCandidates(20_000));
        assertEquals(with.solutions().toString(), without.solutions().toString());
        assertEquals(with.stats().candidates(), without.stats().candidates());
        assertEquals(with.stats().distinct(), without.stats().distinct());
    }
}
