package dev.arclab.cli;

import dev.arclab.profile.PhaseRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The plain-text phase table the command line prints: seconds and counts in separate columns. */
final class PhaseTable {
    private PhaseTable() {
    }

    static void print(PrintWriter out, List<PhaseRecord> phases) {
        out.printf(Locale.ROOT, "%-14s %9s %9s %9s %7s %11s%n", "phase", "wall s", "busy s", "cpu s", "items", "parallelism");
        for (PhaseRecord p : phases) {
            out.printf(Locale.ROOT, "%-14s %9.3f %9.3f %9.3f %7d %11.2f%s%n", p.phase(), p.wallSeconds(), p.busySeconds(),
                    p.cpuSeconds(), p.items(), p.parallelism(), p.partial() ? "  (partial)" : "");
        }
        long wall = phases.stream().mapToLong(PhaseRecord::wallNanos).sum();
        long busy = phases.stream().mapToLong(PhaseRecord::busyNanos).sum();
        long cpu = phases.stream().mapToLong(PhaseRecord::cpuNanos).sum();
        out.printf(Locale.ROOT, "%-14s %9.3f %9.3f %9.3f%n", "total", wall / 1e9, busy / 1e9, cpu / 1e9);
        StringBuilder timeouts = new StringBuilder();
        long skipped = 0;
        for (PhaseRecord p : phases) {
            skipped += p.counter("samples skipped");
            if (!p.counters().containsKey("timeouts")) {
                continue;
            }
            timeouts.append(timeouts.length() == 0 ? "" : ", ").append(p.phase()).append(' ').append(p.counter("timeouts"));
            StringBuilder byStrategy = new StringBuilder();
            p.counters().forEach((name, n) -> {
                if (name.startsWith("timeouts.")) {
                    byStrategy.append(byStrategy.length() == 0 ? "" : ", ").append(name.substring("timeouts.".length())).append(' ').append(n);
                }
            });
            if (byStrategy.length() > 0) {
                timeouts.append(" (").append(byStrategy).append(')');
            }
        }
        if (timeouts.length() > 0) {
            out.printf(Locale.ROOT, "timeouts: %s; samples skipped by early exit: %d%n", timeouts, skipped);
        }
    }
}
