package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The next round takes the tasks whose last round cost least first; a task's result does not depend on the order. */
class ShortestFirstTest {

    private static SearchProblem problem(String id, int seed) {
        List<Example> demo = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Grid g = SearchFixtures.varied(4 + k, 5, seed * 10 + k);
            demo.add(new Example(g, (Grid) Dsl.call("rot90", g)));
        }
        Grid test = SearchFixtures.varied(6, 6, seed * 10 + 9);
        return SearchProblem.of(new Task(id, demo, List.of(new Example(test, (Grid) Dsl.call("rot90", test)))));
    }

    @Test
    void cheapestLastRoundFirstUnknownLastStable() {
        List<SearchProblem> ps = List.of(problem("t1", 1), problem("t2", 2), problem("t3", 3), problem("t4", 4));
        List<SearchProblem> sorted = Search.shortestFirst(ps, Map.of("t1", 30L, "t2", 10L, "t4", 10L));
        assertEquals(List.of("t2", "t4", "t1", "t3"), sorted.stream().map(SearchProblem::taskId).toList());
    }

    @Test
    void tasksSharingInputsGetTheSameResultsInAnyOrder() {
        // t6 and t5 share their inputs (t6 asks for a quarter turn back): whichever comes first, the one with the
        // lower id is searched and the other reuses its values
        SearchProblem a = problem("t5", 5);
        List<Example> demo = new ArrayList<>();
        for (Grid g : a.demoInputs()) {
            demo.add(new Example(g, (Grid) Dsl.call("rot270", g)));
        }
        Grid test = a.testInputs().get(0);
        SearchProblem b = SearchProblem.of(new Task("t6", demo, List.of(new Example(test, (Grid) Dsl.call("rot270", test)))));
        Enumerator.Settings s = Enumerator.Settings.defaults().withMaxCost(2).withMaxCandidates(2_000);
        List<Enumerator.Result> ab = Search.round(List.of(a, b), s, SearchFixtures.IN_LINE, Long.MAX_VALUE, () -> false, p -> { }, 1);
        List<Enumerator.Result> ba = Search.round(List.of(b, a), s, SearchFixtures.IN_LINE, Long.MAX_VALUE, () -> false, p -> { }, 1);
        assertEquals(text(ab.get(0)), text(ba.get(1)));
        assertEquals(text(ab.get(1)), text(ba.get(0)));
        assertEquals(ab.get(0).stats().candidates(), ba.get(1).stats().candidates());
        assertEquals(ab.get(1).stats().candidates(), ba.get(0).stats().candidates());
    }

    private static List<String> text(Enumerator.Result r) {
        return r.solutions().stream().map(f -> f.expr().toString()).toList();
    }
}
