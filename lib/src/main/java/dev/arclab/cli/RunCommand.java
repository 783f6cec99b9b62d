package dev.arclab.cli;

import dev.arclab.cache.CacheOptions;
import dev.arclab.cache.Caches;
import dev.arclab.cache.MapDbCache;
import dev.arclab.pipeline.MapStats;
import dev.arclab.pipeline.MemoryCache;
import dev.arclab.pipeline.PhaseResults;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.ResultCache;
import dev.arclab.pipeline.WorkerPool;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.profile.RunRecords;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.ParseResult;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code arclab run}: the search pipeline from the command line. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the search pipeline (generate, score, filter, canonicalize, validate, save, differs) "
                + "for N iterations, then predict; print a phase table per iteration.",
                "Results, the solver library and the run history are kept in the store HOME/cache.db "
                        + "(--home, else $ARCLAB_HOME, else ~/.arclab), so the next run starts warm. The output ends "
                        + "with one line per cache map: hits this run, hits from disk, misses, time saved.",
                "With --budget it iterates until the wall-clock budget is spent; with --submission it rewrites a "
                        + "Kaggle submission.json after every iteration, so stopping it at any moment leaves a valid file."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "PATH", description = "Task folder, task file or Kaggle bundle (default: the bundled training set).")
    Path tasks;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N tasks (by id).")
    Integer limit;

    @Option(names = "--solvers", paramLabel = "FILE", description = "Solver file for the starting library (default: the bundled solvers).")
    Path solvers;

    @Option(names = "--iterations", paramLabel = "N", description = "Iterations (default: 1; with --budget: as many as "
            + "the budget allows, at most N when given).")
    Integer iterations;

    @Option(names = "--budget", paramLabel = "DURATION", converter = Budget.Converter.class,
            description = "Wall-clock budget from the start of the command, e.g. 90s, 20m, 11h or 1h30m: iterate until it is "
                    + "spent, cancelling the running phase at the deadline (its finished work is kept), then predict.")
    Duration budget;

    @Option(names = "--submission", paramLabel = "FILE", description = "Kaggle submission.json, written before the first "
            + "iteration and rewritten after every iteration (temp file, then rename), always covering every task and test input.")
    Path submission;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads, 1..256 (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tasks-per-batch", paramLabel = "K", defaultValue = "32", description = "Tasks whose solvers go into a batch (default: ${DEFAULT-VALUE}).")
    int tasksPerBatch;

    @Option(names = "--mutation", paramLabel = "P", defaultValue = "0.1", description = "Per-argument mutation probability (default: ${DEFAULT-VALUE}).")
    double mutation;

    @Option(names = "--mutants", paramLabel = "M", defaultValue = "1", description = "Mutants per picked program, 0..1000 (default: ${DEFAULT-VALUE}).")
    int mutants;

    @Option(names = "--out", paramLabel = "DIR", description = "Write run.json (the run record) and submission.json here.")
    Path out;

    @Option(names = "--home", paramLabel = "DIR", description = "Home of the store cache.db (wins over $ARCLAB_HOME; default ~/.arclab).")
    Path home;

    @Option(names = "--no-store", description = "Keep results in memory only: nothing is read from or written to the store.")
    boolean noStore;

    @Option(names = "--cache-limit", paramLabel = "SIZE", description = "Size limit of the store, e.g. 500M or 2G "
            + "(default 2G); least recently used entries are evicted beyond it.")
    String cacheLimit;

    @Option(names = "--resume", description = "Start from the solver library kept in the store by earlier runs, "
            + "as well as the solver file.")
    boolean resume;

    /** The most worker threads {@code --threads} accepts. */
    static final int MAX_THREADS = 256;
    /** The most mutants per picked program {@code --mutants} accepts. */
    static final int MAX_MUTANTS = 1000;

    /** Nanosecond clock of the budget ({@link System#nanoTime()}; tests drive their own). */
    private final LongSupplier clock;

    public RunCommand() {
        this(System::nanoTime);
    }

    RunCommand(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        Budget deadline = budget == null ? null : Budget.start(budget, clock);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bad = iterations != null && iterations < 0 ? "--iterations must be at least 0, got " + iterations
                : tasksPerBatch < 1 ? "--tasks-per-batch must be at least 1, got " + tasksPerBatch
                : mutants < 0 || mutants > MAX_MUTANTS ? "--mutants must be in 0.." + MAX_MUTANTS + ", got " + mutants
                : !(mutation >= 0 && mutation <= 1) ? "--mutation must be in 0..1, got " + mutation
                : threads != null && (threads < 1 || threads > MAX_THREADS) ? "--threads must be in 1.." + MAX_THREADS
                        + " (this machine has " + Runtime.getRuntime().availableProcessors() + " cores), got " + threads
                : limit != null && limit < 1 ? "--limit must be at least 1, got " + limit
                : null;
        if (bad != null) {
            throw new ParameterException(spec.commandLine(), bad);
        }
        if (out != null) {
            // checked before the work, so a run is never lost to an output folder that cannot be written
            String problem = OutputFiles.problem(out, "--out");
            if (problem != null) {
                throw new ParameterException(spec.commandLine(), problem);
            }
        }
        CacheOptions cacheOptions = CacheOptions.at(home == null ? Caches.home() : home);
        if (cacheLimit != null) {
            try {
                cacheOptions = cacheOptions.withSizeLimit(CacheOptions.parseSize(cacheLimit));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--cache-limit: " + e.getMessage());
            }
        }
        CacheOptions opening = cacheOptions;
        // Opening the store loads MapDB's classes: overlap it with reading the tasks and solvers.
        CompletableFuture<ResultCache> store = noStore ? CompletableFuture.completedFuture(new MemoryCache())
                : CompletableFuture.supplyAsync(() -> Caches.open(opening, m -> {
                    err.println(m);
                    err.flush();
                }));
        TaskSet set = tasks == null ? TaskLoader.bundled() : TaskLoader.load(tasks);
        if (limit != null && limit < set.size()) {
            List<Task> first = set.tasks().subList(0, limit);
            set = new TaskSet(set.source() + " (first " + limit + ")", first);
        }
        ParseResult parsed;
        if (solvers == null) {
            parsed = BundledSolvers.parse();
        } else {
            if (!Files.isReadable(solvers)) {
                err.println("cannot read the solver file " + solvers);
                err.flush();
                return Main.FAILED;
            }
            parsed = new ProgramParser().parse(solvers);
        }
        parsed.errors().forEach(e -> err.println(e));
        PipelineConfig config = PipelineConfig.defaults()
                .withThreads(threads == null ? WorkerPool.defaultThreads() : threads)
                .withSeed(seed).withTasksPerBatch(tasksPerBatch).withMutation(mutation, mutants);
        ResultCache cache = store.join();
        List<MapStats> cacheBefore = cache.stats();
        try (Pipeline pipeline = new Pipeline(set, config, cache)) {
            if (cache instanceof MapDbCache s) {
                o.printf("store %s (session %d)%n", s.file(), s.session());
            }
            if (resume) {
                PhaseRecord restored = pipeline.restoreLibrary();
                o.printf(java.util.Locale.ROOT, "%d programs restored from the store, %d kept (%.3f s)%n", restored.counter("programs"),
                        restored.counter("kept"), restored.wallSeconds());
            }
            PhaseRecord load = pipeline.loadLibrary(parsed);
            o.printf("%d tasks, %d solver programs loaded (%s), %d threads, seed %d%n", set.size(),
                    pipeline.library().size(), String.format("%.3f s", load.wallSeconds()), config.threads(), seed);
            List<PhaseRecord> all = new ArrayList<>();
            // The budget cancels the running iteration at the deadline; predict (after it) is never cancelled.
            AtomicBoolean searching = new AtomicBoolean();
            if (deadline != null) {
                pipeline.onProgress(p -> {
                    if (searching.get() && deadline.spent()) {
                        pipeline.cancel();
                    }
                });
            }
            PhaseResults.Predicted predicted = submission == null ? null : predictAndWrite(pipeline, o);
            int most = iterations != null ? iterations : deadline != null ? Integer.MAX_VALUE : 1;
            int done = 0;
            while (done < most && (deadline == null || !deadline.spent())) {
                searching.set(true);
                RunRecord r;
                try {
                    r = pipeline.run();
                } finally {
                    searching.set(false);
                }
                done++;
                boolean cut = r.summary().getOrDefault("partial", 0L) != 0;
                o.println();
                o.println("iteration " + done + (cut ? " (cut short by the budget: its unfinished phases are left out)" : ""));
                PhaseTable.print(o, r.phases());
                o.printf("tasks with a demo-perfect program: %d of %d%n", pipeline.library().perfectTasks(), set.size());
                if (deadline != null) {
                    o.println("budget left: " + Budget.format(deadline.remainingNanos()) + " of " + Budget.format(budget.toNanos()));
                }
                all.addAll(r.phases());
                predicted = submission == null ? null : predictAndWrite(pipeline, o);
                o.flush();
                if (cut) {
                    break;
                }
            }
            if (deadline != null) {
                o.println();
                o.printf("budget %s: %d iteration%s, %s%n", Budget.format(budget.toNanos()), done, done == 1 ? "" : "s",
                        deadline.spent() ? "spent" : "not spent (--iterations reached)");
            }
            if (predicted == null) {
                predicted = pipeline.predict();
            }
            all.add(predicted.timing());
            o.println();
            PhaseTable.print(o, List.of(predicted.timing()));
            if (predicted.knownOutputs() > 0) {
                o.printf("test outputs predicted: %d of %d%n", predicted.predicted(), predicted.knownOutputs());
            }
            if (out != null) {
                Files.createDirectories(out);
                Map<String, Long> summary = new LinkedHashMap<>();
                summary.put("tasks", (long) set.size());
                summary.put("tasks with a demo-perfect program", (long) pipeline.library().perfectTasks());
                summary.put("test outputs known", (long) predicted.knownOutputs());
                summary.put("test outputs predicted", (long) predicted.predicted());
                RunRecord last = pipeline.history().get(pipeline.history().size() - 1);
                RunRecord record = new RunRecord("run", pipeline.history().isEmpty() ? System.currentTimeMillis()
                        : pipeline.history().get(0).startedMillis(), last.config(), all, summary);
                Path written = writeOutputs(out, RunRecords.toJson(record), predicted.submission().toJson(), err);
                o.println("wrote " + written.resolve("run.json") + " and " + written.resolve("submission.json"));
            }
            cache.commit();
            o.println();
            List<MapStats> after = cache.stats();
            for (int k = 0; k < after.size(); k++) {
                MapStats d = after.get(k).since(cacheBefore.get(k));
                o.printf(java.util.Locale.ROOT, "cache %s: %d hits this run, %d hits from disk, %d misses, %.3f s saved%n", d.map(), d.sessionHits(),
                        d.diskHits(), d.misses(), d.savedSeconds());
            }
        }
        o.flush();
        return Main.OK;
    }

    /**
     * Writes run.json and submission.json whole into {@code dir}; when that fails (the folder was checked
     * before the work, so the disk filled or it was removed since), into a new temporary folder, saying
     * why and where. Returns the folder written.
     */
    static Path writeOutputs(Path dir, String run, String submission, PrintWriter err) throws IOException {
        try {
            OutputFiles.writeWhole(dir.resolve("run.json"), run);
            OutputFiles.writeWhole(dir.resolve("submission.json"), submission);
            return dir;
        } catch (IOException e) {
            Path safe = Files.createTempDirectory("arclab-run-");
            OutputFiles.writeWhole(safe.resolve("run.json"), run);
            OutputFiles.writeWhole(safe.resolve("submission.json"), submission);
            err.println("arclab run: could not write to " + dir + " (" + e.getMessage() + "); wrote the results to " + safe
                    + " instead");
            err.flush();
            return safe;
        }
    }

    /** Predicts with the library as it is and rewrites the --submission file (temp file, then rename). */
    private PhaseResults.Predicted predictAndWrite(Pipeline pipeline, PrintWriter o) {
        PhaseResults.Predicted p = pipeline.predict();
        p.submission().write(submission);
        long guessed = p.tasks().stream().filter(t -> !t.programs().isEmpty()).count();
        o.printf("submission %s: %d of %d tasks with a program's guess%n", submission, guessed, pipeline.tasks().size());
        o.flush();
        return p;
    }
}
