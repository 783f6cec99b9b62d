package dev.arclab.pipeline;

import dev.arclab.dsl.Grid;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.task.Submission;
import java.util.List;
import java.util.Map;

/**
 * The result of each phase, as returned by the {@link Pipeline} method of the same name: each holds
 * what the next phase takes, the figures a person looks at, and the phase's timing record.
 */
public final class PhaseResults {
    private PhaseResults() {
    }

    /** generate: the batch, with how many tasks were picked. */
    public record Generated(Batch batch, List<String> pickedTasks, PhaseRecord timing) {
    }

    /** One task's scores: per member, per demo sample, what it did; and the expected outputs. */
    public record TaskScores(String task, SampleResult[][] results, Grid[] expected) {
        public int matched(int member) {
            int n = 0;
            for (SampleResult r : results[member]) {
                n += r != null && r.match() ? 1 : 0;
            }
            return n;
        }
    }

    /** score: every member on every demo sample of every task. */
    public record Scored(Batch batch, List<TaskScores> tasks, PhaseRecord timing) {
        /** All (member, task) candidates with at least one sample matched, task by task. */
        public List<Candidate> candidatesWithAMatch() {
            List<Candidate> out = new java.util.ArrayList<>();
            for (TaskScores t : tasks) {
                for (int m = 0; m < batch.size(); m++) {
                    int matched = t.matched(m);
                    if (matched > 0) {
                        out.add(new Candidate(t.task(), m, batch.members().get(m), matched, t.expected().length));
                    }
                }
            }
            return out;
        }
    }

    /** filter: unique (task, canonical program) candidates with enough demo matches. */
    public record Filtered(List<Candidate> kept, int candidates, PhaseRecord timing) {
    }

    /** canonicalize: the canonical text of every kept program, by program hash. */
    public record Canonicalized(List<Candidate> kept, Map<String, String> texts, PhaseRecord timing) {
    }

    /** One kept candidate run alone on its task's demo pairs. */
    public record Checked(Candidate candidate, Validation validation) {
    }

    /** validate: every kept candidate checked alone. */
    public record Validated(List<Checked> checked, PhaseRecord timing) {
    }

    /** save: what entered the library, and the library's size afterwards. */
    public record Saved(List<LibraryEntry> added, int offered, int librarySize, int perfectTasks, PhaseRecord timing) {
    }

    /** A near miss: a member that does not solve a task, with its partial credit there. */
    public record NearMiss(String task, Batch.Member program, Differs.Measures measures) {
    }

    /** differs: the best near misses per task, used to rank and to pick parents. */
    public record Differed(Map<String, List<NearMiss>> nearMisses, int measured, PhaseRecord timing) {
    }

    /**
     * One task's predictions: the programs whose answers are attempts (in the order first used) and, per test
     * input, the two attempts (the second a different grid where any saved program gives one).
     */
    public record TaskPrediction(String task, List<String> programs, List<Grid[]> attempts, List<Boolean> correct) {
    }

    /** predict: per task two attempts on each test input from its best programs, and a Kaggle submission. */
    public record Predicted(List<TaskPrediction> tasks, Submission submission, int knownOutputs, int predicted,
                            PhaseRecord timing) {
    }

    /** One iteration of generate..save (with differs). */
    public record Iteration(Generated generated, Scored scored, Filtered filtered, Canonicalized canonicalized,
                            Validated validated, Saved saved, Differed differed) {
        public List<PhaseRecord> timings() {
            return List.of(generated.timing(), scored.timing(), filtered.timing(), canonicalized.timing(),
                    validated.timing(), saved.timing(), differed.timing());
        }
    }
}
