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
}
