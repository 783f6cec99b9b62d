package dev.arclab.profile;

/**
 * One task's share of a phase: busy = sum of its items' wall durations, cpu = sum of their thread CPU
 * times, and its span from its first item's start to its last item's end (its wall time in the phase).
 */
public record TaskTiming(String task, int items, long busyNanos, long cpuNanos, long firstStartNanos, long lastEndNanos) {
    public long spanNanos() {
        return items == 0 ? 0 : lastEndNanos - firstStartNanos;
    }
}
