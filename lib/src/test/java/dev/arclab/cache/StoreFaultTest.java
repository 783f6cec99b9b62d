package dev.arclab.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.cache.CacheMap;
import dev.arclab.cache.MemoryCache;
import dev.arclab.cache.ResultCache;
import dev.arclab.pipeline.ResultMaps;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapdb.DBException;

/**
 * Issue 15's fault-injection suite for the store: writes that fail (a full disk, an I/O error) at chosen
 * points, damaged bytes at seeded random offsets, a store this user may not write, a dangling link, and
 * the file size under {@code --cache-limit}. Each checks that the work goes on with correct results and
 * that what was committed before the fault is still there afterwards.
 */
class StoreFaultTest {

    @TempDir
    Path home;

    final List<String> messages = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        StoreFaults.hook = null;
        Caches.closeAll();
    }

    MapDbCache open() {
        return assertInstanceOf(MapDbCache.class, Caches.open(CacheOptions.at(home), messages::add), messages::toString);
    }

    MapDbCache reopen(MapDbCache c) {
        c.shutdown();
        return open();
    }

    static String value(String set, int k) {
        return set + "-value-" + k + "-" + "x".repeat(k % 37);
    }

    /** Puts {@code n} canonical entries of a set, in groups of four items. */
    static void put(ResultCache c, String set, int n) {
        for (int k = 0; k < n; k++) {
            ResultMaps.of(c).canonical().put(set + "-group-" + (k / 4) + "|item-" + k, value(set, k), k + 1);
        }
    }

    /** How many of a set are there with the right value; fails on a wrong value. */
    static int present(ResultCache c, String set, int n) {
        int found = 0;
        for (int k = 0; k < n; k++) {
            CacheMap.Entry<String> e = ResultMaps.of(c).canonical().get(set + "-group-" + (k / 4) + "|item-" + k);
            if (e != null) {
                assertEquals(value(set, k), e.value(), "a wrong value for " + set + " " + k);
                found++;
            }
        }
        return found;
    }

    static RuntimeException diskFull() {
        return new DBException.VolumeIOError(new IOException("No space left on device"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 20, 60, -1})
    void aWriteFailingAtAnyPointKeepsTheSessionInMemoryAndEverythingCommittedBefore(int failAt) {
        MapDbCache c = open();
        put(c, "a", 200);
        c.commit();
        AtomicInteger writes = new AtomicInteger();
        // failAt > 0: the failAt-th record write fails; -1: MapDB's commit fails
        StoreFaults.hook = p -> {
            if (failAt > 0 ? p == StoreFaults.Point.WRITE && writes.incrementAndGet() == failAt
                    : p == StoreFaults.Point.COMMIT) {
                throw diskFull();
            }
        };
        put(c, "b", 200);
        c.commit();
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("could not write " + c.file()) && messages.get(0).contains("no space left on device"),
                messages.get(0));
        assertFalse(c.writable());
        // the session goes on: everything put is still served, and later commits say nothing more
        assertEquals(200, present(c, "a", 200));
        assertEquals(200, present(c, "b", 200));
        put(c, "c", 40);
        c.commit();
        assertEquals(40, present(c, "c", 40));
        assertEquals(1, messages.size(), "said once: " + messages);

        StoreFaults.hook = null;
        messages.clear();
        c = reopen(c);
        assertTrue(messages.stream().anyMatch(m -> m.contains("repaired")), messages::toString);
        assertEquals(200, present(c, "a", 200), "nothing committed before the fault is lost");
        present(c, "b", 200);
        // the store is usable again
        put(c, "d", 40);
        c.commit();
        assertTrue(c.writable());
        c = reopen(c);
        assertEquals(40, present(c, "d", 40));
        assertEquals(200, present(c, "a", 200));
        assertFalse(Files.exists(StoreFile.repairMarker(c.file())));
    }

    @Test
    void aCommitEndingInAnAssertionErrorDegradesTheSessionLikeAStoreFailure() {
        // MapDB checks its free-space lists with assert statements: on a damaged file, with assertions on, its
        // commit throws an AssertionError, which must not escape the session
        MapDbCache c = open();
        put(c, "a", 100);
        c.commit();
        StoreFaults.hook = p -> {
            if (p == StoreFaults.Point.COMMIT) {
                throw new AssertionError("free-space list damaged");
            }
        };
        put(c, "b", 100);
        c.commit();
        assertFalse(c.writable());
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("could not write " + c.file()), messages.get(0));
        assertEquals(100, present(c, "b", 100), "the session keeps what it computed");
        StoreFaults.hook = null;
        messages.clear();
        c = reopen(c);
        assertEquals(100, present(c, "a", 100), "nothing committed before the fault is lost");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 9})
    void aPipelineRunWhoseStoreFailsMidRunHasTheResultsOfACleanRun(int failAtCommit) {
        Fixtures.Run clean = Fixtures.run(new MemoryCache());
        MapDbCache c = open();
        AtomicInteger commits = new AtomicInteger();
        StoreFaults.hook = p -> {
            if (p == StoreFaults.Point.COMMIT && commits.incrementAndGet() >= failAtCommit) {
                throw diskFull();
            }
        };
        Fixtures.Run faulty = Fixtures.run(c);
        assertEquals(clean.signature(), faulty.signature());
        assertEquals(1, messages.size(), messages::toString);
        StoreFaults.hook = null;
        Fixtures.Run after = Fixtures.run(reopen(c));
        assertEquals(clean.signature(), after.signature());
    }

    @Test
    void damagedBytesAtRandomOffsetsAreDetectedDroppedAndRepairedWithoutWrongValues() throws IOException {
        MapDbCache c = open();
        put(c, "a", 3000);
        c.commit();
        c.shutdown();
        Path file = c.file();
        byte[] pristine = Files.readAllBytes(file);
        int trials = 24;
        int fullyIntact = 0;
        for (int trial = 0; trial < trials; trial++) {
            Caches.closeAll();
            messages.clear();
            try (Stream<Path> s = Files.list(home)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.write(file, pristine);
            Random random = new Random(1000 + trial);
            byte[] junk = new byte[4096];
            random.nextBytes(junk);
            long at = (long) (random.nextDouble() * (pristine.length - junk.length));
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.seek(at);
                raf.write(junk);
            }
            ResultCache opened = Caches.open(CacheOptions.at(home), messages::add);
            assertNotNull(opened);
            int found = present(opened, "a", 3000);
            fullyIntact += found == 3000 ? 1 : 0;
            put(opened, "b", 40);
            opened.commit();
            assertEquals(40, present(opened, "b", 40), "trial " + trial + ": the session works");
            if (opened instanceof MapDbCache store) {
                MapDbCache.Verification v = store.verify();
                assertTrue(v.damaged() <= v.checked() + 1, "trial " + trial + ": " + v);
                store = reopen(store);
                assertEquals(0, store.verify().damaged(), "trial " + trial + ": repaired, " + messages);
                present(store, "a", 3000);
                put(store, "c", 20);
                store.commit();
                store = reopen(store);
                if (store.writable()) {
                    assertEquals(20, present(store, "c", 20), "trial " + trial + ": usable after repair " + messages);
                }
            }
        }
        assertTrue(fullyIntact < trials, "some trial must have hit live records");
    }

    @Test
    void aStoreThisUserMayNotWriteIsLeftAloneWithAMemoryCache() throws IOException {
        MapDbCache c = open();
        put(c, "a", 20);
        c.shutdown();
        byte[] before = Files.readAllBytes(c.file());
        messages.clear();
        // as root the file system allows everything: the denial is injected where the file is opened
        StoreFaults.hook = p -> {
            if (p == StoreFaults.Point.OPEN) {
                throw new UncheckedIOException(new AccessDeniedException(c.file().toString()));
            }
        };
        ResultCache mem = Caches.open(CacheOptions.at(home), messages::add);
        assertInstanceOf(MemoryCache.class, mem);
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("permission denied") && messages.get(0).contains(c.file().toString())
                && !messages.get(0).contains("moved"), messages.get(0));
        assertArrayEquals(before, Files.readAllBytes(c.file()), "the file is left as it was");
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().contains("broken")).count());
        }
        put(mem, "b", 8);
        assertEquals(8, present(mem, "b", 8));
    }

    @Test
    void aDanglingLinkIsReportedAsSuchAndLeftAlone() throws IOException {
        Path file = home.resolve(MapDbCache.FILE_NAME);
        Files.createSymbolicLink(file, home.resolve("gone").resolve("cache.db"));
        ResultCache mem = Caches.open(CacheOptions.at(home), messages::add);
        assertInstanceOf(MemoryCache.class, mem);
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("symbolic link") && !messages.get(0).contains("moved"), messages.get(0));
        assertTrue(Files.isSymbolicLink(file));
    }

    @Test
    void aNewStoreThatCannotBeCreatedSaysSoAndLeavesNothingBehind() throws IOException {
        StoreFaults.hook = p -> {
            if (p == StoreFaults.Point.OPEN) {
                throw diskFull();
            }
        };
        ResultCache mem = Caches.open(CacheOptions.at(home), messages::add);
        assertInstanceOf(MemoryCache.class, mem);
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("could not be created") && !messages.get(0).contains("moved"), messages.get(0));
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void theFileStaysWithinItsStatedBoundOfTheSizeLimit() throws IOException {
        long limit = 1L << 20;
        MapDbCache c = assertInstanceOf(MapDbCache.class,
                Caches.open(CacheOptions.at(home).withSizeLimit(limit), messages::add), messages::toString);
        long bound = c.fileBound();
        assertEquals(MapDbCache.FILE_FACTOR * limit + MapDbCache.FILE_SLACK, bound);
        long written = 0;
        long largest = 0;
        for (int round = 0; round < 50; round++) {
            // the pipeline's pattern: the same programs (groups) get new items in every iteration
            for (int k = 0; k < 300; k++) {
                String v = value("r" + round, k) + "y".repeat(1000);
                ResultMaps.of(c).canonical().put("program-" + (k % 50) + "|" + round + "-" + k, v, 1);
                written += v.length();
            }
            c.commit();
            largest = Math.max(largest, Files.size(c.file()));
            assertTrue(Files.size(c.file()) <= bound, "round " + round + ": " + Files.size(c.file()) + " > " + bound);
        }
        assertTrue(written > 2 * bound, "the test writes more than the bound: " + written);
        assertEquals(List.of(), messages);
        // the store still holds entries up to its limit, and they read back
        long entries = c.stats().get(0).entries();
        assertTrue(entries > 100, "entries " + entries);
        c = reopen(c);
        assertEquals(entries, c.stats().get(0).entries());
    }
}
