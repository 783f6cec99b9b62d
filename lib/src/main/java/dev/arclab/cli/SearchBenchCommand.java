package dev.arclab.cli;

import dev.arclab.dsl.Grid;
import dev.arclab.work.WorkerPool;
import dev.arclab.search.Enumerator;
import dev.arclab.search.Enumerator.Found;
import dev.arclab.search.Enumerator.Result;
import dev.arclab.search.Search;
import dev.arclab.search.SearchProblem;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.task.TaskSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arclab bench-search}: the enumeration search alone, from an empty library, on a task set within a wall-clock
 * budget, in rounds of growing depth and candidate budget. Prints per round and in total: tasks solved, test outputs
 * predicted (two attempts, read only after the search), candidates and distinct values per CPU-second, distinct
 * values by depth, the primitives the found programs use and what kinds of task stay unsolved.
 */
@Command(name = "bench-search", mixinStandardHelpOptions = true,
        description = "Benchmark the enumeration search from an empty library: tasks solved, test outputs predicted, "
                + "distinct values and candidates per CPU-second.")
public final class SearchBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TaskOptions tasks;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "300",
            description = "Wall-clock budget in seconds (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "8",
            description = "Most rounds; round r searches to depth r+1 (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--first-round", paramLabel = "C", defaultValue = "5000",
            description = "Candidates per task in the first round (default: ${DEFAULT-VALUE}).")
    long firstRound;

    @Option(names = "--growth", paramLabel = "G", defaultValue = "4",
            description = "How many times more candidates each round gets than the one before (default: ${DEFAULT-VALUE}).")
    int growth;

    @Option(names = "--rank-by-credit", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Grow each level's grids nearest to the demo outputs first (default: ${DEFAULT-VALUE}).")
    boolean rankByCredit;

    @Option(names = "--frames", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "From the second round on, search unsolved tasks also turned and mirrored (the seven other "
                    + "frames, with the round before's budget) (default: ${DEFAULT-VALUE}).")
    boolean frames;

    @Option(names = "--list", paramLabel = "FILE",
            description = "Write one tab-separated line per task: id, kind (same size, smaller output, ...), whether a "
                    + "demo-perfect program was found, test outputs predicted, and the program found first.")
    java.nio.file.Path list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TaskSet set = tasks.load(spec.commandLine().getErr());
        int n = threads == null ? WorkerPool.defaultThreads() : threads;
        if (n < 1 || budget <= 0 || rounds < 1 || firstRound < 1 || growth < 1) {
            throw new IllegalArgumentException("--threads, --budget, --rounds, --first-round and --growth must be positive");
        }
        Search.Plan plan = new Search.Plan(firstRound, growth, rounds, Enumerator.Settings.defaults().withRankByCredit(rankByCredit))
                .withFrames(frames);
        List<SearchProblem> open = new ArrayList<>();
        for (Task t : set) {
            if (!t.demo().isEmpty()) {
                open.add(SearchProblem.of(t));
            }
        }
        out.printf("bench-search: %d tasks (%s), %d threads, budget %.0f s, first round %d candidates per task, x%d per round%n",
                set.size(), set.source(), n, budget, firstRound, growth);
        String collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).collect(java.util.stream.Collectors.joining(", "));
        out.printf("heap %d MB, collectors: %s%s%n", Runtime.getRuntime().maxMemory() >> 20, collectors,
                collectors.contains("G1") ? " (the search runs about 1.4x faster with -XX:+UseParallelGC, as the arclab "
                        + "launcher starts it: G1's write barriers cost its threads)" : "");
        Map<String, Result> best = new LinkedHashMap<>();
        long candidates = 0;
        long built = 0;
        // each round searches a task again from the start, deeper: a task's distinct values are those of its
        // largest round (which rebuilds the rounds before), not the sum of its rounds
        Map<String, Enumerator.Stats> largest = new LinkedHashMap<>();
        long pruned = 0;
        long dropped = 0;
        long failed = 0;
        long cpu = 0;
        long[] byDepth = new long[plan.settings().maxCost() + 1];
        long start = System.nanoTime();
        long deadline = start + (long) (budget * 1e9);
        try (WorkerPool pool = new WorkerPool(n)) {
            for (int round = 0; round < plan.maxRounds() && !open.isEmpty() && System.nanoTime() < deadline; round++) {
                Enumerator.Settings settings = Search.roundSettings(plan, round);
                long t0 = System.nanoTime();
                List<Result> results = Search.round(open, settings, Search.frameSettings(plan, round), Search.onPool(pool, "search", round + 1, new AtomicBoolean()),
                        deadline, () -> false, p -> { }, round + 1);
                List<SearchProblem> next = new ArrayList<>();
                Map<String, Long> cost = new java.util.HashMap<>();
                for (int k = 0; k < open.size(); k++) {
                    Result r = results.get(k);
                    if (r == null) {
                        continue;
                    }
                    candidates += r.stats().candidates();
                    built += r.stats().distinct();
                    largest.merge(r.taskId(), r.stats(), (a, b) -> b.distinct() > a.distinct() ? b : a);
                    pruned += r.stats().pruned();
                    dropped += r.stats().dropped();
                    failed += r.stats().stop() == Enumerator.Stop.FAILED ? 1 : 0;
                    cpu += r.stats().cpuNanos();
                    Result before = best.get(r.taskId());
                    if (before == null || r.strong() || (!before.solved() && r.solved())) {
                        best.put(r.taskId(), r);
                    }
                    cost.put(r.taskId(), r.stats().cpuNanos());
                    if (Search.goesOn(plan, r)) {
                        next.add(open.get(k));
                    }
                }
                long solved = best.values().stream().filter(Result::solved).count();
                out.printf("round %d: depth %d, %d candidates per task, %d tasks searched, %.1f s; solved so far: %d%n",
                        round + 1, settings.maxCost(), settings.maxCandidates(), open.size(), (System.nanoTime() - t0) / 1e9, solved);
                out.flush();
                open = Search.shortestFirst(next, cost);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long distinct = 0;
        for (Enumerator.Stats s : largest.values()) {
            distinct += s.distinct();
            long[] by = s.distinctByCost();
            for (int d = 0; d < Math.min(by.length, byDepth.length); d++) {
                byDepth[d] += by[d];
            }
        }
        // scoring against test outputs happens here, after the search, as predict does
        int solved = 0;
        int known = 0;
        int predicted = 0;
        Map<String, Integer> primitives = new TreeMap<>();
        Map<String, Integer> missed = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        lines.add("task\tkind\tsolved\tpredicted\tprogram");
        for (Task t : set) {
            int predictedBefore = predicted;
            Result r = best.get(t.id());
            boolean ok = r != null && r.solved();
            solved += ok ? 1 : 0;
            for (int i = 0; i < t.test().size(); i++) {
                Example ex = t.test().get(i);
                if (!ex.hasOutput()) {
                    continue;
                }
                known++;
                if (ok) {
                    boolean hit = false;
                    for (int a = 0; a < Math.min(2, r.solutions().size()); a++) {
                        hit |= r.solutions().get(a).testOutputs().get(i).equals(ex.output());
                    }
                    predicted += hit ? 1 : 0;
                }
            }
            if (ok) {
                Found f = r.solutions().get(0);
                for (String p : f.expr().primitivesCalled()) {
                    primitives.merge(p, 1, Integer::sum);
                }
            } else {
                missed.merge(kind(t), 1, Integer::sum);
            }
            lines.add(t.id() + "\t" + kind(t) + "\t" + ok + "\t" + (predicted - predictedBefore) + "\t"
                    + (ok ? r.solutions().get(0).expr().toString() : ""));
        }
        if (list != null) {
            try {
                java.nio.file.Files.write(list, lines);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the task list " + list + ": " + e.getMessage(), e);
            }
        }
        double cpuSeconds = cpu / 1e9;
        out.printf("tasks with a demo-perfect program: %d of %d%n", solved, set.size());
        out.printf("test outputs predicted (2 attempts): %d of %d%n", predicted, known);
        out.printf("wall %.1f s, search CPU %.1f s%n", wall, cpuSeconds);
        out.printf("candidates: %d (%.0f per CPU-second)%n", candidates, candidates / Math.max(1e-9, cpuSeconds));
        out.printf("distinct values: %d (%.0f per CPU-second; per task, those of its largest round)%n", distinct,
                distinct / Math.max(1e-9, cpuSeconds));
        out.printf("values built over all rounds (a round builds the values of the rounds before again): %d%n", built);
        if (failed > 0) {
            out.printf("searches that failed (a defect in the search; the other tasks went on): %d%n", failed);
        }
        out.printf("new values not stored (past the per-task bounds on values and cells): %d%n", dropped);
        out.printf("calls skipped as repeats of cheaper ones (by identities such as merge(apply(f, x)) = mapply(f, x)): %d%n", pruned);
        StringBuilder depth = new StringBuilder("distinct values by depth (per task, its largest round):");
        for (int d = 1; d < byDepth.length; d++) {
            if (byDepth[d] > 0) {
                depth.append(' ').append(d).append(": ").append(byDepth[d]);
            }
        }
        out.println(depth);
        out.println("primitives in found programs (tasks using each): " + top(primitives, 20));
        out.println("unsolved tasks by kind: " + missed);
        Enumerator.profileLines().forEach(out::println);
        out.flush();
        return Main.OK;
    }

    private static String top(Map<String, Integer> counts, int k) {
        List<Map.Entry<String, Integer>> list = new ArrayList<>(counts.entrySet());
        list.sort((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(k, list.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(list.get(i).getKey()).append(' ').append(list.get(i).getValue());
        }
        return sb.toString();
    }

    /** A coarse kind of task, by how demo output sizes relate to input sizes. */
    static String kind(Task t) {
        boolean same = true;
        boolean smaller = true;
        boolean larger = true;
        for (Example ex : t.demo()) {
            Grid in = ex.input();
            Grid out = ex.output();
            same &= in.rows() == out.rows() && in.cols() == out.cols();
            smaller &= out.rows() * out.cols() < in.rows() * in.cols();
            larger &= out.rows() * out.cols() > in.rows() * in.cols();
        }
        return same ? "same size" : smaller ? "smaller output" : larger ? "larger output" : "mixed sizes";
    }
}
