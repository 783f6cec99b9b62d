package dev.arclab.pipeline;

/** Progress of the running phase, for progress bars: work items done of total. */
public record Progress(String phase, int done, int total) {
}
