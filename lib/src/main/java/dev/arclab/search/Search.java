package dev.arclab.search;

import dev.arclab.search.Enumerator.Result;
import dev.arclab.search.Enumerator.Settings;
import dev.arclab.search.Enumerator.Stop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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

    /**
     * Searches every problem until each is solved or exhausted, the rounds run out, the deadline passes or
     * {@code cancelled} says so. Outcomes come in problem order whatever the thread count.
     */
    public static List<TaskOutcome> run(List<SearchProblem> problems, Plan plan, ExecutorService pool, long deadlineNanos,
                                        BooleanSupplier cancelled, Consumer<Progress> progress) {
        Map<String, TaskOutcome> outcomes = new LinkedHashMap<>();
        List<SearchProblem> open = new ArrayList<>(problems);
        long budget = plan.firstRound();
        int solvedCount = 0;
        for (int round = 0; round < plan.maxRounds() && !open.isEmpty(); round++) {
            if (System.nanoTime() > deadlineNanos || cancelled.getAsBoolean()) {
                break;
            }
            Settings settings = plan.settings().withMaxCandidates(budget);
            List<Future<Result>> futures = new ArrayList<>();
            for (SearchProblem p : open) {
                Callable<Result> job = () -> new Enumerator(p, settings).run(deadlineNanos, cancelled);
                futures.add(pool.submit(job));
            }
            List<SearchProblem> next = new ArrayList<>();
            for (int k = 0; k < open.size(); k++) {
                SearchProblem p = open.get(k);
                Result r;
                try {
                    r = futures.get(k).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(f -> f.cancel(true));
                    return List.copyOf(outcomes.values());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("search of task " + p.taskId() + " failed", e.getCause());
                }
                TaskOutcome before = outcomes.get(p.taskId());
                outcomes.put(p.taskId(), merge(before, r));
                if (r.strong()) {
                    solvedCount++;
                } else if (r.stats().stop() == Stop.CANDIDATES) {
                    next.add(p);
                }
                progress.accept(new Progress(round + 1, k + 1, open.size(), solvedCount));
            }
            open = next;
            budget = Math.multiplyExact(budget, plan.growth());
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
