package dev.arclab.pipeline;

import dev.arclab.work.WorkerPool;
import dev.arclab.dsl.Dsl;
import dev.arclab.pipeline.strategy.StrategyShare;
import dev.arclab.profile.RunConfig;
import dev.arclab.program.Interpreter;
import java.util.List;

/**
 * Settings of a pipeline session, every default declared once here ({@link #defaults()}).
 * {@code threads}: size of the one worker pool (1 for a baseline);
 * {@code seed}: every random choice derives from it, so results do not depend on the thread count;
 * {@code tasksPerBatch}: how many tasks' solvers generate picks; {@code mutantsPerProgram} and
 * {@code mutation} (per-argument probability p); {@code keepPerTask}: library size per task;
 * {@code fuel}: budget of one program run on one input (and of one node in a batch);
 * {@code minMatches}: demo matches a candidate needs to be kept; {@code nearMissesPerTask}: how many
 * near misses differs keeps per task for parent choice; {@code strategies}: the generation strategies
 * generate runs, with their time shares; {@code generateSeconds}: the wall-clock budget the shares
 * divide (0: none; the shares then divide what is left of a run's budget, if it has one).
 * Adaptive fuel (score): a member whose parent is in the batch gets {@code fuelFactor} times the parent's
 * fuel on the same sample, at least {@code fuelFloor}; any other member gets {@code fuelPerCell} times the
 * cells of the task's largest demo grid, at least {@code fuelFloor}; {@code fuel} still bounds each node
 * ({@code fuelFactor} 0: no adaptive budgets). {@code earlyExit}: score stops running a member on a task's
 * remaining samples once it can no longer match as many samples as the library's worst kept program of a
 * full task list, so it could not be kept anyway.
 */
public record PipelineConfig(int threads, long seed, int tasksPerBatch, int mutantsPerProgram, double mutation,
                             int keepPerTask, long fuel, int minMatches, int nearMissesPerTask,
                             List<StrategyShare> strategies, double generateSeconds, double fuelFactor,
                             long fuelFloor, long fuelPerCell, boolean earlyExit) {

    public static final long DEFAULT_SEED = 0;
    public static final int DEFAULT_TASKS_PER_BATCH = 32;
    public static final int DEFAULT_MUTANTS = 1;
    public static final double DEFAULT_MUTATION = 0.1;
    public static final int DEFAULT_KEEP = 5;
    public static final int DEFAULT_MIN_MATCHES = 1;
    public static final int DEFAULT_NEAR_MISSES = 3;
    /**
     * The default mix: mutation and splicing of the library first (cheap, a fifth of the generate time each when
     * there is a budget), then the enumeration search on the tasks still open with the rest.
     */
    public static final List<StrategyShare> DEFAULT_STRATEGIES = StrategyShare.parse("mutate:0.2,splice:0.2,enumerate:0.6");
    /** Mutation alone: the workload of the pipeline's benchmarks (the bundled solvers and their mutants). */
    public static final List<StrategyShare> MUTATE_ONLY = List.of(new StrategyShare("mutate", 0));
    public static final double DEFAULT_FUEL_FACTOR = 10;
    public static final long DEFAULT_FUEL_FLOOR = 100_000;
    public static final long DEFAULT_FUEL_PER_CELL = 5_000;
    /** The most worker threads: beyond it a pool costs memory and OS threads and gains nothing. */
    public static final int MAX_THREADS = 256;
    /** The most mutants per picked program: a batch of tasksPerBatch times this must still fit in memory. */
    public static final int MAX_MUTANTS = 1000;

    public PipelineConfig {
        strategies = List.copyOf(strategies);
        if (threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in 1.." + MAX_THREADS + ", got " + threads);
        }
        if (mutantsPerProgram > MAX_MUTANTS) {
            throw new IllegalArgumentException("mutants per program must be in 0.." + MAX_MUTANTS + ", got "
                    + mutantsPerProgram);
        }
        if (threads < 1 || tasksPerBatch < 1 || mutantsPerProgram < 0 || keepPerTask < 1 || fuel < 1 || minMatches < 1
                || nearMissesPerTask < 0 || !(mutation >= 0 && mutation <= 1) || strategies.isEmpty()
                || !(generateSeconds >= 0) || !(fuelFactor >= 0) || fuelFloor < 1 || fuelPerCell < 1) {
            throw new IllegalArgumentException("bad pipeline configuration: " + this);
        }
    }

    /** Every default: all cores, seed 0, 32 tasks per batch, 1 mutant per program at p 0.1, keep 5, the interpreter's fuel, strategies mutate:0.2,splice:0.2,enumerate:0.6. */
    public static PipelineConfig defaults() {
        return new PipelineConfig(WorkerPool.defaultThreads(), DEFAULT_SEED, DEFAULT_TASKS_PER_BATCH, DEFAULT_MUTANTS,
                DEFAULT_MUTATION, DEFAULT_KEEP, Interpreter.DEFAULT_FUEL, DEFAULT_MIN_MATCHES, DEFAULT_NEAR_MISSES,
                DEFAULT_STRATEGIES, 0, DEFAULT_FUEL_FACTOR, DEFAULT_FUEL_FLOOR, DEFAULT_FUEL_PER_CELL, true);
    }

    /** The record of this configuration saved with a run's timings. */
    public RunConfig runConfig(int tasks, int librarySize, int iterations, String label) {
        return new RunConfig(seed, threads, tasks, librarySize, tasksPerBatch, mutation, iterations, Dsl.VERSION, label);
    }

    public PipelineConfig withThreads(int n) {
        return with(s -> s.threads = n);
    }

    public PipelineConfig withSeed(long seed) {
        return with(s -> s.seed = seed);
    }

    public PipelineConfig withTasksPerBatch(int k) {
        return with(s -> s.tasksPerBatch = k);
    }

    public PipelineConfig withMutation(double p, int perProgram) {
        return with(s -> {
            s.mutation = p;
            s.mutantsPerProgram = perProgram;
        });
    }

    public PipelineConfig withFuel(long f) {
        return with(s -> s.fuel = f);
    }

    public PipelineConfig withKeepPerTask(int k) {
        return with(s -> s.keepPerTask = k);
    }

    public PipelineConfig withMinMatches(int n) {
        return with(s -> s.minMatches = n);
    }

    public PipelineConfig withNearMissesPerTask(int n) {
        return with(s -> s.nearMissesPerTask = n);
    }

    /** The generation strategies, e.g. {@code withStrategies(StrategyShare.parse("mutate,enumerate:0.5"))}. */
    public PipelineConfig withStrategies(List<StrategyShare> strategies) {
        return with(s -> s.strategies = strategies);
    }

    public PipelineConfig withGenerateSeconds(double seconds) {
        return with(s -> s.generateSeconds = seconds);
    }

    /** Adaptive fuel: {@code factor} times the parent's fuel (0: off), at least {@code floor}; fresh programs {@code perCell} per cell. */
    public PipelineConfig withAdaptiveFuel(double factor, long floor, long perCell) {
        return with(s -> {
            s.fuelFactor = factor;
            s.fuelFloor = floor;
            s.fuelPerCell = perCell;
        });
    }

    public PipelineConfig withEarlyExit(boolean on) {
        return with(s -> s.earlyExit = on);
    }

    /** Whether score gives members adaptive budgets ({@code fuelFactor > 0}). */
    public boolean adaptiveFuel() {
        return fuelFactor > 0;
    }

    /** This configuration with {@code change} applied to a copy of its settings (checked again). */
    private PipelineConfig with(java.util.function.Consumer<Settings> change) {
        Settings s = new Settings(this);
        change.accept(s);
        return new PipelineConfig(s.threads, s.seed, s.tasksPerBatch, s.mutantsPerProgram, s.mutation, s.keepPerTask, s.fuel,
                s.minMatches, s.nearMissesPerTask, s.strategies, s.generateSeconds, s.fuelFactor, s.fuelFloor, s.fuelPerCell,
                s.earlyExit);
    }

    /** A configuration's settings, changed one at a time by the {@code withX} methods. */
    private static final class Settings {
        int threads;
        long seed;
        int tasksPerBatch;
        int mutantsPerProgram;
        double mutation;
        int keepPerTask;
        long fuel;
        int minMatches;
        int nearMissesPerTask;
        List<StrategyShare> strategies;
        double generateSeconds;
        double fuelFactor;
        long fuelFloor;
        long fuelPerCell;
        boolean earlyExit;

        Settings(PipelineConfig c) {
            threads = c.threads;
            seed = c.seed;
            tasksPerBatch = c.tasksPerBatch;
            mutantsPerProgram = c.mutantsPerProgram;
            mutation = c.mutation;
            keepPerTask = c.keepPerTask;
            fuel = c.fuel;
            minMatches = c.minMatches;
            nearMissesPerTask = c.nearMissesPerTask;
            strategies = c.strategies;
            generateSeconds = c.generateSeconds;
            fuelFactor = c.fuelFactor;
            fuelFloor = c.fuelFloor;
            fuelPerCell = c.fuelPerCell;
            earlyExit = c.earlyExit;
        }
    }
}
