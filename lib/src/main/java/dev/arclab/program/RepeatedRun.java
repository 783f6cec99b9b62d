package dev.arclab.program;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A solver run repeated in one JVM: {@code warmups} runs whose times do not count, then the timed ones.
 *
 * @param wallNanos  wall time of every run, the warm-ups first
 * @param warmups    how many of the first runs were warm-ups
 * @param last       the results of the last run
 * @param consistent whether every run had the same outcomes and fuel on every pair
 */
public record RepeatedRun(List<Long> wallNanos, int warmups, SolverRunResult last, boolean consistent) {

    public RepeatedRun {
        wallNanos = List.copyOf(wallNanos);
        if (warmups < 0 || wallNanos.size() <= warmups) {
            throw new IllegalArgumentException(wallNanos.size() + " runs, " + warmups + " warm-ups: no timed run");
        }
    }

    /** The wall times that count: all but the warm-ups. */
    public List<Long> timedNanos() {
        return wallNanos.subList(warmups, wallNanos.size());
    }

    public long minNanos() {
        return Collections.min(timedNanos());
    }

    public long maxNanos() {
        return Collections.max(timedNanos());
    }

    /** The median of the timed runs (the mean of the two middle ones for an even count). */
    public long medianNanos() {
        List<Long> s = new ArrayList<>(timedNanos());
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** E.g. {@code wall time over 4 runs after 1 warm-up: min 812.3 ms, median 830.1 ms, max 901.0 ms}. */
    public String timingLine() {
        int timed = timedNanos().size();
        String runs = wallNanos.size() == 1 ? "wall time of 1 run" : "wall time over " + timed
                + (timed == 1 ? " run" : " runs") + " after " + warmups + (warmups == 1 ? " warm-up" : " warm-ups");
        return String.format(Locale.ROOT, "%s: min %.1f ms, median %.1f ms, max %.1f ms%s", runs, minNanos() / 1e6,
                medianNanos() / 1e6, maxNanos() / 1e6, consistent ? "" : " (outcomes differed between runs!)");
    }
}
