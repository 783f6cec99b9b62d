package dev.arclab.pipeline;

import dev.arclab.work.WorkerPool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.cache.CorruptEntryException;
import dev.arclab.pipeline.PhaseResults.Iteration;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The distributed path of the parallel phases without a cluster: a distributor that runs the encoded
 * items through {@link RemoteWork#run} in this JVM, with the parts decoded from their bytes. Everything
 * the pipeline decides is the same as on the local pool.
 */
class RemoteWorkTest {

    /** Every item through bytes: parts decoded once each, as a worker does. */
    static final class InProcess implements Distributor {
        final List<RemoteWork.Kind> kinds = new ArrayList<>();
        int items;

        @Override
        public WorkerPool.Mapped<byte[]> map(RemoteWork.Kind kind, List<byte[]> parts, List<byte[]> items,
                java.util.concurrent.atomic.AtomicBoolean cancelled, dev.arclab.profile.PhaseTimer timer) {
            kinds.add(kind);
            this.items += items.size();
            Map<String, Object> decoded = new HashMap<>();
            RemoteWork.Parts p = new RemoteWork.Parts() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> T get(int index, String as, Function<byte[], T> decode) {
                    return (T) decoded.computeIfAbsent(index + as, k -> decode.apply(parts.get(index).clone()));
                }
            };
            List<byte[]> out = new ArrayList<>();
            for (byte[] item : items) {
                out.add(RemoteWork.run(kind, p, item.clone()));
            }
            return new WorkerPool.Mapped<>(out, false);
        }
    }

    static List<String> twoIterations(TaskSet set, Distributor d) {
        try (Pipeline p = new Pipeline(set, PipelineTest.config(2))) {
            p.loadLibrary(PipelineTest.halfTheSolvers());
            p.distributeTo(d);
            List<Iteration> its = List.of(p.runOnce(), p.runOnce());
            return PipelineTest.signature(p, its);
        }
    }

    @Test
    void throughBytesTheRunDecidesTheSameAsOnThePool() {
        TaskSet set = PipelineTest.tasks();
        InProcess d = new InProcess();
        assertEquals(twoIterations(set, null), twoIterations(set, d));
        assertTrue(d.kinds.containsAll(List.of(RemoteWork.Kind.SCORE, RemoteWork.Kind.VALIDATE, RemoteWork.Kind.DIFFERS)),
                d.kinds.toString());
        assertTrue(d.items > 0);
    }

    /**
     * Early exit and adaptive fuel through bytes: with one program kept per task, the loaded solvers fill
     * the lists, so members stop early on those tasks; mutants take their budgets from their parents on the
     * worker. Everything decided, and the samples skipped, are the same as on the pool.
     */
    @Test
    void earlyExitAndParentBudgetsThroughBytesDecideTheSameAsOnThePool() {
        TaskSet set = PipelineTest.tasks();
        PipelineConfig config = PipelineTest.config(2).withKeepPerTask(1);
        List<String> local;
        long skippedLocal;
        try (Pipeline p = new Pipeline(set, config)) {
            p.loadLibrary(PipelineTest.halfTheSolvers());
            List<Iteration> its = List.of(p.runOnce(), p.runOnce());
            skippedLocal = its.stream().mapToLong(i -> i.scored().timing().counter("samples skipped")).sum();
            local = PipelineTest.signature(p, its);
        }
        InProcess d = new InProcess();
        try (Pipeline p = new Pipeline(set, config)) {
            p.loadLibrary(PipelineTest.halfTheSolvers());
            p.distributeTo(d);
            List<Iteration> its = List.of(p.runOnce(), p.runOnce());
            assertEquals(local, PipelineTest.signature(p, its));
            assertEquals(skippedLocal, its.stream().mapToLong(i -> i.scored().timing().counter("samples skipped")).sum());
        }
        assertTrue(skippedLocal > 0, "full lists: some members stopped early");
    }

    @Test
    void theSecondRunOfABatchSendsOnlyWhatTheCacheLacks() {
        TaskSet set = PipelineTest.tasks();
        InProcess d = new InProcess();
        try (Pipeline p = new Pipeline(set, PipelineTest.config(2))) {
            p.loadLibrary(PipelineTest.halfTheSolvers());
            p.distributeTo(d);
            PhaseResults.Generated g = p.generate();
            PhaseResults.Scored first = p.score(g);
            int sent = d.items;
            assertTrue(sent > 0);
            PhaseResults.Scored again = p.score(g);
            assertEquals(sent, d.items, "every result of the second score came from the cache");
            for (int t = 0; t < first.tasks().size(); t++) {
                assertEquals(java.util.Arrays.deepToString(first.tasks().get(t).results()),
                        java.util.Arrays.deepToString(again.tasks().get(t).results()));
            }
        }
    }

    @Test
    void aBadItemIsRefusedWithWhatIsWrong() {
        TaskSet set = PipelineTest.tasks();
        byte[] tasks = RemoteWork.tasksPart(set.tasks());
        RemoteWork.Parts p = new RemoteWork.Parts() {
            @Override
            public <T> T get(int index, String as, Function<byte[], T> decode) {
                return decode.apply(tasks);
            }
        };
        CorruptEntryException e = assertThrows(CorruptEntryException.class,
                () -> RemoteWork.run(RemoteWork.Kind.DIFFERS, p, RemoteWork.differsItem(999, new int[0], new dev.arclab.dsl.Grid[0][])));
        assertEquals("work item: no task 999 of " + set.size(), e.getMessage());
    }

    enum Order { FIRST, SECOND }

    record Knobs(int depth, long budget, double share, boolean deep, String label, Order order) {
    }

    record FewerKnobs(int depth, long budget) {
    }

    record OtherKnobs(int depth, String budget) {
    }

    @Test
    void searchSettingsTravelComponentByComponentAndAMismatchIsNamed() {
        Knobs k = new Knobs(4, 1L << 40, 0.25, true, "a|b", Order.SECOND);
        byte[] item = RemoteWork.searchItem(7, k, 123);
        RemoteWork.SearchItem<Knobs> back = RemoteWork.SearchItem.read(item, Knobs.class);
        assertEquals(7, back.task());
        assertEquals(k, back.settings());
        assertEquals(123, back.nanosLeft());
        // a component the reader has that the writer did not send, or of another type: named
        String missing = assertThrows(CorruptEntryException.class,
                () -> RemoteWork.SearchItem.read(RemoteWork.searchItem(0, new FewerKnobs(1, 2), 0), Knobs.class)).getMessage();
        assertTrue(missing.contains("Knobs.share: missing"), missing);
        String type = assertThrows(CorruptEntryException.class,
                () -> RemoteWork.SearchItem.read(RemoteWork.searchItem(0, new OtherKnobs(1, "x"), 0), FewerKnobs.class)).getMessage();
        assertTrue(type.contains("FewerKnobs.budget: a String, not long"), type);
    }

    @Test
    void aSearchOutcomeAndTheSearchTasksTravelWithoutTestOutputs() {
        RemoteWork.SearchOutcome o = new RemoteWork.SearchOutcome("t1", List.of(new RemoteWork.FoundProgram("def solve_t1(I):\n    O = I\n    return O", 1, false),
                new RemoteWork.FoundProgram("x", 3, true)), 10, 5, 99, "SOLVED");
        assertEquals(o, RemoteWork.SearchOutcome.read(o.encode()));
        assertTrue(o.strong());
        TaskSet set = dev.arclab.task.TaskLoader.bundled().filter(t -> List.of("74dd1130", "9dfd6313", "3c9b0459").contains(t.id()));
        List<dev.arclab.task.Task> back = RemoteWork.readSearchTasks(RemoteWork.searchTasksPart(set.tasks()));
        for (int k = 0; k < 3; k++) {
            dev.arclab.task.Task t = set.tasks().get(k);
            assertEquals(t.withoutTestOutputs(), back.get(k));
            assertTrue(t.test().get(0).hasOutput() && !back.get(k).test().get(0).hasOutput());
        }
    }
}
