package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import dev.arclab.cache.MapStats;
import dev.arclab.cache.ResultCache;
import dev.arclab.dsl.Dsl;
import dev.arclab.pipeline.Distributor;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.PhaseResults.NearMiss;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.Progress;
import dev.arclab.pipeline.ResultCodecs;
import dev.arclab.pipeline.RemoteWork;
import dev.arclab.pipeline.ResultMaps;
import dev.arclab.pipeline.SolverLibrary;
import dev.arclab.pipeline.StoredProgram;
import dev.arclab.pipeline.Validator;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.program.Interpreter;
import dev.arclab.program.NodeTable;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.task.TaskHashes;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every phase works with: the tasks (with and without test outputs), the configuration, the one
 * worker pool, the result cache and its maps, the solver library, the node table programs are built in,
 * the iteration number, the near misses of the last differs, the progress listener, the cancellation
 * flag, and the records of the phases run so far. {@code Pipeline} builds one per session and chains the
 * phases on it; a phase reads and writes the session's state only through it.
 */
public final class PhaseContext {
    private final TaskSet tasks;
    private final TaskSet demoTasks;
    private final PipelineConfig config;
    private final WorkerPool pool;
    /** The session's own cache; {@link #cache} is it, or the distributor's shared cache in front of it. */
    private final ResultCache ownCache;
    private volatile ResultCache cache;
    private volatile ResultMaps maps;
    private final SolverLibrary library;
    private final NodeTable table = new NodeTable();
    private final Interpreter interpreter;
    private final Validator validator;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<String, String[]> sampleKeys = new HashMap<>();
    private final Map<String, String> demoHashes = new HashMap<>();
    private final String keyBase;
    private final List<PhaseRecord> phases = new ArrayList<>();
    private volatile Map<String, List<NearMiss>> nearMisses = Map.of();
    private volatile Consumer<Progress> progress = p -> { };
    private volatile Distributor distributor;
    private byte[] tasksPart;
    private volatile long generateDeadline = Long.MAX_VALUE;
    private int iteration;

    public PhaseContext(TaskSet tasks, PipelineConfig config, ResultCache cache) {
        this.tasks = tasks;
        this.demoTasks = tasks.withoutTestOutputs();
        this.config = config;
        this.pool = new WorkerPool(config.threads());
        this.ownCache = cache;
        this.cache = cache;
        this.maps = ResultMaps.of(cache);
        this.library = new SolverLibrary(config.keepPerTask());
        this.interpreter = new Interpreter(config.fuel());
        this.validator = new Validator(interpreter);
        this.keyBase = Dsl.VERSION + "|fuel=" + config.fuel();
        for (Task t : demoTasks) {
            demoHashes.put(t.id(), TaskHashes.demoHash(t));
            String[] keys = new String[t.demo().size()];
            for (int k = 0; k < keys.length; k++) {
                Example ex = t.demo().get(k);
                keys[k] = TaskHashes.gridHash(ex.input()) + ">" + TaskHashes.gridHash(ex.output());
            }
            sampleKeys.put(t.id(), keys);
        }
    }

    /** The tasks with their test outputs: only predict reads these. */
    public TaskSet tasks() {
        return tasks;
    }

    /** The tasks without test outputs: what every phase but predict sees. */
    public TaskSet demoTasks() {
        return demoTasks;
    }

    public PipelineConfig config() {
        return config;
    }

    public WorkerPool pool() {
        return pool;
    }

    public ResultCache cache() {
        return cache;
    }

    /** The pipeline's maps of {@link #cache()}, with the pipeline's codecs. */
    public ResultMaps maps() {
        return maps;
    }

    public SolverLibrary library() {
        return library;
    }

    /** The node table every program of the session is built in (so a batch shares their nodes). */
    public NodeTable table() {
        return table;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    public Validator validator() {
        return validator;
    }

    /** Starts every result-cache key: results depend on the DSL's behaviour and on the fuel budget. */
    public String keyBase() {
        return keyBase;
    }

    /** The demo-data hash of a loaded task. */
    public String demoHash(String task) {
        return demoHashes.get(task);
    }

    /** The cache keys of a loaded task's demo samples (input and output hashes). */
    public String[] sampleKeys(String task) {
        return sampleKeys.get(task);
    }

    public int iteration() {
        return iteration;
    }

    /** Starts the next iteration (generate does) and returns its number. */
    public int nextIteration() {
        return ++iteration;
    }

    /** The near misses found by the last differs phase, per task. */
    public Map<String, List<NearMiss>> nearMisses() {
        return nearMisses;
    }

    public void nearMisses(Map<String, List<NearMiss>> found) {
        this.nearMisses = found;
    }

    public Consumer<Progress> progress() {
        return progress;
    }

    public void onProgress(Consumer<Progress> listener) {
        this.progress = listener == null ? p -> { } : listener;
    }

    /** The cancellation flag: set by the notebook's interrupt, checked between work items. */
    /**
     * The latest {@link System#nanoTime()} by which generation must end (a run's budget sets it before each
     * iteration); {@link Long#MAX_VALUE} for none. Strategies get the earlier of it and their time share's deadline.
     */
    public long generateDeadline() {
        return generateDeadline;
    }

    public void generateDeadline(long nanoTime) {
        this.generateDeadline = nanoTime;
    }

    public AtomicBoolean cancelled() {
        return cancelled;
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Every phase record of the session, oldest first. */
    public List<PhaseRecord> phases() {
        return phases;
    }

    /** A timer for a phase of the current iteration. */
    public PhaseTimer timer(PhaseName phase, int threads) {
        return new PhaseTimer(phase.id(), iteration, threads);
    }

    /** Where the parallel phases send their work items instead of the pool; null: the local pool. */
    public Distributor distributor() {
        return distributor;
    }

    /**
     * Sends the parallel phases' work items to {@code d} from now on (null: back to the local pool); the
     * phases then look results up in the cache {@code d} shares ({@link Distributor#share}), in front of
     * the session's own.
     */
    public synchronized void distributeTo(Distributor d) {
        ResultCache c = d == null ? ownCache : d.share(ownCache);
        if (c != cache) {
            cache.commit();
            this.cache = c;
            this.maps = ResultMaps.of(c);
        }
        this.distributor = d;
    }

    /** The demo tasks as the part every distributed work item refers to (encoded once per session). */
    public synchronized byte[] tasksPart() {
        if (tasksPart == null) {
            tasksPart = RemoteWork.tasksPart(demoTasks.tasks());
        }
        return tasksPart;
    }

    /** Maps work items of {@code kind} through the {@link #distributor()}, reporting progress. */
    public WorkerPool.Mapped<byte[]> distribute(PhaseName phase, RemoteWork.Kind kind, List<byte[]> parts,
            List<byte[]> items, PhaseTimer timer) {
        Consumer<Progress> listener = progress;
        listener.accept(new Progress(phase.id(), 0, items.size()));
        WorkerPool.Mapped<byte[]> mapped = distributor.map(kind, parts, items, cancelled, timer);
        listener.accept(new Progress(phase.id(), items.size(), items.size()));
        return mapped;
    }

    /** Maps {@code work} over {@code items} on the pool, in item order, reporting progress as items finish. */
    public <T, R> WorkerPool.Mapped<R> mapWithProgress(PhaseName phase, List<T> items, Function<T, String> taskOf,
            Function<T, R> work, PhaseTimer timer) {
        AtomicInteger done = new AtomicInteger();
        Consumer<Progress> listener = progress;
        listener.accept(new Progress(phase.id(), 0, items.size()));
        return pool.map(items, taskOf, item -> {
            R r = work.apply(item);
            listener.accept(new Progress(phase.id(), done.incrementAndGet(), items.size()));
            return r;
        }, timer, cancelled);
    }

    /** Adds the change of every cache map's counters since {@code before} to the timer. */
    public void countCache(PhaseTimer timer, List<MapStats> before) {
        List<MapStats> after = cache.stats();
        for (int k = 0; k < after.size(); k++) {
            MapStats d = after.get(k).since(before.get(k));
            if (d.hits() + d.misses() == 0) {
                continue;
            }
            timer.count("cache." + d.map() + ".hits", d.sessionHits());
            timer.count("cache." + d.map() + ".diskHits", d.diskHits());
            timer.count("cache." + d.map() + ".misses", d.misses());
            timer.count("cache." + d.map() + ".savedNanos", d.savedNanos());
        }
    }

    /** Finishes a phase's timer (partial when cancelled), records it and commits the cache. */
    public PhaseRecord record(PhaseTimer timer, boolean partial) {
        PhaseRecord r = timer.finish(partial || cancelled.get());
        phases.add(r);
        cache.commit();
        return r;
    }

    /** Keeps library entries in the store between sessions, by task and program hash. */
    public void storeLibrary(List<LibraryEntry> entries) {
        Map<String, StoredProgram> kept = new LinkedHashMap<>();
        for (LibraryEntry e : entries) {
            kept.put(e.task() + "|" + e.hash(), new StoredProgram(e.task(), e.program().canonicalText(), e.origin()));
        }
        cache.storeLibrary(kept, ResultCodecs.LIBRARY);
    }

    /** Shuts the worker pool down. */
    public void close() {
        pool.close();
    }
}
