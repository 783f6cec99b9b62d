package dev.arclab.cli;

import dev.arclab.cache.CacheOptions;
import dev.arclab.cache.MapStats;
import dev.arclab.cache.ResultCache;
import dev.arclab.lab.Budget;
import dev.arclab.lab.RunOutcome;
import dev.arclab.lab.RunPlan;
import dev.arclab.lab.Session;
import dev.arclab.pipeline.PhaseResults;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.Progress;
import dev.arclab.profile.PhaseRecord;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
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

    @Option(names = "--budget", paramLabel = "DURATION", converter = DurationConverter.class,
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
        try (Session session = new Session()) {
            session.configure(c -> config);
            // Opening the store loads MapDB's classes: overlap it with reading the tasks and solvers.
            CompletableFuture<Session> store = CompletableFuture.supplyAsync(() -> storeOptions.openIn(session, opening, err));
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
            store.join();
            if (set.isEmpty()) {
                err.println("arclab run: no tasks in " + set.source());
                err.flush();
                return Main.FAILED;
            }
            session.tasks(set);
            List<MapStats> cacheBefore = session.cache().stats();
            if (clusterSettings != null) {
                ClusterOptions.join(clusterSettings, session, o);
            }
            session.store().ifPresent(s -> o.printf("store %s (session %d)%n", s.file(), s.session()));
            if (resume) {
                PhaseRecord restored = session.restoreLibrary();
                o.printf(Locale.ROOT, "%d programs restored from the store, %d kept (%.3f s)%n", restored.counter("programs"),
                        restored.counter("kept"), restored.wallSeconds());
            }
            PhaseRecord load = session.loadSolvers(parsed);
            o.printf("%d tasks, %d solver programs loaded (%s), %d threads, seed %d%n", set.size(),
                    session.library().size(), String.format("%.3f s", load.wallSeconds()), config.threads(), config.seed());
            // a progress line on a terminal (long phases, e.g. a generate of many mutants, show they move)
            Consumer<Progress> line = ProgressLine.forTerminal(err);
            RunOutcome run = session.run(new RunPlan(iterations, deadline, submission != null), new RunPlan.Listener() {
                @Override
                public void progress(Progress p) {
                    line.accept(p);
                }

                @Override
                public void iterated(int number, RunRecord r, boolean cut) {
                    clear(line);
                    o.println();
                    o.println("iteration " + number + (cut ? " (cut short by the budget: its unfinished phases are left out)" : ""));
                    PhaseTable.print(o, r.phases());
                    o.printf("tasks with a demo-perfect program: %d of %d%n", session.library().perfectTasks(), set.size());
                    if (deadline != null) {
                        o.println("budget left: " + Budget.format(deadline.remainingNanos()) + " of " + Budget.format(budget.toNanos()));
                    }
                    o.flush();
                }

                @Override
                public void predicted(PhaseResults.Predicted p) {
                    p.submission().write(submission);
                    long guessed = p.tasks().stream().filter(t -> !t.programs().isEmpty()).count();
                    o.printf("submission %s: %d of %d tasks with a program's guess%n", submission, guessed, set.size());
                    o.flush();
                }
            });
            clear(line);
            if (deadline != null) {
                o.println();
                o.printf("budget %s: %d iteration%s, %s%n", Budget.format(budget.toNanos()), run.iterations(),
                        run.iterations() == 1 ? "" : "s", run.budgetSpent() ? "spent" : "not spent (--iterations reached)");
            }
            PhaseResults.Predicted predicted = run.predicted();
            o.println();
            PhaseTable.print(o, List.of(predicted.timing()));
            if (predicted.knownOutputs() > 0) {
                o.printf("test outputs predicted: %d of %d%n", predicted.predicted(), predicted.knownOutputs());
            }
            if (out != null) {
                Files.createDirectories(out);
                Path written = writeOutputs(out, RunRecords.toJson(run.record()), predicted.submission().toJson(), err);
                o.println("wrote " + written.resolve("run.json") + " and " + written.resolve("submission.json"));
            }
            ResultCache cache = session.cache();
            cache.commit();
            o.println();
            List<MapStats> after = cache.stats();
            for (int k = 0; k < after.size(); k++) {
                MapStats d = after.get(k).since(cacheBefore.get(k));
                o.printf(Locale.ROOT, "cache %s: %d hits this run, %d hits from disk, %d misses, %.3f s saved%n", d.map(), d.sessionHits(),
                        d.diskHits(), d.misses(), d.savedSeconds());
            }
        }
        o.flush();
        return Main.OK;
    }

    /** Wipes the progress line, when there is one. */
    private static void clear(Consumer<Progress> line) {
        if (line instanceof ProgressLine shown) {
            shown.clear();
        }
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
}
