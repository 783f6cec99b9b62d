package dev.arclab.pipeline;

/**
 * A batch member scored on one task: which member, on which task, and how many of the task's demo
 * samples it matched. Cross-task discovery: the task need not be the one the member was picked for.
 */
public record Candidate(String task, int member, Batch.Member program, int matched, int total) {
    public String hash() {
        return program.hash();
    }

    public boolean perfect() {
        return total > 0 && matched == total;
    }

    /** How the program came to this task: its own origin, or found while scoring another task's program. */
    public Origin originForTask() {
        if (program.task().equals(task)) {
            return program.origin();
        }
        return Origin.found("on " + task + " by a program picked for " + program.task()
                + (program.origin().kind() == Origin.Kind.MUTANT ? " (a mutant)" : ""));
    }
}
