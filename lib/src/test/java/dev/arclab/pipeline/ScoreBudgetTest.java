package dev.arclab.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.PhaseResults.Iteration;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PhaseResults.TaskScores;
import dev.arclab.program.Outcome;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adaptive fuel budgets and early exit in score. */
class ScoreBudgetTest {

    static final String PARENT = """
            def solve_74dd1130(I):
                O = dmirror(I)
                return O
            """;
    /** Costs far more than its parent: 1000 quarter turns (the identity, so it runs fine given the fuel). */
    static final String HEAVY = """
            def solve_74dd1130(I):
                x1 = power(rot90, 1000)
                O = x1(I)
                return O
            """;

    static TaskSet oneTask() {
        return PipelineTest.tasks().filter(t -> t.id().equals("74dd1130"));
    }

    /** Scores the given members (program text, parent index or -1) on task 74dd1130. */
    static Scored score(PipelineConfig config, String[] texts, int[] parents) {
        try (Pipeline p = new Pipeline(oneTask(), config)) {
            ProgramParser parser = new ProgramParser(p.nodeTable());
            List<Program> programs = new ArrayList<>();
            List<Batch.Member> members = new ArrayList<>();
            for (int k = 0; k < texts.length; k++) {
                Program prog = parser.parseProgram(texts[k]).withTaskId("74dd1130");
                programs.add(prog);
                Origin origin = parents[k] < 0 ? Origin.file("test")
                        : Origin.mutant(programs.get(parents[k]).hash().hex(), "test");
                members.add(new Batch.Member(prog, "74dd1130", origin));
            }
            Scored first = p.score(new Generated(new Batch(members), List.of("74dd1130"), null));
            Scored again = p.score(new Generated(new Batch(members), List.of("74dd1130"), null));
            assertEquals(render(first), render(again), "results served from the score cache are the same");
            return first;
        }
    }

    static List<String> render(Scored s) {
        List<String> out = new ArrayList<>();
        for (TaskScores t : s.tasks()) {
            for (SampleResult[] member : t.results()) {
                StringBuilder sb = new StringBuilder(t.task());
                for (SampleResult r : member) {
                    sb.append(' ').append(r == null ? "skipped" : r.status() + "/" + r.match() + "/" + r.fuel());
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void aMutantsBudgetIsItsParentsFuelOnTheSampleTimesTheFactor() {
        PipelineConfig config = PipelineTest.config(1).withAdaptiveFuel(10, 50, 5_000);
        Scored s = score(config, new String[] {PARENT, HEAVY}, new int[] {-1, 0});
        TaskScores t = s.tasks().get(0);
        for (int k = 0; k < t.expected().length; k++) {
            SampleResult parent = t.results()[0][k];
            SampleResult mutant = t.results()[1][k];
            assertEquals(Outcome.Status.OK, parent.status());
            assertTrue(parent.match());
            assertEquals(Outcome.Status.TIMEOUT, mutant.status(), "sample " + k);
            assertEquals(Math.max(50, 10 * parent.fuel()), mutant.fuel(), "the budget it ran out of");
        }
        assertEquals(t.expected().length, s.timing().counter("timeouts.mutate"), "timeouts counted per strategy");
        assertEquals(t.expected().length, s.timing().counter("timeouts"));
    }

    @Test
    void withoutAParentInTheBatchTheBudgetFollowsTheTasksGridSizes() {
        // 74dd1130's grids are 3x3: 9 cells. The heavy program needs about 10 per quarter turn.
        Scored roomy = score(PipelineTest.config(1).withAdaptiveFuel(10, 50, 5_000), new String[] {HEAVY}, new int[] {-1});
        Scored tight = score(PipelineTest.config(1).withAdaptiveFuel(10, 50, 100), new String[] {HEAVY}, new int[] {-1});
        for (SampleResult r : roomy.tasks().get(0).results()[0]) {
            assertEquals(Outcome.Status.OK, r.status());
            assertTrue(r.fuel() > 900 && r.fuel() <= 45_000, "fuel " + r.fuel());
        }
        for (SampleResult r : tight.tasks().get(0).results()[0]) {
            assertEquals(Outcome.Status.TIMEOUT, r.status());
            assertEquals(900, r.fuel());
        }
    }

    @Test
    void aMembersOutcomeDoesNotDependOnWhatElseIsInTheBatch() {
        PipelineConfig config = PipelineTest.config(1).withAdaptiveFuel(10, 50, 5_000);
        // The heavy mutant's budget is 10x its parent's fuel (about 100); a fresh twin gets 5000 per cell and
        // shares the heavy node, which therefore runs to the end under the twin's budget.
        String roomyTwin = """
                def solve_74dd1130(I):
                    x1 = power(rot90, 1000)
                    x2 = x1(I)
                    O = dmirror(x2)
                    return O
                """;
        Scored alone = score(config, new String[] {PARENT, HEAVY}, new int[] {-1, 0});
        Scored shared = score(config, new String[] {PARENT, roomyTwin, HEAVY}, new int[] {-1, -1, 0});
        for (SampleResult r : shared.tasks().get(0).results()[1]) {
            assertEquals(Outcome.Status.OK, r.status(), "the twin has room");
        }
        assertEquals(render(alone).get(1), render(shared).get(2));
        assertTrue(render(alone).get(1).contains("TIMEOUT"));
    }

    /**
     * The fuel of what score ran (not what its cache served) is counted: the benchmarks' measure of the work
     * that does not depend on the machine.
     */
    @Test
    void scoreCountsTheFuelOfWhatItRanNotOfWhatTheCacheServed() {
        try (Pipeline p = new Pipeline(oneTask(), PipelineTest.config(1).withAdaptiveFuel(10, 50, 5_000))) {
            ProgramParser parser = new ProgramParser(p.nodeTable());
            Program parent = parser.parseProgram(PARENT).withTaskId("74dd1130");
            Program heavy = parser.parseProgram(HEAVY).withTaskId("74dd1130");
            Batch batch = new Batch(List.of(new Batch.Member(parent, "74dd1130", Origin.file("test")),
                    new Batch.Member(heavy, "74dd1130", Origin.file("test"))));
            Scored first = p.score(new Generated(batch, List.of("74dd1130"), null));
            long sum = 0;
            for (SampleResult[] member : first.tasks().get(0).results()) {
                for (SampleResult r : member) {
                    sum += r.fuel();
                }
            }
            assertTrue(sum > 0);
            assertEquals(sum, first.timing().counter("fuel run"));
            Scored again = p.score(new Generated(batch, List.of("74dd1130"), null));
            assertEquals(0, again.timing().counter("fuel run"), "everything came from the cache");
        }
    }

    @Test
    void adaptiveFuelOffGivesTheOldPerNodeBudget() {
        Scored s = score(PipelineTest.config(1).withAdaptiveFuel(0, 1, 1), new String[] {PARENT, HEAVY}, new int[] {-1, 0});
        for (SampleResult r : s.tasks().get(0).results()[1]) {
            assertEquals(Outcome.Status.OK, r.status());
        }
        assertEquals(0, s.timing().counter("timeouts"));
    }

    /**
     * Early exit on the library of a longer run: one iteration with and without it gives the same library,
     * the same results on every sample it ran, and skips only (member, task) pairs that could not be kept.
     */
    @Test
    void earlyExitKeepsTheSameLibraryAsScoringEverything() {
        TaskSet set = PipelineTest.tasks();
        PipelineConfig base = PipelineTest.config(2).withKeepPerTask(2).withEarlyExit(false);
        List<LibraryEntry> saved;
        try (Pipeline p = new Pipeline(set, base)) {
            p.loadLibrary(PipelineTest.halfTheSolvers());
            p.iterate(5);
            saved = p.library().all();
        }
        After without = oneIterationFrom(saved, set, base);
        After with = oneIterationFrom(saved, set, base.withEarlyExit(true));
        long skipped = with.iteration().scored().timing().counter("samples skipped");
        assertTrue(skipped > 0, "the long run's library has full task lists, so some members stop early");
        assertEquals(0, without.iteration().scored().timing().counter("samples skipped"));
        assertEquals(with.iteration().generated().batch().members().stream().map(Batch.Member::hash).toList(),
                without.iteration().generated().batch().members().stream().map(Batch.Member::hash).toList());
        long nulls = 0;
        for (int t = 0; t < with.iteration().scored().tasks().size(); t++) {
            TaskScores w = with.iteration().scored().tasks().get(t);
            TaskScores all = without.iteration().scored().tasks().get(t);
            List<LibraryEntry> kept = saved.stream().filter(e -> e.task().equals(w.task())).toList();
            int need = kept.size() >= 2 ? Math.max(1, kept.get(kept.size() - 1).matched()) : 1;
            for (int m = 0; m < w.results().length; m++) {
                boolean stopped = false;
                for (int k = 0; k < w.results()[m].length; k++) {
                    SampleResult r = w.results()[m][k];
                    if (r == null) {
                        stopped = true;
                        nulls++;
                    } else {
                        assertEquals(all.results()[m][k], r, "same result where it ran");
                    }
                }
                if (stopped) {
                    assertTrue(all.matched(m) < need, w.task() + ": a member stopped early matches fewer samples ("
                            + all.matched(m) + ") than the library's worst kept program (" + need + ")");
                }
            }
        }
        assertEquals(skipped, nulls, "every skipped sample is left without a result");
        assertEquals(render(without.iteration().saved().added()), render(with.iteration().saved().added()));
        assertEquals(render(without.library()), render(with.library()));
    }


    /** A batch run member group by group (as score does for parents, then mutants) gives each member what one pass gives. */
    @Test
    void aRunEvaluatedGroupByGroupGivesWhatOnePassGives() {
        List<Batch.Member> members = new ArrayList<>();
        for (Program p : dev.arclab.program.BundledSolvers.parse().programs()) {
            members.add(new Batch.Member(p, p.taskId(), Origin.file("test")));
        }
        Batch batch = new Batch(members);
        int groups = 3;
        long checked = 0;
        for (dev.arclab.task.Task task : PipelineTest.tasks()) {
            dev.arclab.dsl.Grid input = task.demo().get(0).input();
            Batch.Evaluation once = batch.evaluate(input, null, 1_000_000);
            Batch.Run run = batch.start(input, 1_000_000, null);
            for (int g = 0; g < groups; g++) {
                java.util.BitSet group = new java.util.BitSet();
                for (int m = g; m < batch.size(); m += groups) {
                    group.set(m);
                }
                Batch.Evaluation part = run.evaluate(group, null);
                for (int m = group.nextSetBit(0); m >= 0; m = group.nextSetBit(m + 1)) {
                    assertEquals(once.status()[m], part.status()[m], task.id() + " member " + m);
                    assertEquals(once.fuel()[m], part.fuel()[m], task.id() + " member " + m);
                    assertTrue(dev.arclab.dsl.Values.equal(once.values()[m], part.values()[m]) || once.values()[m] == part.values()[m],
                            task.id() + " member " + m);
                    checked++;
                }
            }
            assertTrue(run.nodesRun() <= batch.nodesAfter(), "each node ran once: " + run.nodesRun());
        }
        assertEquals((long) batch.size() * PipelineTest.tasks().size(), checked);
    }

    @Test
    void aRunRefusesMembersItWasNotStartedFor() {
        List<Batch.Member> members = new ArrayList<>();
        for (Program p : dev.arclab.program.BundledSolvers.parse().programs().subList(0, 3)) {
            members.add(new Batch.Member(p, p.taskId(), Origin.file("test")));
        }
        Batch batch = new Batch(members);
        java.util.BitSet first = new java.util.BitSet();
        first.set(0);
        Batch.Run run = batch.start(PipelineTest.tasks().iterator().next().demo().get(0).input(), 1_000, first);
        java.util.BitSet second = new java.util.BitSet();
        second.set(1);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> run.evaluate(second, null));
        assertTrue(e.getMessage().contains("{1}"), e.getMessage());
    }

    /** One iteration and the library after it. */
    record After(Iteration iteration, List<LibraryEntry> library) {
    }

    private static After oneIterationFrom(List<LibraryEntry> saved, TaskSet set, PipelineConfig config) {
        try (Pipeline p = new Pipeline(set, config)) {
            for (LibraryEntry e : saved) {
                Program copy = Program.of(e.program().taskId(), p.nodeTable().adopt(e.program().root()));
                assertTrue(p.library().offer(new LibraryEntry(e.task(), copy, e.score(), e.matched(), e.total(), e.fuel(),
                        e.nanos(), e.origin())));
            }
            Iteration it = p.runOnce();
            return new After(it, p.library().all());
        }
    }

    private static List<String> render(List<LibraryEntry> entries) {
        return entries.stream().map(e -> e.task() + ":" + e.hash() + ":" + e.matched() + ":" + e.fuel()).toList();
    }
}
