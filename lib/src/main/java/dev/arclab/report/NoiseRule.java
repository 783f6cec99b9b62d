package dev.arclab.report;

/**
 * When a change in wall time counts as a regression or an improvement rather than noise.
 *
 * <p>With repeats on both sides (n &ge; 2): only when the [min, max] ranges do not overlap, and the medians
 * differ by more than {@code minChangePercent}. With a single measurement on either side the noise is not
 * known, so the rule falls back to a threshold: the change must exceed {@code singleRunThresholdPercent}.
 * In both cases the absolute change of the medians must exceed {@code minAbsNanos}, so that phases of a
 * few microseconds never flag.
 */
public record NoiseRule(double minChangePercent, double singleRunThresholdPercent, long minAbsNanos) {
    /** Non-overlapping ranges and at least 2 % change; 10 % for single runs; at least 1 ms either way. */
    public static final NoiseRule DEFAULT = new NoiseRule(2.0, 10.0, 1_000_000L);

    /** The outcome of comparing a run with the baseline on one phase. */
    public enum Verdict {
        REGRESSION("regression"),
        IMPROVEMENT("improvement"),
        WITHIN_NOISE("within noise"),
        MISSING("missing");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Verdict judge(Range baseline, Range run) {
        if (baseline.isEmpty() || run.isEmpty()) {
            return Verdict.MISSING;
        }
        double delta = run.median() - baseline.median();
        if (Math.abs(delta) <= minAbsNanos) {
            return Verdict.WITHIN_NOISE;
        }
        double pct = baseline.median() == 0 ? Double.POSITIVE_INFINITY : 100.0 * Math.abs(delta) / baseline.median();
        boolean repeated = baseline.n() >= 2 && run.n() >= 2;
        if (repeated) {
            if (run.min() > baseline.max() && pct > minChangePercent) {
                return Verdict.REGRESSION;
            }
            if (run.max() < baseline.min() && pct > minChangePercent) {
                return Verdict.IMPROVEMENT;
            }
            return Verdict.WITHIN_NOISE;
        }
        if (pct > singleRunThresholdPercent) {
            return delta > 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
        }
        return Verdict.WITHIN_NOISE;
    }

    /** A sentence that states the rule applied to a comparison of n1 and n2 repeats. */
    public String describe(int baselineRepeats, int runRepeats) {
        String abs = String.format(java.util.Locale.ROOT, "%.1f ms", minAbsNanos / 1e6);
        if (baselineRepeats >= 2 && runRepeats >= 2) {
            return String.format(java.util.Locale.ROOT,
                    "medians of %d and %d repeats; a change counts only when the min..max ranges do not overlap, "
                            + "the medians differ by more than %.1f%% and by more than %s",
                    baselineRepeats, runRepeats, minChangePercent, abs);
        }
        return String.format(java.util.Locale.ROOT,
                "single measurements, noise unknown: a change counts when it exceeds %.1f%% and %s "
                        + "(repeat runs to judge against measured noise)",
                singleRunThresholdPercent, abs);
    }
}
