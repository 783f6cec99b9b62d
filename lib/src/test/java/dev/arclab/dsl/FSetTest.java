package dev.arclab.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Set construction gives the canonical order whichever path builds it (packed keys for Integers, Pairs
 * and ColoredLocations, the canonical comparator otherwise): checked against a plain comparator sort
 * and deduplication on random inputs, including ranges too wide to pack and mixed kinds.
 */
class FSetTest {

    /** The reference: sort by the canonical comparator, keep the first of equal runs. */
    private static Object[] reference(Object[] values) {
        Object[] sorted = values.clone();
        Arrays.sort(sorted, Values.CANONICAL);
        List<Object> out = new ArrayList<>();
        for (Object v : sorted) {
            if (out.isEmpty() || Values.compare(out.get(out.size() - 1), v) != 0) {
                out.add(v);
            }
        }
        return out.toArray();
    }

    private static void check(Object[] values) {
        Object[] expected = reference(values);
        FSet set = FSet.fromArray(values.clone());
        assertEquals(expected.length, set.size(), () -> "size of the set of " + Arrays.toString(values));
        for (int k = 0; k < expected.length; k++) {
            assertEquals(0, Values.compare(expected[k], set.get(k)), "element " + k);
        }
        for (int k = 1; k < set.size(); k++) {
            assertEquals(-1, Integer.signum(Values.compare(set.get(k - 1), set.get(k))), "strictly ascending");
        }
    }

    private static Object[] random(Random r, int n, IntFunction<Object> element) {
        Object[] out = new Object[n];
        for (int k = 0; k < n; k++) {
            out[k] = element.apply(k);
        }
        return out;
    }

    @Test
    void packedKindsSortAndDeduplicateLikeTheComparator() {
        Random r = new Random(7);
        for (int round = 0; round < 300; round++) {
            int n = 2 + r.nextInt(round < 150 ? 12 : 400);
            int span = round % 3 == 0 ? 3 : 40;
            check(random(r, n, k -> r.nextInt(2 * span) - span));
            check(random(r, n, k -> new Pair(r.nextInt(span) - 5, r.nextInt(span) - 5)));
            check(random(r, n, k -> new ColoredLocation(r.nextInt(10), r.nextInt(span) - 3, r.nextInt(span))));
        }
    }

    @Test
    void extremeValuesFallBackAndStillSort() {
        Random r = new Random(11);
        for (int round = 0; round < 50; round++) {
            int n = 2 + r.nextInt(50);
            check(random(r, n, k -> r.nextBoolean() ? Integer.MIN_VALUE + r.nextInt(3) : Integer.MAX_VALUE - r.nextInt(3)));
            check(random(r, n, k -> new Pair(r.nextInt(), r.nextInt())));
            check(random(r, n, k -> new ColoredLocation(r.nextInt(), r.nextInt(), r.nextInt(3))));
        }
    }

    @Test
    void mixedKindsUseTheCanonicalOrder() {
        Random r = new Random(3);
        for (int round = 0; round < 100; round++) {
            check(random(r, 2 + r.nextInt(30), k -> switch (r.nextInt(4)) {
                case 0 -> r.nextInt(5);
                case 1 -> new Pair(r.nextInt(3), r.nextInt(3));
                case 2 -> new ColoredLocation(r.nextInt(3), r.nextInt(3), r.nextInt(3));
                default -> ObjectTuple.of(r.nextInt(3), new Pair(r.nextInt(3), r.nextInt(3)));
            }));
        }
    }

    @Test
    void elementKindSaysWhichRepresentationEveryElementHas() {
        assertEquals(FSet.PAIRS, FSet.of(new Pair(1, 2), new Pair(0, 0)).elementKind());
        assertEquals(FSet.COLORED_LOCATIONS, FSet.of(new ColoredLocation(1, 2, 3)).elementKind());
        assertEquals(FSet.OTHER, FSet.of(new Pair(1, 2), new ColoredLocation(1, 2, 3)).elementKind());
        assertEquals(FSet.OTHER, FSet.of(1, 2).elementKind());
        assertEquals(FSet.OTHER, FSet.EMPTY.elementKind());
        // a ColoredLocation spelled as a generic tuple is equal but not of the fast representation
        assertEquals(FSet.OTHER, FSet.of(ObjectTuple.of(1, new Pair(2, 3)), new ColoredLocation(2, 0, 0)).elementKind());
    }

    @Test
    void equalSetsBuiltDifferentlyAreEqualAndHashAlike() {
        FSet a = FSet.of(new ColoredLocation(1, 0, 0), new ColoredLocation(1, 0, 1));
        FSet b = FSet.of(new ColoredLocation(1, 0, 1), new ColoredLocation(1, 0, 0), new ColoredLocation(1, 0, 1));
        FSet generic = FSet.of(ObjectTuple.of(1, new Pair(0, 0)), ObjectTuple.of(1, new Pair(0, 1)));
        assertEquals(a, b);
        assertEquals(a, generic);
        assertEquals(a.hashCode(), generic.hashCode());
        assertArrayEquals(a.elements(), b.elements());
        assertNotEquals(a, FSet.of(new ColoredLocation(1, 0, 0)));
    }

    @Test
    void locationBoundsAreTheExtremesOfTheLocations() {
        Random r = new Random(5);
        for (int round = 0; round < 100; round++) {
            int n = 1 + r.nextInt(20);
            Object[] pairs = random(r, n, k -> Pair.of(r.nextInt(40) - 5, r.nextInt(40) - 5));
            Object[] cells = random(r, n, k -> new ColoredLocation(r.nextInt(10), r.nextInt(40) - 5, r.nextInt(40) - 5));
            for (Object[] values : List.of(pairs, cells)) {
                int[] expected = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
                for (Object v : values) {
                    Tuple loc = v instanceof Pair p ? p : (Tuple) ((Tuple) v).get(1);
                    expected[0] = Math.min(expected[0], loc.getInt(0));
                    expected[1] = Math.min(expected[1], loc.getInt(1));
                    expected[2] = Math.max(expected[2], loc.getInt(0));
                    expected[3] = Math.max(expected[3], loc.getInt(1));
                }
                assertArrayEquals(expected, FSet.fromArray(values.clone()).locationBounds());
            }
        }
        assertEquals(null, FSet.of(1, 2).locationBounds());
        assertEquals(null, FSet.EMPTY.locationBounds());
    }

    @Test
    void sharedAndNewPairsAreTheSameValue() {
        assertEquals(Pair.of(3, 4), new Pair(3, 4));
        assertEquals(Pair.of(1000, -1000), new Pair(1000, -1000));
        assertEquals(Pair.of(-32, 63).hashCode(), new Pair(-32, 63).hashCode());
        assertEquals(0, Values.compare(Pair.of(-33, 64), new Pair(-33, 64)));
    }

    @Test
    void locationsAcrossTheSharedRangeSortDeduplicateAndKeepTheirKind() {
        // coordinates inside and outside the shared Pairs and ColoredLocations (the bitmap gives elements back by key)
        Random r = new Random(13);
        for (int round = 0; round < 200; round++) {
            int n = 2 + r.nextInt(round < 100 ? 10 : 300);
            int base = r.nextInt(3) == 0 ? -45 : (r.nextBoolean() ? 20 : 50);
            int span = round % 2 == 0 ? 30 : 70;
            Object[] pairs = random(r, n, k -> new Pair(base + r.nextInt(span), base + r.nextInt(span)));
            Object[] cells = random(r, n, k -> new ColoredLocation(r.nextInt(12) - 1, base + r.nextInt(span), r.nextInt(span)));
            check(pairs);
            check(cells);
            assertEquals(FSet.PAIRS, FSet.fromArray(pairs.clone()).elementKind());
            assertEquals(FSet.COLORED_LOCATIONS, FSet.fromArray(cells.clone()).elementKind());
            // dense: runs of set bits across words and rows
            int side = 5 + round % 40;
            check(random(r, 3 * side * side, k -> new Pair(base + r.nextInt(side), base + r.nextInt(side))));
            check(random(r, 6 * side * side, k -> new ColoredLocation(r.nextInt(2), base + r.nextInt(side), r.nextInt(side))));
        }
    }

    @Test
    void aRowOfPairsIsThePairsOneByOne() {
        for (int a = -40; a <= 70; a += 11) {
            for (int b = -40; b <= 70; b += 3) {
                for (int n : new int[] {0, 1, 5, 29, 40, 96}) {
                    Object[] out = new Object[n + 2];
                    Pair.row(a, b, n, out, 1);
                    assertEquals(null, out[0]);
                    assertEquals(null, out[n + 1]);
                    for (int k = 0; k < n; k++) {
                        assertEquals(new Pair(a, b + k), out[k + 1], "row (" + a + ", " + b + ") + " + k);
                    }
                }
            }
        }
    }

    @Test
    void aRowOfColoredLocationsIsTheLocationsOneByOne() {
        for (int c = -1; c <= 11; c += 3) {
            for (int i = -2; i <= 33; i += 5) {
                for (int j = -3; j <= 34; j += 4) {
                    for (int n : new int[] {0, 1, 7, 32, 40}) {
                        Object[] out = new Object[n + 1];
                        ColoredLocation.row(c, i, j, n, out, 1);
                        assertEquals(null, out[0]);
                        for (int k = 0; k < n; k++) {
                            assertEquals(new ColoredLocation(c, i, j + k), out[k + 1]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void locationsHashAsTheirGenericTuples() {
        Pair p = new Pair(-7, 40);
        ColoredLocation c = new ColoredLocation(3, 100, -2);
        assertEquals(ObjectTuple.of(-7, 40).hashCode(), Values.hash(p));
        assertEquals(p.hashCode(), Values.hash(p));
        assertEquals(ObjectTuple.of(3, ObjectTuple.of(100, -2)).hashCode(), Values.hash(c));
        assertEquals(c.hashCode(), Values.hash(c));
    }

    @Test
    void unionsOfSetsAreTheSetOfAllTheirElements() {
        Random r = new Random(17);
        for (int round = 0; round < 300; round++) {
            int parts = 1 + r.nextInt(8);
            int span = round % 3 == 0 ? 200 : 30; // wide spans fall back to sorting
            int mode = round % 4; // Pairs, ColoredLocations, a mix of both, Pairs with a generic tuple
            int columnBase = round % 5 == 0 ? -60 : 40; // columns below and above the shared Pairs
            FSet[] sets = new FSet[parts];
            List<Object> all = new ArrayList<>();
            long total = 0;
            for (int k = 0; k < parts; k++) {
                int n = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(40);
                boolean pairs = mode == 0 || mode == 3 || (mode == 2 && k % 2 == 0);
                Object[] values = random(r, n, x -> pairs
                        ? new Pair(r.nextInt(span) - 10, r.nextInt(span) + columnBase)
                        : new ColoredLocation(r.nextInt(10), r.nextInt(span) - 10, r.nextInt(span)));
                if (mode == 3 && n > 0 && k == parts - 1) {
                    values[0] = ObjectTuple.of(r.nextInt(span), r.nextInt(span));
                }
                all.addAll(Arrays.asList(values));
                sets[k] = FSet.fromArray(values);
                total += sets[k].size();
            }
            Object[] expected = reference(all.toArray());
            FSet union = FSet.unionAll(sets, total);
            assertEquals(expected.length, union.size(), "size of the union");
            for (int k = 0; k < expected.length; k++) {
                assertEquals(0, Values.compare(expected[k], union.get(k)), "element " + k);
            }
        }
    }
}
