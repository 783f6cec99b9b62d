package dev.arclab.pipeline;

import dev.arclab.program.Outcome;
import java.util.List;

/**
 * A program run alone on every demo pair of one task: per pair its status and whether it matched,
 * the fuel it used in total and the wall time it took when it was computed (a cached validation keeps
 * that measured cost, so a cache hit never makes a program look faster).
 */
public record Validation(List<Pair> pairs, long fuel, long nanos) {

    /** One demo pair: status, match, and the error message when there was one. */
    public record Pair(Outcome.Status status, boolean match, String message) {
    }

    public Validation {
        pairs = List.copyOf(pairs);
    }

    public int matched() {
        int n = 0;
        for (Pair p : pairs) {
            n += p.match() ? 1 : 0;
        }
        return n;
    }

    public int total() {
        return pairs.size();
    }

    /** Fraction of demo pairs matched, 0..1. */
    public double score() {
        return pairs.isEmpty() ? 0 : (double) matched() / pairs.size();
    }

    public boolean perfect() {
        return !pairs.isEmpty() && matched() == pairs.size();
    }

    /** OK when every pair ran; else the worst status (error before timeout). */
    public Outcome.Status status() {
        boolean timeout = false;
        for (Pair p : pairs) {
            if (p.status() == Outcome.Status.ERROR) {
                return Outcome.Status.ERROR;
            }
            timeout |= p.status() == Outcome.Status.TIMEOUT;
        }
        return timeout ? Outcome.Status.TIMEOUT : Outcome.Status.OK;
    }
}
