package dev.arclab.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.arclab.cache.MemoryCache;
import dev.arclab.lab.Session;
import dev.arclab.pipeline.Batch;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.Origin;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PhaseResults.TaskScores;
import dev.arclab.pipeline.SolverLibrary;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.ParseResult;
import dev.arclab.program.Program;
import dev.arclab.report.Bench;
import dev.arclab.report.Range;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code arclab bench-seeds}: the runaway-candidate benchmark. For each of N seeds, a short run (K tasks
 * that have a bundled solver, their solvers plus mutants, no store) once with a fixed fuel budget and no
 * early exit (A) and once with adaptive fuel and early exit (B), interleaved A B / B A seed by seed after
 * a shared warm-up. Prints per configuration the median and worst iteration wall time (worst/median is
 * what a runaway mutant shows up in), score's median and worst, timeouts and samples skipped; then
 * whether anything solved under A is lost under B: the tasks solved, the bundled solvers and the
 * programs A's runs found, scored under B's budgets. Per iteration index it also gives the fuel score ran:
 * the work, which the machine's load and the JVM's heap growth do not change (CPU time counts the page faults
 * of heap pages the JVM touches for the first time: run it with {@code -XX:+AlwaysPreTouch}, as the launcher does).
 */
@Command(name = "bench-seeds", mixinStandardHelpOptions = true,
        description = "Worst vs median iteration over many seeds, fixed fuel vs adaptive fuel + early exit, interleaved.")
public final class BenchSeedsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "32",
            description = "The first K bundled tasks that have a bundled solver (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "20", description = "Seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--iterations", paramLabel = "I", defaultValue = "3", description = "Iterations per run (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--mutants", paramLabel = "M", defaultValue = "1", description = "Mutants per picked program (default: ${DEFAULT-VALUE}).")
    int mutants;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--keep", paramLabel = "K", defaultValue = "" + PipelineConfig.DEFAULT_KEEP,
            description = "Programs kept per task (default: ${DEFAULT-VALUE}); a small K fills the lists, so early exit has work to skip.")
    int keep;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "8",
            description = "Unmeasured runs of each configuration first, on other seeds, while the JIT warms up (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--verbose", description = "Also print every iteration of every seed, phase by phase.")
    boolean verbose;

    /** What one configuration's runs add up to. */
    private static final class Totals {
        final String name;
        final List<Double> iterationWalls = new ArrayList<>();
        final List<Double> scoreWalls = new ArrayList<>();
        final List<Double> iterationCpus = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final TreeMap<Integer, List<Double>> wallByIteration = new TreeMap<>();
        final TreeMap<Integer, List<Double>> cpuByIteration = new TreeMap<>();
        final TreeMap<Integer, List<Double>> fuelByIteration = new TreeMap<>();
        long timeouts;
        long skipped;
        long programSamples;
        long solved;
        final Set<String> solvedTasks = new TreeSet<>();

        Totals(String name) {
            this.name = name;
        }

        void add(RunRecord run, SolverLibrary library, long seed) {
            TreeMap<Integer, List<PhaseRecord>> byIteration = new TreeMap<>();
            for (PhaseRecord r : run.phases()) {
                byIteration.computeIfAbsent(r.iteration(), k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<Integer, List<PhaseRecord>> e : byIteration.entrySet()) {
                List<PhaseRecord> it = e.getValue();
                iterationWalls.add(it.stream().mapToLong(PhaseRecord::wallNanos).sum() / 1e9);
                iterationCpus.add(it.stream().mapToLong(PhaseRecord::cpuNanos).sum() / 1e9);
                StringBuilder label = new StringBuilder("seed " + seed + " iteration " + e.getKey() + ":");
                for (PhaseRecord r : it) {
                    label.append(String.format(Locale.ROOT, " %s %.3f/%.3f", r.phase(), r.wallSeconds(), r.cpuNanos() / 1e9));
                }
                labels.add(label.toString());
                wallByIteration.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(iterationWalls.get(iterationWalls.size() - 1));
                cpuByIteration.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(iterationCpus.get(iterationCpus.size() - 1));
                fuelByIteration.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((double) it.stream().mapToLong(r -> r.counter("fuel run")).sum());
                for (PhaseRecord r : it) {
                    if (r.phase().equals("score")) {
                        scoreWalls.add(r.wallSeconds());
                        timeouts += r.counter("timeouts");
                        skipped += r.counter("samples skipped");
                        programSamples += r.counter("program samples");
                    }
                }
            }
            for (String t : library.tasks()) {
                LibraryEntry best = library.best(t).orElseThrow();
                if (best.scoreKnown() && best.score() == 1.0) {
                    solved++;
                    solvedTasks.add(seed + "/" + t);
                }
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (tasks < 1 || seeds < 1 || iterations < 1 || mutants < 0 || threads < 1 || warmup < 0 || keep < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--limit, --seeds, --iterations, --threads and --keep must be at least 1, --mutants and --warmup at least 0");
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
        PipelineConfig adaptive = PipelineConfig.defaults().withStrategies(PipelineConfig.MUTATE_ONLY).withThreads(threads).withTasksPerBatch(set.size())
                .withMutation(PipelineConfig.DEFAULT_MUTATION, mutants).withKeepPerTask(keep);
        PipelineConfig fixed = adaptive.withAdaptiveFuel(0, adaptive.fuelFloor(), adaptive.fuelPerCell()).withEarlyExit(false);
        out.printf(Locale.ROOT, "bench-seeds: %d tasks, %d solvers plus %d mutant(s) each, %d seeds x %d iterations, %d thread(s);%n"
                        + "A = fixed fuel %d per node, no early exit; B = adaptive fuel (x%.0f parent, floor %d, %d per cell) + early exit;%n"
                        + "run A B for even rounds, B A for odd ones (the harness Bench), after %d shared warm-up round(s) on other seeds. The machine may be shared: compare ratios.%n",
                set.size(), solvers.programs().size(), mutants, seeds, iterations, threads, fixed.fuel(), adaptive.fuelFactor(),
                adaptive.fuelFloor(), adaptive.fuelPerCell(), warmup);
        if (!heapPreTouched()) {
            out.println("note: this JVM does not pre-touch its heap (-XX:+AlwaysPreTouch): the first use of each heap page it commits while"
                    + " growing is a page fault counted in the CPU time of the seed that makes it (measured 3-5x on whole seeds);"
                    + " the launcher (lib/target/arclab bench-seeds) starts it in a fixed 1 GB heap touched at start (-Xms1g -Xmx1g -XX:+AlwaysPreTouch). The fuel columns do not depend on it.");
        }
        out.flush();
        Totals a = new Totals("A fixed");
        Totals b = new Totals("B adaptive+exit");
        List<LibraryEntry> foundByA = new ArrayList<>();
        // Round k runs seed k - warmup under A and B (the warm-up rounds take the negative seeds), rotated:
        // A B in one round, B A in the next.
        Map<String, Supplier<RunRecord>> configs = new LinkedHashMap<>();
        for (boolean isA : new boolean[] {true, false}) {
            long[] next = {-warmup};
            configs.put(isA ? "A" : "B", () -> {
                long seed = next[0]++;
                PipelineConfig c = (isA ? fixed : adaptive).withSeed(seed);
                try (Session s = Session.of(set, c, new MemoryCache())) {
                    s.loadSolvers(solvers);
                    RunRecord r = s.iterate(iterations);
                    if (seed >= 0) {
                        (isA ? a : b).add(r, s.library(), seed);
                        if (isA) {
                            for (LibraryEntry e : s.library().all()) {
                                if (e.scoreKnown() && e.score() == 1.0 && e.origin().kind() != Origin.Kind.FILE) {
                                    foundByA.add(e);
                                }
                            }
                        }
                    }
                    return r;
                }
            });
        }
        Bench.interleaved(warmup, seeds, true, configs);
        out.printf(Locale.ROOT, "%n%-16s %10s %10s %8s %10s %10s %9s %9s %8s%n", "configuration", "median it", "worst it",
                "worst/med", "score med", "score max", "timeouts", "skipped", "solved");
        for (Totals t : List.of(a, b)) {
            Range it = Range.of(t.iterationWalls);
            Range sc = Range.of(t.scoreWalls);
            out.printf(Locale.ROOT, "%-16s %10.4f %10.4f %8.2f %10.4f %10.4f %9d %9d %8d%n", t.name, it.median(), it.max(),
                    it.max() / it.median(), sc.median(), sc.max(), t.timeouts, t.skipped, t.solved);
        }
        for (Totals t : List.of(a, b)) {
            out.printf(Locale.ROOT, "%s: samples skipped by early exit %d of %d program-samples scored (%.1f%%)%n", t.name, t.skipped,
                    t.programSamples, t.programSamples == 0 ? 0.0 : 100.0 * t.skipped / t.programSamples);
        }
        out.printf(Locale.ROOT, "%n%-16s %10s %10s %8s   (cpu s of the iterations: wall well above cpu is the machine's load, not our work)%n",
                "configuration", "median cpu", "worst cpu", "worst/med");
        for (Totals t : List.of(a, b)) {
            Range c = Range.of(t.iterationCpus);
            out.printf(Locale.ROOT, "%-16s %10.4f %10.4f %8.2f%n", t.name, c.median(), c.max(), c.max() / c.median());
        }
        for (Totals t : List.of(a, b)) {
            int worst = 0;
            for (int k = 1; k < t.iterationWalls.size(); k++) {
                worst = t.iterationWalls.get(k) > t.iterationWalls.get(worst) ? k : worst;
            }
            out.printf(Locale.ROOT, "worst %s: %s (wall %.3f s, cpu %.3f s)%n", t.name, t.labels.get(worst), t.iterationWalls.get(worst),
                    t.iterationCpus.get(worst));
        }
        if (verbose) {
            out.printf(Locale.ROOT, "%nevery iteration (phase wall/cpu seconds):%n");
            for (Totals t : List.of(a, b)) {
                for (int k = 0; k < t.labels.size(); k++) {
                    out.printf(Locale.ROOT, "%s %s, cpu %.4f%n", t.name, t.labels.get(k), t.iterationCpus.get(k));
                }
            }
        }
        Range ia = Range.of(a.iterationWalls);
        Range ib = Range.of(b.iterationWalls);
        out.printf(Locale.ROOT, "%nacross the %d seeds, iteration by iteration (the first of a run scores everything, later ones hit its cache;%n"
                + "fuel: what score ran, the work itself, which no machine's load or heap changes):%n", seeds);
        out.printf(Locale.ROOT, "%-16s %4s %10s %10s %9s %10s %10s %9s %12s %12s %9s%n", "configuration", "it", "median cpu", "worst cpu", "worst/med",
                "median wall", "worst wall", "worst/med", "median fuel", "worst fuel", "worst/med");
        boolean within = true;
        for (Totals t : List.of(a, b)) {
            for (int it : t.cpuByIteration.keySet()) {
                Range c = Range.of(t.cpuByIteration.get(it));
                Range w = Range.of(t.wallByIteration.get(it));
                Range f = Range.of(t.fuelByIteration.get(it));
                out.printf(Locale.ROOT, "%-16s %4d %10.4f %10.4f %9.2f %10.4f %10.4f %9.2f %12.0f %12.0f %9.2f%n", t.name, it, c.median(), c.max(),
                        c.max() / c.median(), w.median(), w.max(), w.max() / w.median(), f.median(), f.max(), f.max() / f.median());
                if (t == b) {
                    within &= c.max() <= 3 * c.median();
                }
            }
        }
        out.printf(Locale.ROOT, "B's worst seed within 3x of the median seed at every iteration (CPU): %s; B/A median iteration wall %.2f, worst %.2f%n",
                within ? "yes" : "NO", ib.median() / ia.median(), ib.max() / ia.max());
        Set<String> lostTasks = new TreeSet<>(a.solvedTasks);
        lostTasks.removeAll(b.solvedTasks);
        out.printf(Locale.ROOT, "(seed, task) solved by A's runs but not B's: %d%s%n", lostTasks.size(),
                lostTasks.isEmpty() ? "" : " " + lostTasks);
        int[] bundledKept = keptUnderBudgets(set, adaptive, solvers.programs().stream().map(p -> new LibraryEntry(p.taskId(), p,
                1.0, 0, 0, 0, 0, Origin.file("bundled"))).toList());
        out.printf(Locale.ROOT, "bundled solvers scored as fresh programs under B's budgets: %d of %d still solve their task%n",
                bundledKept[0], bundledKept[1]);
        int[] foundKept = keptUnderBudgets(set, adaptive, foundByA);
        out.printf(Locale.ROOT, "demo-perfect programs A's runs found, scored as fresh programs under B's budgets: %d of %d still solve their task%n",
                foundKept[0], foundKept[1]);
        out.flush();
        return foundKept[0] == foundKept[1] && bundledKept[0] == bundledKept[1] ? Main.OK : Main.FAILED;
    }

    /** Whether the JVM touched its committed heap at start ({@code -XX:+AlwaysPreTouch}). */
    static boolean heapPreTouched() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return hotspot != null && Boolean.parseBoolean(hotspot.getVMOption("AlwaysPreTouch").getValue());
    }

    /** How many of {@code entries} match every demo sample of their task when scored in one batch under {@code config}. */
    private static int[] keptUnderBudgets(TaskSet set, PipelineConfig config, List<LibraryEntry> entries) {
        try (Session session = Session.of(set, config.withEarlyExit(false), new MemoryCache())) {
            List<Program> programs = new ArrayList<>();
            Set<String> seen = new TreeSet<>();
            for (LibraryEntry e : entries) {
                if (seen.add(e.task() + "|" + e.hash())) {
                    programs.add(e.program().withTaskId(e.task()));
                }
            }
            if (programs.isEmpty()) {
                return new int[] {0, 0};
            }
            Scored s = session.score(programs);
            Batch batch = s.batch();
            int ok = 0;
            for (TaskScores t : s.tasks()) {
                for (int m = 0; m < batch.size(); m++) {
                    if (batch.members().get(m).task().equals(t.task()) && t.matched(m) == t.expected().length) {
                        ok++;
                    }
                }
            }
            return new int[] {ok, programs.size()};
        }
    }
}
