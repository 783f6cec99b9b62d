package dev.arclab.report;

import dev.arclab.profile.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Noise-aware measurement: run the same configuration several times and keep min / median / max per
 * phase, so that comparisons use medians and flag only changes beyond the measured spread
 * ({@link NoiseRule}). Warm-up runs (JIT, caches) are run and discarded. Configurations that are compared
 * are interleaved (A B A B ...) so that slow drift of the machine affects them alike.
 */
public final class Experiments {
    private Experiments() {
    }

    /** Runs {@code run} {@code repeats} times. */
    public static RunSeries repeat(String name, int repeats, Supplier<RunRecord> run) {
        return repeat(name, 0, repeats, run);
    }

    /** Runs {@code run} {@code warmups} times and discards the results, then {@code repeats} times. */
    public static RunSeries repeat(String name, int warmups, int repeats, Supplier<RunRecord> run) {
        Objects.requireNonNull(run, "run");
        return new RunSeries(name, Bench.repeat(warmups, repeats, run));
    }

    /**
     * Runs several configurations {@code repeats} times each, interleaved round by round ({@link Bench}),
     * after {@code warmups} interleaved warm-up rounds. The result keeps the map's order.
     */
    public static List<RunSeries> repeatInterleaved(int warmups, int repeats, Map<String, Supplier<RunRecord>> configs) {
        List<RunSeries> out = new ArrayList<>();
        Bench.interleaved(warmups, repeats, false, configs).forEach((k, v) -> out.add(new RunSeries(k, v)));
        return out;
    }

    /** Compares series with the default noise rule; the first argument is the baseline. */
    public static Comparison compare(RunSeries baseline, RunSeries... others) {
        return Comparison.of(baseline, List.of(others));
    }

    public static Comparison compare(NoiseRule rule, RunSeries baseline, RunSeries... others) {
        return Comparison.of(baseline, List.of(others), rule);
    }

    /**
     * Thread scaling of {@code phase} ({@link RunSeries#TOTAL} for the whole run) at 1..maxThreads threads,
     * {@code repeats} times each after one discarded warm-up round. {@code runAtThreads} runs the
     * configuration with the given pool size.
     */
    public static ThreadScaling threadScaling(String phase, int maxThreads, int repeats, IntFunction<RunRecord> runAtThreads) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1, got " + maxThreads);
        }
        int[] threads = new int[maxThreads];
        for (int i = 0; i < maxThreads; i++) {
            threads[i] = i + 1;
        }
        return threadScaling(phase, threads, 1, repeats, runAtThreads);
    }

    /**
     * Thread scaling at the given thread counts: one warm-up round per {@code warmups}, then
     * {@code repeats} rounds; each round runs every thread count once (interleaved).
     */
    public static ThreadScaling threadScaling(String phase, int[] threadCounts, int warmups, int repeats,
            IntFunction<RunRecord> runAtThreads) {
        Objects.requireNonNull(runAtThreads, "runAtThreads");
        checkCounts(warmups, repeats);
        if (threadCounts.length == 0) {
            throw new IllegalArgumentException("no thread counts");
        }
        Map<String, Supplier<RunRecord>> configs = new LinkedHashMap<>();
        for (int t : new java.util.TreeSet<>(java.util.Arrays.stream(threadCounts).boxed().toList())) {
            if (t < 1) {
                throw new IllegalArgumentException("thread count must be at least 1, got " + t);
            }
            configs.put(String.valueOf(t), () -> Objects.requireNonNull(runAtThreads.apply(t), "run at " + t + " threads returned null"));
        }
        Map<Integer, List<RunRecord>> byThreads = new TreeMap<>();
        Bench.interleaved(warmups, repeats, false, configs).forEach((k, v) -> byThreads.put(Integer.parseInt(k), v));
        return ThreadScaling.of(phase, byThreads);
    }

    private static void checkCounts(int warmups, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        if (warmups < 0) {
            throw new IllegalArgumentException("warmups must not be negative, got " + warmups);
        }
    }
}
