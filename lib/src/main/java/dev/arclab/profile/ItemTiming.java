package dev.arclab.profile;

/**
 * The measured cost of one work item of a phase: which task it belonged to, which worker lane ran it,
 * when it started (nanoseconds after the phase started), its wall duration and its thread CPU time.
 */
public record ItemTiming(String task, int worker, long startNanos, long wallNanos, long cpuNanos) {
    public long endNanos() {
        return startNanos + wallNanos;
    }
}
