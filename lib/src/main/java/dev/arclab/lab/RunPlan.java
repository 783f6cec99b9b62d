package dev.arclab.lab;

import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.pipeline.Progress;
import dev.arclab.profile.RunRecord;

/**
 * How long {@link Session#run(RunPlan, Listener)} searches, and whether it predicts after every iteration:
 * what {@code arclab run --iterations N --budget DURATION --submission FILE} asks of a session.
 *
 * @param iterations            at most this many iterations (at least 0); null: 1 without a budget, as many as the
 *                              budget allows with one
 * @param budget                iterate until it is spent, cancelling the running iteration at its deadline (what
 *                              finished is kept) and ending each generate by 80% of the time left; null: no budget
 * @param predictEveryIteration predict before the first iteration and after each one (a submission that is always
 *                              current), instead of once at the end
 */
public record RunPlan(Integer iterations, Budget budget, boolean predictEveryIteration) {
    public RunPlan {
        if (iterations != null && iterations < 0) {
            throw new IllegalArgumentException("iterations must be at least 0, got " + iterations);
        }
    }

    /** {@code n} iterations, no budget, one prediction at the end. */
    public static RunPlan iterations(int n) {
        return new RunPlan(n, null, false);
    }

    /** The most iterations this plan allows. */
    public int mostIterations() {
        return iterations != null ? iterations : budget != null ? Integer.MAX_VALUE : 1;
    }

    /** What a run tells as it goes (all optional): the command line prints from it. */
    public interface Listener {
        /** Progress of the running phase (predict's too). */
        default void progress(Progress p) {
        }

        /**
         * Iteration {@code number} (1, 2, ...) ended; {@code cut}: cancelled (by the budget or a stop), its unfinished
         * phases left out of {@code run}, and the last iteration.
         */
        default void iterated(int number, RunRecord run, boolean cut) {
        }

        /** A prediction with the library as it is now: before the first iteration and after each, when the plan asks. */
        default void predicted(Predicted p) {
        }
    }

    /** Tells nothing. */
    public static final Listener QUIET = new Listener() {
    };
}
