package dev.arclab.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.cache.Bytes;
import dev.arclab.cache.Codec;
import dev.arclab.cache.CorruptEntryException;
import dev.arclab.dsl.Grid;
import dev.arclab.program.Outcome;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResultCodecsTest {

    static <V> V roundTrip(Codec<V> codec, V value) {
        return codec.read(new Bytes.In(codec.encode(value)));
    }

    static Grid random(Random r, int rows, int cols, int colours, double background) {
        int[] c = new int[rows * cols];
        for (int k = 0; k < c.length; k++) {
            c[k] = r.nextDouble() < background ? 0 : r.nextInt(colours);
        }
        return Grid.wrap(rows, cols, c);
    }

    @Test
    void gridsOfEveryShapeAndEncodingRoundTrip() {
        Random r = new Random(7);
        List<Grid> grids = new java.util.ArrayList<>(List.of(Grid.EMPTY, Grid.wrap(1, 1, new int[] {9}),
                Grid.wrap(3, 0, new int[0]), Grid.filled(30, 30, 0), Grid.filled(60, 60, 4), Grid.wrap(1, 3, new int[] {1, 2, 3}),
                Grid.wrap(2, 2, new int[] {-5, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE}), Grid.wrap(1, 2, new int[] {15, 16})));
        for (int k = 0; k < 200; k++) {
            int rows = 1 + r.nextInt(40);
            int cols = 1 + r.nextInt(40);
            grids.add(random(r, rows, cols, k % 3 == 0 ? 16 : 10, k % 4 * 0.3));
        }
        for (Grid g : grids) {
            SampleResult s = new SampleResult(Outcome.Status.OK, false, g, 12);
            Grid back = roundTrip(ResultCodecs.SAMPLE, s).produced();
            assertEquals(g.rows(), back.rows());
            assertEquals(g.cols(), back.cols());
            assertArrayEquals(g.cells(), back.cells(), () -> "grid " + g.rows() + "x" + g.cols());
        }
    }

    @Test
    void sparseGridsAreSmallAndDenseOnesPackTwoCellsPerByte() {
        Bytes.Out out = new Bytes.Out();
        ResultCodecs.writeGrid(out, Grid.filled(30, 30, 0));
        assertTrue(out.size() <= 6, "a blank 30x30 grid takes " + out.size() + " bytes");
        Random r = new Random(1);
        out = new Bytes.Out();
        ResultCodecs.writeGrid(out, random(r, 30, 30, 10, 0));
        assertTrue(out.size() <= 3 + 450, "a noisy 30x30 grid takes " + out.size() + " bytes");
    }

    @Test
    void sampleResultsKeepStatusMatchFuelAndAbsentGrids() {
        for (Outcome.Status st : Outcome.Status.values()) {
            for (boolean match : new boolean[] {false, true}) {
                SampleResult s = new SampleResult(st, match, null, -3 + st.ordinal() * 1_000_000_000_000L);
                assertEquals(s, roundTrip(ResultCodecs.SAMPLE, s));
            }
        }
        SampleResult g = new SampleResult(Outcome.Status.OK, true, Grid.wrap(1, 2, new int[] {3, 4}), 7);
        assertEquals(g, roundTrip(ResultCodecs.SAMPLE, g));
    }

    @Test
    void validationsKeepPairsMessagesFuelAndMeasuredCost() {
        Validation v = new Validation(List.of(new Validation.Pair(Outcome.Status.OK, true, null),
                new Validation.Pair(Outcome.Status.ERROR, false, "x3: héllo ✓ wrong type"),
                new Validation.Pair(Outcome.Status.TIMEOUT, false, "out of fuel"),
                new Validation.Pair(Outcome.Status.OK, false, "")), 123_456_789L, 987_654_321L);
        Validation back = roundTrip(ResultCodecs.VALIDATION, v);
        assertEquals(v, back);
        assertEquals(987_654_321L, back.nanos());
        assertEquals(new Validation(List.of(), 0, 0), roundTrip(ResultCodecs.VALIDATION, new Validation(List.of(), 0, 0)));
    }

    @Test
    void measuresComeBackBitForBit() {
        Differs.Measures m = new Differs.Measures(1.0 / 3, Math.ulp(1.0), 0.1 + 0.2, Double.MIN_VALUE);
        assertEquals(m, roundTrip(ResultCodecs.MEASURES, m));
        assertEquals("x", roundTrip(Codec.STRING, "x"));
        assertEquals("", roundTrip(Codec.STRING, ""));
    }

    @Test
    void damagedBytesAreReportedNotMisread() {
        byte[] ok = ResultCodecs.SAMPLE.encode(new SampleResult(Outcome.Status.OK, false, random(new Random(3), 10, 10, 10, 0.5), 5));
        for (int cut = 0; cut < ok.length; cut++) {
            byte[] part = Arrays.copyOf(ok, cut);
            assertThrows(CorruptEntryException.class, () -> ResultCodecs.SAMPLE.read(new Bytes.In(part)), "cut at " + cut);
        }
        byte[] badMode = ok.clone();
        // flags, fuel (one byte), rows, cols, then the mode byte
        badMode[4] = 9;
        assertThrows(CorruptEntryException.class, () -> ResultCodecs.SAMPLE.read(new Bytes.In(badMode)));
    }

    @Test
    void libraryProgramsKeepTheirOriginWhateverTheStrategy() {
        for (Origin o : List.of(Origin.file("solvers.py:3"), Origin.mutant("abcdef0123456789", "x1.0 -> T"), Origin.found("on t"),
                Origin.generated("enumerate", null, "depth 2"), Origin.generated("splice", "0123abcd", "x2 from 4567"))) {
            StoredProgram p = new StoredProgram("007bbfb7", "def solve(I):\n    return I\n", o);
            assertEquals(p, roundTrip(ResultCodecs.LIBRARY, p));
        }
        assertEquals("mutate", Origin.mutant("ab", "c").strategy());
        assertEquals("solver", Origin.file("f").strategy());
    }
}
