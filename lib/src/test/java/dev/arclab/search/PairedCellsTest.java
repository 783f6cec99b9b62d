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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A production with one value in two argument positions: the lines between every two marker cells. */
class PairedCellsTest {

    private static Grid markers(int rows, int cols, int[][] cells) {
        int[][] g = new int[rows][cols];
        for (int[] c : cells) {
            g[c[0]][c[1]] = 8;
        }
        return Grid.of(g);
    }

    @Test
    void markersInOneRowOrColumnAreJoinedByALine() {
        UnaryOperator<Grid> rule = g -> {
            Object cells = Dsl.call("ofcolor", g, 8);
            Object lines = Dsl.call("merge", Dsl.call("prapply", Dsl.primitive("connect"), cells, cells));
            return (Grid) Dsl.call("underfill", g, 3, lines);
        };
        Grid[] ins = {
            markers(5, 9, new int[][] {{1, 1}, {1, 6}}),
            markers(8, 6, new int[][] {{1, 2}, {6, 2}, {3, 5}}),
            markers(7, 7, new int[][] {{0, 0}, {0, 4}, {5, 6}, {2, 6}}),
        };
        Grid test = markers(6, 8, new int[][] {{4, 1}, {4, 7}, {0, 3}});
        List<Example> demo = new ArrayList<>();
        for (Grid g : ins) {
            demo.add(new Example(g, rule.apply(g)));
        }
        Task t = new Task("p0000001", demo, List.of(new Example(test, rule.apply(test))));
        Enumerator.Settings s = Enumerator.Settings.defaults().withMaxCost(4).withMaxCandidates(500_000);
        Enumerator.Result r = new Enumerator(SearchProblem.of(t), s).run(Long.MAX_VALUE, () -> false);
        assertTrue(r.strong(), "solved: " + r.solutions());
        String text = r.solutions().get(0).expr().toSolver(t.id());
        assertTrue(text.contains("prapply(connect, x1, x1)"), text);
        Outcome o = new Interpreter().run(new ProgramParser().parseProgram(text), test);
        assertTrue(o instanceof Outcome.Ok ok && ok.value().equals(t.test().get(0).output()), text + " -> " + o);
    }

    @Test
    void theRepeatedArgumentIsParsedAsTheSlotBeforeIt() {
        Grammar.Production p = Grammar.productions().stream().filter(x -> x.primitive().equals("prapply")).findFirst()
                .orElseThrow();
        assertEquals(2, p.repeat());
        assertEquals(1, p.varying());
        assertEquals("connect", p.fixed()[0]);
    }
}
