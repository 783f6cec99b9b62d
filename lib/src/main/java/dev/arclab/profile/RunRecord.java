package dev.arclab.profile;

import java.util.List;
import java.util.Map;

/**
 * One pipeline run: its id, when it started (epoch milliseconds), its configuration, the record of every
 * phase it ran in order (all iterations), and summary figures (e.g. tasks with a demo-perfect program,
 * test outputs predicted).
 */
public record RunRecord(String id, long startedMillis, RunConfig config, List<PhaseRecord> phases, Map<String, Long> summary) {
    public RunRecord {
        phases = List.copyOf(phases);
        summary = Map.copyOf(summary);
    }

    /** Total wall time of all phases. */
    public long wallNanos() {
        return phases.stream().mapToLong(PhaseRecord::wallNanos).sum();
    }

    /** The phases of one iteration. */
    public List<PhaseRecord> iteration(int n) {
        return phases.stream().filter(p -> p.iteration() == n).toList();
    }
}
