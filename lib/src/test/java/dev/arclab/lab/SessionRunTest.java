package dev.arclab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.cache.CacheOptions;
import dev.arclab.cache.Caches;
import dev.arclab.cache.MapDbCache;
import dev.arclab.cache.MapStats;
import dev.arclab.cache.MemoryCache;
import dev.arclab.cache.ResultCache;
import dev.arclab.pipeline.Distributor;
import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.Progress;
import dev.arclab.pipeline.RemoteWork;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.profile.RunRecord;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import dev.arclab.work.WorkerPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Session#run(RunPlan, RunPlan.Listener)} and what a command gives a session ({@link Session#openStore},
 * {@link Session#join}): what {@code arclab run} now goes through instead of a pipeline of its own.
 */
class SessionRunTest {
    private static final long SECOND = 1_000_000_000L;

    static TaskSet tasks() {
        TaskSet all = TaskLoader.bundled();
        return new TaskSet(all.source() + " (first 6)", all.tasks().subList(0, 6));
    }

    static PipelineConfig config() {
        return PipelineConfig.defaults().withStrategies(PipelineConfig.MUTATE_ONLY).withThreads(1).withSeed(5)
                .withTasksPerBatch(6).withMutation(0.3, 2);
    }

    static Session session(ResultCache cache) {
        Session s = Session.of(tasks(), config(), cache);
        s.loadBundledSolvers();
        return s;
    }

    /** The map {@code name} of {@code after} since {@code before}. */
    static MapStats map(List<MapStats> before, List<MapStats> after, String name) {
        for (int k = 0; k < after.size(); k++) {
            if (after.get(k).map().equals(name)) {
                return after.get(k).since(before.get(k));
            }
        }
        throw new AssertionError("no map " + name + " in " + after);
    }

    @Test
    void aSecondSessionOnTheSameStoreIsServedFromDiskAndDecidesTheSame(@TempDir Path home) {
        CacheOptions options = CacheOptions.at(home).withSizeLimit(64L << 20);
        List<String> messages = new ArrayList<>();
        RunOutcome first;
        try (Session s = Session.of(tasks(), config(), new MemoryCache()).openStore(options, messages::add)) {
            MapDbCache store = s.store().orElseThrow(() -> new AssertionError("no store: " + messages));
            assertEquals(home.resolve(MapDbCache.FILE_NAME).toAbsolutePath().normalize(), store.file().toAbsolutePath().normalize());
            assertEquals(64L << 20, store.options().sizeLimitBytes(), "the command's --cache-limit reaches the store");
            assertEquals(home.toAbsolutePath().normalize(), s.home());
            s.loadBundledSolvers();
            first = s.run(RunPlan.iterations(1), null);
        }
        // the next session opens the file again: what it finds there was written by the first
        Caches.openStore(home).ifPresent(MapDbCache::shutdown);
        try (Session s = Session.of(tasks(), config(), new MemoryCache()).openStore(options, messages::add)) {
            List<MapStats> before = s.cache().stats();
            s.loadBundledSolvers();
            RunOutcome second = s.run(RunPlan.iterations(1), null);
            MapStats score = map(before, s.cache().stats(), "score");
            assertTrue(score.diskHits() > 0, score::toString);
            assertEquals(0, score.misses(), score::toString);
            assertEquals(first.record().summary(), second.record().summary());
            assertEquals(first.predicted().submission().toJson(), second.predicted().submission().toJson());
        } finally {
            Caches.openStore(home).ifPresent(MapDbCache::shutdown);
        }
        assertEquals(List.of(), messages);
    }

    @Test
    void twoIterationsPredictingEachTimeTellEveryStepInOrderAndMakeOneRecord() {
        List<String> told = new ArrayList<>();
        try (Session s = session(new MemoryCache())) {
            RunOutcome o = s.run(new RunPlan(2, null, true), new RunPlan.Listener() {
                @Override
                public void iterated(int number, RunRecord run, boolean cut) {
                    told.add("iteration " + number + (cut ? " cut" : "") + ": " + run.phases().size() + " phases");
                }

                @Override
                public void predicted(Predicted p) {
                    told.add("predicted");
                }
            });
            assertEquals(List.of("predicted", "iteration 1: 7 phases", "predicted", "iteration 2: 7 phases", "predicted"), told);
            assertEquals(2, o.iterations());
            assertFalse(o.budgetSpent());
            assertEquals(2, s.history().size(), "each iteration is a run of the session's history");
            List<PhaseRecord> phases = o.record().phases();
            assertEquals(15, phases.size());
            assertEquals("predict", phases.get(14).phase());
            assertEquals(List.of(1, 2), phases.subList(0, 14).stream().map(PhaseRecord::iteration).distinct().toList());
            assertSame(o.predicted(), s.predicted().orElseThrow(), "the last prediction is the session's predict result");
            assertEquals(6L, o.record().summary().get("tasks"));
            assertEquals((long) s.library().perfectTasks(), o.record().summary().get("tasks with a demo-perfect program"));
            assertEquals((long) o.predicted().predicted(), o.record().summary().get("test outputs predicted"));
        }
    }

    @Test
    void withoutAnIterationLimitTheBudgetDecidesHowManyRun() {
        AtomicLong now = new AtomicLong();
        Budget budget = Budget.start(Duration.ofSeconds(10), now::get);
        List<Integer> iterations = new ArrayList<>();
        try (Session s = session(new MemoryCache())) {
            RunOutcome o = s.run(new RunPlan(null, budget, false), new RunPlan.Listener() {
                @Override
                public void iterated(int number, RunRecord run, boolean cut) {
                    iterations.add(number);
                    assertFalse(cut);
                    now.addAndGet(number == 2 ? 6 * SECOND : 5 * SECOND);
                }
            });
            assertEquals(List.of(1, 2), iterations, "5 s, then 11 s of the 10 s budget had passed");
            assertEquals(2, o.iterations());
            assertTrue(o.budgetSpent());
            assertFalse(o.predicted().timing().partial(), "predict runs whole after the budget");
        }
    }

    @Test
    void anIterationLimitStopsFirstAndNoIterationsStillPredicts() {
        try (Session s = session(new MemoryCache())) {
            RunOutcome o = s.run(new RunPlan(1, Budget.start(Duration.ofHours(1), () -> 0L), false), null);
            assertEquals(1, o.iterations());
            assertFalse(o.budgetSpent());
            RunOutcome none = s.run(RunPlan.iterations(0), null);
            assertEquals(0, none.iterations());
            assertEquals(List.of("predict"), none.record().phases().stream().map(PhaseRecord::phase).toList());
            assertEquals(0, none.record().config().iterations(), none.record().config().toString());
            assertEquals(1, s.history().size(), "no iteration, no run in the history");
        }
        assertThrows(IllegalArgumentException.class, () -> RunPlan.iterations(-1));
    }

    @Test
    void theDeadlineFallingInsideScoreCutsTheIterationAndItIsTheLast() {
        AtomicLong now = new AtomicLong();
        Budget budget = Budget.start(Duration.ofSeconds(10), now::get);
        List<String> told = new ArrayList<>();
        try (Session s = session(new MemoryCache())) {
            RunOutcome o = s.run(new RunPlan(5, budget, false), new RunPlan.Listener() {
                @Override
                public void progress(Progress p) {
                    if (p.phase().equals("score")) {
                        now.set(10 * SECOND); // the deadline passes while score runs
                    }
                }

                @Override
                public void iterated(int number, RunRecord run, boolean cut) {
                    told.add("iteration " + number + (cut ? " cut" : ""));
                }
            });
            assertEquals(List.of("iteration 1 cut"), told);
            assertEquals(1, o.iterations());
            assertTrue(o.budgetSpent());
            PhaseRecord score = o.record().phases().stream().filter(p -> p.phase().equals("score")).findFirst().orElseThrow();
            assertTrue(score.partial(), "score was cancelled at the deadline");
            assertFalse(o.predicted().timing().partial());
            assertEquals(tasks().size(), o.predicted().tasks().size(), "the prediction covers every task");
        }
    }

    /** A distributor that runs nothing remotely: it counts its calls and whether it was closed. */
    static final class FakeNode implements Distributor, AutoCloseable {
        final AtomicInteger maps = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public WorkerPool.Mapped<byte[]> map(RemoteWork.Kind kind, List<byte[]> parts, List<byte[]> items,
                AtomicBoolean cancelled, PhaseTimer timer) {
            maps.incrementAndGet();
            Map<String, Object> decoded = new HashMap<>();
            RemoteWork.Parts p = new RemoteWork.Parts() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> T get(int index, String as, Function<byte[], T> decode) {
                    return (T) decoded.computeIfAbsent(index + as, k -> decode.apply(parts.get(index)));
                }
            };
            List<byte[]> results = new ArrayList<>();
            for (byte[] item : items) {
                results.add(RemoteWork.run(kind, p, item));
            }
            return new WorkerPool.Mapped<>(results, false);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void aJoinedNodeRunsTheParallelPhasesUntilTheSessionClosesAndIsClosedWithIt() {
        FakeNode node = new FakeNode();
        RunOutcome local;
        try (Session s = session(new MemoryCache())) {
            local = s.run(RunPlan.iterations(1), null);
        }
        try (Session s = session(new MemoryCache())) {
            s.join(node);
            assertSame(node, s.joined().orElseThrow());
            assertThrows(IllegalStateException.class, () -> s.join(new FakeNode()), "one cluster at a time");
            RunOutcome joined = s.run(RunPlan.iterations(1), null);
            assertTrue(node.maps.get() > 0, "score, validate and differs went through the node");
            assertEquals(local.record().summary(), joined.record().summary());
            assertEquals(local.predicted().submission().toJson(), joined.predicted().submission().toJson());
            assertFalse(node.closed.get());
        }
        assertTrue(node.closed.get(), "closing the session left the cluster");
    }
}
