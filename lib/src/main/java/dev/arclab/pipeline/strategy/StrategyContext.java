package dev.arclab.pipeline.strategy;

import dev.arclab.profile.PhaseTimer;
import dev.arclab.pipeline.Distributor;
import dev.arclab.pipeline.PhaseResults.NearMiss;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.SolverLibrary;
import dev.arclab.work.WorkerPool;
import dev.arclab.program.NodeTable;
import dev.arclab.task.TaskSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * What a strategy may read: the tasks as it may see them (demo pairs and test inputs, never test
 * outputs), the solver library, the near misses of the last differs (per task), the configuration, the
 * iteration number, a {@link Random} seeded from (seed, iteration, strategy name), the shared worker
 * pool (for its own parallel work: collect results in item order), a cancellation check, a progress
 * reporter, its time share and wall-clock deadline ({@link System#nanoTime()} based; none when the
 * configuration gives no generate budget), and the node table its programs must be built in so that the
 * batch shares their nodes; the generate phase's timer, for a strategy that times its own work items on the pool;
 * and the session's {@link Distributor} (null: none), for a strategy whose independent work items may run on a
 * cluster instead of the pool ({@code RemoteWork.search}).
 */
public record StrategyContext(TaskSet tasks, SolverLibrary library, Map<String, List<NearMiss>> nearMisses,
        PipelineConfig config, int iteration, Random random, WorkerPool pool, BooleanSupplier cancelled,
        ProgressReporter progress, double timeShare, OptionalLong deadlineNanos, NodeTable table, PhaseTimer timer,
        Distributor distributor) {

    /** A context without a distributor: everything runs in this JVM. */
    public StrategyContext(TaskSet tasks, SolverLibrary library, Map<String, List<NearMiss>> nearMisses,
            PipelineConfig config, int iteration, Random random, WorkerPool pool, BooleanSupplier cancelled,
            ProgressReporter progress, double timeShare, OptionalLong deadlineNanos, NodeTable table, PhaseTimer timer) {
        this(tasks, library, nearMisses, config, iteration, random, pool, cancelled, progress, timeShare, deadlineNanos,
                table, timer, null);
    }

    /** Reports how much of its work a strategy has done. */
    @FunctionalInterface
    public interface ProgressReporter {
        void report(int done, int total);
    }

    /** The seed of a strategy's random numbers: the same for the same (seed, iteration, name) on every machine. */
    public static long seed(long seed, int iteration, String strategy) {
        long h = seed * 1_000_003L + iteration;
        for (int k = 0; k < strategy.length(); k++) {
            h = h * 31 + strategy.charAt(k);
        }
        return h;
    }

    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    /** True when the strategy has a deadline and it has passed. */
    public boolean pastDeadline() {
        return deadlineNanos.isPresent() && System.nanoTime() - deadlineNanos.getAsLong() > 0;
    }
}
