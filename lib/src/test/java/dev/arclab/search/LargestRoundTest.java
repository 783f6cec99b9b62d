package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task searched in two rounds counts the distinct values of its largest round, not the sum of both. */
class LargestRoundTest {

    @Test
    void distinctValuesAreThoseOfTheLargestRound() {
        // outputs no short program makes: the task stays open for both rounds
        List<Example> demo = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            demo.add(new Example(SearchFixtures.varied(5, 5, k), noise(3, 4, 50 + k)));
        }
        Task t = new Task("l0000001", demo, List.of(new Example(SearchFixtures.varied(5, 5, 9), noise(3, 4, 59))));
        SearchProblem p = SearchProblem.of(t);
        Search.Plan plan = new Search.Plan(500, 4, 2, Enumerator.Settings.defaults());
        List<Search.TaskOutcome> out = Search.run(List.of(p), plan, SearchFixtures.IN_LINE, Long.MAX_VALUE, () -> false, x -> { });
        long first = new Enumerator(p, Search.roundSettings(plan, 0)).run(Long.MAX_VALUE, () -> false).stats().distinct();
        long second = new Enumerator(p, Search.roundSettings(plan, 1)).run(Long.MAX_VALUE, () -> false).stats().distinct();
        assertEquals(2, out.get(0).rounds(), out.get(0).best().stats() + " " + out.get(0).best().solutions());
        assertTrue(first > 0 && second > first, first + ", " + second);
        assertEquals(Math.max(first, second), out.get(0).distinct());
    }

    private static Grid noise(int rows, int cols, long seed) {
        java.util.Random r = new java.util.Random(seed);
        int[][] cells = new int[rows][cols];
        for (int[] row : cells) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextInt(10);
            }
        }
        return Grid.of(cells);
    }
}
