package dev.arclab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BenchTest {

    /** Configurations that record the order they ran in and return their call number. */
    private static Map<String, Supplier<Integer>> recording(List<String> order, String... names) {
        Map<String, Supplier<Integer>> configs = new LinkedHashMap<>();
        for (String n : names) {
            int[] calls = {0};
            configs.put(n, () -> {
                order.add(n);
                return calls[0]++;
            });
        }
        return configs;
    }

    @Test
    void configurationsRunInRoundsAfterSharedWarmUpRoundsAndOnlyMeasuredRoundsAreKept() {
        List<String> order = new ArrayList<>();
        Map<String, List<Integer>> out = Bench.interleaved(2, 3, false, recording(order, "A", "B"));
        assertEquals(List.of("A", "B", "A", "B", "A", "B", "A", "B", "A", "B"), order);
        assertEquals(List.of(2, 3, 4), out.get("A"), "the two warm-up calls are dropped");
        assertEquals(List.of(2, 3, 4), out.get("B"));
        assertEquals(List.of("A", "B"), List.copyOf(out.keySet()));
    }

    @Test
    void rotatedRoundsStartOneConfigurationFurtherEachTime() {
        List<String> order = new ArrayList<>();
        Bench.interleaved(1, 2, true, recording(order, "A", "B", "C"));
        assertEquals(List.of("A", "B", "C", "B", "C", "A", "C", "A", "B"), order);
    }

    @Test
    void badCountsAreRefusedWithTheirValue() {
        Map<String, Supplier<Integer>> one = recording(new ArrayList<>(), "A");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bench.interleaved(0, 0, false, one)).getMessage().contains("0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bench.interleaved(-1, 1, false, one)).getMessage().contains("-1"));
        assertThrows(IllegalArgumentException.class, () -> Bench.interleaved(0, 1, false, Map.<String, Supplier<Integer>>of()));
    }

    @Test
    void measuredSaysMinMedianMaxOfTheMeasuredRounds() {
        Bench.Measured m = Bench.Measured.ofNanos("x", 1, List.of(3_000_000L, 1_000_000L, 2_000_000L), null);
        assertEquals(0.002, m.wall().median(), 1e-12);
        assertEquals("wall time over 3 runs after 1 warm-up: min 1.0 ms, median 2.0 ms, max 3.0 ms", m.line());
        assertTrue(m.cpu().isEmpty());
    }

    @Test
    void aSpeedupBeyondTheCoresIsFlagged() {
        assertEquals(2.0, Bench.possibleSpeedup(1, 2, 2), 1e-12);
        assertEquals(1.0, Bench.possibleSpeedup(2, 4, 2), 1e-12);
        assertTrue(Bench.beyondHardware(2.14, 1, 2, 2), "the 2.14x on 2 cores of issue 14");
        assertFalse(Bench.beyondHardware(1.9, 1, 2, 2));
    }
}
