package dev.arclab.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Solvers here use only the builder primitives; power(I, ONE) is the identity. */
class SolverRunTest {

    static final String SOLVERS = """
            from dsl import *

            def solve_id01(I):
                O = power(I, ONE)
                return O

            def solve_id02(I):
                x1 = rbind(power, ONE)
                O = x1(I)
                return O

            def solve_err1(I):
                x1 = power(I, ONE)
                O = power(x1, ZERO)
                return O

            def solve_slow(I):
                x1 = rbind(power, ONE)
                x2 = power(x1, 100000000)
                O = x2(I)
                return O

            def solve_wrong(I):
                O = power(I, ONE)
                return O

            def solve_gone(I):
                O = power(I, ONE)
                return O
            """;

    static Grid grid(int... cells) {
        return Grid.wrap(1, cells.length, cells.clone());
    }

    static Task identityTask(String id) {
        return new Task(id, List.of(new Example(grid(1, 2), grid(1, 2)), new Example(grid(3), grid(3))),
                List.of(new Example(grid(4, 4), grid(4, 4)), new Example(grid(5), null)));
    }

    /** Tasks in a scrambled order: id01 id02 err1 slow wrong (solvers), none (no solver). */
    static List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        tasks.add(identityTask("wrong"));
        tasks.add(new Task("wrong", List.of(new Example(grid(1, 2), grid(2, 1))), List.of(new Example(grid(7), grid(7)))));
        tasks.remove(0);
        tasks.add(identityTask("id02"));
        tasks.add(identityTask("slow"));
        tasks.add(identityTask("none"));
        tasks.add(identityTask("err1"));
        tasks.add(identityTask("id01"));
        return tasks;
    }

    static Map<String, Program> solvers() {
        ParseResult r = new ProgramParser().parse("solvers.py", SOLVERS);
        assertEquals(List.of(), r.errors());
        return r.byTaskId();
    }

    @Test
    void statusesPerTaskAndPairInTaskIdOrder() {
        SolverRunResult r = new SolverRun(new Interpreter(100_000), 2).run(solvers(), tasks());
        assertEquals(List.of("err1", "id01", "id02", "slow", "wrong"), r.tasks().stream().map(TaskResult::taskId).toList());
        assertEquals(List.of(TaskResult.Status.ERROR, TaskResult.Status.SOLVED, TaskResult.Status.SOLVED,
                TaskResult.Status.TIMEOUT, TaskResult.Status.WRONG), r.tasks().stream().map(TaskResult::status).toList());
        assertEquals(List.of("none"), r.tasksWithoutSolver());
        assertEquals(List.of("gone"), r.solversWithoutTask());

        TaskResult id01 = r.tasks().get(1);
        assertEquals(List.of(PairResult.Status.MATCH, PairResult.Status.MATCH, PairResult.Status.MATCH,
                PairResult.Status.UNCHECKED), id01.pairs().stream().map(PairResult::status).toList());
        assertEquals(3, id01.pairsChecked());
        assertTrue(id01.pairs().stream().allMatch(p -> p.fuel() == 1 && p.nanos() > 0));

        PairResult err = r.tasks().get(0).pairs().get(0);
        assertEquals("O", err.variable());
        assertEquals(14, err.line());
        assertTrue(err.message().contains("power needs a positive count"));

        PairResult slow = r.tasks().get(3).pairs().get(3);
        assertEquals(PairResult.Status.TIMEOUT, slow.status());
        assertFalse(slow.checked(), "a test pair without output is not checked, even when it fails");

        TaskResult wrong = r.tasks().get(4);
        assertEquals(PairResult.Status.MISMATCH, wrong.pairs().get(0).status());
        assertEquals("2 of 2 cells differ", wrong.pairs().get(0).message());
        assertEquals(PairResult.Status.MATCH, wrong.pairs().get(1).status());

        // 2 solved of the 5 tasks that have a solver; pairs with known output: 3+3+3+3+2
        assertEquals("2 out of 5 tasks solved (7 of 14 pairs)", r.summaryLine());
        assertFalse(r.partial());
    }

    @Test
    void oneSolversErrorDoesNotStopTheOthers() {
        SolverRunResult r = new SolverRun(1).run(solvers(), List.of(identityTask("err1"), identityTask("id01")));
        assertEquals(TaskResult.Status.ERROR, r.tasks().get(0).status());
        assertEquals(TaskResult.Status.SOLVED, r.tasks().get(1).status());
    }

    @Test
    void reportListsFailingTasksAndEndsWithTheSummary() {
        SolverRunResult r = new SolverRun(new Interpreter(100_000), 2).run(solvers(), tasks());
        List<String> lines = r.report().lines().toList();
        assertEquals(r.summaryLine(), lines.get(lines.size() - 1));
        assertTrue(Pattern.matches("\\d+ out of \\d+ tasks solved \\(\\d+ of \\d+ pairs\\)", lines.get(lines.size() - 1)));
        assertEquals("err1 error   demo 0 error at O (line 14): power needs a positive count, got 0; demo 1 error at O (line 14):"
                + " power needs a positive count, got 0; test 0 error at O (line 14): power needs a positive count, got 0;"
                + " test 1 error at O (line 14): power needs a positive count, got 0", lines.get(0));
        assertTrue(lines.get(1).startsWith("slow timeout demo 0 timeout at O (line 20): out of fuel"), lines.get(1));
        assertEquals("wrong wrong   demo 0 mismatch: 2 of 2 cells differ", lines.get(2));
        assertEquals("1 task without a solver skipped", lines.get(3));
        assertEquals("1 solver for tasks not loaded: gone", lines.get(4));
        assertEquals(6, lines.size());
    }

    @Test
    void resultsAreTheSameWithOneAndFourThreads() {
        Map<String, Program> solvers = solvers();
        List<Task> many = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            for (Task t : tasks()) {
                many.add(new Task(String.format("%02d", k) + t.id(), t.demo(), t.test()));
            }
        }
        Collections.shuffle(many, new java.util.Random(7));
        Map<String, Program> renamed = new java.util.HashMap<>();
        for (int k = 0; k < 40; k++) {
            for (Map.Entry<String, Program> e : solvers.entrySet()) {
                String id = String.format("%02d", k) + e.getKey();
                renamed.put(id, e.getValue().withTaskId(id));
            }
        }
        SolverRunResult one = new SolverRun(new Interpreter(50_000), 1).run(renamed, many);
        SolverRunResult four = new SolverRun(new Interpreter(50_000), 4).run(renamed, many);
        assertEquals(200, one.tasks().size());
        assertEquals(one.outcomes(), four.outcomes());
        assertEquals(one.report(), four.report());
        assertEquals(4, four.threads());
    }

    @Test
    void passesOfOnePlanOnOnePoolGiveTheResultsOfARunAtAnyThreadCount() {
        SolverRunResult once = new SolverRun(new Interpreter(100_000), 1).run(solvers(), tasks());
        SolverRun.Plan plan = SolverRun.plan(solvers(), tasks());
        assertEquals(once.tasks().stream().map(TaskResult::taskId).toList(),
                plan.tasks().stream().map(Task::id).toList());
        assertEquals(once.tasksWithoutSolver(), plan.withoutSolver());
        assertEquals(once.solversWithoutTask(), plan.withoutTask());
        for (int threads : new int[] {1, 2, 3}) {
            SolverRun runner = new SolverRun(new Interpreter(100_000), threads);
            try (dev.arclab.work.WorkerPool pool = new dev.arclab.work.WorkerPool(threads)) {
                for (int pass = 0; pass < 3; pass++) {
                    SolverRunResult r = runner.run(plan, pool);
                    assertEquals(once.outcomes(), r.outcomes(), threads + " threads, pass " + pass);
                    assertEquals(once.report(), r.report());
                    assertFalse(r.partial());
                }
            }
        }
    }

    @Test
    void jsonHasEveryPair() throws IOException {
        SolverRunResult r = new SolverRun(new Interpreter(100_000), 2).run(solvers(), tasks());
        StringWriter w = new StringWriter();
        r.writeJson(w);
        JsonObject o = JsonParser.parseString(w.toString()).getAsJsonObject();
        assertEquals(r.summaryLine(), o.get("summary").getAsString());
        assertEquals(2, o.get("solved").getAsInt());
        assertEquals(5, o.get("tasks").getAsInt());
        assertEquals(14, o.get("pairsChecked").getAsInt());
        assertEquals(5, o.getAsJsonArray("results").size());
        JsonObject err1 = o.getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("err1", err1.get("task").getAsString());
        assertEquals("error", err1.get("status").getAsString());
        assertEquals(r.tasks().get(0).program().hex(), err1.get("program").getAsString());
        JsonObject pair = err1.getAsJsonArray("pairs").get(0).getAsJsonObject();
        assertEquals("demo", pair.get("split").getAsString());
        assertEquals("error", pair.get("status").getAsString());
        assertEquals("O", pair.get("variable").getAsString());
        assertEquals(14, pair.get("line").getAsInt());
        assertTrue(pair.get("fuel").getAsLong() > 0);
        assertEquals(4, err1.getAsJsonArray("pairs").size());
    }

    @Test
    void repeatRunsEverythingAndReportsTimings() {
        RepeatedRun rr = new SolverRun(new Interpreter(100_000), 2).repeat(solvers(), tasks(), 3);
        assertEquals(3, rr.wallNanos().size());
        assertEquals(2, rr.timedNanos().size());
        assertTrue(rr.consistent());
        assertTrue(rr.minNanos() <= rr.medianNanos() && rr.medianNanos() <= rr.maxNanos());
        assertTrue(Pattern.matches("wall time over 2 runs after 1 warm-up: min \\d+\\.\\d ms, median \\d+\\.\\d ms,"
                + " max \\d+\\.\\d ms", rr.timingLine()), rr.timingLine());
        assertEquals("2 out of 5 tasks solved (7 of 14 pairs)", rr.last().summaryLine());
        RepeatedRun once = new SolverRun(1).repeat(solvers(), List.of(identityTask("id01")), 1);
        assertTrue(once.timingLine().startsWith("wall time of 1 run: "), once.timingLine());
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        SolverRunResult dummy = new SolverRun(1).run(Map.of(), List.of());
        RepeatedRun rr = new RepeatedRun(List.of(100L, 40L, 10L, 20L, 30L), 1, dummy, true);
        assertEquals(List.of(40L, 10L, 20L, 30L), rr.timedNanos());
        assertEquals(10L, rr.minNanos());
        assertEquals(25L, rr.medianNanos());
        assertEquals(40L, rr.maxNanos());
        assertEquals("0 out of 0 tasks solved (0 of 0 pairs)", dummy.summaryLine());
    }
}
