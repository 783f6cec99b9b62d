package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Outcome;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Finishers read off the outputs' layout: a fixed window of the input, and tiles of built grids. */
class LayoutTest {

    private static Grid grid(int rows, int cols, int seed) {
        return SearchFixtures.varied(rows, cols, seed);
    }

    private static Task task(String id, List<Grid> ins, Grid test, UnaryOperator<Grid> rule) {
        List<Example> demo = new ArrayList<>();
        for (Grid g : ins) {
            demo.add(new Example(g, rule.apply(g)));
        }
        return new Task(id, demo, List.of(new Example(test, rule.apply(test))));
    }

    private static Enumerator.Result search(Task t, int depth) {
        Enumerator.Settings s = Enumerator.Settings.defaults().withMaxCost(depth).withMaxCandidates(200_000);
        return new Enumerator(SearchProblem.of(t), s).run(Long.MAX_VALUE, () -> false);
    }

    /** The first solution, re-parsed as a solver and run on the test input, answers the test output. */
    private static String checkFirst(Task t, Enumerator.Result r) {
        assertTrue(r.strong(), "solved: " + r.solutions());
        String text = r.solutions().get(0).expr().toSolver(t.id());
        Outcome o = new Interpreter().run(new ProgramParser().parseProgram(text), t.test().get(0).input());
        assertTrue(o instanceof Outcome.Ok ok && ok.value().equals(t.test().get(0).output()), text + " -> " + o);
        assertEquals(t.test().get(0).output(), r.solutions().get(0).testOutputs().get(0));
        return text;
    }

    @Test
    void aWindowCountedFromTheBottomRightOfInputsOfDifferentSizes() {
        // the 2 x 3 cells one row above the bottom and flush right
        UnaryOperator<Grid> rule = g -> (Grid) Dsl.call("crop", g, Dsl.call("astuple", g.rows() - 3, g.cols() - 3),
                Dsl.call("astuple", 2, 3));
        Task t = task("l0000001", List.of(grid(6, 7, 1), grid(8, 5, 2), grid(7, 9, 3)), grid(9, 6, 4), rule);
        String text = checkFirst(t, search(t, 1));
        assertTrue(text.contains("crop(") && text.contains("subtract("), text);
    }

    @Test
    void noWindowWhenTheOutputsMoveAround() {
        Grid[] ins = {grid(6, 7, 1), grid(8, 5, 2), grid(7, 9, 3)};
        Grid[] outs = {
            (Grid) Dsl.call("crop", ins[0], Dsl.call("astuple", 0, 0), Dsl.call("astuple", 2, 2)),
            (Grid) Dsl.call("crop", ins[1], Dsl.call("astuple", 1, 1), Dsl.call("astuple", 2, 2)),
            (Grid) Dsl.call("crop", ins[2], Dsl.call("astuple", 2, 0), Dsl.call("astuple", 2, 2)),
        };
        Grid[] all = {ins[0], ins[1], ins[2], grid(5, 5, 9)};
        assertNull(new Layout(all, outs, 100_000).window());
    }

    @Test
    void fourQuartersEachABuiltGridAreConcatenated() {
        // the input, its mirror image, its upside-down image and its half-turn in the four quarters
        UnaryOperator<Grid> rule = g -> {
            Grid top = (Grid) Dsl.call("hconcat", g, Dsl.call("vmirror", g));
            Grid bottom = (Grid) Dsl.call("hconcat", Dsl.call("hmirror", g), Dsl.call("rot180", g));
            return (Grid) Dsl.call("vconcat", top, bottom);
        };
        Task t = task("l0000002", List.of(grid(3, 4, 1), grid(2, 3, 2), grid(4, 2, 3)), grid(3, 3, 5), rule);
        // each quarter is depth 1; the concatenation would need depth 7
        String text = checkFirst(t, search(t, 2));
        assertEquals(3, text.split("concat\\(").length - 1, text);
    }
}
