package dev.arclab.magics;

import dev.arclab.pipeline.Progress;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.report.Html;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar that updates in place below the running cell: phase, work items done of total, elapsed time and
 * an estimate of the time left. Fed by {@link Pipeline#onProgress} (from worker threads); shown once with
 * {@link NotebookDisplay#show}, then replaced with {@link NotebookDisplay#update} under the same display id, at
 * most {@link #MAX_UPDATES_PER_SECOND} times a second, and a last time when the work ends. When no notebook display
 * is available (plain Java, in-process tests) it does nothing at all.
 */
public final class ProgressBar implements AutoCloseable {
    /** Updates per second at most. */
    public static final int MAX_UPDATES_PER_SECOND = 5;

    /** What the bar shows at one moment; rendered as HTML (a {@code <progress>} element) and as text. */
    public record View(String what, String phase, int iteration, int done, int total, String unit, double elapsedSeconds,
                       double etaSeconds, String state) {
        /** Done / total, 0..1 (1 when the total is 0). */
        public double fraction() {
            return total <= 0 ? 1 : Math.min(1, (double) done / total);
        }

        /**
         * One line: {@code iterate 3, iteration 2: score 812/1302 samples, 1.2 s elapsed, ETA 0.6 s}; at the end the
         * state ({@code done in 2.0 s}, or cancelled) instead of the times. A phase run alone is not named twice.
         */
        public String line() {
            StringBuilder sb = new StringBuilder(what);
            if (iteration > 0) {
                sb.append(", iteration ").append(iteration);
            }
            if (phase != null) {
                sb.append(": ");
                if (!phase.equals(what)) {
                    sb.append(phase).append(' ');
                }
                sb.append(done).append('/').append(total).append(' ').append(unit);
            }
            if (state != null) {
                sb.append(", ").append(state);
            } else {
                sb.append(", ").append(seconds(elapsedSeconds)).append(" elapsed");
                if (!Double.isNaN(etaSeconds)) {
                    sb.append(", ETA ").append(seconds(etaSeconds));
                }
            }
            return sb.toString();
        }

        /** A text bar of 30 characters and the line. */
        public String text() {
            int full = (int) Math.round(fraction() * 30);
            return "[" + "#".repeat(full) + ".".repeat(30 - full) + "] " + line();
        }

        public String html() {
            return "<div class=\"arclab-progress\" style=\"font-family:monospace;font-size:12px\">"
                    + "<progress value=\"" + done + "\" max=\"" + Math.max(total, 1) + "\" style=\"width:240px;"
                    + "vertical-align:middle\"></progress> " + Html.escape(line()) + "</div>";
        }

        private static String seconds(double s) {
            return s < 10 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%.0f s", s);
        }
    }

    private static final ProgressBar OFF = new ProgressBar(null, "", System::nanoTime);

    private final NotebookDisplay display;
    private final String what;
    private final LongSupplier clock;
    private final long start;
    private final long minGap = 1_000_000_000L / MAX_UPDATES_PER_SECOND;
    private String id;
    private String phase;
    private int iteration;
    private int done;
    private int total;
    private long phaseStart;
    private long lastShown = Long.MIN_VALUE;
    private int updates;
    private boolean finished;

    ProgressBar(NotebookDisplay display, String what, LongSupplier clock) {
        this.display = display;
        this.what = what;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** A bar for {@code what} on the current display; a bar that does nothing when no display is available. */
    public static ProgressBar start(String what) {
        NotebookDisplay d = NotebookDisplay.current();
        return d.available() ? new ProgressBar(d, what, System::nanoTime) : OFF;
    }

    /** A bar on the given display with the given nanosecond clock (tests). */
    static ProgressBar on(NotebookDisplay display, String what, LongSupplier clock) {
        return new ProgressBar(display, what, clock);
    }

    /** True when this bar shows anything. */
    public boolean active() {
        return display != null;
    }

    /** How many times the bar was shown or updated. */
    public synchronized int updates() {
        return updates;
    }

    /** A progress event of the pipeline. Thread-safe; cheap when no update is due. */
    public void update(Progress p) {
        if (display == null || p == null) {
            return;
        }
        synchronized (this) {
            if (finished) {
                return;
            }
            long now = clock.getAsLong();
            if (p.done() == 0 || !p.phase().equals(phase)) {
                // an iteration starts at generate (one "generate NAME" per strategy), or at score when run without it
                boolean generating = p.phase().startsWith("generate");
                boolean wasGenerating = phase != null && phase.startsWith("generate");
                if (generating ? !wasGenerating : "score".equals(p.phase()) && !wasGenerating) {
                    iteration++;
                }
                phase = p.phase();
                phaseStart = now;
                done = 0;
            }
            done = Math.max(done, p.done());
            total = p.total();
            if (id == null || now - lastShown >= minGap || done == total && total > 0 && now - lastShown >= minGap / 4) {
                publish(now, null);
            }
        }
    }

    /** The last update: the final count, and "done in" or "cancelled (partial)". */
    public synchronized void finish(boolean cancelled) {
        if (display == null || finished) {
            return;
        }
        finished = true;
        if (id != null) {
            long now = clock.getAsLong();
            String took = View.seconds((now - start) / 1e9);
            publish(now, cancelled ? "cancelled after " + took + ": what finished is kept, marked partial"
                    : "done in " + took);
        }
    }

    /** The view now. */
    synchronized View view(long now, String state) {
        double elapsed = (now - start) / 1e9;
        double phaseElapsed = (now - phaseStart) / 1e9;
        double eta = done > 0 && total > done ? phaseElapsed * (total - done) / done : done >= total ? 0 : Double.NaN;
        return new View(what, phase, iteration > 1 || what.startsWith("iterate") ? iteration : 0, done, total, unit(phase),
                elapsed, eta, state);
    }

    private void publish(long now, String state) {
        View v = view(now, state);
        try {
            if (id == null) {
                id = display.show(v);
            } else {
                display.update(id, v);
            }
            updates++;
        } catch (RuntimeException e) {
            // A display problem must never break the work it reports on.
            finished = true;
        }
        lastShown = now;
    }

    /** What a phase's work items are. */
    static String unit(String phase) {
        if (phase == null) {
            return "items";
        }
        if (phase.startsWith("runs")) {
            return "runs";
        }
        switch (phase) {
            case "score":
                return "samples";
            case "canonicalize":
            case "validate":
            case "load library":
                return "programs";
            case "differs":
            case "predict":
                return "tasks";
            default:
                return "items";
        }
    }

    @Override
    public void close() {
        finish(false);
    }
}
