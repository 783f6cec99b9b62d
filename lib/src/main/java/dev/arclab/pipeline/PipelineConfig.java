package dev.arclab.pipeline;

import dev.arclab.program.Interpreter;

/**
 * Settings of a pipeline session. {@code threads}: size of the one worker pool (1 for a baseline);
 * {@code seed}: every random choice derives from it, so results do not depend on the thread count;
 * {@code tasksPerBatch}: how many tasks' solvers generate picks; {@code mutantsPerProgram} and
 * {@code mutation} (per-argument probability p); {@code keepPerTask}: library size per task;
 * {@code fuel}: budget of one program run on one input (and of one node in a batch);
 * {@code minMatches}: demo matches a candidate needs to be kept; {@code nearMissesPerTask}: how many
 * near misses differs keeps per task for parent choice.
 */
public record PipelineConfig(int threads, long seed, int tasksPerBatch, int mutantsPerProgram, double mutation,
                             int keepPerTask, long fuel, int minMatches, int nearMissesPerTask) {

    public PipelineConfig {
        if (threads < 1 || tasksPerBatch < 1 || mutantsPerProgram < 0 || keepPerTask < 1 || fuel < 1 || minMatches < 1
                || nearMissesPerTask < 0 || !(mutation >= 0 && mutation <= 1)) {
            throw new IllegalArgumentException("bad pipeline configuration: " + this);
        }
    }

    public static PipelineConfig defaults() {
        return new PipelineConfig(WorkerPool.defaultThreads(), 0, 32, 1, 0.1, 5, Interpreter.DEFAULT_FUEL, 1, 3);
    }

    public PipelineConfig withThreads(int n) {
        return new PipelineConfig(n, seed, tasksPerBatch, mutantsPerProgram, mutation, keepPerTask, fuel, minMatches, nearMissesPerTask);
    }

    public PipelineConfig withSeed(long s) {
        return new PipelineConfig(threads, s, tasksPerBatch, mutantsPerProgram, mutation, keepPerTask, fuel, minMatches, nearMissesPerTask);
    }

    public PipelineConfig withTasksPerBatch(int k) {
        return new PipelineConfig(threads, seed, k, mutantsPerProgram, mutation, keepPerTask, fuel, minMatches, nearMissesPerTask);
    }

    public PipelineConfig withMutation(double p, int perProgram) {
        return new PipelineConfig(threads, seed, tasksPerBatch, perProgram, p, keepPerTask, fuel, minMatches, nearMissesPerTask);
    }

    public PipelineConfig withFuel(long f) {
        return new PipelineConfig(threads, seed, tasksPerBatch, mutantsPerProgram, mutation, keepPerTask, f, minMatches, nearMissesPerTask);
    }

    public PipelineConfig withKeepPerTask(int k) {
        return new PipelineConfig(threads, seed, tasksPerBatch, mutantsPerProgram, mutation, k, fuel, minMatches, nearMissesPerTask);
    }
}
