package dev.arclab.cli;

import dev.arclab.cache.CacheOptions;
import dev.arclab.cache.Caches;
import dev.arclab.cache.MapDbCache;
import dev.arclab.cache.NoCache;
import dev.arclab.lab.Session;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.cache.MapStats;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.cache.ResultCache;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.ParseResult;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.TaskSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import dev.arclab.report.Bench;
import dev.arclab.report.Range;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arclab bench-cache}: what the store costs and saves. Each repeat times, in this JVM, loading
 * the solver library and one iteration of the pipeline (open and commits included) four ways: without
 * any cache; cold (a new, empty store); warm (the same store closed and opened again, as a new notebook
 * session or kernel would); and a re-run on the same open handle (a notebook cell run again). No cache and
 * the store's three are two configurations run in rounds by {@link Bench} (rotated: no cache first in one
 * round, the store first in the next); the first rounds (--warmup) warm the JIT and are not counted. Prints every repeat, the medians, the warm speed-up and the
 * cold overhead, and checks that the four ways decide the same library and near misses.
 */
@Command(name = "bench-cache", mixinStandardHelpOptions = true,
        description = "Benchmark the store: medians of repeated cold, warm and no-cache runs of one iteration.")
public final class BenchCacheCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", description = "Folder for the benchmark's stores (default: a temporary folder, deleted afterwards).")
    Path home;

    @Mixin
    BenchOptions bench;

    @Mixin
    TaskOptions taskOptions;

    @Mixin
    PipelineOptions pipelineOptions;

    @Option(names = "--solvers", paramLabel = "FILE", description = "Solver file (default: the bundled solvers).")
    Path solvers;

    /** One timed way of running. */
    record Timed(long nanos, long cpuNanos, long openNanos, String signature, List<MapStats> cache, List<PhaseRecord> phases) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int repeats = Main.checked(spec, () -> bench.repeat(5));
        int warmup = Main.checked(spec, () -> bench.warmup(2));
        PipelineConfig config = Main.checked(spec, () -> pipelineOptions.apply(PipelineConfig.defaults().withStrategies(PipelineConfig.MUTATE_ONLY)));
        TaskSet set = Main.checked(spec, () -> taskOptions.load(err));
        ParseResult parsed = solvers == null ? BundledSolvers.parse() : new ProgramParser().parse(solvers);
        boolean temporary = home == null;
        Path root = temporary ? Files.createTempDirectory("arclab-bench-cache") : Files.createDirectories(home);
        o.printf(Locale.ROOT, "bench-cache: %d tasks, %d solver programs, %d threads, tasks per batch %d, mutants %d, "
                + "%d repeats (+%d warm-up), stores in %s%n", set.size(), parsed.programs().size(), config.threads(),
                config.tasksPerBatch(), config.mutantsPerProgram(), repeats, warmup, root);
        o.println("each figure: open + load library + one iteration (generate..differs), commits included");
        o.flush();
        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, List<Long>> cpus = new LinkedHashMap<>();
        for (String w : List.of("none", "cold", "warm", "rerun")) {
            times.put(w, new ArrayList<>());
            cpus.put(w, new ArrayList<>());
        }
        Map<String, List<List<PhaseRecord>>> phases = new LinkedHashMap<>();
        boolean same = true;
        long[] firstOpen = {-1};
        // Two configurations in rounds (Bench.interleaved, rotated: the store first in one round, no cache
        // first in the next): no cache, and the store's sequence, which must stay in order (cold fills the
        // store that the re-run on the open handle and then warm, after a reopen, read).
        int[] round = {0};
        Map<String, Supplier<List<Timed>>> configs = new LinkedHashMap<>();
        configs.put("none", () -> List.of(timed(set, config, parsed, () -> new NoCache())));
        configs.put("store", () -> {
            Path dir = root.resolve("round-" + round[0]++);
            try {
                deleteTree(dir);
                CacheOptions options = CacheOptions.at(dir);
                Timed cold = timed(set, config, parsed, () -> Caches.open(options, err::println));
                if (firstOpen[0] < 0) {
                    firstOpen[0] = cold.openNanos();
                }
                Timed rerun = timed(set, config, parsed, () -> Caches.open(options, err::println));
                Caches.openStore(dir).ifPresent(MapDbCache::shutdown);
                Timed warm = timed(set, config, parsed, () -> Caches.open(options, err::println));
                Caches.openStore(dir).ifPresent(MapDbCache::shutdown);
                deleteTree(dir);
                return List.of(cold, rerun, warm);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Map<String, List<List<Timed>>> measured;
        try {
            measured = Bench.interleaved(warmup, repeats, true, configs);
        } finally {
            if (temporary) {
                deleteTree(root);
            }
        }
        for (int r = 0; r < repeats; r++) {
            Timed none = measured.get("none").get(r).get(0);
            Timed cold = measured.get("store").get(r).get(0);
            Timed rerun = measured.get("store").get(r).get(1);
            Timed warm = measured.get("store").get(r).get(2);
            boolean ok = none.signature().equals(cold.signature()) && none.signature().equals(warm.signature())
                    && none.signature().equals(rerun.signature());
            same &= ok;
            long disk = warm.cache().stream().mapToLong(MapStats::diskHits).sum();
            o.printf(Locale.ROOT, "%s none %.3f s, cold %.3f s, warm %.3f s (%d hits from disk), re-run %.3f s "
                    + "(CPU %.3f / %.3f / %.3f / %.3f s)%s%n",
                    "round " + (r + 1) + (r % 2 == (warmup % 2) ? " (no cache first)" : " (store first)"), none.nanos() / 1e9,
                    cold.nanos() / 1e9, warm.nanos() / 1e9, disk, rerun.nanos() / 1e9, none.cpuNanos() / 1e9,
                    cold.cpuNanos() / 1e9, warm.cpuNanos() / 1e9, rerun.cpuNanos() / 1e9, ok ? "" : "  RESULTS DIFFER");
            for (Map.Entry<String, Timed> e : Map.of("none", none, "cold", cold, "warm", warm, "rerun", rerun).entrySet()) {
                times.get(e.getKey()).add(e.getValue().nanos());
                cpus.get(e.getKey()).add(e.getValue().cpuNanos());
            }
            phases.computeIfAbsent("none", k -> new ArrayList<>()).add(none.phases());
            phases.computeIfAbsent("cold", k -> new ArrayList<>()).add(cold.phases());
            phases.computeIfAbsent("warm", k -> new ArrayList<>()).add(warm.phases());
        }
        double none = median(times.get("none"));
        double cold = median(times.get("cold"));
        double warm = median(times.get("warm"));
        double rerun = median(times.get("rerun"));
        o.println();
        o.printf(Locale.ROOT, "median of %d: no cache %.3f s, cold %.3f s, warm %.3f s, re-run on the open handle %.3f s%n",
                repeats, none / 1e9, cold / 1e9, warm / 1e9, rerun / 1e9);
        o.printf(Locale.ROOT, "warm speed-up: cold / warm = %.2fx (re-run: %.2fx)%n", cold / warm, cold / rerun);
        o.printf(Locale.ROOT, "cold overhead: (cold - no cache) / no cache = %+.1f%%%n", 100 * (cold - none) / none);
        double noneCpu = median(cpus.get("none"));
        double coldCpu = median(cpus.get("cold"));
        double warmCpu = median(cpus.get("warm"));
        o.printf(Locale.ROOT, "process CPU time, median: no cache %.3f s, cold %.3f s, warm %.3f s, re-run %.3f s: "
                + "cold / warm = %.2fx, cold overhead %+.1f%%%n", noneCpu / 1e9, coldCpu / 1e9, warmCpu / 1e9,
                median(cpus.get("rerun")) / 1e9, coldCpu / warmCpu, 100 * (coldCpu - noneCpu) / noneCpu);
        o.printf(Locale.ROOT, "first open of a store in this JVM (class loading): %.3f s, not in the figures above%n", firstOpen[0] / 1e9);
        o.println();
        o.printf(Locale.ROOT, "%-16s %9s %9s %9s%n", "median wall s", "no cache", "cold", "warm");
        List<String> names = phases.get("none").get(0).stream().map(PhaseRecord::phase).toList();
        for (int k = 0; k < names.size(); k++) {
            int at = k;
            o.printf(Locale.ROOT, "%-16s %9.3f %9.3f %9.3f%n", names.get(k),
                    median(phases.get("none").stream().map(l -> l.get(at).wallNanos()).toList()) / 1e9,
                    median(phases.get("cold").stream().map(l -> l.get(at).wallNanos()).toList()) / 1e9,
                    median(phases.get("warm").stream().map(l -> l.get(at).wallNanos()).toList()) / 1e9);
        }
        o.println(same ? "results: identical without cache, cold, warm and re-run" : "results: DIFFER between the ways of running");
        o.flush();
        return same ? Main.OK : Main.FAILED;
    }

    private interface CacheSource {
        ResultCache get();
    }

    private static Timed timed(TaskSet set, PipelineConfig config, ParseResult parsed, CacheSource source) {
        long c0 = processCpu();
        long t0 = System.nanoTime();
        ResultCache cache = source.get();
        long open = System.nanoTime() - t0;
        List<MapStats> before = cache.stats();
        try (Session s = Session.of(set, config, cache)) {
            PhaseRecord load = s.loadSolvers(parsed);
            RunRecord run = s.run();
            long nanos = System.nanoTime() - t0;
            long cpu = processCpu() - c0;
            List<MapStats> after = cache.stats();
            List<MapStats> delta = new ArrayList<>();
            for (int k = 0; k < after.size(); k++) {
                delta.add(after.get(k).since(before.get(k)));
            }
            List<PhaseRecord> ph = new ArrayList<>();
            ph.add(load);
            ph.addAll(run.phases());
            return new Timed(nanos, cpu, open, signature(s.pipeline()), delta, ph);
        }
    }

    /** What a run decided: the library (task, program, score, fuel) and the near misses. */
    static String signature(Pipeline p) {
        StringBuilder sb = new StringBuilder();
        for (LibraryEntry e : p.library().all()) {
            sb.append(e.task()).append(':').append(e.hash()).append(':').append(e.score()).append(':').append(e.fuel()).append(';');
        }
        p.nearMisses().forEach((t, l) -> l.forEach(n -> sb.append(t).append('~').append(n.program().hash()).append('@')
                .append(n.measures()).append(';')));
        return sb.toString();
    }

    /** CPU time of the whole process (all threads, GC included): a figure the other processes on the machine disturb less than wall time. */
    private static long processCpu() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static double median(List<Long> values) {
        return Range.of(values.stream().mapToDouble(Long::doubleValue).toArray()).median();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
