package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

/** The finisher that recolours objects by a property learnt from the demo pairs. */
class RecolourByKeyTest {

    /** Bars of colour 5; in the output a bar of length n takes colour n. */
    private static Grid bars(int[][] rows) {
        return Grid.of(rows);
    }

    private static Grid bySize(Grid in) {
        int[][] out = new int[in.rows()][in.cols()];
        for (int i = 0; i < in.rows(); i++) {
            int j = 0;
            while (j < in.cols()) {
                if (in.at(i, j) == 0) {
                    j++;
                    continue;
                }
                int k = j;
                while (k < in.cols() && in.at(i, k) != 0) {
                    k++;
                }
                for (int x = j; x < k; x++) {
                    out[i][x] = k - j;
                }
                j = k;
            }
        }
        return Grid.of(out);
    }

    private static Task task() {
        Grid[] ins = {
            bars(new int[][] {{5, 0, 5, 5, 0, 5, 5, 5}, {0, 0, 0, 0, 0, 0, 0, 0}, {5, 5, 5, 0, 5, 0, 0, 0}}),
            bars(new int[][] {{5, 5, 0, 0, 5}, {0, 0, 0, 0, 0}, {5, 0, 5, 5, 5}}),
            bars(new int[][] {{0, 5, 5, 5, 0}, {0, 0, 0, 0, 0}, {5, 5, 0, 5, 0}}),
        };
        List<Example> demo = new ArrayList<>();
        for (Grid g : ins) {
            demo.add(new Example(g, bySize(g)));
        }
        Grid test = bars(new int[][] {{5, 5, 5, 0, 5, 5}, {0, 0, 0, 0, 0, 0}, {5, 0, 0, 5, 5, 0}});
        return new Task("r0000001", demo, List.of(new Example(test, bySize(test))));
    }

    @Test
    void objectsRecolouredBySizeAreSolvedByFillsPerSize() {
        Task t = task();
        SearchProblem p = SearchProblem.of(t);
        Grid[] inputs = p.inputs();
        Finishers f = new Finishers(inputs, p.demoOutputs().toArray(new Grid[0]));
        Object[] objs = new Object[inputs.length];
        for (int e = 0; e < inputs.length; e++) {
            objs[e] = Dsl.call("objects", inputs[e], true, false, true);
        }
        Expr objsExpr = Expr.call("objects", Expr.INPUT, Expr.name("T"), Expr.name("F"), Expr.name("T"));
        List<Finishers.Finished> found = f.recolourByKey(objsExpr, objs);
        assertEquals(1, found.size());
        String text = found.get(0).expr().toSolver(t.id());
        assertTrue(text.contains("matcher(size, ONE)") || text.contains("= matcher(size, ONE)"), text);
        assertEquals(t.test().get(0).output(), found.get(0).answers()[0]);
        // the program, parsed and run as any solver, answers the same
        Outcome o = new Interpreter().run(new ProgramParser().parseProgram(text), t.test().get(0).input());
        assertTrue(o instanceof Outcome.Ok ok && ok.value().equals(t.test().get(0).output()), text);
    }

    @Test
    void noRuleWhenAnObjectTakesTwoColoursOrTheColourIsNotAFunctionOfAProperty() {
        Task t = task();
        SearchProblem p = SearchProblem.of(t);
        Grid[] inputs = p.inputs();
        Grid[] outputs = p.demoOutputs().toArray(new Grid[0]);
        // swap the colours of two bars of the same length in one pair: size no longer decides the colour
        int[][] cells = new int[outputs[1].rows()][outputs[1].cols()];
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[0].length; j++) {
                cells[i][j] = outputs[1].at(i, j);
            }
        }
        cells[0][0] = 7;
        cells[0][1] = 7;
        outputs[1] = Grid.of(cells);
        Object[] objs = new Object[inputs.length];
        for (int e = 0; e < inputs.length; e++) {
            objs[e] = Dsl.call("objects", inputs[e], true, false, true);
        }
        Expr objsExpr = Expr.call("objects", Expr.INPUT, Expr.name("T"), Expr.name("F"), Expr.name("T"));
        assertTrue(new Finishers(inputs, outputs).recolourByKey(objsExpr, objs).isEmpty());
        cells[0][1] = 2;
        outputs[1] = Grid.of(cells);
        assertTrue(new Finishers(inputs, outputs).recolourByKey(objsExpr, objs).isEmpty());
    }

    @Test
    void theSearchFindsItAtTheCostOfItsSegmentation() {
        Enumerator.Result r = EnumeratorTest.search(task(), Enumerator.Settings.defaults().withMaxCost(2));
        assertTrue(r.strong(), () -> "" + r.stats());
        assertEquals(task().test().get(0).output(), r.solutions().get(0).testOutputs().get(0));
    }

    /** One bar of colour 5 per row (every other row), of the given lengths, in a grid 9 wide. */
    private static Grid barsOf(int... lengths) {
        int[][] cells = new int[2 * lengths.length][9];
        for (int r = 0; r < lengths.length; r++) {
            for (int j = 0; j < lengths[r]; j++) {
                cells[2 * r][j] = 5;
            }
        }
        return Grid.of(cells);
    }

    /** The bars recoloured: bar r takes colour {@code colour.applyAsInt(r, length)}. */
    private static Grid coloured(Grid in, java.util.function.IntBinaryOperator colour) {
        int[][] cells = new int[in.rows()][in.cols()];
        for (int i = 0; i < in.rows(); i += 2) {
            int length = 0;
            while (length < in.cols() && in.at(i, length) == 5) {
                length++;
            }
            for (int j = 0; j < length; j++) {
                cells[i][j] = colour.applyAsInt(i / 2, length);
            }
        }
        return Grid.of(cells);
    }

    private static List<Finishers.Finished> recolourings(Task t) {
        SearchProblem p = SearchProblem.of(t);
        Grid[] inputs = p.inputs();
        Object[] objs = new Object[inputs.length];
        for (int e = 0; e < inputs.length; e++) {
            objs[e] = Dsl.call("objects", inputs[e], true, false, true);
        }
        Expr objsExpr = Expr.call("objects", Expr.INPUT, Expr.name("T"), Expr.name("F"), Expr.name("T"));
        return new Finishers(inputs, p.demoOutputs().toArray(new Grid[0])).recolourByKey(objsExpr, objs);
    }

    private static Task taskOf(String id, List<Grid> demoInputs, Grid testInput, java.util.function.UnaryOperator<Grid> rule) {
        List<Example> demo = new ArrayList<>();
        for (Grid g : demoInputs) {
            demo.add(new Example(g, rule.apply(g)));
        }
        return new Task(id, demo, List.of(new Example(testInput, rule.apply(testInput))));
    }

    private static void answersAsItsProgram(Task t, Finishers.Finished f) {
        String text = f.expr().toSolver(t.id());
        Outcome o = new Interpreter().run(new ProgramParser().parseProgram(text), t.test().get(0).input());
        assertTrue(o instanceof Outcome.Ok ok && ok.value().equals(t.test().get(0).output()), text);
    }

    @Test
    void theLargestObjectRecolouredIsARankRuleWhereNoLookupOfSizesFits() {
        // the longest bar turns 2, the others 1; a length that is the longest in one pair is not in another
        java.util.function.UnaryOperator<Grid> rule = g -> {
            int longest = 0;
            for (int i = 0; i < g.rows(); i += 2) {
                int n = 0;
                while (n < g.cols() && g.at(i, n) == 5) {
                    n++;
                }
                longest = Math.max(longest, n);
            }
            int max = longest;
            return coloured(g, (r, n) -> n == max ? 2 : 1);
        };
        Task t = taskOf("r0000002", List.of(barsOf(3, 1, 2), barsOf(5, 3, 1), barsOf(2, 4, 6, 1)), barsOf(4, 7, 2, 5), rule);
        List<Finishers.Finished> found = recolourings(t);
        assertEquals(1, found.size());
        Finishers.Finished f = found.get(0);
        assertTrue(f.expr().toString().contains("argmax("), f.expr()::toString);
        assertTrue(!f.weak());
        assertEquals(t.test().get(0).output(), f.answers()[0]);
        answersAsItsProgram(t, f);
    }

    @Test
    void oneValueAgainstTheRestAnswersBeforeALookupThatNeverSawATestValue() {
        // bars of length 3 turn 2, all others 1; the test has a bar of length 6, which no demo showed
        java.util.function.UnaryOperator<Grid> rule = g -> coloured(g, (r, n) -> n == 3 ? 2 : 1);
        Task t = taskOf("r0000003", List.of(barsOf(3, 1, 2), barsOf(4, 3, 1), barsOf(2, 3, 5)), barsOf(6, 3, 2), rule);
        List<Finishers.Finished> found = recolourings(t);
        Finishers.Finished first = found.get(0);
        assertTrue(first.expr().toString().contains("matcher(size, THREE)"), first.expr()::toString);
        assertEquals(t.test().get(0).output(), first.answers()[0]);
        answersAsItsProgram(t, first);
        // the lookup is still there, later, and weak: it leaves the bar of length 6 as it was
        Finishers.Finished last = found.get(found.size() - 1);
        assertTrue(last.weak());
        assertTrue(!last.answers()[0].equals(t.test().get(0).output()));
    }

    @Test
    void aThresholdSplitsValuesTheDemosKeptApart() {
        // bars shorter than 3 turn 1, longer ones 2; the test's bar of length 7 was never shown
        java.util.function.UnaryOperator<Grid> rule = g -> coloured(g, (r, n) -> n < 3 ? 1 : 2);
        Task t = taskOf("r0000004", List.of(barsOf(1, 4), barsOf(2, 5, 1, 4), barsOf(4, 2)), barsOf(7, 1, 2), rule);
        List<Finishers.Finished> found = recolourings(t);
        Finishers.Finished first = found.get(0);
        assertTrue(first.expr().toString().contains("greater"), first.expr()::toString);
        assertEquals(t.test().get(0).output(), first.answers()[0]);
        answersAsItsProgram(t, first);
    }

    @Test
    void theTopmostObjectRecolouredIsARankRuleOfAPosition() {
        // the top bar turns 2, the others 1, whatever their lengths: no property of the bar itself decides it
        java.util.function.UnaryOperator<Grid> rule = g -> coloured(g, (r, n) -> r == 0 ? 2 : 1);
        Task t = taskOf("r0000005", List.of(barsOf(5, 2, 1, 3), barsOf(1, 4, 6, 2), barsOf(3, 2, 5, 1)), barsOf(1, 7, 3), rule);
        List<Finishers.Finished> found = recolourings(t);
        assertEquals(1, found.size());
        Finishers.Finished f = found.get(0);
        assertTrue(f.expr().toString().contains("argmin(objects(I, T, F, T), uppermost)"), f.expr()::toString);
        assertTrue(!f.weak());
        assertEquals(t.test().get(0).output(), f.answers()[0]);
        answersAsItsProgram(t, f);
    }
}
