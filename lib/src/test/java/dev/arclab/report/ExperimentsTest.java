package dev.arclab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.profile.RunRecord;
import dev.arclab.report.NoiseRule.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

    static Supplier<RunRecord> config(String label, double scale) {
        AtomicInteger seed = new AtomicInteger();
        return () -> SyntheticRuns.run(label + seed.get(), label, 4, scale, seed.incrementAndGet());
    }

    @Test
    void rangeKeepsMinMedianMax() {
        Range r = Range.of(5, 1, 3, 2, 4);
        assertEquals(5, r.n());
        assertEquals(1, r.min());
        assertEquals(3, r.median());
        assertEquals(5, r.max());
        assertEquals(2.5, Range.of(1, 2, 3, 4).median());
        assertTrue(Range.of().isEmpty());
        assertTrue(Range.of(1, 3).overlaps(Range.of(3, 5)));
        assertTrue(!Range.of(1, 2).overlaps(Range.of(3, 5)));
    }

    @Test
    void repeatKeepsRepeatsAndDiscardsWarmups() {
        AtomicInteger calls = new AtomicInteger();
        RunSeries s = Experiments.repeat("a", 2, 5, () -> {
            calls.incrementAndGet();
            return SyntheticRuns.run("a", "a", 4, 1.0, calls.get());
        });
        assertEquals(7, calls.get());
        assertEquals(5, s.repeats());
        Range wall = s.wall("score");
        assertEquals(5, wall.n());
        assertTrue(wall.min() <= wall.median() && wall.median() <= wall.max());
        assertTrue(wall.min() < wall.max(), "synthetic repeats jitter");
        assertThrows(IllegalArgumentException.class, () -> Experiments.repeat("a", 0, () -> null));
    }

    @Test
    void twofoldSlowdownIsARegression() {
        List<RunSeries> s = Experiments.repeatInterleaved(0, 5, new LinkedHashMap<>(Map.of(
                "base", config("base", 1.0))));
        RunSeries slow = Experiments.repeat("slow", 5, config("slow", 2.0));
        Comparison c = Experiments.compare(s.get(0), slow);
        for (Comparison.Row r : c.rowsOf("slow")) {
            assertEquals(Verdict.REGRESSION, r.verdict(), r.phase());
            assertEquals(0.5, r.speedup(), 0.06, r.phase());
            assertEquals(100, r.changePercent(), 12, r.phase());
        }
        assertTrue(c.improvements().isEmpty());
        // And the other way round it is an improvement.
        Comparison back = Experiments.compare(slow, s.get(0));
        assertTrue(back.rowsOf("base").stream().allMatch(r -> r.verdict() == Verdict.IMPROVEMENT));
    }

    @Test
    void repeatedIdenticalRunsAreNotFlagged() {
        Map<String, Supplier<RunRecord>> configs = new LinkedHashMap<>();
        configs.put("a", config("a", 1.0));
        configs.put("b", config("b", 1.0));
        List<RunSeries> s = Experiments.repeatInterleaved(1, 5, configs);
        Comparison c = Experiments.compare(s.get(0), s.get(1));
        assertTrue(c.regressions().isEmpty(), () -> "flagged: " + c.regressions());
        assertTrue(c.improvements().isEmpty(), () -> "flagged: " + c.improvements());
        // Exactly the same records: nothing changes at all.
        RunSeries same = new RunSeries("same", s.get(0).runs());
        Comparison c2 = Experiments.compare(s.get(0), same);
        assertTrue(c2.rowsOf("same").stream().allMatch(r -> r.verdict() == Verdict.WITHIN_NOISE));
        assertTrue(c2.rowsOf("same").stream().allMatch(r -> r.speedup() == 1.0));
    }

    @Test
    void singleRunsUseTheStatedThreshold() {
        NoiseRule rule = NoiseRule.DEFAULT;
        Range base = Range.of(1e9);
        assertEquals(Verdict.WITHIN_NOISE, rule.judge(base, Range.of(1.05e9)));
        assertEquals(Verdict.REGRESSION, rule.judge(base, Range.of(1.2e9)));
        assertEquals(Verdict.IMPROVEMENT, rule.judge(base, Range.of(0.8e9)));
        // Tiny phases never flag: below the absolute floor.
        assertEquals(Verdict.WITHIN_NOISE, rule.judge(Range.of(1e5), Range.of(3e5)));
        assertEquals(Verdict.MISSING, rule.judge(base, Range.EMPTY));
        assertTrue(rule.describe(1, 1).contains("10.0%"));
        assertTrue(rule.describe(5, 5).contains("do not overlap"));
    }

    @Test
    void overlappingRangesAreNoiseEvenWithDifferentMedians() {
        NoiseRule rule = NoiseRule.DEFAULT;
        Range a = Range.of(1.00e9, 1.10e9, 1.30e9);
        Range b = Range.of(1.25e9, 1.35e9, 1.40e9);
        assertEquals(Verdict.WITHIN_NOISE, rule.judge(a, b));
        assertEquals(Verdict.REGRESSION, rule.judge(a, Range.of(1.31e9, 1.35e9, 1.40e9)));
    }

    @Test
    void threadScalingRunsEveryCountRepeatedlyAndComputesSpeedup() {
        List<Integer> order = new ArrayList<>();
        ThreadScaling s = Experiments.threadScaling("score", 4, 3, t -> {
            order.add(t);
            return SyntheticRuns.run("t" + t, "t", t, 1.0, order.size());
        });
        assertEquals(4 * (3 + 1), order.size(), "one warm-up round and 3 repeats of 1..4 threads");
        assertEquals(List.of(1, 2, 3, 4, 1, 2, 3, 4), order.subList(0, 8), "interleaved");
        assertEquals(4, s.points().size());
        assertEquals(1, s.reference().threads());
        assertEquals(1.0, s.speedup(s.reference()), 1e-12);
        ThreadScaling.Point four = s.points().get(3);
        assertEquals(3, four.wall().n());
        assertEquals(4.0, s.idealSpeedup(four));
        assertTrue(s.speedup(four) > 3.0 && s.speedup(four) <= 4.2, "near-linear synthetic scaling: " + s.speedup(four));
        assertTrue(s.speedupLow(four) <= s.speedup(four) && s.speedup(four) <= s.speedupHigh(four));
        assertEquals(s.speedup(four) / 4, s.efficiency(four), 1e-12);
        assertEquals(4, Tables.threadScaling(s).rowCount());
    }

    @Test
    void aSpeedupBeyondWhatTheCoresAllowIsFlagged() {
        // Synthetic scaling near-linear up to 4 threads: on 2 cores, 2 threads is possible, 3 and 4 are not.
        ThreadScaling s = Experiments.threadScaling("score", 4, 3, t -> SyntheticRuns.run("t" + t, "t", t, 1.0, 1));
        ThreadScaling.Point two = s.points().get(1);
        ThreadScaling.Point four = s.points().get(3);
        assertEquals(2.0, s.possibleSpeedup(two, 2), 1e-12);
        assertEquals(2.0, s.possibleSpeedup(four, 2), 1e-12);
        assertEquals(4.0, s.possibleSpeedup(four, 8), 1e-12);
        assertTrue(s.beyondHardware(four, 2), "about 4x on 2 cores: " + s.speedup(four));
        assertFalse(s.beyondHardware(four, 8));
        assertFalse(s.beyondHardware(s.reference(), 1));
    }
}
