package dev.arclab.cli;

import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.strategy.Strategies;
import dev.arclab.pipeline.strategy.StrategyShare;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The pipeline settings, the same in every command and in the notebook's {@code %config}
 * ({@code @Mixin PipelineOptions pipeline;}). Every option is optional: what is not given keeps the value
 * of the configuration it is applied to, whose defaults are {@link PipelineConfig#defaults()}.
 */
public final class PipelineOptions {
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: " + PipelineConfig.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--tasks-per-batch", paramLabel = "K",
            description = "Tasks whose programs generate picks (default: " + PipelineConfig.DEFAULT_TASKS_PER_BATCH + ").")
    Integer tasksPerBatch;

    @Option(names = "--mutants", paramLabel = "M",
            description = "Mutants per picked program (default: " + PipelineConfig.DEFAULT_MUTANTS + ").")
    Integer mutants;

    @Option(names = "--mutation", paramLabel = "P",
            description = "Per-argument mutation probability, 0..1 (default: " + PipelineConfig.DEFAULT_MUTATION + ").")
    Double mutation;

    @Option(names = "--fuel", paramLabel = "F", description = "Fuel budget of one program run on one input.")
    Long fuel;

    @Option(names = "--keep", paramLabel = "K",
            description = "Programs the library keeps per task (default: " + PipelineConfig.DEFAULT_KEEP + ").")
    Integer keep;

    @Option(names = "--min-matches", paramLabel = "N",
            description = "Demo matches a candidate needs to be kept (default: " + PipelineConfig.DEFAULT_MIN_MATCHES + ").")
    Integer minMatches;

    @Option(names = "--near-misses", paramLabel = "N",
            description = "Near misses kept per task for parent choice (default: " + PipelineConfig.DEFAULT_NEAR_MISSES + ").")
    Integer nearMisses;

    @Option(names = "--strategy", paramLabel = "NAME[:SHARE],...",
            description = "Generation strategies, each with an optional share of the generate time (default: "
                    + "mutate:0.2,splice:0.2,enumerate:0.6; the shares divide --generate-seconds, or what is left of --budget).")
    String strategy;

    @Option(names = "--generate-seconds", paramLabel = "S",
            description = "Wall-clock budget of generate that the strategies' shares divide (default: none).")
    Double generateSeconds;

    @Option(names = "--fuel-factor", paramLabel = "X",
            description = "Adaptive fuel: a mutant's budget is X times its parent's fuel on the sample; 0 turns adaptive budgets off (default: "
                    + PipelineConfig.DEFAULT_FUEL_FACTOR + ").")
    Double fuelFactor;

    @Option(names = "--fuel-floor", paramLabel = "F",
            description = "Adaptive fuel: the smallest budget (default: " + PipelineConfig.DEFAULT_FUEL_FLOOR + ").")
    Long fuelFloor;

    @Option(names = "--fuel-per-cell", paramLabel = "F",
            description = "Adaptive fuel: a program without a parent in the batch gets F per cell of the task's largest demo grid (default: "
                    + PipelineConfig.DEFAULT_FUEL_PER_CELL + ").")
    Long fuelPerCell;

    @Option(names = "--early-exit", negatable = true, paramLabel = "",
            description = "Stop scoring a program on a task once it can no longer be kept there (default: on; --no-early-exit).")
    Boolean earlyExit;

    /** True when {@code --threads} was given. */
    public boolean threadsGiven() {
        return threads != null;
    }

    /** True when {@code --seed} was given. */
    public boolean seedGiven() {
        return seed != null;
    }

    /**
     * {@code base} with every option given.
     *
     * @throws IllegalArgumentException naming the option whose value is out of range
     */
    public PipelineConfig apply(PipelineConfig base) {
        PipelineConfig c = base;
        if (threads != null) {
            if (threads < 1 || threads > PipelineConfig.MAX_THREADS) {
                throw new IllegalArgumentException("--threads must be in 1.." + PipelineConfig.MAX_THREADS
                        + " (this machine has " + Runtime.getRuntime().availableProcessors() + " cores), got " + threads);
            }
            c = c.withThreads(threads);
        }
        if (seed != null) {
            c = c.withSeed(seed);
        }
        if (tasksPerBatch != null) {
            c = c.withTasksPerBatch(atLeast(tasksPerBatch, 1, "--tasks-per-batch"));
        }
        if (mutation != null && !(mutation >= 0 && mutation <= 1)) {
            throw new IllegalArgumentException("--mutation must be in 0..1, got " + mutation);
        }
        if (mutation != null || mutants != null) {
            c = c.withMutation(mutation != null ? mutation : c.mutation(),
                    mutants != null ? inRange(mutants, 0, PipelineConfig.MAX_MUTANTS, "--mutants") : c.mutantsPerProgram());
        }
        if (fuel != null) {
            if (fuel < 1) {
                throw new IllegalArgumentException("--fuel must be at least 1, got " + fuel);
            }
            c = c.withFuel(fuel);
        }
        if (keep != null) {
            c = c.withKeepPerTask(atLeast(keep, 1, "--keep"));
        }
        if (minMatches != null) {
            c = c.withMinMatches(atLeast(minMatches, 1, "--min-matches"));
        }
        if (nearMisses != null) {
            c = c.withNearMissesPerTask(atLeast(nearMisses, 0, "--near-misses"));
        }
        if (strategy != null) {
            try {
                List<StrategyShare> shares = StrategyShare.parse(strategy);
                for (StrategyShare share : shares) {
                    Strategies.create(share.name());
                }
                c = c.withStrategies(shares);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--strategy: " + e.getMessage());
            }
        }
        if (generateSeconds != null) {
            if (!(generateSeconds >= 0)) {
                throw new IllegalArgumentException("--generate-seconds must be at least 0, got " + generateSeconds);
            }
            c = c.withGenerateSeconds(generateSeconds);
        }
        if (fuelFactor != null || fuelFloor != null || fuelPerCell != null) {
            if (fuelFactor != null && !(fuelFactor >= 0)) {
                throw new IllegalArgumentException("--fuel-factor must be at least 0, got " + fuelFactor);
            }
            if (fuelFloor != null && fuelFloor < 1) {
                throw new IllegalArgumentException("--fuel-floor must be at least 1, got " + fuelFloor);
            }
            if (fuelPerCell != null && fuelPerCell < 1) {
                throw new IllegalArgumentException("--fuel-per-cell must be at least 1, got " + fuelPerCell);
            }
            c = c.withAdaptiveFuel(fuelFactor != null ? fuelFactor : c.fuelFactor(), fuelFloor != null ? fuelFloor : c.fuelFloor(),
                    fuelPerCell != null ? fuelPerCell : c.fuelPerCell());
        }
        if (earlyExit != null) {
            c = c.withEarlyExit(earlyExit);
        }
        return c;
    }

    private static int inRange(int v, int min, int max, String name) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    private static int atLeast(int v, int min, String name) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + v);
        }
        return v;
    }
}
