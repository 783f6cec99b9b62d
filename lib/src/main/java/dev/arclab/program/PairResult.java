package dev.arclab.program;

/**
 * One run of a solver on one pair of its task.
 *
 * @param split    demo (the ARC "train" list) or test
 * @param index    the pair's position in its split
 * @param checked  whether the pair's output was known, so the pair counts in the pair score
 * @param status   match / mismatch (output known), unchecked (ran, output unknown), error, timeout
 * @param message  for a mismatch, how the output differs; for an error, the DSL message; else null
 * @param variable for an error or timeout, the canonical name of the failing node (x3, O); else null
 * @param line     the source line of the failing node's statement, 0 when unknown or not failing
 * @param fuel     fuel used
 * @param nanos    wall time of the run
 */
public record PairResult(Split split, int index, boolean checked, Status status, String message, String variable,
                         int line, long fuel, long nanos) {

    /** The two lists of pairs of a task. */
    public enum Split {
        DEMO, TEST;

        public String label() {
            return name().toLowerCase();
        }
    }

    public enum Status {
        MATCH, MISMATCH, UNCHECKED, ERROR, TIMEOUT;

        public String label() {
            return name().toLowerCase();
        }
    }

    /** Where the pair is, e.g. {@code demo 1}. */
    public String where() {
        return split.label() + " " + index;
    }

    /** The same result without its timing, to compare runs for determinism. */
    public PairResult withoutTime() {
        return new PairResult(split, index, checked, status, message, variable, line, fuel, 0);
    }
}
