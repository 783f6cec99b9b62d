package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A search that throws ends that task's search with what it found, named; it does not end the others'. */
class SearchFaultTest {

    /** No program fits it (one input, two outputs), so its search runs until its budget or a fault. */
    private static SearchProblem problem(String id, int seed) {
        Grid in = Grid.of(new int[][] {{seed % 10, 1, 2}, {3, 4, 5}});
        Grid out1 = Grid.of(new int[][] {{7, 7}, {7, 7}, {7, (seed + 3) % 10}});
        Grid out2 = Grid.of(new int[][] {{8, 7}, {7, 7}, {7, (seed + 3) % 10}});
        return SearchProblem.of(new Task(id, List.of(new Example(in, out1), new Example(in, out2)),
                List.of(new Example(in, out1))));
    }

    @Test
    void aThrowingSearchEndsAsFailedWithItsReason() {
        AtomicInteger calls = new AtomicInteger();
        Enumerator.Settings s = Enumerator.Settings.defaults().withMaxCost(3).withMaxCandidates(50_000);
        Enumerator e = new Enumerator(problem("x0000001", 1), s);
        Enumerator.Result r = e.run(Long.MAX_VALUE, () -> {
            if (calls.incrementAndGet() > 3) {
                throw new IllegalStateException("injected fault");
            }
            return false;
        });
        assertEquals(Enumerator.Stop.FAILED, r.stats().stop());
        assertTrue(e.failure().contains("injected fault"), e.failure());
        assertTrue(r.stats().candidates() > 0);
    }

    @Test
    void theOtherTasksOfARoundGoOn() {
        List<SearchProblem> problems = List.of(problem("x0000002", 2), problem("x0000003", 3));
        Enumerator.Settings s = Enumerator.Settings.defaults().withMaxCost(2).withMaxCandidates(20_000);
        AtomicInteger calls = new AtomicInteger();
        // the fault fires in whichever search asks first; one thread, so that is the first task's
        List<Enumerator.Result> results = Search.round(problems, s, SearchFixtures.IN_LINE, Long.MAX_VALUE, () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("injected fault");
            }
            return false;
        }, p -> { }, 1);
        assertEquals(Enumerator.Stop.FAILED, results.get(0).stats().stop());
        assertTrue(results.get(1).stats().stop() != Enumerator.Stop.FAILED, results.get(1).stats().toString());
        assertTrue(results.get(1).stats().candidates() > 0);
    }
}
