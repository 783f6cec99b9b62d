package dev.arclab.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.PhaseResults.Iteration;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.TaskTiming;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.Outcome;
import dev.arclab.program.ParseResult;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PipelineTest {

    /** Pairs of tasks with the same transformation, so one's solver solves the other, plus some others. */
    static final List<String> IDS = List.of("74dd1130", "9dfd6313", "3c9b0459", "6150a2bd", "6fa7a44f", "8be77c9e",
            "6d0aefbc", "c9e6f938", "46442a0e", "7fe24cdd", "d631b094", "be94b721", "a699fb00", "25ff71a9");

    static TaskSet tasks() {
        TaskSet all = TaskLoader.bundled();
        return all.filter(t -> IDS.contains(t.id()));
    }

    /** The bundled solvers of only the first task of each pair (and the odd ones). */
    static ParseResult halfTheSolvers() {
        Set<String> drop = Set.of("9dfd6313", "6150a2bd", "8be77c9e", "c9e6f938", "7fe24cdd");
        ParseResult all = BundledSolvers.parse();
        return new ParseResult(all.file(), all.programs().stream().filter(p -> !drop.contains(p.taskId())).toList(), List.of());
    }

    /** The scoring pipeline's test workload: mutation alone (the search strategies have tests of their own). */
    static PipelineConfig config(int threads) {
        return PipelineConfig.defaults().withStrategies(PipelineConfig.MUTATE_ONLY).withThreads(threads).withSeed(42)
                .withTasksPerBatch(8).withMutation(0.3, 2);
    }

    /** Everything a run decides, without timings: batch members, candidates, library, near misses. */
    static List<String> signature(Pipeline p, List<Iteration> its) {
        List<String> out = new ArrayList<>();
        for (Iteration it : its) {
            out.add("batch " + it.generated().batch().members().stream().map(m -> m.task() + ":" + m.hash() + ":" + m.origin())
                    .collect(Collectors.joining(",")));
            for (PhaseResults.TaskScores t : it.scored().tasks()) {
                StringBuilder sb = new StringBuilder(t.task());
                for (SampleResult[] r : t.results()) {
                    for (SampleResult s : r) {
                        if (s == null) {
                            sb.append("skipped,");
                        } else {
                            sb.append(s.status().ordinal()).append(s.match() ? 'M' : '-').append(s.fuel()).append(',');
                        }
                    }
                }
                out.add(sb.toString());
            }
            out.add("kept " + it.filtered().kept().stream().map(c -> c.task() + ":" + c.hash() + ":" + c.matched()).toList());
            out.add("texts " + it.canonicalized().texts());
            out.add("checked " + it.validated().checked().stream().map(c -> c.candidate().hash() + ":" + c.validation().pairs()
                    + ":" + c.validation().fuel()).toList());
            out.add("added " + it.saved().added().stream().map(e -> e.task() + ":" + e.hash()).toList());
            out.add("near " + it.differed().nearMisses().entrySet().stream().map(e -> e.getKey() + "="
                    + e.getValue().stream().map(n -> n.program().hash() + "@" + n.measures()).toList()).toList());
        }
        out.add("library " + p.library().all().stream().map(e -> e.task() + ":" + e.hash() + ":" + e.score() + ":" + e.fuel()
                + ":" + e.origin()).toList());
        return out;
    }

    static List<String> runTwice(TaskSet set, int threads) {
        try (Pipeline p = new Pipeline(set, config(threads))) {
            p.loadLibrary(halfTheSolvers());
            List<Iteration> its = List.of(p.runOnce(), p.runOnce());
            return signature(p, its);
        }
    }

    @Test
    void sameSeedSameResultsWith1And2And8Threads() {
        TaskSet set = tasks();
        List<String> one = runTwice(set, 1);
        assertEquals(one, runTwice(set, 2));
        assertEquals(one, runTwice(set, 8));
        // and a different seed gives a different batch
        try (Pipeline p = new Pipeline(set, config(2).withSeed(7))) {
            p.loadLibrary(halfTheSolvers());
            assertNotEquals(one.get(0), signature(p, List.of(p.runOnce())).get(0));
        }
    }

    @Test
    void aProgramPickedForOneTaskIsKeptForAnotherItSolves() {
        try (Pipeline p = new Pipeline(tasks(), config(2).withTasksPerBatch(32))) {
            p.loadLibrary(halfTheSolvers());
            assertTrue(p.library().entries("9dfd6313").isEmpty());
            Iteration it = p.runOnce();
            LibraryEntry found = p.library().best("9dfd6313").orElseThrow();
            assertEquals(1.0, found.score());
            assertEquals(Origin.Kind.FOUND, found.origin().kind());
            assertTrue(found.origin().detail().contains("74dd1130"), found.origin().toString());
            assertTrue(it.saved().added().stream().anyMatch(e -> e.task().equals("9dfd6313")));
            // the library entry is stored under the task it solves
            assertEquals("9dfd6313", found.program().taskId());
        }
    }

    @Test
    void testOutputsAreNotReadBeforePredict() {
        TaskSet set = tasks();
        List<Task> corrupted = new ArrayList<>();
        for (Task t : set) {
            List<Example> test = t.test().stream().map(e -> new Example(e.input(), Grid.filled(2, 2, 7))).toList();
            corrupted.add(new Task(t.id(), t.demo(), test));
        }
        TaskSet bad = new TaskSet("corrupted", corrupted);
        assertEquals(runTwice(set, 2), runTwice(bad, 2));
        try (Pipeline good = new Pipeline(set, config(2)); Pipeline worse = new Pipeline(bad, config(2))) {
            good.loadLibrary(halfTheSolvers());
            worse.loadLibrary(halfTheSolvers());
            good.runOnce();
            worse.runOnce();
            PhaseResults.Predicted a = good.predict();
            PhaseResults.Predicted b = worse.predict();
            assertTrue(a.predicted() > 0);
            assertEquals(0, b.predicted(), "the corrupted test outputs are what predict checks against");
            assertEquals(a.submission(), b.submission(), "same programs, same attempts");
        }
    }

    @Test
    void aRunawayProgramTimesOutWithoutHurtingTheOthers() {
        ProgramParser parser = new ProgramParser();
        ParseResult parsed = parser.parse("runaway.py", """
                def solve_74dd1130(I):
                    O = dmirror(I)
                    return O

                def solve_3c9b0459(I):
                    x1 = power(rot90, 100000000)
                    O = x1(I)
                    return O
                """);
        TaskSet set = tasks().filter(t -> t.id().equals("74dd1130") || t.id().equals("3c9b0459"));
        try (Pipeline p = new Pipeline(set, config(2).withFuel(200_000).withMutation(0, 0)
                .withStrategies(dev.arclab.pipeline.strategy.StrategyShare.parse("mutate")))) {
            p.loadLibrary(parsed);
            Generated g = p.generate();
            Scored s = p.score(g);
            int runaway = -1;
            int good = -1;
            for (int m = 0; m < g.batch().size(); m++) {
                if (g.batch().members().get(m).task().equals("3c9b0459")) {
                    runaway = m;
                } else {
                    good = m;
                }
            }
            for (PhaseResults.TaskScores t : s.tasks()) {
                for (SampleResult r : t.results()[runaway]) {
                    assertEquals(Outcome.Status.TIMEOUT, r.status());
                }
                if (t.task().equals("74dd1130")) {
                    assertEquals(t.expected().length, t.matched(good));
                }
            }
            assertTrue(s.timing().counter("timeouts") > 0);
        }
    }

    @Test
    void cancelStopsTheRunningPhaseAndReturnsThePartMarkedPartial() {
        TaskSet all = TaskLoader.bundled();
        try (Pipeline p = new Pipeline(all, config(2).withTasksPerBatch(39))) {
            p.loadLibrary(BundledSolvers.parse());
            Generated g = p.generate();
            long[] cancelledAt = new long[1];
            p.onProgress(pr -> {
                if (pr.phase().equals("score") && pr.done() == 50) {
                    cancelledAt[0] = System.nanoTime();
                    p.cancel();
                }
            });
            Scored s = p.score(g);
            long returned = System.nanoTime();
            assertTrue(s.timing().partial());
            long scored = s.tasks().stream().flatMap(t -> java.util.Arrays.stream(t.results()[0])).filter(r -> r != null).count();
            assertTrue(scored >= 50 && scored < 1302, "finished part kept, the rest skipped: " + scored);
            assertTrue(returned - cancelledAt[0] < 1_000_000_000L, "stopped within a second");
            // the next phase called on its own runs normally
            p.onProgress(null);
            assertFalse(p.score(g).timing().partial());
        }
    }

    @Test
    void timingInvariantsOfAParallelPhase() {
        try (Pipeline p = new Pipeline(TaskLoader.bundled(), config(2).withTasksPerBatch(39))) {
            p.loadLibrary(BundledSolvers.parse());
            Iteration it = p.runOnce();
            for (PhaseRecord r : it.timings()) {
                assertTrue(r.busyNanos() >= r.longestItemNanos(), r.phase());
                assertTrue(r.busyNanos() <= (long) r.threads() * r.wallNanos() + 5_000_000L, r.phase() + " busy <= threads x wall");
                assertEquals(r.busyNanos(), r.tasks().stream().mapToLong(TaskTiming::busyNanos).sum(), r.phase());
                assertEquals(r.cpuNanos(), r.tasks().stream().mapToLong(TaskTiming::cpuNanos).sum(), r.phase());
                assertEquals(r.items(), r.tasks().stream().mapToInt(TaskTiming::items).sum(), r.phase());
            }
            PhaseRecord score = it.scored().timing();
            assertEquals(1302, score.items());
            assertEquals(400, score.tasks().size());
            assertEquals(2, score.threads());
            assertTrue(score.itemTimings().stream().allMatch(t -> t.worker() >= 0 && t.worker() < 2), "items ran on the 2 workers");
            assertTrue(score.counter("candidates") > 0);
            assertEquals(List.of(), p.history(), "runOnce is one iteration, not a run: nothing joins the history");
        }
    }

    @Test
    void scoringTheSameBatchAgainHitsTheCacheWithIdenticalResultsAndCountsTheSavedTime() {
        try (Pipeline p = new Pipeline(tasks(), config(2))) {
            p.loadLibrary(halfTheSolvers());
            Generated g = p.generate();
            Scored first = p.score(g);
            Scored second = p.score(g);
            assertEquals(0, first.timing().counter("cache.score.hits"));
            assertEquals(first.timing().counter("samples") * g.batch().size(), second.timing().counter("cache.score.hits"));
            assertEquals(0, second.timing().counter("cache.score.misses"));
            assertTrue(second.timing().counter("cache.score.savedNanos") > 0);
            assertEquals(signatureOfScores(first), signatureOfScores(second), "a hit gives the same results");
        }
    }

    private static List<String> signatureOfScores(Scored scored) {
        List<String> out = new ArrayList<>();
        for (PhaseResults.TaskScores t : scored.tasks()) {
            for (SampleResult[] r : t.results()) {
                for (SampleResult s : r) {
                    out.add(t.task() + s.status() + s.match() + s.fuel());
                }
            }
        }
        return out;
    }

    @Test
    void aProgramForATaskNotInTheSetIsKeptWithUnknownScoreAndCanBePicked() {
        ParseResult parsed = new ProgramParser().parse("extra.py", """
                def solve_00000000(I):
                    O = dmirror(I)
                    return O
                """);
        try (Pipeline p = new Pipeline(tasks(), config(1).withMutation(0, 0))) {
            p.loadLibrary(parsed);
            LibraryEntry e = p.library().best("00000000").orElseThrow();
            assertTrue(Double.isNaN(e.score()));
            assertNull(p.library().best("74dd1130").orElse(null));
            p.runOnce();
            assertEquals(1.0, p.library().best("74dd1130").orElseThrow().score(), "found by the unknown-task program");
        }
    }
}
