package dev.arclab.cli;

import dev.arclab.cache.MemoryCache;
import dev.arclab.lab.Session;
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
import dev.arclab.report.Bench;
import dev.arclab.report.Experiments;
import dev.arclab.report.Range;
import dev.arclab.report.RunSeries;
import java.util.function.Supplier;
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
 * Each repetition starts from a fresh session (empty in-memory cache), so it measures cold work. The thread
 * counts are interleaved (1 2 1 2 ...) after a shared warm-up, so the JIT warming up does not favour the
 * later ones, and a speedup beyond what the machine's cores allow is flagged. {@code --heavy}: every
 * bundled solver's task and at least 4 mutants per solver, closer to a real iteration.
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

    @Option(names = "--mutants", paramLabel = "M", defaultValue = "1",
            description = "Mutants per solver (default: ${DEFAULT-VALUE}).")
    int mutants;

    @Option(names = "--heavy",
            description = "The heavier standard workload: every bundled solver's task, and at least 4 mutants per solver.")
    boolean heavy;

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
        if (tasks < 1 || mutants < 0 || Arrays.stream(threads).anyMatch(t -> t < 1)) {
            throw new ParameterException(spec.commandLine(), "--limit and --threads must be at least 1, --mutants at least 0");
        }
        int limit = heavy ? Integer.MAX_VALUE : tasks;
        ParseResult all = BundledSolvers.parse();
        TaskSet bundled = TaskLoader.bundled();
        Set<String> ids = new TreeSet<>();
        for (Program p : all.programs()) {
            if (bundled.contains(p.taskId()) && ids.size() < limit) {
                ids.add(p.taskId());
            }
        }
        TaskSet set = bundled.filter(t -> ids.contains(t.id()));
        ParseResult solvers = new ParseResult(all.file(), all.programs().stream().filter(p -> ids.contains(p.taskId())).toList(), List.of());
        int perProgram = heavy ? Math.max(mutants, 4) : mutants;
        out.printf(Locale.ROOT, "bench: %s workload, %d tasks, %d solvers plus %d mutant(s) each; %d shared warm-up and %d measured rounds,"
                        + " each round runs every thread count once (interleaved: %s)%n",
                heavy ? "heavy" : "standard", set.size(), solvers.programs().size(), perProgram, warmup, repeat,
                Arrays.toString(threads));
        out.printf(Locale.ROOT, "machine: %d cores available to the JVM; if it is shared with other work, trust ratios more than seconds%n",
                Runtime.getRuntime().availableProcessors());
        Map<String, Supplier<RunRecord>> configs = new LinkedHashMap<>();
        for (int n : threads) {
            PipelineConfig config = PipelineConfig.defaults().withStrategies(PipelineConfig.MUTATE_ONLY).withThreads(n).withSeed(seed).withTasksPerBatch(set.size())
                    .withMutation(PipelineConfig.DEFAULT_MUTATION, perProgram);
            configs.put(String.valueOf(n), () -> once(set, solvers, config));
        }
        Map<Integer, Double> medians = new LinkedHashMap<>();
        for (RunSeries runs : Experiments.repeatInterleaved(warmup, repeat, configs)) {
            int n = Integer.parseInt(runs.name());
            out.printf(Locale.ROOT, "%nthreads %d%n%-14s %9s %9s %9s   (wall s)%n", n, "phase", "min", "median", "max");
            for (String phase : runs.phases()) {
                Range w = runs.wall(phase).scaled(1e9);
                out.printf(Locale.ROOT, "%-14s %9.4f %9.4f %9.4f%n", phase, w.min(), w.median(), w.max());
            }
            Range total = runs.wall(RunSeries.TOTAL).scaled(1e9);
            Range cpu = runs.cpu(RunSeries.TOTAL).scaled(1e9);
            out.printf(Locale.ROOT, "%-14s %9.4f %9.4f %9.4f%n", "iteration", total.min(), total.median(), total.max());
            out.printf(Locale.ROOT, "%-14s %9.4f %9.4f %9.4f   (cpu s)%n", "iteration cpu", cpu.min(), cpu.median(), cpu.max());
            medians.put(n, total.median());
        }
        if (medians.size() > 1) {
            out.println();
            double base = medians.values().iterator().next();
            int baseThreads = medians.keySet().iterator().next();
            int cores = Runtime.getRuntime().availableProcessors();
            medians.forEach((n, m) -> {
                if (n != baseThreads) {
                    double speedup = base / m;
                    double ceiling = Bench.possibleSpeedup(baseThreads, n, cores);
                    out.printf(Locale.ROOT, "speedup %d -> %d threads (median iteration wall): %.2fx%s%n", baseThreads, n, speedup,
                            Bench.beyondHardware(speedup, baseThreads, n, cores)
                                    ? String.format(Locale.ROOT, "  BEYOND WHAT %d CORES ALLOW (%.2fx at most): noise or warm-up, not speedup", cores, ceiling)
                                    : "");
                }
            });
        }
        out.flush();
        return Main.OK;
    }

    private static RunRecord once(TaskSet set, ParseResult solvers, PipelineConfig config) {
        try (Session s = Session.of(set, config, new MemoryCache())) {
            s.loadSolvers(solvers);
            return s.run();
        }
    }
}
