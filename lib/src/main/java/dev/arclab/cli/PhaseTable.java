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
    }
}
