package dev.arclab.search;

import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.strategy.StrategyShare;
import dev.arclab.profile.RunRecord;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.util.List;

public class PipelineScratch {
    public static void main(String[] args) {
        TaskSet all = TaskLoader.bundled();
        int limit = Integer.parseInt(args[0]);
        TaskSet tasks = new TaskSet("sub", all.tasks().subList(0, limit));
        PipelineConfig c = PipelineConfig.defaults().withThreads(2).withStrategies(StrategyShare.parse(args[1]));
        try (Pipeline p = new Pipeline(tasks, c)) {
            long t0 = System.nanoTime();
            RunRecord r = p.iterate(Integer.parseInt(args[2]));
            var pred = p.predict();
            System.out.printf("wall %.1fs perfect %d predicted %d/%d%n", (System.nanoTime() - t0) / 1e9, p.library().perfectTasks(), pred.predicted(), pred.knownOutputs());
            r.phases().forEach(ph -> System.out.println(ph.phase() + " " + ph.iteration() + " " + ph.counters()));
        }
    }
}
