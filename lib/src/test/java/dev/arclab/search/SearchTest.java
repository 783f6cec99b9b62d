package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import dev.arclab.work.WorkerPool;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SearchTest {

    private static List<Search.TaskOutcome> searchWith(int threads, List<SearchProblem> problems) {
        try (WorkerPool pool = new WorkerPool(threads)) {
            Search.Plan plan = new Search.Plan(2_000, 2, 2, Enumerator.Settings.defaults());
            return Search.run(problems, plan, Search.onPool(pool, "search", 1, new AtomicBoolean()), Long.MAX_VALUE,
                    () -> false, p -> { });
        }
    }

    private static String describe(List<Search.TaskOutcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        for (Search.TaskOutcome o : outcomes) {
            sb.append(o.taskId()).append(' ').append(o.candidates()).append(' ').append(o.distinct()).append(' ')
                    .append(o.rounds()).append(' ').append(o.best().solutions()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void resultsAreTheSameAtOneAndTwoThreads() {
        TaskSet tasks = TaskLoader.bundled();
        List<SearchProblem> problems = new ArrayList<>();
        for (int k = 0; k < 400 && problems.size() < 12; k += 33) {
            problems.add(SearchProblem.of(tasks.tasks().get(k)));
        }
        String one = describe(searchWith(1, problems));
        String two = describe(searchWith(2, problems));
        assertEquals(one, two);
        assertEquals(problems.size(), one.lines().count());
    }

    @Test
    void solvedTasksLeaveLaterRoundsAndOpenOnesGetALargerBudget() {
        Task easy = EnumeratorTest.taskOf("b0000001", 11, g -> EnumeratorTest.call("hmirror", g));
        Task hard = EnumeratorTest.taskOf("b0000002", 12, g -> EnumeratorTest.call("rot90",
                EnumeratorTest.call("upscale", EnumeratorTest.call("trim", g), 3)));
        List<Search.TaskOutcome> out = searchWith(2, List.of(SearchProblem.of(easy), SearchProblem.of(hard)));
        assertEquals(1, out.get(0).rounds());
        assertTrue(out.get(0).best().strong());
        // round 1 searched to depth 2, round 2 to depth 3 with twice the candidates
        assertEquals(2, out.get(1).rounds());
        assertTrue(out.get(1).candidates() > 2_000 && out.get(1).candidates() <= 2_000 + 4_000, () -> "" + out.get(1));
        assertTrue(out.get(1).best().stats().completedCost() >= 2);
    }
}
