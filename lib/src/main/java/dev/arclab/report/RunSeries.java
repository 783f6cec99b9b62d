package dev.arclab.report;

import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Repeated runs of one configuration, so that each phase has a min / median / max instead of a single
 * number. A phase that ran in several iterations counts as the sum over its iterations in each run; the
 * pseudo-phase {@link #TOTAL} is the run's total wall time. One run makes a series of one (no noise known).
 */
public record RunSeries(String name, List<RunRecord> runs) {
    /** The name of the whole-run row in comparisons and scaling tables. */
    public static final String TOTAL = "total";

    public RunSeries {
        Objects.requireNonNull(name, "name");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("run series '" + name + "' has no runs");
        }
    }

    public static RunSeries of(RunRecord run) {
        return new RunSeries(nameOf(run), List.of(run));
    }

    public static RunSeries of(String name, List<RunRecord> runs) {
        return new RunSeries(name, runs);
    }

    /** A run's display name: its configuration label when it has one, else its id. */
    public static String nameOf(RunRecord run) {
        String label = run.config() == null ? null : run.config().label();
        return label == null || label.isBlank() ? run.id() : label;
    }

    public int repeats() {
        return runs.size();
    }

    /** The thread count of the first run's configuration. */
    public int threads() {
        RunRecord r = runs.get(0);
        return r.config() == null ? 0 : r.config().threads();
    }

    /** Phase names in the order they first ran. */
    public List<String> phases() {
        Set<String> names = new LinkedHashSet<>();
        for (RunRecord r : runs) {
            for (PhaseRecord p : r.phases()) {
                names.add(p.phase());
            }
        }
        return new ArrayList<>(names);
    }

    /** Wall time of a phase (summed over its iterations) per run, in nanoseconds; {@link #TOTAL} for the run. */
    public Range wall(String phase) {
        return measure(phase, PhaseRecord::wallNanos);
    }

    public Range busy(String phase) {
        return measure(phase, PhaseRecord::busyNanos);
    }

    public Range cpu(String phase) {
        return measure(phase, PhaseRecord::cpuNanos);
    }

    private Range measure(String phase, ToLongFunction<PhaseRecord> f) {
        List<Long> values = new ArrayList<>();
        for (RunRecord r : runs) {
            long sum = 0;
            boolean seen = false;
            for (PhaseRecord p : r.phases()) {
                if (TOTAL.equals(phase) || p.phase().equals(phase)) {
                    sum += f.applyAsLong(p);
                    seen = true;
                }
            }
            if (seen) {
                values.add(sum);
            }
        }
        return Range.of(values);
    }
}
