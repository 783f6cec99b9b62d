package dev.arclab.cache;

import dev.arclab.pipeline.ResultMaps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import dev.arclab.cache.CacheMap;
import dev.arclab.pipeline.Differs;
import dev.arclab.cache.MapStats;
import dev.arclab.cache.ResultCache;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.pipeline.Validation;
import dev.arclab.program.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

class MapDbCacheTest {

    @TempDir
    Path home;

    final List<String> messages = new ArrayList<>();

    @AfterEach
    void closeStores() {
        Caches.closeAll();
    }

    MapDbCache open(CacheOptions options) {
        ResultCache c = Caches.open(options, messages::add);
        return assertInstanceOf(MapDbCache.class, c, () -> "not the store: " + messages);
    }

    MapDbCache open() {
        return open(CacheOptions.at(home));
    }

    MapDbCache reopen(MapDbCache c) {
        CacheOptions o = c.options();
        c.shutdown();
        return open(o);
    }

    static MapStats stats(MapDbCache c, String map) {
        return c.stats().stream().filter(s -> s.map().equals(map)).findFirst().orElseThrow();
    }

    @Test
    void oneHandlePerFileSharedByEveryOpenAndKeptByClose() {
        MapDbCache a = open();
        MapDbCache b = open(CacheOptions.at(home.resolve(".").resolve("x").getParent()));
        assertSame(a, b);
        a.close();
        assertTrue(a.isOpen(), "close() commits; the shared handle stays open");
        ResultMaps.of(a).canonical().put("k", "v", 5);
        a.shutdown();
        assertFalse(a.isOpen());
        assertThrows(IllegalStateException.class, () -> ResultMaps.of(a).canonical().get("k"));
        MapDbCache c = open();
        assertNotSame(a, c);
        assertEquals(a.session() + 1, c.session());
        assertEquals("v", ResultMaps.of(c).canonical().get("k").value());
        assertTrue(messages.isEmpty(), messages::toString);
    }

    @Test
    void hitsFromDiskAreThoseWrittenByAnEarlierSessionAndKeepTheirMeasuredCost() {
        MapDbCache c = open();
        ResultMaps.of(c).canonical().put("p1", "text one", 1_000);
        ResultMaps.of(c).canonical().put("p2", "text two", 2_000);
        assertEquals("text one", ResultMaps.of(c).canonical().get("p1").value(), "uncommitted entries are hits of this session");
        c.commit();
        CacheMap.Entry<String> e = ResultMaps.of(c).canonical().get("p2");
        assertFalse(e.fromDisk());
        assertEquals(2_000, e.costNanos());
        MapStats s = stats(c, "canonical");
        assertEquals(2, s.sessionHits());
        assertEquals(0, s.diskHits());
        assertEquals(3_000, s.savedNanos());
        assertNull(ResultMaps.of(c).canonical().get("p3"));

        c = reopen(c);
        CacheMap.Entry<String> d = ResultMaps.of(c).canonical().get("p1");
        assertTrue(d.fromDisk());
        assertEquals("text one", d.value());
        assertEquals(1_000, d.costNanos(), "the cost measured when it was computed, not the lookup's");
        ResultMaps.of(c).canonical().put("p3", "text three", 3_000);
        c.commit();
        assertFalse(ResultMaps.of(c).canonical().get("p3").fromDisk());
        assertNull(ResultMaps.of(c).canonical().get("p4"));
        s = stats(c, "canonical");
        assertEquals(1, s.sessionHits());
        assertEquals(1, s.diskHits());
        assertEquals(1, s.misses());
        assertEquals(4_000, s.savedNanos());
        assertEquals(3, s.entries());
        assertTrue(s.bytes() > 0);
    }

    @Test
    void everyKindOfValueSurvivesTheFile() {
        MapDbCache c = open();
        SampleResult sr = new SampleResult(Outcome.Status.OK, true, Grid.of(new int[][] {{1, 2}, {3, 0}}), 77);
        SampleResult none = new SampleResult(Outcome.Status.TIMEOUT, false, null, 1_000_000);
        Validation v = new Validation(List.of(new Validation.Pair(Outcome.Status.ERROR, false, "x2: boom")), 9, 11);
        Differs.Measures m = new Differs.Measures(0.25, 1, 0.5, 1.0 / 3);
        ResultMaps.of(c).scores().put("v|prog|sampleA", sr, 1);
        ResultMaps.of(c).scores().put("v|prog|sampleB", none, 2);
        ResultMaps.of(c).validations().put("v|prog|task", v, 11);
        ResultMaps.of(c).differs().put("v|d|prog|task", m, 3);
        c.commit();
        c = reopen(c);
        assertEquals(sr, ResultMaps.of(c).scores().get("v|prog|sampleA").value());
        assertEquals(none, ResultMaps.of(c).scores().get("v|prog|sampleB").value());
        assertNull(ResultMaps.of(c).scores().get("v|prog|sampleC"));
        assertNull(ResultMaps.of(c).scores().get("v|other|sampleA"));
        assertEquals(v, ResultMaps.of(c).validations().get("v|prog|task").value());
        assertEquals(m, ResultMaps.of(c).differs().get("v|d|prog|task").value());
    }

    @Test
    void anotherKeyPrefixMissesAndTheFirstOneStillHits() {
        MapDbCache c = open(CacheOptions.at(home).withKeyPrefix("dsl-1"));
        ResultMaps.of(c).validations().put("p|t", new Validation(List.of(), 1, 2), 2);
        c.commit();
        c.shutdown();
        MapDbCache other = open(CacheOptions.at(home).withKeyPrefix("dsl-2"));
        assertNull(ResultMaps.of(other).validations().get("p|t"), "a new DSL version misses instead of serving a stale result");
        other.shutdown();
        MapDbCache back = open(CacheOptions.at(home).withKeyPrefix("dsl-1"));
        assertNotNull(ResultMaps.of(back).validations().get("p|t"));
    }

    @Test
    void aSecondOpenWithOtherOptionsSaysTheFirstOnesStay() {
        MapDbCache c = open(CacheOptions.at(home).withKeyPrefix("a"));
        assertSame(c, open(CacheOptions.at(home).withKeyPrefix("b")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("already open") && m.contains(c.file().toString())), messages::toString);
        assertEquals("a", c.options().keyPrefix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "empty", "truncated", "foreign", "future-format"})
    void aFileThatCannotBeOpenedIsMovedAsideWithAMessageAndANewOneStarts(String kind) throws IOException {
        Path file = home.resolve(MapDbCache.FILE_NAME);
        switch (kind) {
            case "garbage" -> Files.writeString(file, "this is not a MapDB file\n".repeat(200));
            case "empty" -> Files.write(file, new byte[0]);
            case "truncated" -> {
                MapDbCache c = open();
                for (int k = 0; k < 300; k++) {
                    ResultMaps.of(c).canonical().put("g" + k + "|i", "x".repeat(3000), k);
                }
                c.shutdown();
                byte[] all = Files.readAllBytes(file);
                Files.write(file, Arrays.copyOf(all, all.length / 3));
            }
            case "foreign" -> {
                DB db = DBMaker.fileDB(file.toFile()).transactionEnable().make();
                db.hashMap("someone-else", Serializer.STRING, Serializer.STRING).createOrOpen().put("a", "b");
                db.commit();
                db.close();
            }
            default -> {
                DB db = DBMaker.fileDB(file.toFile()).transactionEnable().make();
                db.hashMap("meta", Serializer.STRING, Serializer.LONG).createOrOpen().put("format", MapDbCache.FORMAT + 1);
                db.commit();
                db.close();
            }
        }
        byte[] original = Files.readAllBytes(file);
        messages.clear();
        MapDbCache c = open();
        assertEquals(1, messages.size(), messages::toString);
        String m = messages.get(0);
        assertTrue(m.contains(file.toString()) && m.contains("moved it to"), m);
        Path aside = Path.of(m.substring(m.indexOf("moved it to ") + "moved it to ".length(), m.indexOf(" and started")));
        assertTrue(Files.exists(aside), aside::toString);
        assertArrayEquals(original, Files.readAllBytes(aside), "the old file is kept as it was");
        assertEquals(0, c.stats().stream().mapToLong(MapStats::entries).sum());
        ResultMaps.of(c).canonical().put("after", "works", 1);
        c = reopen(c);
        assertEquals("works", ResultMaps.of(c).canonical().get("after").value());
        assertEquals(1, messages.size(), "the new file opens without a message: " + messages);
    }

    @Test
    void aHomeThatCannotBeMadeGivesAPrivateCacheAndAMessageNotAnException() throws IOException {
        Path notAFolder = Files.writeString(home.resolve("plain-file"), "x");
        ResultCache c = Caches.open(CacheOptions.at(notAFolder.resolve("sub")), messages::add);
        assertInstanceOf(dev.arclab.cache.MemoryCache.class, c);
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains(notAFolder.resolve("sub").resolve("cache.db").toString())
                && messages.get(0).contains("private in-memory cache"), messages.get(0));
        ResultMaps.of(c).canonical().put("k", "v", 1);
        assertEquals("v", ResultMaps.of(c).canonical().get("k").value());
    }

    @Test
    void clearEmptiesOneMapOrAll() {
        MapDbCache c = open();
        ResultMaps.of(c).canonical().put("a", "x", 1);
        ResultMaps.of(c).scores().put("v|p|s", new SampleResult(Outcome.Status.OK, false, null, 1), 1);
        c.commit();
        c.clear("score");
        assertEquals(0, stats(c, "score").entries());
        assertNull(ResultMaps.of(c).scores().get("v|p|s"));
        assertEquals(1, stats(c, "canonical").entries());
        c = reopen(c);
        assertNull(ResultMaps.of(c).scores().get("v|p|s"));
        assertNotNull(ResultMaps.of(c).canonical().get("a"));
        c.clear("all");
        assertNull(ResultMaps.of(c).canonical().get("a"));
        for (MapStats s : c.allStats()) {
            assertEquals(0, s.entries(), s::toString);
            assertEquals(0, s.bytes(), s::toString);
        }
        MapDbCache cc = c;
        assertThrows(IllegalArgumentException.class, () -> cc.clear("bogus"));
    }

    @Test
    void compactShrinksTheFileAndKeepsEveryLiveEntryWithItsOrigin() throws IOException {
        MapDbCache c = open();
        for (int k = 0; k < 200; k++) {
            ResultMaps.of(c).scores().put("v|p" + k + "|s", new SampleResult(Outcome.Status.OK, false, Grid.filled(30, 30, k % 10), k), k);
            ResultMaps.of(c).canonical().put("p" + k, "text " + "y".repeat(30_000) + k, k);
        }
        c.commit();
        c.shutdown();
        c = open();
        ResultMaps.of(c).canonical().put("new", "this session", 5);
        c.commit();
        c.clear("canonical");
        ResultMaps.of(c).canonical().put("new", "this session", 5);
        c.commit();
        long before = c.fileBytes();
        MapDbCache.Compaction result = c.compact();
        assertEquals(before, result.bytesBefore());
        assertTrue(result.bytesAfter() < result.bytesBefore(), result::toString);
        assertTrue(c.isOpen());
        CacheMap.Entry<SampleResult> old = ResultMaps.of(c).scores().get("v|p7|s");
        assertTrue(old.fromDisk());
        assertEquals(7, old.value().fuel());
        assertEquals(7, old.costNanos());
        assertFalse(ResultMaps.of(c).canonical().get("new").fromDisk(), "written by this session before the compaction");
        assertEquals(200, stats(c, "score").entries());
        c = reopen(c);
        assertEquals(Grid.filled(30, 30, 3), ResultMaps.of(c).scores().get("v|p3|s").value().produced());
        assertTrue(ResultMaps.of(c).canonical().get("new").fromDisk());
    }

    @Test
    void beyondTheSizeLimitTheLeastRecentlyUsedGroupsGo() {
        long limit = 1 << 20;
        MapDbCache c = open(CacheOptions.at(home).withSizeLimit(limit));
        String big = "z".repeat(20_000);
        for (int g = 0; g < 20; g++) {
            for (int i = 0; i < 5; i++) {
                ResultMaps.of(c).canonical().put("group" + g + "|item" + i, big + g + "/" + i, 1);
            }
            assertNotNull(ResultMaps.of(c).canonical().get("group0|item0"), "group 0 is used in every phase");
            c.commit();
            assertTrue(stats(c, "canonical").bytes() <= limit, () -> "over the limit: " + stats(c, "canonical"));
        }
        assertTrue(c.evictedGroups() > 0);
        assertNotNull(ResultMaps.of(c).canonical().get("group0|item3"), "recently used");
        assertNotNull(ResultMaps.of(c).canonical().get("group19|item4"), "recently written");
        assertNull(ResultMaps.of(c).canonical().get("group1|item0"), "least recently used");
        MapDbCache d = reopen(c);
        assertNotNull(ResultMaps.of(d).canonical().get("group0|item1"));
        assertNull(ResultMaps.of(d).canonical().get("group2|item0"));
        assertTrue(d.lifetimeStats().get(0).bytes() <= limit);
    }

    @Test
    void aGroupWrittenInManyCommitsIsRewrittenAsOneChunkWithoutLosingOrigins() {
        MapDbCache c = open();
        for (int k = 0; k < 6; k++) {
            ResultMaps.of(c).validations().put("v|prog|task" + k, new Validation(List.of(), k, k), k);
            c.commit();
        }
        c = reopen(c);
        for (int k = 6; k < 3 * GroupedMap.MAX_CHUNKS; k++) {
            ResultMaps.of(c).validations().put("v|prog|task" + k, new Validation(List.of(), k, k), k);
            c.commit();
        }
        for (int k = 0; k < 3 * GroupedMap.MAX_CHUNKS; k++) {
            CacheMap.Entry<Validation> e = ResultMaps.of(c).validations().get("v|prog|task" + k);
            assertEquals(k, e.value().fuel());
            assertEquals(k < 6, e.fromDisk(), "entry " + k);
        }
        c = reopen(c);
        for (int k = 0; k < 3 * GroupedMap.MAX_CHUNKS; k++) {
            assertEquals(k, ResultMaps.of(c).validations().get("v|prog|task" + k).costNanos());
        }
        assertEquals(3 * GroupedMap.MAX_CHUNKS, stats(c, "validation").entries());
    }

    @Test
    void concurrentLookupsAndPutsFromManyThreads() throws Exception {
        MapDbCache c = open();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int phase = 0; phase < 3; phase++) {
                int ph = phase;
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int th = t;
                    fs.add(pool.submit(() -> {
                        for (int k = 0; k < 2000; k++) {
                            String key = "v|p" + (k % 37) + "|s" + (k + th * 7 + ph * 3) % 500;
                            CacheMap.Entry<SampleResult> e = ResultMaps.of(c).scores().get(key);
                            SampleResult want = new SampleResult(Outcome.Status.OK, false, null, key.hashCode());
                            if (e == null) {
                                ResultMaps.of(c).scores().put(key, want, 1);
                            } else if (!e.value().equals(want)) {
                                throw new AssertionError(key + " gave " + e.value());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                c.commit();
            }
        } finally {
            pool.shutdown();
        }
        MapDbCache d = reopen(c);
        for (int p = 0; p < 37; p++) {
            for (int s = 0; s < 500; s++) {
                String key = "v|p" + p + "|s" + s;
                CacheMap.Entry<SampleResult> e = ResultMaps.of(d).scores().get(key);
                if (e != null) {
                    assertEquals(key.hashCode(), e.value().fuel());
                }
            }
        }
        assertEquals(stats(d, "score").entries(), Stream.iterate(0, p -> p + 1).limit(37)
                .mapToLong(p -> Stream.iterate(0, s -> s + 1).limit(500).filter(s -> ResultMaps.of(d).scores().get("v|p" + p + "|s" + s) != null).count())
                .sum());
    }

    @Test
    void theHomeComesFromJavaThenTheVariableThenTheDefault() {
        try {
            Caches.setHome(home);
            assertEquals(home, Caches.home());
            assertEquals(home.resolve("cache.db"), CacheOptions.defaults().file());
            Caches.setHome(null);
            String env = System.getenv(Caches.HOME_VARIABLE);
            Path expected = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".arclab");
            assertEquals(expected, Caches.home());
        } finally {
            Caches.setHome(null);
        }
    }

    @Test
    void sizesParse() {
        assertEquals(2L << 30, CacheOptions.parseSize("2G"));
        assertEquals(500L << 20, CacheOptions.parseSize("500m"));
        assertEquals(64L << 10, CacheOptions.parseSize("64KB"));
        assertEquals(1234, CacheOptions.parseSize("1234"));
        assertThrows(IllegalArgumentException.class, () -> CacheOptions.parseSize("lots"));
        assertThrows(IllegalArgumentException.class, () -> CacheOptions.at(home).withSizeLimit(10));
    }
}
