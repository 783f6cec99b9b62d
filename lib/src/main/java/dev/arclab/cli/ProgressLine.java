package dev.arclab.cli;

import dev.arclab.pipeline.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The command line's progress line: the running phase and its work items done of total, rewritten in place on a
 * terminal ({@code \r}) at most every {@link #INTERVAL_NANOS} (and at a phase's start), and wiped when the phase
 * ends or by {@link #clear()} (a cancelled phase), so the command's own lines start on a clean line. Fed by {@code Pipeline.onProgress}, from worker threads.
 * Off when the error stream is not a terminal, so logs and pipes get no carriage returns.
 */
final class ProgressLine implements Consumer<Progress> {
    /** The shortest time between two rewrites: 5 a second. */
    static final long INTERVAL_NANOS = 200_000_000L;
    private final PrintWriter err;
    private final LongSupplier clock;
    private String phase = "";
    private long lastNanos;
    private int shownLength;

    ProgressLine(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
    }

    /** A progress line on {@code err} when the process runs on a terminal, else one that shows nothing. */
    static Consumer<Progress> forTerminal(PrintWriter err) {
        return System.console() != null ? new ProgressLine(err, System::nanoTime) : p -> { };
    }

    @Override
    public synchronized void accept(Progress p) {
        long now = clock.getAsLong();
        boolean edge = !p.phase().equals(phase) || p.done() == 0 || p.done() >= p.total();
        if (!edge && now - lastNanos < INTERVAL_NANOS) {
            return;
        }
        phase = p.phase();
        lastNanos = now;
        if (p.done() >= p.total() && p.total() > 0) {
            clear();  // a phase that ended leaves no line behind for the command's own output
            return;
        }
        String text = text(p);
        // pad over a longer previous line, so no tail of it stays on screen
        err.print("\r" + text + " ".repeat(Math.max(0, shownLength - text.length())));
        err.flush();
        shownLength = text.length();
    }

    /** Wipes the line, so the next output starts on a clean one. */
    synchronized void clear() {
        if (shownLength > 0) {
            err.print("\r" + " ".repeat(shownLength) + "\r");
            err.flush();
            shownLength = 0;
        }
        phase = "";
    }

    /** {@code generate mutate: 12,800 of 32,000 (40%)}. */
    static String text(Progress p) {
        int percent = p.total() <= 0 ? 100 : (int) (100L * p.done() / p.total());
        return String.format(Locale.ROOT, "%s: %,d of %,d (%d%%)", p.phase(), p.done(), p.total(), percent);
    }
}
