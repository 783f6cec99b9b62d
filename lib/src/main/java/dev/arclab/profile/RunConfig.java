package dev.arclab.profile;

/** The configuration a run was made with, saved beside its timings so runs can be compared. */
public record RunConfig(
        long seed,
        int threads,
        int tasks,
        int librarySize,
        int tasksPerBatch,
        double mutationProbability,
        int iterations,
        String dslVersion,
        String label) {
}
