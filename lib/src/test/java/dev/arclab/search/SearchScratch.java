package dev.arclab.search;

import dev.arclab.dsl.Grid;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class SearchScratch {
    public static void main(String[] args) throws Exception {
        TaskSet tasks = TaskLoader.bundled();
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
        List<SearchProblem> problems = new ArrayList<>();
        int step = Math.max(1, tasks.size() / limit);
        for (int k = 0; k < tasks.size() && problems.size() < limit; k += step) {
            problems.add(SearchProblem.of(tasks.tasks().get(k)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        List<Search.TaskOutcome> out = Search.run(problems, new Search.Plan(5_000, 4, args.length > 2 ? Integer.parseInt(args[2]) : 8, Enumerator.Settings.defaults()), Search.on(pool), t0 + seconds * 1_000_000_000L,
                () -> false, p -> { });
        long wall = System.nanoTime() - t0;
        pool.shutdown();
        int solved = 0, predicted = 0, tests = 0;
        long cand = 0, distinct = 0, cpu = 0;
        Map<String, Integer> prims = new TreeMap<>();
        for (Search.TaskOutcome o : out) {
            cand += o.candidates(); distinct += o.distinct(); cpu += o.cpuNanos();
            Task t = tasks.get(o.taskId());
            tests += t.test().size();
            if (o.best().solved()) {
                solved++;
                List<Enumerator.Found> sols = o.best().solutions();
                for (int i = 0; i < t.test().size(); i++) {
                    Grid want = t.test().get(i).output();
                    boolean ok = false;
                    for (int a = 0; a < Math.min(2, sols.size()); a++) {
                        ok |= sols.get(a).testOutputs().get(i).equals(want);
                    }
                    predicted += ok ? 1 : 0;
                }
                for (String p : sols.get(0).expr().primitivesCalled()) prims.merge(p, 1, Integer::sum);
                System.out.println(o.taskId() + " " + sols.get(0).expr() + (sols.size() > 1 ? "  | " + sols.get(1).expr() : ""));
            }
        }
        System.out.printf("tasks %d solved %d predicted %d/%d wall %.1fs cpu %.1fs candidates %d (%.0f/cpu-s) distinct %d (%.0f/cpu-s)%n",
                out.size(), solved, predicted, tests, wall / 1e9, cpu / 1e9, cand, cand / (cpu / 1e9), distinct, distinct / (cpu / 1e9));
        System.out.println(prims);
        Map<String, Integer> depth = new TreeMap<>();
        for (Search.TaskOutcome o : out) depth.merge((o.best().solved() ? "solved" : "open") + " cost" + o.best().stats().completedCost() + " " + o.best().stats().stop() + " r" + o.rounds(), 1, Integer::sum);
        System.out.println(depth);
    }
}
