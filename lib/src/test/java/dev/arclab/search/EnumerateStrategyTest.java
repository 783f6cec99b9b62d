package dev.arclab.search;

import dev.arclab.pipeline.strategy.StrategyShare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.PhaseResults;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnumerateStrategyTest {

    private static Task task(String id, long seed, String prim) {
        Random r = new Random(seed);
        List<Example> demo = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Grid in = grid(r);
            demo.add(new Example(in, (Grid) Dsl.call(prim, in)));
        }
        Grid test = grid(r);
        return new Task(id, demo, List.of(new Example(test, (Grid) Dsl.call(prim, test))));
    }

    private static Grid grid(Random r) {
        int[][] rows = new int[3 + r.nextInt(3)][4 + r.nextInt(3)];
        for (int[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextInt(4) == 0 ? 1 + r.nextInt(4) : 0;
            }
        }
        return Grid.of(rows);
    }

    @Test
    void enumerationFillsAnEmptyLibraryThroughTheUsualPhases() {
        TaskSet tasks = TaskSet.of("synthetic", task("c0000001", 1, "rot270"), task("c0000002", 2, "dmirror"));
        PipelineConfig config = PipelineConfig.defaults().withThreads(2)
                .withStrategies(StrategyShare.parse("enumerate,splice,mutate"));
        try (Pipeline p = new Pipeline(tasks, config)) {
            RunRecord run = p.iterate(1);
            for (Task t : tasks) {
                LibraryEntry best = p.library().best(t.id()).orElseThrow();
                assertEquals(1.0, best.score(), 0.0);
                assertEquals("enumerate", best.origin().strategy());
            }
            PhaseRecord generate = run.phases().get(0);
            assertEquals(2, generate.counter("strategy.enumerate.tasks searched"));
            assertEquals(2, generate.counter("strategy.enumerate.tasks solved"));
            assertTrue(generate.counter("strategy.enumerate.candidates") > 0);
            // each task's search is a work item of generate on the pool (plus building the batch): the phase's CPU
            // is the searches' CPU, not only the calling thread's
            assertEquals(2 + 2 + 1, generate.items(), "two searches, splice and mutate as one item each, the batch");
            assertTrue(generate.cpuNanos() >= generate.counter("strategy.enumerate.cpuNanos") / 2, generate.toString());
            PhaseRecord save = run.phases().stream().filter(r -> r.phase().equals("save")).findFirst().orElseThrow();
            assertEquals(2, save.counter("strategy.enumerate.newly solved"));
            assertEquals(2, save.counter("newly solved"));
            var chart = dev.arclab.report.Charts.solvedOverTime(run);
            double[] ys = chart.getSeries("enumerate").getYData();
            assertEquals(2.0, ys[ys.length - 1], 0.0);
            assertEquals(0.0, ys[0], 0.0);
            PhaseResults.Predicted predicted = p.predict();
            assertEquals(2, predicted.predicted());
            // solved tasks are not searched again
            RunRecord second = p.iterate(1);
            assertEquals(0, second.phases().get(0).counter("strategy.enumerate.tasks searched"));
        }
    }
}
