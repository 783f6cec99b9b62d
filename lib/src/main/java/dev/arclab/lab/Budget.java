package dev.arclab.lab;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wall-clock budget that started at {@code startNanos} on {@code clock} (nanoseconds, like
 * {@link System#nanoTime()}): {@link #spent()} once {@code total} has passed. The clock is a parameter so
 * that tests can drive it. {@link Session#run(RunPlan, RunPlan.Listener)} iterates until it is spent.
 */
public record Budget(Duration total, LongSupplier clock, long startNanos) {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    /** A budget of {@code total} starting now on {@code clock}. */
    public static Budget start(Duration total, LongSupplier clock) {
        return new Budget(total, clock, clock.getAsLong());
    }

    public boolean spent() {
        return remainingNanos() <= 0;
    }

    public long remainingNanos() {
        long elapsed = clock.getAsLong() - startNanos;
        long limit = total.toNanos();
        return limit - elapsed;
    }

    /**
     * Parses a duration such as {@code 90s}, {@code 20m}, {@code 11h}, {@code 1h30m}, {@code 500ms} or
     * {@code 1d} (parts in any order, each a whole number and a unit: ms, s, m, h, d).
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty duration: use e.g. 90s, 20m, 11h or 1h30m");
        }
        Matcher m = PART.matcher(t);
        Duration d = Duration.ZERO;
        int at = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("'" + text + "' is not a duration such as 90s, 20m, 11h or 1h30m "
                        + "(units: ms, s, m, h, d)");
            }
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': " + m.group(1) + " is too large");
            }
            d = d.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            at = m.end();
        }
        return d;
    }

    /** A duration as the largest units that fit, e.g. {@code 1h 5m 3s}, {@code 42s}, {@code 0.250s}. */
    public static String format(long nanos) {
        if (nanos < 0) {
            nanos = 0;
        }
        long s = nanos / 1_000_000_000L;
        if (s < 60) {
            return String.format(Locale.ROOT, s < 10 ? "%.3fs" : "%.0fs", nanos / 1e9);
        }
        long h = s / 3600;
        long m = s % 3600 / 60;
        return (h > 0 ? h + "h " : "") + m + "m " + s % 60 + "s";
    }
}
