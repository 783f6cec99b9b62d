package dev.arclab.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * min / median / max of n repeated measurements (e.g. a phase's wall time in nanoseconds over R runs).
 * The median of an even count is the mean of the two middle values. An empty range has n = 0 and NaNs.
 */
public record Range(int n, double min, double median, double max) {
    public static final Range EMPTY = new Range(0, Double.NaN, Double.NaN, Double.NaN);

    public static Range of(double... values) {
        if (values.length == 0) {
            return EMPTY;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Range(n, v[0], median, v[n - 1]);
    }

    public static Range of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public boolean isEmpty() {
        return n == 0;
    }

    /** True when the two closed intervals [min, max] share a point. */
    public boolean overlaps(Range o) {
        return !isEmpty() && !o.isEmpty() && min <= o.max && o.min <= max;
    }

    /** (max - min) / median: how much the repeats spread, relative to the typical value. */
    public double relativeSpread() {
        return n == 0 || median == 0 ? Double.NaN : (max - min) / median;
    }

    /** The same range with every value divided by {@code d} (e.g. 1e9 for nanoseconds to seconds). */
    public Range scaled(double d) {
        return new Range(n, min / d, median / d, max / d);
    }
}
