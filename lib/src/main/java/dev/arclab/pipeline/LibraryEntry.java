package dev.arclab.pipeline;

import dev.arclab.program.Program;

/**
 * One program of the solver library, kept for a task: its demo score (fraction of the task's demo
 * pairs it matches; NaN when the task is not in the loaded set), its measured cost (fuel over the demo
 * pairs, and the wall time it took when it was validated) and where it came from.
 */
public record LibraryEntry(String task, Program program, double score, int matched, int total, long fuel, long nanos,
                           Origin origin) {

    public String hash() {
        return program.hash().hex();
    }

    public boolean scoreKnown() {
        return !Double.isNaN(score);
    }

    /** Best first: higher demo score, then lower fuel, then hash (a total, deterministic order). */
    public static int compareBestFirst(LibraryEntry a, LibraryEntry b) {
        double sa = a.scoreKnown() ? a.score : -1;
        double sb = b.scoreKnown() ? b.score : -1;
        int c = Double.compare(sb, sa);
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.fuel, b.fuel);
        return c != 0 ? c : a.program.hash().compareTo(b.program.hash());
    }
}
