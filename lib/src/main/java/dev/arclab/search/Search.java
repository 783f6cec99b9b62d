package dev.arclab.search;

import dev.arclab.search.Enumerator.Result;
import dev.arclab.search.Enumerator.Settings;
import dev.arclab.search.Enumerator.Stop;
import java.util.ArrayList;
import java.util.HashMap;
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
    public record Plan(long firstRound, int growth, int maxRounds, Settings settings, boolean frames) {
        public Plan(long firstRound, int growth, int maxRounds, Settings settings) {
            this(firstRound, growth, maxRounds, settings, false);
        }

        public Plan {
            if (firstRound < 1 || growth < 1 || maxRounds < 1) {
                throw new IllegalArgumentException("bad search plan: " + firstRound + ", " + growth + ", " + maxRounds);
            }
        }

        public static Plan defaults() {
            return new Plan(5_000, 4, 8, Settings.defaults());
        }

        /** This plan, searching unsolved tasks also in the seven other frames from the second round on. */
        public Plan withFrames(boolean on) {
            return new Plan(firstRound, growth, maxRounds, settings, on);
        }
    }

    /**
     * Per task: its best result (a solved one if any) and the work of all its rounds together: candidates and CPU
     * summed, distinct values those of its largest round (each round builds again what the rounds before built).
     */
    public record TaskOutcome(String taskId, Result best, long candidates, long distinct, long cpuNanos, int rounds) {
    }

    /** Progress after each task of a round. */
    public record Progress(int round, int done, int total, int solved) {
    }

    private Search() {
    }

    /** Heap bytes a search holds per stored cell it counts (measured: 725 MB at 60 M cells, values and maps included). */
    static final long BYTES_PER_CELL = 12;
    private static final long CELLS_PER_UNIT = 1_000_000;
    /**
     * The heap searches may fill at once, in units of a million stored cells: three quarters of the JVM's most, and
     * no more than nine tenths of the old generation where the collector bounds it (the parallel collector: two
     * thirds of the heap), since stored values live long enough to end up there.
     */
    static final int MEMORY_UNITS = (int) Math.max(1, searchHeap() / (BYTES_PER_CELL * CELLS_PER_UNIT));

    private static long searchHeap() {
        long heap = Runtime.getRuntime().maxMemory() / 4 * 3;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage().getMax();
            if ((pool.getName().contains("Old Gen") || pool.getName().contains("Tenured")) && max > 0) {
                heap = Math.min(heap, max / 10 * 9);
            }
        }
        return heap;
    }
    private static final java.util.concurrent.Semaphore MEMORY = new java.util.concurrent.Semaphore(MEMORY_UNITS, true);

    /**
     * Runs {@code work}, which holds up to {@code searches} searches of {@code settings} in memory at once, when the
     * heap has room for them beside the searches already running: more threads than the heap holds searches for
     * wait their turn instead of running out of memory. Which searches wait changes no result (each task's search
     * is deterministic on its own), only the wall time.
     */
    public static <T> T withinMemory(Settings settings, int searches, Callable<T> work) throws Exception {
        long perSearch = settings.maxCells() + Enumerator.FINGERPRINT_BYTES / BYTES_PER_CELL;
        long units = Math.max(1, perSearch * searches / CELLS_PER_UNIT);
        int want = (int) Math.min(MEMORY_UNITS, units);
        MEMORY.acquireUninterruptibly(want);
        try {
            return work.call();
        } finally {
            MEMORY.release(want);
        }
    }

    /** Whether a search is waiting for memory (for tests). */
    static boolean waitingForMemory() {
        return MEMORY.hasQueuedThreads();
    }

    /** One task's search as a job, named by its task so its timing is the task's. */
    record Job<R>(String taskId, Callable<R> work) implements Callable<R> {
        @Override
        public R call() throws Exception {
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
                return pool.map(jobs, j -> j instanceof Job<?> job ? job.taskId() : "search", call, timer, stop).results();
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

    /**
     * The settings the other frames are searched with in round {@code round}: those of the round before (a
     * quarter of the budget, one level less), from the second round on; null when the plan has no frames.
     */
    public static Settings frameSettings(Plan plan, int round) {
        return plan.frames() && round >= 1 ? roundSettings(plan, round - 1) : null;
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
        return round(problems, settings, null, runner, deadlineNanos, cancelled, progress, roundNumber);
    }

    /**
     * One round: every problem searched with {@code settings}, results in problem order. Problems with the same
     * inputs are searched once: the others first try the values that search stored ({@link Enumerator#reuseFor})
     * and search themselves only when that does not solve them. When {@code frameSettings} is given, a problem
     * the search does not solve is searched again in the seven other frames ({@link Symmetry}) with those
     * settings, and what it finds there is turned back.
     */
    public static List<Result> round(List<SearchProblem> problems, Settings settings, Settings frameSettings, Runner runner,
                                     long deadlineNanos, BooleanSupplier cancelled, Consumer<Progress> progress,
                                     int roundNumber) {
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger solved = new java.util.concurrent.atomic.AtomicInteger();
        Map<List<dev.arclab.dsl.Grid>, List<Integer>> groups = new LinkedHashMap<>();
        for (int k = 0; k < problems.size(); k++) {
            SearchProblem p = problems.get(k);
            List<dev.arclab.dsl.Grid> key = new ArrayList<>(p.demoInputs());
            key.addAll(p.testInputs());
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(k);
        }
        List<Callable<List<Result>>> jobs = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>(groups.values());
        // within a group, by task id: which task is searched and which reuse its values does not depend on the
        // order the problems came in (shortestFirst orders them by measured time)
        members.forEach(g -> g.sort(java.util.Comparator.comparing(k -> problems.get(k).taskId())));
        for (List<Integer> group : members) {
            SearchProblem first = problems.get(group.get(0));
            // the first search stays in memory while the others of its group are checked against it, and while
            // it is searched in other frames
            int held = 1 + (group.size() > 1 ? 1 : 0) + (frameSettings != null ? 1 : 0);
            jobs.add(new Job<>(first.taskId(), () -> withinMemory(settings, held, () -> {
                List<Result> out = new ArrayList<>();
                Enumerator e = new Enumerator(first, settings);
                out.add(inFrames(e.run(deadlineNanos, cancelled), first, frameSettings, deadlineNanos, cancelled));
                for (int m = 1; m < group.size(); m++) {
                    SearchProblem other = problems.get(group.get(m));
                    Result shared = e.reuseFor(other);
                    if (!shared.strong()) {
                        shared = combine(shared, new Enumerator(other, settings).run(deadlineNanos, cancelled), false);
                    }
                    out.add(inFrames(shared, other, frameSettings, deadlineNanos, cancelled));
                }
                for (Result r : out) {
                    int s = r.strong() ? solved.incrementAndGet() : solved.get();
                    progress.accept(new Progress(roundNumber, done.incrementAndGet(), problems.size(), s));
                }
                return out;
            })));
        }
        List<List<Result>> byGroup = runner.runAll(jobs);
        Result[] results = new Result[problems.size()];
        for (int g = 0; g < members.size(); g++) {
            List<Result> rs = byGroup.get(g);
            if (rs == null) {
                continue;
            }
            for (int m = 0; m < rs.size(); m++) {
                results[members.get(g).get(m)] = rs.get(m);
            }
        }
        return java.util.Arrays.asList(results);
    }

    /** A result, and when it is not solved and frames are asked for, the same task in the seven other frames. */
    static Result inFrames(Result plain, SearchProblem problem, Settings frameSettings, long deadlineNanos,
                           BooleanSupplier cancelled) {
        if (frameSettings == null || plain.strong()) {
            return plain;
        }
        Result r = plain;
        for (Symmetry s : Symmetry.values()) {
            if (s == Symmetry.IDENTITY || r.strong() || cancelled.getAsBoolean() || System.nanoTime() > deadlineNanos) {
                continue;
            }
            Result turned = new Enumerator(problem.transformed(s), frameSettings).run(deadlineNanos, cancelled);
            r = combine(r, undo(turned, s), true);
        }
        return r;
    }

    /** A result found in frame {@code s}, as programs and answers of the task's own frame. */
    static Result undo(Result r, Symmetry s) {
        List<Enumerator.Found> back = new ArrayList<>();
        for (Enumerator.Found f : r.solutions()) {
            back.add(new Enumerator.Found(s.undo(f.expr()), f.testOutputs().stream().map(s::undo).toList(), f.weak()));
        }
        return new Result(r.taskId(), List.copyOf(back), r.stats());
    }

    /**
     * Two searches of one task together: strong solutions first (the first result's before the second's), then
     * weak ones, each test answer once; work summed. The stop and depth are the first's ({@code keepFirstStop}) or
     * the second's, so that the rounds go on from the plain search.
     */
    static Result combine(Result a, Result b, boolean keepFirstStop) {
        List<Enumerator.Found> all = new ArrayList<>();
        java.util.Set<List<dev.arclab.dsl.Grid>> answers = new java.util.HashSet<>();
        for (boolean weak : new boolean[] {false, true}) {
            for (Result r : List.of(a, b)) {
                for (Enumerator.Found f : r.solutions()) {
                    if (f.weak() == weak && answers.add(f.testOutputs())) {
                        all.add(f);
                    }
                }
            }
        }
        Enumerator.Stats x = a.stats();
        Enumerator.Stats y = b.stats();
        long[] byCost = new long[Math.max(x.distinctByCost().length, y.distinctByCost().length)];
        for (int k = 0; k < byCost.length; k++) {
            byCost[k] = (k < x.distinctByCost().length ? x.distinctByCost()[k] : 0)
                    + (k < y.distinctByCost().length ? y.distinctByCost()[k] : 0);
        }
        Enumerator.Stats keep = keepFirstStop ? x : y;
        Enumerator.Stop stop = !all.isEmpty() && !all.get(0).weak() ? Enumerator.Stop.SOLVED : keep.stop();
        Enumerator.Stats stats = new Enumerator.Stats(x.candidates() + y.candidates(), x.distinct() + y.distinct(), byCost,
                x.errors() + y.errors(), x.dropped() + y.dropped(), x.pruned() + y.pruned(), x.cpuNanos() + y.cpuNanos(),
                keep.completedCost(), stop);
        return new Result(a.taskId(), List.copyOf(all), stats);
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
            List<Result> results = round(open, settings, frameSettings(plan, round), runner, deadlineNanos, cancelled,
                    progress, round + 1);
            List<SearchProblem> next = new ArrayList<>();
            Map<String, Long> cost = new HashMap<>();
            for (int k = 0; k < open.size(); k++) {
                Result r = results.get(k);
                if (r == null) {
                    continue;
                }
                SearchProblem p = open.get(k);
                outcomes.put(p.taskId(), merge(outcomes.get(p.taskId()), r));
                cost.put(p.taskId(), r.stats().cpuNanos());
                if (goesOn(plan, r)) {
                    next.add(p);
                }
            }
            open = shortestFirst(next, cost);
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

    /**
     * The problems of the next round, those whose last round cost least first (a stable sort; unknown costs
     * last): when the deadline cuts a round, it has then taken as many tasks as it could instead of the first by
     * id. Only which tasks a cut round reaches depends on it; each task's search does not.
     */
    public static List<SearchProblem> shortestFirst(List<SearchProblem> problems, Map<String, Long> cpuNanos) {
        List<SearchProblem> out = new ArrayList<>(problems);
        out.sort(java.util.Comparator.comparingLong(p -> cpuNanos.getOrDefault(p.taskId(), Long.MAX_VALUE)));
        return out;
    }

    private static TaskOutcome merge(TaskOutcome before, Result r) {
        Enumerator.Stats s = r.stats();
        if (before == null) {
            return new TaskOutcome(r.taskId(), r, s.candidates(), s.distinct(), s.cpuNanos(), 1);
        }
        Result best = r.strong() || !before.best().solved() ? r : before.best();
        // a round searches the task again from the start: its distinct values are those of its largest round
        return new TaskOutcome(r.taskId(), best, before.candidates() + s.candidates(), Math.max(before.distinct(), s.distinct()),
                before.cpuNanos() + s.cpuNanos(), before.rounds() + 1);
    }
}
