package dev.arclab.cache;

import dev.arclab.pipeline.ResultCodecs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.cache.MapStats;
import dev.arclab.cache.MemoryCache;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.cache.ResultCache;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineCacheTest {

    @TempDir
    Path home;

    final List<String> messages = new ArrayList<>();

    @AfterEach
    void closeStores() {
        Caches.closeAll();
    }

    MapDbCache open(CacheOptions o) {
        return assertInstanceOf(MapDbCache.class, Caches.open(o, messages::add), messages::toString);
    }

    @Test
    void resultsAreIdenticalWithTheCacheOffInMemoryColdWarmAndReRun() {
        Fixtures.Run memory = Fixtures.run(new MemoryCache());
        Fixtures.Run off = Fixtures.run(new NoCache());
        assertEquals(memory.signature(), off.signature());
        assertEquals(0, off.sessionHits() + off.diskHits());

        MapDbCache store = open(CacheOptions.at(home));
        Fixtures.Run cold = Fixtures.run(store);
        assertEquals(memory.signature(), cold.signature());
        assertEquals(0, cold.diskHits(), "a new file has nothing from disk");

        Fixtures.Run rerun = Fixtures.run(store);
        assertEquals(memory.signature(), rerun.signature());
        assertEquals(0, rerun.misses(), "the same run again finds everything: " + rerun.cache());
        assertEquals(0, rerun.diskHits(), "written by this session");

        store.shutdown();
        Fixtures.Run warm = Fixtures.run(open(CacheOptions.at(home)));
        assertEquals(memory.signature(), warm.signature());
        assertEquals(0, warm.misses(), () -> "warm: " + warm.cache());
        assertEquals(0, warm.sessionHits(), () -> "warm: " + warm.cache());
        for (MapStats s : warm.cache()) {
            assertTrue(s.diskHits() > 0, () -> "no hits from disk in " + s);
            assertTrue(s.savedNanos() > 0, () -> "no time saved in " + s);
        }
        assertTrue(messages.isEmpty(), messages::toString);
    }

    @Test
    void aNewDslVersionMissesInsteadOfServingStaleResults() {
        MapDbCache v1 = open(CacheOptions.at(home).withKeyPrefix("dsl-test-1"));
        Fixtures.Run first = Fixtures.run(v1);
        v1.shutdown();

        Fixtures.Run second = Fixtures.run(open(CacheOptions.at(home).withKeyPrefix("dsl-test-2")));
        assertEquals(first.signature(), second.signature());
        assertEquals(0, second.diskHits(), () -> "stale hits: " + second.cache());
        assertTrue(second.misses() > 0);
        Caches.closeAll();

        Fixtures.Run back = Fixtures.run(open(CacheOptions.at(home).withKeyPrefix("dsl-test-1")));
        assertEquals(0, back.misses(), () -> "the first version's entries are still there: " + back.cache());
        assertTrue(back.diskHits() > 0);
    }

    @Test
    void theLibraryAndTheRunHistoryComeBackInANewSession() {
        MapDbCache store = open(CacheOptions.at(home));
        List<String> library;
        try (Pipeline p = new Pipeline(Fixtures.tasks(), Fixtures.config(), store)) {
            p.loadLibrary(Fixtures.solvers());
            p.run();
            p.run();
            library = p.library().all().stream().map(Fixtures::entry).toList();
            assertEquals(2, store.runHistory().size());
        }
        store.shutdown();

        MapDbCache again = open(CacheOptions.at(home));
        List<RunRecord> runs = again.runHistory();
        assertEquals(2, runs.size());
        assertEquals(List.of("run-1", "run-2"), runs.stream().map(RunRecord::id).toList());
        assertEquals("score", runs.get(0).phases().get(1).phase());
        assertTrue(runs.get(0).phases().get(1).counter("cache.score.misses") > 0);
        assertTrue(again.storedLibrary(ResultCodecs.LIBRARY).size() >= library.size());
        try (Pipeline p = new Pipeline(Fixtures.tasks(), Fixtures.config(), again)) {
            PhaseRecord restored = p.restoreLibrary();
            assertEquals(library, p.library().all().stream().map(Fixtures::entry).toList(),
                    "restoring gives back the library the last session ended with");
            assertEquals(0, restored.counter("cache.validation.misses"), "re-validation is served by the store");
            assertTrue(restored.counter("cache.validation.diskHits") > 0);
        }
    }

    @Test
    void anInMemoryCacheHasNoLibraryOrHistoryToRestore() {
        ResultCache memory = new MemoryCache();
        try (Pipeline p = new Pipeline(Fixtures.tasks(), Fixtures.config(), memory)) {
            PhaseRecord r = p.restoreLibrary();
            assertEquals(0, r.counter("programs"));
            assertEquals(0, p.library().size());
            p.loadLibrary(Fixtures.solvers());
            p.run();
            assertTrue(memory.runHistory().isEmpty());
        }
    }
}
