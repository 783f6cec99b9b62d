package dev.arclab.lab;

import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run of many iterations, summed per phase for its table (one row per phase, not one per phase per iteration),
 * and split into one record per iteration for the per-iteration chart ({@code %timings --chart iterations}).
 */
public final class Iterations {
    private Iterations() {
    }

    /** How many iterations the run has phase records of (what actually ran, also when it was interrupted). */
    public static int ran(RunRecord run) {
        return (int) run.phases().stream().mapToInt(PhaseRecord::iteration).distinct().count();
    }

    /**
     * The run with one phase record per phase, its figures summed over the iterations (longest item: the
     * longest; partial if any was); the run itself when it has one iteration.
     */
    public static RunRecord summed(RunRecord run) {
        if (ran(run) <= 1) {
            return run;
        }
        Map<String, List<PhaseRecord>> byPhase = new LinkedHashMap<>();
        for (PhaseRecord p : run.phases()) {
            byPhase.computeIfAbsent(p.phase(), k -> new ArrayList<>()).add(p);
        }
        List<PhaseRecord> summed = new ArrayList<>();
        for (List<PhaseRecord> ps : byPhase.values()) {
            Map<String, Long> counters = new HashMap<>();
            ps.forEach(p -> p.counters().forEach((k, v) -> counters.merge(k, v, Long::sum)));
            PhaseRecord first = ps.get(0);
            summed.add(new PhaseRecord(first.phase(), ps.size(), first.threads(),
                    ps.stream().mapToLong(PhaseRecord::wallNanos).sum(),
                    ps.stream().mapToLong(PhaseRecord::busyNanos).sum(),
                    ps.stream().mapToLong(PhaseRecord::cpuNanos).sum(),
                    (int) Math.min(Integer.MAX_VALUE, ps.stream().mapToLong(PhaseRecord::items).sum()),
                    ps.stream().mapToLong(PhaseRecord::longestItemNanos).max().orElse(0),
                    List.of(), List.of(), counters, ps.stream().anyMatch(PhaseRecord::partial)));
        }
        return new RunRecord(run.id(), run.startedMillis(), run.config(), summed, run.summary());
    }

    /** One record per iteration ("iteration 1", ...), for a chart of the phase times of each iteration. */
    public static List<RunRecord> each(RunRecord run) {
        List<RunRecord> out = new ArrayList<>();
        run.phases().stream().mapToInt(PhaseRecord::iteration).distinct().sorted().forEach(k ->
                out.add(new RunRecord("iteration " + k, run.startedMillis(), run.config(), run.iteration(k), Map.of())));
        return out;
    }
}
