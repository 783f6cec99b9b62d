package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;

/**
 * One phase of the pipeline: takes the previous phase's result (an input record), returns its own (an
 * output record carrying the phase's timing record). Everything else a phase needs (configuration,
 * worker pool, cache, library, timer, progress, cancellation) comes from the {@link PhaseContext}, so a
 * phase never calls back into {@code Pipeline}, which only chains them.
 *
 * @param <I> the input record ({@link Start} for the phases that start from the session's state)
 * @param <O> the output record (see {@code PhaseResults})
 */
public interface Phase<I, O> {

    /** The input of a phase that starts from the session's state (generate, predict). */
    record Start() {
        public static final Start NOW = new Start();
    }

    PhaseName name();

    O run(I input, PhaseContext ctx);
}
