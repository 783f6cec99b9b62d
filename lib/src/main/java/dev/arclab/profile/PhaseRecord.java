package dev.arclab.profile;

import java.util.List;
import java.util.Map;

/**
 * What one run of one phase cost. Times are nanoseconds: wall (phase start to end), busy (sum of the
 * wall durations of its work items) and CPU (sum of their thread CPU times). Counters (candidates,
 * unique programs, timeouts, errors, cache hits...) are kept apart from times. {@code partial} marks a
 * phase that was cancelled and holds only the work that finished.
 */
public record PhaseRecord(
        String phase,
        int iteration,
        int threads,
        long wallNanos,
        long busyNanos,
        long cpuNanos,
        int items,
        long longestItemNanos,
        List<TaskTiming> tasks,
        List<ItemTiming> itemTimings,
        Map<String, Long> counters,
        boolean partial) {

    public PhaseRecord {
        tasks = List.copyOf(tasks);
        itemTimings = List.copyOf(itemTimings);
        counters = Map.copyOf(counters);
    }

    /** busy / wall: how many workers were busy on average. */
    public double parallelism() {
        return wallNanos == 0 ? 0 : (double) busyNanos / wallNanos;
    }

    /** parallelism / threads: the share of the pool's capacity that was used. */
    public double efficiency() {
        return threads == 0 ? 0 : parallelism() / threads;
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    public double busySeconds() {
        return busyNanos / 1e9;
    }

    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }
}
