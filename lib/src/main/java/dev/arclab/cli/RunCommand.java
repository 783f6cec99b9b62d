package dev.arclab.cli;

import dev.arclab.cache.CacheOptions;
import dev.arclab.cache.MapDbCache;
import dev.arclab.cache.MapStats;
import dev.arclab.pipeline.PhaseResults;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.cache.ResultCache;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
                        + "with one line per cache map: hits this run, hits from disk, misses, time saved."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TaskOptions taskOptions;

    @Mixin
    PipelineOptions pipelineOptions;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--solvers", paramLabel = "FILE", description = "Solver file for the starting library (default: the bundled solvers).")
    Path solvers;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1", description = "Iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--out", paramLabel = "DIR", description = "Write run.json (the run record) and submission.json here.")
    Path out;

    @Option(names = "--resume", description = "Start from the solver library kept in the store by earlier runs, "
            + "as well as the solver file.")
    boolean resume;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (iterations < 0) {
            throw new ParameterException(spec.commandLine(), "--iterations must be at least 0, got " + iterations);
        }
        PipelineConfig config = Main.checked(spec, () -> pipelineOptions.apply(PipelineConfig.defaults()));
        CacheOptions opening = Main.checked(spec, storeOptions::cacheOptions);
        // Opening the store loads MapDB's classes: overlap it with reading the tasks and solvers.
        CompletableFuture<ResultCache> store = CompletableFuture.supplyAsync(() -> storeOptions.open(opening, err));
        TaskSet set = Main.checked(spec, () -> taskOptions.load(err));
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
                    pipeline.library().size(), String.format("%.3f s", load.wallSeconds()), config.threads(), config.seed());
            List<PhaseRecord> all = new ArrayList<>();
            for (int it = 1; it <= iterations; it++) {
                RunRecord r = pipeline.run();
                o.println();
                o.println("iteration " + it);
                PhaseTable.print(o, r.phases());
                o.printf("tasks with a demo-perfect program: %d of %d%n", pipeline.library().perfectTasks(), set.size());
                all.addAll(r.phases());
            }
            PhaseResults.Predicted predicted = pipeline.predict();
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
                RunRecords.write(record, out.resolve("run.json"));
                predicted.submission().write(out.resolve("submission.json"));
                o.println("wrote " + out.resolve("run.json") + " and " + out.resolve("submission.json"));
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
}
