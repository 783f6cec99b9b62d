package dev.arclab.pipeline.strategy;

import java.util.List;

/**
 * One way of generating candidate programs: the generate phase runs every configured strategy
 * ({@code PipelineConfig.strategies()}) and merges their proposals into one batch. A strategy sees the
 * tasks without their test outputs, the library, the near misses of the last differs and the rest of
 * {@link StrategyContext}; it must be deterministic for the context's {@link StrategyContext#random()}
 * at any thread count. Register a new one in {@link Strategies} (one line).
 */
public interface Strategy {

    /** The name {@code --strategy} and the run record use. */
    String name();

    /** Candidate programs for this iteration, in a deterministic order. */
    List<Proposal> propose(StrategyContext ctx);
}
