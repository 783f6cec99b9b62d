package dev.arclab.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * What {@code %time}, {@code %%time}, {@code %timeit} and {@code %%timeit} measure: wall time, the CPU time of the
 * whole process (every thread, so a parallel phase shows its real cost), and repeated runs with their median.
 */
public final class Timing {
    /** Smallest total time of one run that {@code %timeit} aims at when it picks the number of loops itself. */
    static final long AUTO_RUN_NANOS = 200_000_000L;

    private Timing() {
    }

    /** The code timed by {@code %timeit}: one loop. */
    @FunctionalInterface
    public interface Body {
        Object run() throws Exception;
    }

    /** A started measurement of wall and process CPU time. */
    static final class Clock {
        private final long wall = System.nanoTime();
        private final long cpu = processCpuNanos();

        /** "Wall time: 12.3 ms, CPU time (all threads): 20.1 ms". */
        String stop() {
            long w = System.nanoTime() - wall;
            long c = processCpuNanos();
            return "Wall time: " + format(w) + (c < 0 || cpu < 0 ? "" : ", CPU time (all threads): " + format(c - cpu));
        }
    }

    static Clock start() {
        return new Clock();
    }

    /** The CPU time used by this process so far, in nanoseconds; -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** A duration as people read it: "850 µs", "12.3 ms", "1.24 s". */
    static String format(long nanos) {
        double ms = nanos / 1e6;
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, ms < 100 ? "%.3g ms" : "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.3g s", ms / 1000);
    }

    /** What {@code %timeit} found: the time of each run of {@code loops} calls. */
    public record Timeit(int loops, long[] runNanos) {
        /** Time per loop of each run, sorted. */
        private double[] perLoop() {
            return Arrays.stream(runNanos).mapToDouble(r -> (double) r / loops).sorted().toArray();
        }

        /** The median time per loop, in nanoseconds. */
        public double medianNanos() {
            double[] p = perLoop();
            int n = p.length;
            return n % 2 == 1 ? p[n / 2] : (p[n / 2 - 1] + p[n / 2]) / 2;
        }

        @Override
        public String toString() {
            double[] p = perLoop();
            return format(Math.round(medianNanos())) + " per loop (median of " + runNanos.length + " run"
                    + (runNanos.length == 1 ? "" : "s") + ", " + loops + " loop" + (loops == 1 ? "" : "s")
                    + " each; min " + format(Math.round(p[0])) + ", max " + format(Math.round(p[p.length - 1])) + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Timeit t && t.loops == loops && Arrays.equals(t.runNanos, runNanos);
        }

        @Override
        public int hashCode() {
            return 31 * loops + Arrays.hashCode(runNanos);
        }
    }

    /**
     * Calls {@code body} {@code loops} times per run, {@code runs} runs, and returns the time of each run. With
     * {@code loops} 0 it picks the loops itself: 1, 10, 100... until one run takes {@link #AUTO_RUN_NANOS} (those
     * calibration runs are the warm-up).
     */
    public static Timeit timeit(int loops, int runs, Body body) throws Exception {
        if (runs < 1 || loops < 0) {
            throw new IllegalArgumentException("%timeit: runs must be at least 1 and loops at least 0");
        }
        int n = loops;
        if (n == 0) {
            n = 1;
            while (true) {
                long t = run(n, body);
                if (t >= AUTO_RUN_NANOS || n >= 1_000_000_000 / 10) {
                    break;
                }
                n *= 10;
            }
        }
        long[] times = new long[runs];
        for (int r = 0; r < runs; r++) {
            times[r] = run(n, body);
        }
        return new Timeit(n, times);
    }

    private static volatile Object sink;

    private static long run(int loops, Body body) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < loops; i++) {
            sink = body.run();
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("%timeit interrupted");
            }
        }
        return System.nanoTime() - start;
    }
}
