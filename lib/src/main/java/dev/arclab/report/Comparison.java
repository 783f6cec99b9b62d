package dev.arclab.report;

import dev.arclab.report.NoiseRule.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs side by side per phase against a baseline: median wall time, speedup = baseline wall / run wall,
 * change in percent, and a verdict from the {@link NoiseRule}. Rows are grouped by phase (phases in the
 * order they ran, then {@link RunSeries#TOTAL}); within a phase the baseline row comes first.
 */
public record Comparison(RunSeries baseline, List<RunSeries> runs, NoiseRule rule, List<Row> rows) {

    /** One run on one phase. Wall times are nanoseconds; speedup and change are NaN when a side is missing. */
    public record Row(String phase, String run, boolean baseline, Range wall, double speedup, double changePercent,
            Verdict verdict) {
    }

    public Comparison {
        runs = List.copyOf(runs);
        rows = List.copyOf(rows);
    }

    public static Comparison of(RunSeries baseline, List<RunSeries> runs) {
        return of(baseline, runs, NoiseRule.DEFAULT);
    }

    public static Comparison of(RunSeries baseline, List<RunSeries> runs, NoiseRule rule) {
        Objects.requireNonNull(baseline, "baseline");
        List<RunSeries> others = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        names.add(baseline.name());
        for (RunSeries r : runs) {
            if (r == baseline) {
                continue;
            }
            String name = r.name();
            for (int k = 2; !names.add(name); k++) {
                name = r.name() + " (" + k + ")";
            }
            others.add(name.equals(r.name()) ? r : new RunSeries(name, r.runs()));
        }
        Set<String> phases = new LinkedHashSet<>(baseline.phases());
        for (RunSeries r : others) {
            phases.addAll(r.phases());
        }
        phases.add(RunSeries.TOTAL);
        List<Row> rows = new ArrayList<>();
        for (String phase : phases) {
            Range b = baseline.wall(phase);
            rows.add(new Row(phase, baseline.name(), true, b, b.isEmpty() ? Double.NaN : 1.0,
                    b.isEmpty() ? Double.NaN : 0.0, b.isEmpty() ? Verdict.MISSING : Verdict.WITHIN_NOISE));
            for (RunSeries r : others) {
                Range w = r.wall(phase);
                double speedup = b.isEmpty() || w.isEmpty() || w.median() == 0 ? Double.NaN : b.median() / w.median();
                double change = b.isEmpty() || w.isEmpty() || b.median() == 0
                        ? Double.NaN : 100.0 * (w.median() - b.median()) / b.median();
                rows.add(new Row(phase, r.name(), false, w, speedup, change, rule.judge(b, w)));
            }
        }
        return new Comparison(baseline, others, rule, rows);
    }

    /** The rows of a given run (or the baseline), in phase order. */
    public List<Row> rowsOf(String run) {
        return rows.stream().filter(r -> r.run().equals(run)).toList();
    }

    public List<Row> regressions() {
        return rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).toList();
    }

    public List<Row> improvements() {
        return rows.stream().filter(r -> r.verdict() == Verdict.IMPROVEMENT).toList();
    }

    /** The rule as applied here, in words (uses the smallest repeat count among the runs). */
    public String ruleDescription() {
        int min = runs.stream().mapToInt(RunSeries::repeats).min().orElse(baseline.repeats());
        return rule.describe(baseline.repeats(), min);
    }
}
