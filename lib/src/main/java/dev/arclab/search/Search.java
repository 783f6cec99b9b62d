package dev.arclab.search;

import dev.arclab.search.Enumerator.Result;
import dev.arclab.search.Enumerator.Settings;
import dev.arclab.search.Enumerator.Stop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseTimer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Enumeration over many tasks in rounds of growing budget: round r gives every task not yet solved (nor
 * exhausted) {@code firstRound × growth^r} candidates, so easy tasks finish in the first round and the time
 * goes to the rest. A round is deterministic (its budget counts candidates, not seconds); the wall-clock
 * deadline only cuts the round it falls in, and the report says so.
 */
public final class Search {

    /** How a search over many tasks spends its budget. */
    public record Plan(long firstRound, int growth, int maxRounds, Settings settings) {
        public Plan {
            if (firstRound < 1 || growth < 1 || maxRounds < 1) {
                throw new IllegalArgumentException("bad search plan: " + firstRound + ", " + growth + ", " + maxRounds);
            }
        }

        public static Plan defaults() {
            return new Plan(5_000, 4, 8, Settings.defaults());
        }
    }

    /** Per task: its best result (a solved one if any) and the work of all its rounds together. */
    public record TaskOutcome(String taskId, Result best, long candidates, long distinct, long cpuNanos, int rounds) {
    }

    /** Progress after each task of a round. */
    public record Progress(int round, int done, int total, int solved) {
    }

    private Search() {
    }

    /** One task's search as a job, named by its task so its timing is the task's. */
    record Job(String taskId, Callable<Result> work) implements Callable<Result> {
        @Override
        public Result call() throws Exception {
            return work.call();
        }
    }

    /** Runs jobs on a pool and returns their results in job order (null where a job did not run). */
    @FunctionalInterface
    public interface Runner {
        <R> List<R> runAll(List<Callable<R>> jobs);
    }

    /**
     * A runner on the pipeline's worker pool; the jobs are timed as work items of {@code label} and skipped once
     * {@code stop} is set.
     */
    public static Runner onPool(WorkerPool pool, String label, int iteration, AtomicBoolean stop) {
        return onPool(pool, new PhaseTimer(label, iteration, pool.threads()), stop);
    }

    /** A runner on the pipeline's worker pool whose jobs are timed as work items of {@code timer}, one per task. */
    public static Runner onPool(WorkerPool pool, PhaseTimer timer, AtomicBoolean stop) {
        return new Runner() {
            @Override
            public <R> List<R> runAll(List<Callable<R>> jobs) {
                Function<Callable<R>, R> call = job -> {
                    try {
                        return job.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
                return pool.map(jobs, j -> j instanceof Job job ? job.taskId() : "search", call, timer, stop).results();
            }
        };
    }

    /**
     * The settings of round {@code round} (0 first): depth (cost) {@code 2 + round} up to the plan's deepest, so the
     * last level of each round only builds what can end a solution, and a candidate budget that grows by the plan's
     * factor.
     */
    public static Settings roundSettings(Plan plan, int round) {
        int depth = Math.min(plan.settings().maxCost(), 2 + round);
        return plan.settings().withMaxCost(depth).withMaxCandidates(roundBudget(plan, round));
    }

    /** Whether a task's result leaves it worth another, deeper or longer, round. */
    public static boolean goesOn(Plan plan, Result r) {
        if (r.strong()) {
            return false;
        }
        Stop stop = r.stats().stop();
        return stop == Stop.CANDIDATES || (stop == Stop.MAX_COST && r.stats().completedCost() < plan.settings().maxCost());
    }

    /** The candidate budget of round {@code round} (0 first) under a plan. */
    public static long roundBudget(Plan plan, int round) {
        long b = plan.firstRound();
        for (int r = 0; r < Math.min(round, plan.maxRounds() - 1); r++) {
            b = Math.multiplyExact(b, plan.growth());
        }
        return b;
    }

    /** One round: every problem searched with {@code settings}, results in problem order. */
    public static List<Result> round(List<SearchProblem> problems, Settings settings, Runner runner, long deadlineNanos,
                                     BooleanSupplier cancelled, Consumer<Progress> progress, int roundNumber) {
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger solved = new java.util.concurrent.atomic.AtomicInteger();
        List<Callable<Result>> jobs = new ArrayList<>();
        for (SearchProblem p : problems) {
            jobs.add(new Job(p.taskId(), () -> {
                Result r = new Enumerator(p, settings).run(deadlineNanos, cancelled);
                int s = r.strong() ? solved.incrementAndGet() : solved.get();
                progress.accept(new Progress(roundNumber, done.incrementAndGet(), problems.size(), s));
                return r;
            }));
        }
        return runner.runAll(jobs);
    }

    /**
     * Searches every problem until each is solved or exhausted, the rounds run out, the deadline passes or
     * {@code cancelled} says so. Outcomes come in problem order whatever the thread count.
     */
    public static List<TaskOutcome> run(List<SearchProblem> problems, Plan plan, Runner runner, long deadlineNanos,
                                        BooleanSupplier cancelled, Consumer<Progress> progress) {
        Map<String, TaskOutcome> outcomes = new LinkedHashMap<>();
        List<SearchProblem> open = new ArrayList<>(problems);
        for (int round = 0; round < plan.maxRounds() && !open.isEmpty(); round++) {
            if (System.nanoTime() > deadlineNanos || cancelled.getAsBoolean()) {
                break;
            }
            Settings settings = roundSettings(plan, round);
            List<Result> results = round(open, settings, runner, deadlineNanos, cancelled, progress, round + 1);
            List<SearchProblem> next = new ArrayList<>();
            for (int k = 0; k < open.size(); k++) {
                Result r = results.get(k);
                if (r == null) {
                    continue;
                }
                SearchProblem p = open.get(k);
                outcomes.put(p.taskId(), merge(outcomes.get(p.taskId()), r));
                if (goesOn(plan, r)) {
                    next.add(p);
                }
            }
            open = next;
        }
        List<TaskOutcome> ordered = new ArrayList<>();
        for (SearchProblem p : problems) {
            TaskOutcome o = outcomes.get(p.taskId());
            if (o != null) {
                ordered.add(o);
            }
        }
        return ordered;
    }

    private static TaskOutcome merge(TaskOutcome before, Result r) {
        Enumerator.Stats s = r.stats();
        if (before == null) {
            return new TaskOutcome(r.taskId(), r, s.candidates(), s.distinct(), s.cpuNanos(), 1);
        }
        Result best = r.strong() || !before.best().solved() ? r : before.best();
        return new TaskOutcome(r.taskId(), best, before.candidates() + s.candidates(), before.distinct() + s.distinct(),
                before.cpuNanos() + s.cpuNanos(), before.rounds() + 1);
    }
}
