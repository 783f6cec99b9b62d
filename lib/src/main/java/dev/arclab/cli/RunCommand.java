package dev.arclab.cli;

import dev.arclab.cache.CacheOptions;
import dev.arclab.cache.MapDbCache;
import dev.arclab.cache.MapStats;
import dev.arclab.cache.ResultCache;
import dev.arclab.pipeline.PhaseResults;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunConfig;
import dev.arclab.profile.RunRecord;
import dev.arclab.profile.RunRecords;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.ParseResult;
import dev.arclab.program.ProgramParser;
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
import picocli.CommandLine.Mixin;
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

    @Mixin
    TaskOptions taskOptions;

    @Mixin
    PipelineOptions pipelineOptions;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    ClusterOptions clusterOptions;

    @Option(names = "--solvers", paramLabel = "FILE", description = "Solver file for the starting library (default: the "
            + "bundled solvers; none: an empty library, for a search from scratch).")
    Path solvers;

    @Option(names = "--iterations", paramLabel = "N", description = "Iterations (default: 1; with --budget: as many as "
            + "the budget allows, at most N when given).")
    Integer iterations;

    @Option(names = "--budget", paramLabel = "DURATION", converter = Budget.Converter.class,
            description = "Wall-clock budget from the start of the command, e.g. 90s, 20m, 11h or 1h30m: iterate until it is "
                    + "spent, cancelling the running phase at the deadline (its finished work is kept), then predict. Each "
                    + "iteration's generate phase ends by 80%% of the time left, so its candidates are still scored and saved.")
    Duration budget;

    @Option(names = "--submission", paramLabel = "FILE", description = "Kaggle submission.json, written before the first "
            + "iteration and rewritten after every iteration (temp file, then rename), always covering every task and test input.")
    Path submission;

    @Option(names = "--out", paramLabel = "DIR", description = "Write run.json (the run record) and submission.json here.")
    Path out;

    @Option(names = "--resume", description = "Start from the solver library kept in the store by earlier runs, "
            + "as well as the solver file.")
    boolean resume;

    /** Nanosecond clock of the budget ({@link System#nanoTime()}; tests drive their own). */
    private final LongSupplier clock;

    public RunCommand() {
        this(System::nanoTime);
    }

    RunCommand(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        Budget deadline = budget == null ? null : Budget.start(budget, clock);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (iterations != null && iterations < 0) {
            throw new ParameterException(spec.commandLine(), "--iterations must be at least 0, got " + iterations);
        }
        PipelineConfig config = Main.checked(spec, () -> pipelineOptions.apply(PipelineConfig.defaults()));
        if (out != null) {
            // checked before the work, so a run is never lost to an output folder that cannot be written
            String problem = OutputFiles.problem(out, "--out");
            if (problem != null) {
                throw new ParameterException(spec.commandLine(), problem);
            }
        }
        CacheOptions opening = Main.checked(spec, storeOptions::cacheOptions);
        dev.arclab.cluster.ClusterSettings clusterSettings = clusterOptions.joining()
                ? Main.checked(spec, () -> clusterOptions.apply(dev.arclab.cluster.ClusterSettings.local())) : null;
        // Opening the store loads MapDB's classes: overlap it with reading the tasks and solvers.
        CompletableFuture<ResultCache> store = CompletableFuture.supplyAsync(() -> storeOptions.open(opening, err));
        TaskSet set = Main.checked(spec, () -> taskOptions.load(err));
        ParseResult parsed;
        if (solvers == null) {
            parsed = BundledSolvers.parse();
        } else if (solvers.toString().equals("none")) {
            parsed = new ProgramParser().parse("none", "");
        } else {
            if (!Files.isReadable(solvers)) {
                err.println("cannot read the solver file " + solvers);
                err.flush();
                return Main.FAILED;
            }
            parsed = new ProgramParser().parse(solvers);
        }
        parsed.errors().forEach(e -> err.println(e));
        ResultCache cache = store.join();
        List<MapStats> cacheBefore = cache.stats();
        try (Pipeline pipeline = new Pipeline(set, config, cache);
                AutoCloseable cluster = clusterSettings == null ? null : ClusterOptions.join(clusterSettings, pipeline, o)) {
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
                    pipeline.library().size(), String.format("%.3f s", load.wallSeconds()), config.threads(), config.seed());
            List<PhaseRecord> all = new ArrayList<>();
            // The budget cancels the running iteration at the deadline; predict (after it) is never cancelled.
            AtomicBoolean searching = new AtomicBoolean();
            // a progress line on a terminal (long phases, e.g. a generate of many mutants, show they move)
            java.util.function.Consumer<dev.arclab.pipeline.Progress> line = ProgressLine.forTerminal(err);
            pipeline.onProgress(p -> {
                line.accept(p);
                if (deadline != null && searching.get() && deadline.spent()) {
                    pipeline.cancel();
                }
            });
            PhaseResults.Predicted predicted = submission == null ? null : predictAndWrite(pipeline, o);
            int most = iterations != null ? iterations : deadline != null ? Integer.MAX_VALUE : 1;
            int done = 0;
            while (done < most && (deadline == null || !deadline.spent())) {
                if (deadline != null) {
                    pipeline.generateDeadline(System.nanoTime() + (long) (deadline.remainingNanos() * 0.8));
                }
                searching.set(true);
                RunRecord r;
                try {
                    r = pipeline.run();
                } finally {
                    searching.set(false);
                }
                done++;
                if (line instanceof ProgressLine shown) {
                    shown.clear();
                }
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
                if (line instanceof ProgressLine shown) {
                    shown.clear();
                }
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
                List<RunRecord> history = pipeline.history();
                // with --iterations 0 there is no run: the record is predict's alone, with the run's configuration
                RunConfig runConfig = history.isEmpty() ? config.runConfig(set.size(), pipeline.library().size(), 0, "")
                        : history.get(history.size() - 1).config();
                RunRecord record = new RunRecord("run", history.isEmpty() ? System.currentTimeMillis()
                        : history.get(0).startedMillis(), runConfig, all, summary);
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
