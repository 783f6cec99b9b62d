package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A level cut by the candidate budget has still tried every production, not only those listed first. */
class FairLevelTest {

    private static Grid grid(int rows, int cols, int seed) {
        return SearchFixtures.varied(rows, cols, seed);
    }

    @Test
    void theLastGridProductionIsReachedWhenTheBudgetEndsMidLevel() {
        // the right third: last(hsplit(I, THREE)), depth 3, built by the grid production listed last; 8,000
        // candidates end level 3 long before it in grammar order (checked: the test fails when the first pass is
        // given no cap), the first pass reaches it
        UnaryOperator<Grid> rule = g -> (Grid) Dsl.call("last", Dsl.call("hsplit", g, 3));
        List<Example> demo = new ArrayList<>();
        for (Grid g : new Grid[] {grid(4, 6, 1), grid(5, 9, 2), grid(3, 6, 3)}) {
            demo.add(new Example(g, rule.apply(g)));
        }
        Grid test = grid(6, 9, 4);
        Task t = new Task("f0000001", demo, List.of(new Example(test, rule.apply(test))));
        Enumerator.Settings s = Enumerator.Settings.defaults().withMaxCost(3).withMaxCandidates(8_000);
        Enumerator.Result r = new Enumerator(SearchProblem.of(t), s).run(Long.MAX_VALUE, () -> false);
        assertTrue(r.strong(), "solved within the budget: " + r.stats());
        assertTrue(r.stats().candidates() <= 8_000);
        assertEquals("last", r.solutions().get(0).expr().name(), r.solutions().get(0).expr().toString());
        assertEquals(rule.apply(test), r.solutions().get(0).testOutputs().get(0));
    }
}
