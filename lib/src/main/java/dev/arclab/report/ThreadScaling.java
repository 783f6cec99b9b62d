package dev.arclab.report;

import dev.arclab.profile.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measured speedup of one phase (or {@link RunSeries#TOTAL}) against the thread count. The reference is
 * the smallest thread count measured (normally 1): speedup(t) = median wall(reference) / median wall(t),
 * with a conservative range from the extremes (reference min / wall max .. reference max / wall min).
 * Ideal speedup is t / reference threads.
 */
public record ThreadScaling(String phase, List<Point> points) {

    /** One thread count: its wall time range in nanoseconds over the repeats. */
    public record Point(int threads, Range wall) {
    }

    public ThreadScaling {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("thread scaling of " + phase + " has no points");
        }
    }

    /** Builds the curve from runs grouped by thread count. */
    public static ThreadScaling of(String phase, Map<Integer, List<RunRecord>> runsByThreads) {
        List<Point> points = new ArrayList<>();
        new TreeMap<>(runsByThreads).forEach((t, runs) ->
                points.add(new Point(t, new RunSeries(t + " threads", runs).wall(phase))));
        return new ThreadScaling(phase, points);
    }

    public Point reference() {
        return points.get(0);
    }

    public double speedup(Point p) {
        return reference().wall().median() / p.wall().median();
    }

    /** Lowest speedup the measured ranges allow. */
    public double speedupLow(Point p) {
        return reference().wall().min() / p.wall().max();
    }

    /** Highest speedup the measured ranges allow. */
    public double speedupHigh(Point p) {
        return reference().wall().max() / p.wall().min();
    }

    public double idealSpeedup(Point p) {
        return (double) p.threads() / reference().threads();
    }

    /**
     * The largest speedup {@code cores} cores allow at this point: min(threads, cores) / min(reference
     * threads, cores). A 2-thread speedup above 2 on 2 cores, or any speedup above 1 from 2 to 4 threads
     * on 2 cores, is noise or warm-up (JIT, caches), not parallelism.
     */
    public double possibleSpeedup(Point p, int cores) {
        return Bench.possibleSpeedup(reference().threads(), p.threads(), cores);
    }

    /** Whether the measured median speedup exceeds what {@code cores} cores allow by more than 5%. */
    public boolean beyondHardware(Point p, int cores) {
        return Bench.beyondHardware(speedup(p), reference().threads(), p.threads(), cores);
    }

    /** speedup / ideal speedup. */
    public double efficiency(Point p) {
        return speedup(p) / idealSpeedup(p);
    }
}
