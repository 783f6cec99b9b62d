package dev.arclab.cli;

import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.ParseResult;
import dev.arclab.program.Program;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import dev.arclab.report.Range;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code arclab bench}: one pipeline iteration of a fixed shape (K tasks that have a bundled solver,
 * their K solvers plus mutants), repeated in one JVM after warm-up, at each thread count; prints
 * min/median/max wall time per phase and for the whole iteration, and the speedup between thread counts.
 * Each repetition starts from a fresh session (empty in-memory cache), so it measures cold work.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark one pipeline iteration (K tasks, K solvers plus mutants) at several thread counts.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "32",
            description = "The first K bundled tasks that have a bundled solver, and their solvers (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--threads", paramLabel = "N", split = ",", defaultValue = "1,2",
            description = "Thread counts to compare (default: ${DEFAULT-VALUE}).")
    int[] threads;

    /** {@code --repeat R} (default 7) measured repetitions after {@code --warmup W} (default 3). */
    @Mixin
    BenchOptions bench;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: " + PipelineConfig.DEFAULT_SEED + ").")
    long seed = PipelineConfig.DEFAULT_SEED;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int repeat = Main.checked(spec, () -> bench.repeat(7));
        int warmup = Main.checked(spec, () -> bench.warmup(3));
        if (tasks < 1 || Arrays.stream(threads).anyMatch(t -> t < 1)) {
            throw new ParameterException(spec.commandLine(), "--limit and --threads must be at least 1");
        }
        ParseResult all = BundledSolvers.parse();
        TaskSet bundled = TaskLoader.bundled();
        Set<String> ids = new TreeSet<>();
        for (Program p : all.programs()) {
            if (bundled.contains(p.taskId()) && ids.size() < tasks) {
                ids.add(p.taskId());
            }
        }
        TaskSet set = bundled.filter(t -> ids.contains(t.id()));
        ParseResult solvers = new ParseResult(all.file(), all.programs().stream().filter(p -> ids.contains(p.taskId())).toList(), List.of());
        out.printf(Locale.ROOT, "bench: %d tasks, %d solvers plus 1 mutant each, %d warm-up and %d measured iterations per thread count%n",
                set.size(), solvers.programs().size(), warmup, repeat);
        Map<Integer, Double> medians = new LinkedHashMap<>();
        for (int n : threads) {
            PipelineConfig config = PipelineConfig.defaults().withThreads(n).withSeed(seed).withTasksPerBatch(set.size());
            for (int w = 0; w < warmup; w++) {
                once(set, solvers, config);
            }
            List<RunRecord> runs = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                runs.add(once(set, solvers, config));
            }
            out.printf(Locale.ROOT, "%nthreads %d%n%-14s %9s %9s %9s   (wall s)%n", n, "phase", "min", "median", "max");
            for (int k = 0; k < runs.get(0).phases().size(); k++) {
                int phase = k;
                double[] walls = runs.stream().mapToDouble(r -> r.phases().get(phase).wallSeconds()).toArray();
                out.printf(Locale.ROOT, "%-14s %9.4f %9.4f %9.4f%n", runs.get(0).phases().get(k).phase(), Range.of(walls).min(), Range.of(walls).median(), Range.of(walls).max());
            }
            double[] totals = runs.stream().mapToDouble(r -> r.wallNanos() / 1e9).toArray();
            double[] cpu = runs.stream().mapToDouble(r -> r.phases().stream().mapToLong(PhaseRecord::cpuNanos).sum() / 1e9).toArray();
            out.printf(Locale.ROOT, "%-14s %9.4f %9.4f %9.4f%n", "iteration", Range.of(totals).min(), Range.of(totals).median(), Range.of(totals).max());
            out.printf(Locale.ROOT, "%-14s %9.4f %9.4f %9.4f   (cpu s)%n", "iteration cpu", Range.of(cpu).min(), Range.of(cpu).median(), Range.of(cpu).max());
            medians.put(n, Range.of(totals).median());
        }
        if (medians.size() > 1) {
            out.println();
            double base = medians.values().iterator().next();
            int baseThreads = medians.keySet().iterator().next();
            medians.forEach((n, m) -> {
                if (n != baseThreads) {
                    out.printf(Locale.ROOT, "speedup %d -> %d threads (median iteration wall): %.2fx%n", baseThreads, n, base / m);
                }
            });
        }
        out.flush();
        return Main.OK;
    }

    private static RunRecord once(TaskSet set, ParseResult solvers, PipelineConfig config) {
        try (Pipeline p = new Pipeline(set, config)) {
            p.loadLibrary(solvers);
            return p.run();
        }
    }
}
