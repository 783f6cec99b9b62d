package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Outcome;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.search.Enumerator.Result;
import dev.arclab.search.Enumerator.Settings;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The search's pruning and sharing: frames (the eight symmetries), tasks with the same inputs, repeated calls. */
class FramesAndSharingTest {

    private static final Search.Runner IN_LINE = SearchFixtures.IN_LINE;

    @Test
    void everySymmetryIsUndoneOnGridsAndOnPrograms() {
        Grid g = EnumeratorTest.randomGrid(new Random(3));
        for (Symmetry s : Symmetry.values()) {
            assertEquals(g, s.undo(s.apply(g)), s.name());
            // a program found in the frame, here "the frame's input unchanged", turned back is the identity
            Expr back = s.undo(Expr.INPUT);
            assertEquals(g, run(back.toSolver("f0000001"), g), s + ": " + back);
        }
        assertEquals("rot270(rot90(I))", Symmetry.ROT90.undo(Expr.INPUT).toString());
    }

    @Test
    void aProgramFoundInAnotherFrameSolvesTheTaskInItsOwn() {
        // outputs: the input's left half, mirrored; in the frame turned by 90 degrees it is another shape of program
        Task task = EnumeratorTest.taskOf("f0000002", 21, g -> EnumeratorTest.call("vmirror", EnumeratorTest.call("lefthalf", g)));
        SearchProblem plain = SearchProblem.of(task);
        for (Symmetry s : List.of(Symmetry.ROT90, Symmetry.DMIRROR, Symmetry.HMIRROR)) {
            Result inFrame = new Enumerator(plain.transformed(s), Settings.defaults()).run(Long.MAX_VALUE, () -> false);
            assertTrue(inFrame.strong(), s::name);
            Result back = Search.undo(inFrame, s);
            String text = back.solutions().get(0).expr().toSolver(task.id());
            for (Example ex : task.demo()) {
                assertEquals(ex.output(), run(text, ex.input()), s + ":\n" + text);
            }
            assertEquals(task.test().get(0).output(), back.solutions().get(0).testOutputs().get(0), s::name);
        }
    }

    @Test
    void framesAreSearchedOnlyForTasksTheRoundDoesNotSolve() {
        Task easy = EnumeratorTest.taskOf("f0000003", 22, g -> EnumeratorTest.call("rot90", g));
        Task hard = EnumeratorTest.taskOf("f0000004", 23, g -> EnumeratorTest.call("rot90",
                EnumeratorTest.call("upscale", EnumeratorTest.call("trim", g), 3)));
        Settings settings = Settings.defaults().withMaxCost(2).withMaxCandidates(3_000);
        Settings frame = settings.withMaxCandidates(1_000);
        List<Result> with = Search.round(List.of(SearchProblem.of(easy), SearchProblem.of(hard)), settings, frame, IN_LINE,
                Long.MAX_VALUE, () -> false, p -> { }, 2);
        List<Result> without = Search.round(List.of(SearchProblem.of(easy), SearchProblem.of(hard)), settings, null, IN_LINE,
                Long.MAX_VALUE, () -> false, p -> { }, 2);
        assertEquals(without.get(0).stats().candidates(), with.get(0).stats().candidates(), "a solved task gets no frames");
        assertTrue(with.get(1).stats().candidates() > without.get(1).stats().candidates() + 7,
                () -> "seven more searches: " + with.get(1).stats());
        assertTrue(with.get(1).stats().candidates() <= without.get(1).stats().candidates() + 7_000);
    }

    @Test
    void aTaskWithTheSameInputsAsAnotherIsSolvedFromItsStoredValues() {
        Task first = EnumeratorTest.taskOf("f0000005", 24, g -> EnumeratorTest.call("hmirror", EnumeratorTest.call("trim", g)));
        // the same inputs, other outputs: its solution is among the values the first search stored
        Task second = relabel(first, "f0000006", g -> EnumeratorTest.call("vmirror", g));
        Settings settings = Settings.defaults().withMaxCost(2);
        List<Result> rs = Search.round(List.of(SearchProblem.of(first), SearchProblem.of(second)), settings, null, IN_LINE,
                Long.MAX_VALUE, () -> false, p -> { }, 1);
        assertTrue(rs.get(0).strong());
        assertTrue(rs.get(1).strong());
        assertEquals("f0000006", rs.get(1).taskId());
        assertEquals(0, rs.get(1).stats().candidates(), "solved without a search of its own");
        assertEquals(second.test().get(0).output(), rs.get(1).solutions().get(0).testOutputs().get(0));
        // searched alone, it finds the same program
        Result alone = new Enumerator(SearchProblem.of(second), settings).run(Long.MAX_VALUE, () -> false);
        assertEquals(alone.solutions().get(0).expr(), rs.get(1).solutions().get(0).expr());
    }

    @Test
    void aTaskWhoseStoredValuesDoNotSolveItIsSearchedOnItsOwn() {
        Task first = EnumeratorTest.taskOf("f0000007", 25, g -> EnumeratorTest.call("rot90", g));
        Task second = relabel(first, "f0000008", g -> EnumeratorTest.call("vconcat", g, EnumeratorTest.call("hmirror", g)));
        Settings settings = Settings.defaults().withMaxCost(2);
        List<Result> rs = Search.round(List.of(SearchProblem.of(first), SearchProblem.of(second)), settings, null, IN_LINE,
                Long.MAX_VALUE, () -> false, p -> { }, 1);
        // the first search stops at depth 1 (solved), so the second needs a depth-2 search of its own
        assertTrue(rs.get(1).strong());
        assertTrue(rs.get(1).stats().candidates() > 0);
        assertEquals("vconcat(I, hmirror(I))", rs.get(1).solutions().get(0).expr().toString());
    }

    @Test
    void aSymmetryOfASymmetryIsNeverBuilt() {
        Task task = EnumeratorTest.taskOf("f0000009", 26, g -> EnumeratorTest.call("rot90",
                EnumeratorTest.call("upscale", EnumeratorTest.call("trim", g), 3)));
        Enumerator en = new Enumerator(SearchProblem.of(task), Settings.defaults().withMaxCost(2));
        Result r = en.run(Long.MAX_VALUE, () -> false);
        assertTrue(r.stats().pruned() > 0, () -> "" + r.stats());
        assertFalse(r.stats().candidates() == 0);
        assertTrue(Grammar.productions().stream().filter(p -> p.primitive().equals("rot90")).allMatch(p -> p.redundantAfter("hmirror")
                && p.redundantAfter("rot270") && !p.redundantAfter("trim")));
        assertTrue(Grammar.productions().stream().filter(p -> p.primitive().equals("compress")).allMatch(p -> p.redundantAfter("compress")
                && !p.redundantAfter("rot90")));
    }

    @Test
    void creditIsTheShareOfOutputCellsRight() {
        Task task = EnumeratorTest.taskOf("f0000010", 27, g -> EnumeratorTest.call("rot180", g));
        Enumerator en = new Enumerator(SearchProblem.of(task), Settings.defaults());
        Grid[] outputs = task.demo().stream().map(Example::output).toArray(Grid[]::new);
        assertEquals(1.0, en.credit(outputs), 1e-12);
        Object[] wrongShape = new Object[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            wrongShape[k] = EnumeratorTest.call("vconcat", outputs[k], outputs[k]);
        }
        assertEquals(0.0, en.credit(wrongShape), 1e-12);
        Object[] oneOff = outputs.clone();
        Grid o = outputs[0];
        int[][] cells = new int[o.rows()][o.cols()];
        for (int i = 0; i < o.rows(); i++) {
            for (int j = 0; j < o.cols(); j++) {
                cells[i][j] = o.at(i, j);
            }
        }
        cells[0][0] = (cells[0][0] + 1) % 10;
        oneOff[0] = Grid.of(cells);
        double expected = (1 - 1.0 / (o.rows() * o.cols()) + (outputs.length - 1)) / outputs.length;
        assertEquals(expected, en.credit(oneOff), 1e-12);
    }

    private static Task relabel(Task t, String id, java.util.function.UnaryOperator<Grid> f) {
        List<Example> demo = t.demo().stream().map(e -> new Example(e.input(), f.apply(e.input()))).toList();
        List<Example> test = t.test().stream().map(e -> new Example(e.input(), f.apply(e.input()))).toList();
        return new Task(id, demo, test);
    }

    private static Grid run(String text, Grid input) {
        Program p = new ProgramParser().parseProgram(text);
        Outcome o = new Interpreter().run(p, input);
        if (o instanceof Outcome.Ok ok) {
            return (Grid) ok.value();
        }
        throw new AssertionError(text + " -> " + o);
    }
}
