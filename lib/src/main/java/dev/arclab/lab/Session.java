package dev.arclab.lab;

import dev.arclab.cache.CacheOptions;
import dev.arclab.cache.Caches;
import dev.arclab.cache.MapDbCache;
import dev.arclab.pipeline.Distributor;
import dev.arclab.pipeline.Batch;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.Origin;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CancellationException;
import dev.arclab.report.Experiments;
import dev.arclab.pipeline.Progress;
import dev.arclab.cache.MemoryCache;
import dev.arclab.pipeline.PhaseResults.Canonicalized;
import dev.arclab.pipeline.PhaseResults.Differed;
import dev.arclab.pipeline.PhaseResults.Filtered;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.pipeline.PhaseResults.Saved;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PhaseResults.Validated;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.strategy.Strategies;
import dev.arclab.cache.ResultCache;
import dev.arclab.pipeline.SolverLibrary;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseName;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunConfig;
import dev.arclab.profile.RunRecord;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.ParseResult;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.report.ThreadScaling;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The state of one notebook session, shared by magics and by plain Java in cells.
 *
 * <p>Settings: {@code threads} (worker pool size, default all cores), {@code seed} (every random choice,
 * default 0), {@code home} (the folder of the cache and library, default {@code $ARCLAB_HOME}, else
 * {@code ~/.arclab}) and the rest of the {@link PipelineConfig} ({@link #configure}).
 *
 * <p>State: the task set ({@link #tasks()}, the bundled ARC-AGI-1 training set until another is chosen), the
 * result cache ({@link #cache()}: the persistent store in {@link #home()}), the {@link Pipeline}
 * ({@link #pipeline()}: built on first use and rebuilt when the threads, seed, configuration, tasks or cache
 * change, keeping the solver library), the last result of each phase and the run history.
 *
 * <p>Each phase is a method that takes the previous phase's result kept here and keeps its own:
 * {@link #generate()}, {@link #score()} (of the last generate), {@link #filter()}, {@link #canonicalize()},
 * {@link #validate()}, {@link #save()}, {@link #differs()} (of the last score) and {@link #predict()};
 * {@link #run()} and {@link #iterate(int)} chain generate..differs. While one runs, the notebook's stop button
 * cancels it (it returns what finished, marked partial) and a progress bar shows in the notebook (nothing when
 * there is no notebook display). The magics are short forms of these calls:
 *
 * <pre>{@code
 * Session s = Session.current();
 * s.tasks(TaskLoader.bundled()).limit(40);     // %tasks --limit 40
 * s.loadBundledSolvers();                      // %solvers
 * RunRecord r = s.run();                       // %run
 * Tables.phases(r)                             // %timings
 * }</pre>
 *
 * There is one session per kernel ({@link #current()}). The command line's commands open their own
 * ({@link #of(TaskSet, PipelineConfig, ResultCache)}, {@link #openStore}, {@link #join}) and run it with
 * {@link #run(RunPlan, RunPlan.Listener)}: iterations within a budget, then predict; {@link #close()} lets go of the
 * cluster, the pipeline and the cache.
 */
public final class Session implements AutoCloseable {
    /** The phases that {@link #phase(String)} runs, in pipeline order. */
    public static final List<String> PHASES = Arrays.stream(PhaseName.values()).map(PhaseName::id).toList();

    private static final Session CURRENT = new Session();

    private Path home;
    /** Every pipeline setting, threads and seed included: the one place they are kept. */
    private PipelineConfig config;
    private TaskSet tasks;
    private ResultCache cache;
    private boolean privateCache;
    private Pipeline pipeline;
    private Distributor distributor;
    /** The cluster node this session joined ({@link #join}), closed when it leaves. */
    private Distributor joined;
    private PipelineKey pipelineKey;
    private final List<RunRecord> archived = new ArrayList<>();
    private final List<PhaseRecord> loosePhases = new ArrayList<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private PhaseRecord libraryLoad;
    private ThreadScaling scaling;
    private final List<String> libraryFiles = new ArrayList<>();

    public Session() {
        reset();
    }

    /**
     * A session on {@code tasks} with {@code config} (threads and seed included) and {@code cache} (e.g. a command's
     * store, or a {@link MemoryCache} for a measurement that must not touch it).
     */
    public static Session of(TaskSet tasks, PipelineConfig config, ResultCache cache) {
        return new Session().configure(c -> config).tasks(tasks).useCache(cache);
    }

    /** The session of this kernel. */
    public static Session current() {
        return CURRENT;
    }

    /**
     * Puts every setting back to its default and forgets the tasks, pipeline, library, results and history. A cluster
     * the session joined stays joined ({@link #leave()} leaves it).
     */
    public synchronized Session reset() {
        home = defaultHome();
        config = PipelineConfig.defaults();
        tasks = null;
        closePipeline();
        closeCache();
        privateCache = false;
        archived.clear();
        loosePhases.clear();
        results.clear();
        libraryLoad = null;
        libraryFiles.clear();
        scaling = null;
        return this;
    }

    // ---------------------------------------------------------------------------------------------- settings

    public synchronized int threads() {
        return config.threads();
    }

    /** Sets the worker pool size; {@code n} must be at least 1. The pipeline is rebuilt at its next use. */
    public synchronized Session threads(int n) {
        if (n < 1 || n > PipelineConfig.MAX_THREADS) {
            throw new IllegalArgumentException(n < 1 ? "threads must be at least 1, got " + n
                    : "threads must be in 1.." + PipelineConfig.MAX_THREADS + ", got " + n);
        }
        config = config.withThreads(n);
        return this;
    }

    public synchronized long seed() {
        return config.seed();
    }

    /** Sets the seed of every random choice. The pipeline is rebuilt at its next use. */
    public synchronized Session seed(long s) {
        config = config.withSeed(s);
        return this;
    }

    public synchronized Path home() {
        return home;
    }

    /**
     * Sets the home folder (made absolute; a leading {@code ~} is the user's home). The cache lives there: a
     * cache that is open elsewhere is closed and opened again in the new home at its next use.
     */
    public synchronized Session home(Path dir) {
        Path p = resolve(Objects.requireNonNull(dir, "home").toString());
        if (!p.equals(home)) {
            closeCache();
        }
        home = p;
        return this;
    }

    /** The pipeline configuration, threads and seed included. */
    public synchronized PipelineConfig config() {
        return config;
    }

    /**
     * Changes pipeline settings, threads and seed included, e.g.
     * {@code configure(c -> c.withTasksPerBatch(8).withMutation(0.2, 2))}. The pipeline is rebuilt at its next use.
     */
    public synchronized Session configure(UnaryOperator<PipelineConfig> change) {
        config = Objects.requireNonNull(change.apply(config), "configure returned null");
        return this;
    }

    // ---------------------------------------------------------------------------------------------- tasks

    /** The tasks the phases work on: those chosen with {@link #tasks(TaskSet)}, else the bundled training set. */
    public synchronized TaskSet tasks() {
        if (tasks == null) {
            tasks = TaskLoader.bundled();
        }
        return tasks;
    }

    /** True once tasks were chosen (or the bundled set was loaded as the default). */
    public synchronized boolean hasTasks() {
        return tasks != null;
    }

    /**
     * Chooses the tasks. The pipeline is rebuilt at its next use (keeping the library) and the phase results of
     * the previous tasks are forgotten.
     */
    public synchronized Session tasks(TaskSet set) {
        Objects.requireNonNull(set, "tasks");
        if (set.isEmpty()) {
            throw new IllegalArgumentException("no tasks in " + set.source());
        }
        if (set != tasks) {
            tasks = set;
            results.clear();
        }
        return this;
    }

    /** Keeps the first {@code n} tasks (by id) of the current set. */
    public synchronized Session limit(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of tasks must be at least 1, got " + n);
        }
        TaskSet t = tasks();
        if (n < t.size()) {
            tasks(new TaskSet(t.source().replaceFirst(" \\(first \\d+\\)$", "") + " (first " + n + ")",
                    t.tasks().subList(0, n)));
        }
        return this;
    }

    // ---------------------------------------------------------------------------------------------- cache

    /**
     * The result cache of this session, opened on first use: the persistent store {@code cache.db} in
     * {@link #home()}, one handle per JVM shared by every cell ({@link Caches#open(Path)}); when another process
     * holds the file, a private in-memory cache (a message says so). The one place where the session gets its
     * cache.
     */
    public synchronized ResultCache cache() {
        if (cache == null) {
            cache = privateCache ? new MemoryCache() : Caches.open(home);
        }
        return cache;
    }

    /**
     * From now on, a private in-memory cache instead of the store (which is left as it is): for measurements that
     * must start cold without emptying the store. {@link #useStore()} goes back.
     */
    public synchronized Session useMemoryCache() {
        if (!privateCache) {
            closeCache();
            privateCache = true;
        }
        return this;
    }

    /** Back to the store in {@link #home()} after {@link #useMemoryCache()}. */
    public synchronized Session useStore() {
        if (privateCache) {
            closeCache();
            privateCache = false;
        }
        return this;
    }

    /**
     * From now on, {@code c} as the result cache (the pipeline is rebuilt with it at its next use), until
     * {@link #home(Path)} moves, {@link #useMemoryCache()} or {@link #clearCache()} replaces it.
     */
    public synchronized Session useCache(ResultCache c) {
        Objects.requireNonNull(c, "cache");
        if (c != cache) {
            closeCache();
            cache = c;
        }
        privateCache = !(c instanceof MapDbCache);
        return this;
    }

    /**
     * Opens the store of {@code options} now (its home, size limit and key prefix; {@link Caches#open(CacheOptions,
     * Consumer)}: the handle this JVM has open, else the file, else a private in-memory cache after a message to
     * {@code messages}) and uses it: what a command's {@code --home} and {@code --cache-limit} ask for.
     */
    public synchronized Session openStore(CacheOptions options, Consumer<String> messages) {
        Path dir = resolve(options.home().toString());
        ResultCache opened = Caches.open(options.withHome(dir), messages);
        home = dir;
        return useCache(opened);
    }

    /** The store behind {@link #cache()}, when the cache is the persistent store (opening it if needed). */
    public synchronized Optional<MapDbCache> store() {
        return cache() instanceof MapDbCache s && s.isOpen() ? Optional.of(s) : Optional.empty();
    }

    /** Where the cache keeps its entries, in words (without opening it). */
    public synchronized String cacheLocation() {
        Path file = home.resolve(MapDbCache.FILE_NAME);
        if (privateCache) {
            return "in memory, private to this kernel (%cache store goes back to " + file + ")";
        }
        if (cache == null) {
            return file + " (opened at first use)";
        }
        if (cache instanceof MapDbCache s && s.isOpen()) {
            return String.format(Locale.ROOT, "%s (%.2f MiB on disk, session %d of the file)", s.file(),
                    s.fileBytes() / (1024.0 * 1024.0), s.session());
        }
        return "in memory, private to this kernel (" + file + " could not be used: see the message when it was opened)";
    }

    /** The result maps {@link #clearCache()} empties: canonical text, validations, scores, near-miss measures. */
    public static final List<String> RESULT_MAPS = MapDbCache.RESULT_MAPS;

    /** Forgets every cached result (the stored library and run history stay). */
    public synchronized Session clearCache() {
        return clearCache(RESULT_MAPS);
    }

    /**
     * Empties the given maps of the store: any of {@link MapDbCache#MAPS} ({@code canonical}, {@code validation},
     * {@code score}, {@code differs}, {@code library}, {@code history}) or {@code all}. An in-memory cache is
     * replaced by an empty one.
     */
    public synchronized Session clearCache(List<String> maps) {
        for (String m : maps) {
            if (!m.equals("all") && !MapDbCache.MAPS.contains(m)) {
                throw new IllegalArgumentException("no map '" + m + "'; the maps are " + String.join(", ", MapDbCache.MAPS)
                        + " (or all)");
            }
        }
        ResultCache c = cache();
        if (c instanceof MapDbCache s && s.isOpen()) {
            maps.forEach(s::clear);
        } else {
            cache = new MemoryCache();
        }
        return this;
    }

    /** The runs the store kept, of this and earlier sessions, oldest first (none with an in-memory cache). */
    public synchronized List<RunRecord> storedRuns() {
        return cache().runHistory();
    }

    /** Lets go of the cache: a store commits and stays open for the rest of the JVM (other cells share it). */
    private void closeCache() {
        if (cache != null) {
            try {
                cache.close();
            } finally {
                cache = null;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- pipeline

    /**
     * The pipeline for the current tasks, configuration and cache. Built on first use; when one of them changed
     * since, the old pipeline is closed (its runs stay in the {@link #history()}) and a new one is built with the
     * same solver library.
     */
    public synchronized Pipeline pipeline() {
        TaskSet t = tasks();
        ResultCache c = cache();
        PipelineConfig config = config();
        PipelineKey key = new PipelineKey(t, c, config);
        if (pipeline != null && key.sameAs(pipelineKey)) {
            return pipeline;
        }
        Pipeline next = new Pipeline(t, config, c);
        next.distributeTo(distributor);
        if (pipeline != null) {
            copyLibrary(pipeline.library(), next);
            closePipeline();
        }
        pipeline = next;
        pipelineKey = key;
        return pipeline;
    }

    /**
     * Runs the parallel phases of this and every later pipeline of the session through {@code d} (a
     * joined cluster, see {@code %cluster join}); null returns them to the local pool.
     */
    public synchronized void distributeTo(Distributor d) {
        this.distributor = d;
        if (pipeline != null) {
            pipeline.distributeTo(d);
        }
    }

    /**
     * Joins a cluster: {@code node} (e.g. a {@code cluster.ClusterNode} coordinator) runs the parallel phases of
     * this and every later pipeline of the session until {@link #leave()} or {@link #close()}, which close it.
     */
    public synchronized <N extends Distributor & AutoCloseable> Session join(N node) {
        Objects.requireNonNull(node, "node");
        if (joined != null && joined != node) {
            throw new IllegalStateException("the session is in a cluster already (" + joined + "): leave it first");
        }
        joined = node;
        distributeTo(node);
        return this;
    }

    /** The node this session joined ({@link #join}), if it is in a cluster. */
    public synchronized Optional<Distributor> joined() {
        return Optional.ofNullable(joined);
    }

    /** Leaves the cluster it joined, if any: the phases run on the local pool again, and the node is closed. */
    public synchronized Session leave() {
        Distributor node = joined;
        if (node != null) {
            joined = null;
            distributeTo(null);
            try {
                ((AutoCloseable) node).close();
            } catch (Exception e) {
                throw new IllegalStateException("leaving the cluster failed: " + e.getMessage(), e);
            }
        }
        return this;
    }

    /** What a pipeline was built from: the same task set and cache objects and an equal configuration. */
    private record PipelineKey(TaskSet tasks, ResultCache cache, PipelineConfig config) {
        boolean sameAs(PipelineKey o) {
            return o != null && tasks == o.tasks && cache == o.cache && config.equals(o.config);
        }
    }

    /** Copies every entry of {@code from} into {@code to}'s library, its nodes adopted into {@code to}'s table. */
    public static void copyLibrary(SolverLibrary from, Pipeline to) {
        for (LibraryEntry e : from.all()) {
            Program p = Program.of(e.task(), to.nodeTable().adopt(e.program().root()));
            to.library().offer(new LibraryEntry(e.task(), p, e.score(), e.matched(), e.total(), e.fuel(), e.nanos(),
                    e.origin()));
        }
    }

    private void closePipeline() {
        if (pipeline != null) {
            archived.addAll(pipeline.history());
            pipeline.close();
            pipeline = null;
            pipelineKey = null;
        }
    }

    /** The solver library (of the current pipeline). */
    public synchronized SolverLibrary library() {
        return pipeline().library();
    }

    /**
     * Starts over with an empty library: the pipeline is closed (its runs stay in the history) and the next one
     * starts from iteration 1 with no programs; the phase results are forgotten. The cache is kept.
     */
    public synchronized Session clearLibrary() {
        closePipeline();
        results.clear();
        loosePhases.clear();
        libraryLoad = null;
        libraryFiles.clear();
        return this;
    }

    /** The solver files loaded so far, in order. */
    public synchronized List<String> libraryFiles() {
        return List.copyOf(libraryFiles);
    }

    /** The bundled solvers into the library, each validated on its task first. */
    public PhaseRecord loadBundledSolvers() {
        return loadSolvers(BundledSolvers.parse());
    }

    /** A solver file into the library. */
    public PhaseRecord loadSolvers(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no solver file " + p);
        }
        try {
            return loadSolvers(new ProgramParser().parse(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** Parsed solver programs into the library, each validated on its task first. */
    public synchronized PhaseRecord loadSolvers(ParseResult parsed) {
        Pipeline p = pipeline();
        PhaseRecord r = track("load library", p, () -> p.loadLibrary(parsed));
        libraryLoad = r;
        libraryFiles.add(parsed.file());
        return r;
    }

    /**
     * The programs the store kept for the library in earlier sessions into the library, each validated again on
     * the current tasks (cheap when the validations are in the store too). Nothing with an in-memory cache.
     */
    public synchronized PhaseRecord restoreLibrary() {
        Pipeline p = pipeline();
        PhaseRecord r = track("restore library", p, p::restoreLibrary);
        libraryLoad = r;
        libraryFiles.add("the store's library");
        return r;
    }

    /** The timing of the last library load, if any. */
    public synchronized Optional<PhaseRecord> libraryLoad() {
        return Optional.ofNullable(libraryLoad);
    }

    // ---------------------------------------------------------------------------------------------- phases

    /** Whether every configured strategy proposes nothing from an empty library. */
    private boolean needsLibrary() {
        return config().strategies().stream().allMatch(s -> Strategies.create(s.name()).needsLibrary());
    }

    /** Picks tasks of the library and builds the batch (their best programs and mutants). */
    public synchronized Generated generate() {
        Pipeline p = pipeline();
        if (p.library().size() == 0 && needsLibrary()) {
            throw new IllegalStateException("the solver library is empty: load solvers first"
                    + " (%solvers, or Session.current().loadBundledSolvers()), or search with %config --strategy enumerate");
        }
        return keep("generate", track("generate", p, p::generate), Generated::timing);
    }

    /** Runs the batch of the last {@link #generate()} on every demo sample of every task. */
    public synchronized Scored score() {
        Generated g = need("generate", Generated.class);
        Pipeline p = pipeline();
        return keep("score", track("score", p, () -> p.score(g)), Scored::timing);
    }

    /** Keeps the unique candidates of the last {@link #score()} with enough demo matches. */
    public synchronized Filtered filter() {
        Scored s = need("score", Scored.class);
        Pipeline p = pipeline();
        return keep("filter", track("filter", p, () -> p.filter(s)), Filtered::timing);
    }

    /** The canonical text of each program kept by the last {@link #filter()}. */
    public synchronized Canonicalized canonicalize() {
        Filtered f = need("filter", Filtered.class);
        Pipeline p = pipeline();
        return keep("canonicalize", track("canonicalize", p, () -> p.canonicalize(f)),
                Canonicalized::timing);
    }

    /** Runs each program of the last {@link #canonicalize()} alone on its task's demo pairs. */
    public synchronized Validated validate() {
        Canonicalized c = need("canonicalize", Canonicalized.class);
        Pipeline p = pipeline();
        return keep("validate", track("validate", p, () -> p.validate(c)), Validated::timing);
    }

    /** Offers the programs of the last {@link #validate()} to the library. */
    public synchronized Saved save() {
        Validated v = need("validate", Validated.class);
        Pipeline p = pipeline();
        return keep("save", track("save", p, () -> p.save(v)), Saved::timing);
    }

    /** Partial credit of the near misses of the last {@link #score()}. */
    public synchronized Differed differs() {
        Scored s = need("score", Scored.class);
        Pipeline p = pipeline();
        return keep("differs", track("differs", p, () -> p.differs(s)), Differed::timing);
    }

    /** The two best programs of each task on its test inputs, and the Kaggle submission. */
    public synchronized Predicted predict() {
        Pipeline p = pipeline();
        return keep("predict", track("predict", p, p::predict), Predicted::timing);
    }

    /** Runs one phase by name ({@link #PHASES}) and returns its result. */
    public Object phase(String name) {
        return phase(PhaseName.of(name == null ? "" : name.toLowerCase(Locale.ROOT)));
    }

    /** Runs one phase on the results kept here and returns its result. */
    public Object phase(PhaseName phase) {
        return switch (phase) {
            case GENERATE -> generate();
            case SCORE -> score();
            case FILTER -> filter();
            case CANONICALIZE -> canonicalize();
            case VALIDATE -> validate();
            case SAVE -> save();
            case DIFFERS -> differs();
            case PREDICT -> predict();
        };
    }

    /** Generate..differs once; the run record joins the history. */
    public RunRecord run() {
        return run(null);
    }

    /** As {@link #run()}, the record labelled (e.g. "baseline"; null or blank for none). */
    public RunRecord run(String label) {
        return iterate(1, label);
    }

    /** Generate..differs {@code n} times, as one run record in the history. */
    public RunRecord iterate(int n) {
        return iterate(n, null);
    }

    /** As {@link #iterate(int)}, the record labelled. */
    public synchronized RunRecord iterate(int n, String label) {
        if (n < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + n);
        }
        Pipeline p = pipeline();
        if (p.library().size() == 0 && needsLibrary()) {
            throw new IllegalStateException("the solver library is empty: load solvers first"
                    + " (%solvers, or Session.current().loadBundledSolvers()), or search with %config --strategy enumerate");
        }
        p.label(label == null ? "" : label.strip());
        track(n == 1 ? "run" : "iterate " + n, p, () -> p.iterate(n));
        loosePhases.clear();
        List<RunRecord> h = history();
        return h.get(h.size() - 1);
    }

    /**
     * Iterates generate..differs as {@code plan} says (each iteration a run record of the {@link #history()}), then
     * predicts: {@code arclab run}. With a budget, the running iteration is cancelled at its deadline (what finished
     * is kept and the iteration is the last) and each generate ends by 80% of the time left; the notebook's stop button
     * cancels the same way. Predict itself is never cut. {@code listener} hears of progress, of each iteration and of
     * each prediction. Unlike {@link #iterate(int)}, an empty library is no error (generate proposes nothing).
     */
    public synchronized RunOutcome run(RunPlan plan, RunPlan.Listener listener) {
        return run(plan, null, listener);
    }

    /** As {@link #run(RunPlan, RunPlan.Listener)}, each iteration's record labelled (e.g. "baseline"; null or blank for none). */
    public synchronized RunOutcome run(RunPlan plan, String label, RunPlan.Listener listener) {
        Objects.requireNonNull(plan, "plan");
        RunPlan.Listener tell = listener == null ? RunPlan.QUIET : listener;
        Budget budget = plan.budget();
        Pipeline p = pipeline();
        p.label(label == null ? "" : label.strip());
        AtomicBoolean searching = new AtomicBoolean();
        List<RunRecord> runs = new ArrayList<>();
        List<PhaseRecord> phases = new ArrayList<>();
        Predicted predicted = null;
        int done = 0;
        boolean spent = false;
        try (Watch w = watcher.start("run", p::cancel)) {
            p.onProgress(progress -> {
                w.progress(progress);
                tell.progress(progress);
                // the budget cancels the running iteration at the deadline; predict (after it) is never cancelled
                if (budget != null && searching.get() && budget.spent()) {
                    p.cancel();
                }
            });
            try {
                if (plan.predictEveryIteration()) {
                    predicted = p.predict();
                    tell.predicted(predicted);
                }
                int most = plan.mostIterations();
                while (done < most && (budget == null || !budget.spent())) {
                    if (budget != null) {
                        p.generateDeadline(System.nanoTime() + (long) (budget.remainingNanos() * 0.8));
                    }
                    searching.set(true);
                    RunRecord r;
                    try {
                        r = p.run();
                    } finally {
                        searching.set(false);
                    }
                    done++;
                    runs.add(r);
                    phases.addAll(r.phases());
                    boolean cut = r.summary().getOrDefault("partial", 0L) != 0;
                    tell.iterated(done, r, cut);
                    if (plan.predictEveryIteration()) {
                        predicted = p.predict();
                        tell.predicted(predicted);
                    }
                    if (cut) {
                        break;
                    }
                }
                spent = budget != null && budget.spent();
                if (predicted == null) {
                    predicted = p.predict();
                }
            } finally {
                p.generateDeadline(Long.MAX_VALUE);
                p.onProgress(null);
                w.finish(p.cancelled());
            }
        }
        results.put("predict", predicted);
        loosePhases.clear();
        phases.add(predicted.timing());
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("tasks", (long) p.tasks().size());
        summary.put("tasks with a demo-perfect program", (long) p.library().perfectTasks());
        summary.put("test outputs known", (long) predicted.knownOutputs());
        summary.put("test outputs predicted", (long) predicted.predicted());
        // with no iteration there is no run: the record is predict's alone, with the session's configuration
        RunConfig runConfig = runs.isEmpty() ? p.config().runConfig(p.tasks().size(), p.library().size(), 0, "")
                : runs.get(runs.size() - 1).config();
        RunRecord record = new RunRecord("run", runs.isEmpty() ? System.currentTimeMillis() : runs.get(0).startedMillis(),
                runConfig, phases, summary);
        return new RunOutcome(done, spent, predicted, record);
    }

    /**
     * Scores {@code programs} (each with its task id; copied into the session's node table) as one batch of fresh
     * programs, without parents, on every demo sample of their tasks; kept as the last generate and score, so
     * {@link #filter()} and the rest can follow.
     */
    public synchronized Scored score(List<Program> programs) {
        Pipeline p = pipeline();
        List<Batch.Member> members = new ArrayList<>();
        for (Program program : programs) {
            Program copy = Program.of(program.taskId(), p.nodeTable().adopt(program.root()));
            members.add(new Batch.Member(copy, program.taskId(), Origin.file("given")));
        }
        Generated g = keep("generate", new Generated(new Batch(members), List.of(), null), Generated::timing);
        return keep("score", track("score", p, () -> p.score(g)), Scored::timing);
    }

    // ---------------------------------------------------------------------------------------------- results

    /** The last result of a phase ({@link #PHASES}), if it ran since the tasks were chosen. */
    public synchronized Optional<Object> result(String phase) {
        return Optional.ofNullable(results.get(phase));
    }

    public synchronized Optional<Generated> generated() {
        return typed("generate", Generated.class);
    }

    public synchronized Optional<Scored> scored() {
        return typed("score", Scored.class);
    }

    public synchronized Optional<Filtered> filtered() {
        return typed("filter", Filtered.class);
    }

    public synchronized Optional<Canonicalized> canonicalized() {
        return typed("canonicalize", Canonicalized.class);
    }

    public synchronized Optional<Validated> validated() {
        return typed("validate", Validated.class);
    }

    public synchronized Optional<Saved> saved() {
        return typed("save", Saved.class);
    }

    public synchronized Optional<Differed> differed() {
        return typed("differs", Differed.class);
    }

    public synchronized Optional<Predicted> predicted() {
        return typed("predict", Predicted.class);
    }

    private <T> Optional<T> typed(String phase, Class<T> type) {
        Object o = results.get(phase);
        return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
    }

    private <T> T need(String phase, Class<T> type) {
        return typed(phase, type).orElseThrow(() -> new IllegalStateException("no " + phase + " result yet: run "
                + "%phase " + phase + " (or %run) first"));
    }

    private <T> T keep(String phase, T result, Function<T, PhaseRecord> timing) {
        results.put(phase, result);
        PhaseRecord r = timing.apply(result);
        if (r != null) {
            loosePhases.add(r);
        }
        return result;
    }

    /**
     * Watches work of the session while it runs: the kernel installs one ({@link #watchWith}) that registers
     * the work's cancel for the notebook's stop button and shows its progress as a progress bar; by default
     * nothing watches.
     */
    @FunctionalInterface
    public interface Watcher {
        /** Starts watching {@code what}; {@code cancel} stops it. The returned watch is closed when it ends. */
        Watch start(String what, Runnable cancel);
    }

    /** A watch in progress. */
    public interface Watch extends AutoCloseable {
        default void progress(Progress p) {
        }

        /** The work ended (cancelled or not), before {@link #close()}. */
        default void finish(boolean cancelled) {
        }

        @Override
        default void close() {
        }
    }

    private static final Watcher NOBODY = (what, cancel) -> new Watch() { };
    private static volatile Watcher watcher = NOBODY;

    /** Installs the watcher of every session's work (the kernel's stop button and progress bar); null: none. */
    public static void watchWith(Watcher w) {
        watcher = w == null ? NOBODY : w;
    }

    private static <T> T track(String what, Pipeline p, Supplier<T> work) {
        try (Watch w = watcher.start(what, p::cancel)) {
            p.onProgress(w::progress);
            try {
                return work.get();
            } finally {
                p.onProgress(null);
                w.finish(p.cancelled());
            }
        }
    }

    /**
     * Thread scaling of the session's configuration: for each thread count a new pipeline on the session's tasks,
     * with a copy of its library and a fresh in-memory cache, runs {@code iterations}. The stop button cancels the
     * running pipeline and the rest.
     */
    public ThreadScaling scaling(String phase, int maxThreads, int warmups, int repeats, int iterations) {
        TaskSet tasks = tasks();
        PipelineConfig config = config();
        Pipeline source = pipeline();
        if (source.library().size() == 0) {
            throw new IllegalStateException("the solver library is empty: load solvers first (%solvers, or loadBundledSolvers())");
        }
        int[] counts = new int[maxThreads];
        for (int i = 0; i < maxThreads; i++) {
            counts[i] = i + 1;
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Pipeline> running = new AtomicReference<>();
        int total = maxThreads * (warmups + repeats);
        int[] done = {0};
        try (Watch bar = watcher.start("scaling", () -> {
            stop.set(true);
            Pipeline p = running.get();
            if (p != null) {
                p.cancel();
            }
        })) {
            try {
                ThreadScaling s = Experiments.threadScaling(phase, counts, warmups, repeats, t -> {
                    if (stop.get()) {
                        throw new CancellationException("scaling was cancelled");
                    }
                    try (Pipeline p = new Pipeline(tasks, config.withThreads(t), new MemoryCache())) {
                        copyLibrary(source.library(), p);
                        p.label(t + (t == 1 ? " thread" : " threads"));
                        running.set(p);
                        bar.progress(new Progress("runs at " + t + (t == 1 ? " thread" : " threads"), done[0],
                                total));
                        RunRecord r = p.iterate(iterations);
                        running.set(null);
                        if (p.cancelled()) {
                            throw new CancellationException("scaling was cancelled");
                        }
                        done[0]++;
                        bar.progress(new Progress("runs at " + t + (t == 1 ? " thread" : " threads"), done[0],
                                total));
                        return r;
                    }
                });
                keepScaling(s);
                return s;
            } catch (CancellationException e) {
                bar.finish(true);
                throw new IllegalStateException("scaling was cancelled after " + done[0] + " of " + total + " runs");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- history

    /**
     * Every run of this session, oldest first, numbered {@code run-1}, {@code run-2}, ... across pipeline
     * rebuilds (also those made by calling the pipeline directly).
     */
    public synchronized List<RunRecord> history() {
        List<RunRecord> all = new ArrayList<>(archived);
        if (pipeline != null) {
            all.addAll(pipeline.history());
        }
        List<RunRecord> out = new ArrayList<>(all.size());
        for (int k = 0; k < all.size(); k++) {
            RunRecord r = all.get(k);
            String id = "run-" + (k + 1);
            out.add(r.id().equals(id) ? r : new RunRecord(id, r.startedMillis(), r.config(), r.phases(), r.summary()));
        }
        return out;
    }

    /** Run number {@code n} (1 = the first) of the {@link #history()}. */
    public synchronized RunRecord historyRun(int n) {
        List<RunRecord> h = history();
        if (h.isEmpty()) {
            throw new IllegalArgumentException("no runs yet: %run or %iterate N make one");
        }
        if (n < 1 || n > h.size()) {
            throw new IllegalArgumentException("no run " + n + ": the runs are 1.." + h.size());
        }
        return h.get(n - 1);
    }

    /** The phases run one at a time since the last run (empty after {@link #run()}). */
    public synchronized List<PhaseRecord> loosePhases() {
        return List.copyOf(loosePhases);
    }

    /**
     * What {@code %timings} shows by default: the phases run one at a time since the last run, as a record named
     * "phases", if there are any; else the last run; empty when nothing ran.
     */
    public synchronized Optional<RunRecord> lastTimings() {
        if (!loosePhases.isEmpty()) {
            PipelineConfig c = config();
            int iterations = (int) loosePhases.stream().mapToInt(PhaseRecord::iteration).distinct().count();
            RunConfig rc = c.runConfig(tasks().size(), pipeline == null ? 0 : pipeline.library().size(), iterations, "phases");
            return Optional.of(new RunRecord("phases", System.currentTimeMillis(), rc, loosePhases, Map.of()));
        }
        List<RunRecord> h = history();
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
    }

    /** The last thread scaling measured with {@code %scaling}, if any. */
    public synchronized Optional<ThreadScaling> lastScaling() {
        return Optional.ofNullable(scaling);
    }

    synchronized void keepScaling(ThreadScaling s) {
        scaling = s;
    }

    /**
     * The state of the session in a few aligned lines (tasks, library, cache, runs), without loading, building or
     * opening anything.
     */
    public synchronized String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("  tasks    %s%n", tasks == null
                ? "none chosen (the bundled ARC-AGI-1 training set by default)"
                : tasks.size() + " from " + tasks.source()));
        sb.append(String.format("  library  %s%n", pipeline == null ? "empty"
                : pipeline.library().size() + " programs for " + pipeline.library().tasks().size() + " tasks"));
        sb.append(String.format("  cache    %s%n", cacheLocation()));
        sb.append(String.format("  runs     %d%n", history().size()));
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------- defaults

    /** All cores of this machine ({@link WorkerPool#defaultThreads()}). */
    public static int defaultThreads() {
        return WorkerPool.defaultThreads();
    }

    /** The home of {@link Caches#home()} (set by {@code Caches.setHome}, else {@code $ARCLAB_HOME}, else {@code ~/.arclab}), made absolute. */
    public static Path defaultHome() {
        return resolve(Caches.home().toString().trim());
    }

    public static Path resolve(String path) {
        String p = path;
        if (p.equals("~")) {
            p = System.getProperty("user.home");
        } else if (p.startsWith("~/")) {
            p = System.getProperty("user.home") + p.substring(1);
        }
        return Path.of(p).toAbsolutePath().normalize();
    }

    /**
     * Leaves the cluster (closing its node), closes the pipeline (its runs stay in the {@link #history()}) and lets
     * go of the cache (a store commits and stays open for the rest of the JVM). The session can be used again: it
     * builds a new pipeline, with an empty library, at its next use.
     */
    @Override
    public synchronized void close() {
        try {
            leave();
        } finally {
            closePipeline();
            closeCache();
        }
    }

    @Override
    public synchronized String toString() {
        return "Session[threads=" + config.threads() + ", seed=" + config.seed() + ", home=" + home
                + (tasks == null ? "" : ", tasks=" + tasks.size()) + "]";
    }
}
