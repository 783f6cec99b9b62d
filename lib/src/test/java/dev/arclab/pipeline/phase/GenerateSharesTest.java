package dev.arclab.pipeline.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.strategy.StrategyShare;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the strategies' time shares divide generate's budget. */
class GenerateSharesTest {

    private static final List<StrategyShare> MIX = StrategyShare.parse("mutate:0.2,splice:0.2,enumerate:0.6");

    @Test
    void withoutABudgetNoStrategyHasADeadline() {
        for (int k = 0; k < MIX.size(); k++) {
            assertTrue(GeneratePhase.deadline(MIX, k, Long.MAX_VALUE, 123).isEmpty());
        }
    }

    @Test
    void eachStrategyGetsItsShareOfWhatIsLeftSoUnusedTimeFlowsOn() {
        long now = 1_000;
        long end = now + 100_000;
        assertEquals(now + 20_000, GeneratePhase.deadline(MIX, 0, end, now).getAsLong());
        // mutate used only 5,000 of its 20,000: splice gets a quarter of the 95,000 left (0.2 of 0.8)
        long later = now + 5_000;
        assertEquals(later + 23_750, GeneratePhase.deadline(MIX, 1, end, later).getAsLong());
        // the last strategy gets all that is left
        long last = now + 30_000;
        assertEquals(end, GeneratePhase.deadline(MIX, 2, end, last).getAsLong());
        // a budget already spent gives a deadline of now, not one in the past
        assertEquals(end + 10, GeneratePhase.deadline(MIX, 1, end, end + 10).getAsLong());
    }

    @Test
    void aStrategyWithoutAShareRunsToTheEndOfTheBudget() {
        List<StrategyShare> plain = StrategyShare.parse("mutate,enumerate:0.5");
        assertEquals(5_000, GeneratePhase.deadline(plain, 0, 5_000, 0).getAsLong());
        assertEquals(5_000, GeneratePhase.deadline(plain, 1, 5_000, 0).getAsLong());
    }

    @Test
    void theDefaultIsTheMixOfAllThreeStrategies() {
        assertEquals(MIX, PipelineConfig.defaults().strategies());
        assertEquals(1.0, PipelineConfig.defaults().strategies().stream().mapToDouble(StrategyShare::share).sum(), 1e-12);
    }
}
