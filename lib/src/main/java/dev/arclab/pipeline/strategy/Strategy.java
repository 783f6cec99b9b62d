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

    /**
     * Counters of the last {@link #propose} for the run record ({@code strategy.NAME.COUNTER}), beyond the proposals
     * and CPU the generate phase measures itself; a strategy that works on the pool reports its own
     * {@code cpuNanos}, which then replaces the phase's measure of the calling thread.
     */
    /**
     * Whether it times its work itself, as items of {@link StrategyContext#timer()} run on the pool (so the phase's
     * busy and CPU time count the pool's threads); otherwise its {@code propose} is timed as one item.
     */
    default boolean timesItsOwnWork() {
        return false;
    }

    /** Whether it proposes nothing from an empty library (mutation does; enumeration starts from nothing). */
    default boolean needsLibrary() {
        return true;
    }

    default java.util.Map<String, Long> counts() {
        return java.util.Map.of();
    }
}
