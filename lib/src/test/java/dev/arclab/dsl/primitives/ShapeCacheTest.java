package dev.arclab.dsl.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Boxes, outlines and lines kept by {@link ShapeCache}: a shape served again is the same value as one built
 * afresh, costs the same fuel, and no two shapes share a key.
 */
class ShapeCacheTest {

    @AfterEach
    void stopFuel() {
        Fuel.stop();
    }

    private static long fuelOf(Runnable call) {
        Fuel.start(100_000_000);
        call.run();
        long used = Fuel.used();
        Fuel.stop();
        return used;
    }

    /** Every location of rows i0..i1 × columns j0..j1, one by one. */
    private static FSet box(int i0, int i1, int j0, int j1) {
        List<Object> out = new ArrayList<>();
        for (int i = i0; i <= i1; i++) {
            for (int j = j0; j <= j1; j++) {
                out.add(new Pair(i, j));
            }
        }
        return FSet.copyOf(out);
    }

    @Test
    void aShapeServedAgainIsTheSameValueAtTheSameFuel() {
        Random r = new Random(23);
        for (int round = 0; round < 400; round++) {
            int base = round % 4 == 0 ? -50 : 0;
            int i0 = base + r.nextInt(30);
            int j0 = base + r.nextInt(30);
            int i1 = i0 + r.nextInt(12);
            int j1 = j0 + r.nextInt(12);
            FSet patch = FSet.of(new Pair(i0, j0), new Pair(i1, j1));
            FSet expectedBox = box(i0, i1, j0, j1);
            FSet inner = i1 - i0 >= 2 && j1 - j0 >= 2 ? box(i0 + 1, i1 - 1, j0 + 1, j1 - 1) : FSet.EMPTY;
            for (String name : List.of("backdrop", "box", "inbox", "outbox", "delta")) {
                Object[] results = new Object[2];
                long first = fuelOf(() -> results[0] = Dsl.call(name, patch));
                long again = fuelOf(() -> results[1] = Dsl.call(name, patch));
                assertEquals(first, again, name + " fuel");
                assertTrue(Values.equal(results[0], results[1]), name);
            }
            assertTrue(Values.equal(expectedBox, Dsl.call("backdrop", patch)), "backdrop");
            assertTrue(Values.equal(expectedBox.minus(inner), Dsl.call("box", patch)), "box");
            int di = r.nextInt(3) - 1;
            int dj = r.nextInt(3) - 1;
            Object[] lines = new Object[2];
            Pair start = new Pair(i0, j0);
            Pair direction = new Pair(di, dj);
            long first = fuelOf(() -> lines[0] = Dsl.call("shoot", start, direction));
            long again = fuelOf(() -> lines[1] = Dsl.call("shoot", start, direction));
            assertEquals(first, again, "shoot fuel");
            assertTrue(Values.equal(lines[0], lines[1]), "shoot");
            int n = di == 0 && dj == 0 ? 1 : 43;
            assertEquals(n, ((FSet) lines[1]).size(), "shoot " + start + " " + direction);
            assertTrue(((FSet) lines[1]).contains(new Pair(i0 + 42 * di, j0 + 42 * dj)), "shoot's end");
        }
    }

    @Test
    void noTwoShapesShareAKey() {
        int[] values = {-16385, -16384, -16383, -1, 0, 1, 16382, 16383, 16384, Integer.MIN_VALUE, Integer.MAX_VALUE};
        Set<Long> keys = new HashSet<>();
        int kept = 0;
        for (int a : values) {
            for (int b : values) {
                for (int c : values) {
                    for (int d : values) {
                        long key = ShapeCache.key(a, b, c, d);
                        boolean inRange = a >= -16384 && a < 16384 && b >= -16384 && b < 16384 && c >= -16384
                                && c < 16384 && d >= -16384 && d < 16384;
                        assertEquals(inRange, key >= 0, a + " " + b + " " + c + " " + d);
                        if (key >= 0) {
                            kept++;
                            assertTrue(keys.add(key), "key of " + a + " " + b + " " + c + " " + d + " taken");
                        }
                    }
                }
            }
        }
        assertNotEquals(0, kept);
    }
}
