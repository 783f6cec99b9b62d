package dev.arclab.program;

import java.util.List;

/**
 * A solver's results on every pair of its task. The task is solved when every pair ran and every pair
 * with a known output matched; otherwise its status is the worst pair's: error, then timeout, then
 * wrong (a mismatch).
 */
public record TaskResult(String taskId, NodeHash program, Status status, List<PairResult> pairs) {

    public enum Status {
        SOLVED, WRONG, ERROR, TIMEOUT;

        public String label() {
            return name().toLowerCase();
        }
    }

    public TaskResult {
        pairs = List.copyOf(pairs);
    }

    /** The result of these pairs, its status derived from them. */
    public static TaskResult of(String taskId, NodeHash program, List<PairResult> pairs) {
        boolean error = false;
        boolean timeout = false;
        boolean wrong = false;
        for (PairResult p : pairs) {
            error |= p.status() == PairResult.Status.ERROR;
            timeout |= p.status() == PairResult.Status.TIMEOUT;
            wrong |= p.status() == PairResult.Status.MISMATCH;
        }
        Status s = error ? Status.ERROR : timeout ? Status.TIMEOUT : wrong ? Status.WRONG : Status.SOLVED;
        return new TaskResult(taskId, program, s, pairs);
    }

    public boolean solved() {
        return status == Status.SOLVED;
    }

    /** Pairs with a known output that matched. */
    public int pairsMatched() {
        int n = 0;
        for (PairResult p : pairs) {
            n += p.status() == PairResult.Status.MATCH ? 1 : 0;
        }
        return n;
    }

    /** Pairs with a known output. */
    public int pairsChecked() {
        int n = 0;
        for (PairResult p : pairs) {
            n += p.checked() ? 1 : 0;
        }
        return n;
    }

    /** Total fuel over the pairs. */
    public long fuel() {
        long n = 0;
        for (PairResult p : pairs) {
            n += p.fuel();
        }
        return n;
    }

    /** The same result without timings, to compare runs for determinism. */
    public TaskResult withoutTime() {
        return new TaskResult(taskId, program, status, pairs.stream().map(PairResult::withoutTime).toList());
    }
}
