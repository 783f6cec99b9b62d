package dev.arclab.program;

/**
 * The result of running a program on one input: {@link Ok} with the value, {@link Error} with the
 * failing node and message, or {@link Timeout} when the fuel budget ran out. Every outcome carries
 * the fuel used, which depends only on the program and the input.
 */
public sealed interface Outcome permits Outcome.Ok, Outcome.Error, Outcome.Timeout {

    /** The three statuses of a run. */
    enum Status {
        OK, ERROR, TIMEOUT
    }

    Status status();

    /** Fuel used by the run (for a timeout, at least the budget). */
    long fuel();

    /** The program's value. */
    record Ok(Object value, long fuel) implements Outcome {
        @Override
        public Status status() {
            return Status.OK;
        }
    }

    /**
     * A DSL error, or a bug reported as an error (the message then starts with the exception class).
     * {@code node} is the index of the failing node in the program's canonical order, {@code variable}
     * its canonical name (x3, O).
     */
    record Error(String message, int node, String variable, long fuel) implements Outcome {
        @Override
        public Status status() {
            return Status.ERROR;
        }
    }

    /** The fuel budget ran out while node {@code node} ({@code variable}) was being evaluated. */
    record Timeout(int node, String variable, long fuel) implements Outcome {
        @Override
        public Status status() {
            return Status.TIMEOUT;
        }
    }

    static Outcome ok(Object value, long fuel) {
        return new Ok(value, fuel);
    }

    static Outcome error(String message, int node, String variable, long fuel) {
        return new Error(message, node, variable, fuel);
    }

    static Outcome timeout(int node, String variable, long fuel) {
        return new Timeout(node, variable, fuel);
    }
}
