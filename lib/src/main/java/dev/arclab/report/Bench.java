package dev.arclab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one benchmark harness of ARC Lab ({@code bench}, {@code bench-cache}, {@code bench-seeds},
 * {@code solve --repeat}, {@code %scaling} through {@link Experiments}): configurations compared are run
 * in rounds after shared warm-up rounds, each round running every configuration once (A B A B ...), so a
 * JIT still warming up or a machine drifting affects them alike; with {@code rotate} each round starts one
 * configuration further (A B C, B C A, C A B ...), so none always runs first. Results are
 * {@link Measured} records: min / median / max ({@link Range}) of the measured rounds.
 */
public final class Bench {
    private Bench() {
    }

    /**
     * Runs every configuration {@code warmups + repeats} times, round by round, and returns per
     * configuration (in the map's order) the results of the measured rounds, in round order.
     */
    public static <T> Map<String, List<T>> interleaved(int warmups, int repeats, boolean rotate,
            Map<String, ? extends Supplier<? extends T>> configs) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
        if (warmups < 0) {
            throw new IllegalArgumentException("warmups must not be negative, got " + warmups);
        }
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("no configuration to run");
        }
        List<String> names = new ArrayList<>(configs.keySet());
        Map<String, List<T>> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, new ArrayList<>()));
        for (int round = 0; round < warmups + repeats; round++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get(rotate ? (k + round) % names.size() : k);
                T r = Objects.requireNonNull(configs.get(name).get(), () -> name + " returned null");
                if (round >= warmups) {
                    out.get(name).add(r);
                }
            }
        }
        return out;
    }

    /** One configuration alone: {@code warmups} discarded runs, then {@code repeats} measured ones. */
    public static <T> List<T> repeat(int warmups, int repeats, Supplier<? extends T> run) {
        Map<String, Supplier<? extends T>> one = new LinkedHashMap<>();
        one.put("run", run);
        return interleaved(warmups, repeats, false, one).get("run");
    }

    /**
     * What a benchmark measured of one configuration: wall and CPU seconds (CPU: NaN when not measured) over
     * {@code repeats} rounds after {@code warmups}.
     */
    public record Measured(String name, int warmups, Range wall, Range cpu) {

        /** From nanosecond figures; {@code cpuNanos} may be null. */
        public static Measured ofNanos(String name, int warmups, List<Long> wallNanos, List<Long> cpuNanos) {
            return new Measured(name, warmups, Range.of(wallNanos).scaled(1e9),
                    cpuNanos == null ? Range.EMPTY : Range.of(cpuNanos).scaled(1e9));
        }

        /** E.g. {@code wall time over 4 runs after 1 warm-up: min 0.812 s, median 0.830 s, max 0.901 s}. */
        public String line() {
            String runs = wall.n() == 1 && warmups == 0 ? "wall time of 1 run" : "wall time over " + wall.n()
                    + (wall.n() == 1 ? " run" : " runs") + " after " + warmups + (warmups == 1 ? " warm-up" : " warm-ups");
            String cpuPart = cpu.isEmpty() ? "" : String.format(Locale.ROOT, " (cpu median %s)", seconds(cpu.median()));
            return String.format(Locale.ROOT, "%s: min %s, median %s, max %s%s", runs, seconds(wall.min()), seconds(wall.median()),
                    seconds(wall.max()), cpuPart);
        }

        private static String seconds(double s) {
            return s < 1 ? String.format(Locale.ROOT, "%.1f ms", s * 1e3) : String.format(Locale.ROOT, "%.3f s", s);
        }
    }

    /**
     * The largest speedup going from {@code from} to {@code to} threads can give on {@code cores} cores:
     * min(to, cores) / min(from, cores). A measured ratio well beyond it is noise or warm-up, not speedup.
     */
    public static double possibleSpeedup(int from, int to, int cores) {
        return (double) Math.min(to, cores) / Math.min(from, cores);
    }

    /** Whether a measured {@code speedup} exceeds {@link #possibleSpeedup} by more than 5%. */
    public static boolean beyondHardware(double speedup, int from, int to, int cores) {
        return speedup > possibleSpeedup(from, to, cores) * 1.05;
    }
}
