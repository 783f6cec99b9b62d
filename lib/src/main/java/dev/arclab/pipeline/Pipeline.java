package dev.arclab.pipeline;

import dev.arclab.work.WorkerPool;
import dev.arclab.cache.MapStats;
import dev.arclab.cache.MemoryCache;
import dev.arclab.cache.ResultCache;

import dev.arclab.pipeline.PhaseResults.Canonicalized;
import dev.arclab.pipeline.PhaseResults.Differed;
import dev.arclab.pipeline.PhaseResults.Filtered;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.PhaseResults.Iteration;
import dev.arclab.pipeline.PhaseResults.NearMiss;
import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.pipeline.PhaseResults.Saved;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PhaseResults.Validated;
import dev.arclab.pipeline.phase.CanonicalizePhase;
import dev.arclab.pipeline.phase.DiffersPhase;
import dev.arclab.pipeline.phase.FilterPhase;
import dev.arclab.pipeline.phase.GeneratePhase;
import dev.arclab.pipeline.phase.Phase;
import dev.arclab.pipeline.phase.PhaseContext;
import dev.arclab.pipeline.phase.PredictPhase;
import dev.arclab.pipeline.phase.SavePhase;
import dev.arclab.pipeline.phase.ScorePhase;
import dev.arclab.pipeline.phase.ValidatePhase;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.profile.RunConfig;
import dev.arclab.profile.RunRecord;
import dev.arclab.program.NodeTable;
import dev.arclab.program.ParseResult;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Task;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A search session: the tasks, the solver library, the one worker pool, the result cache, and the chain
 * of the phases of the design (generate, score, filter, canonicalize, validate, save, differs, predict).
 * Each phase is a class of {@code dev.arclab.pipeline.phase} taking the previous phase's result and
 * returning its own; the methods here run one on the session's {@link PhaseContext}, so a notebook can
 * run them one at a time and look at each; {@link #run()} chains generate..differs once and
 * {@link #iterate} N times. Generation runs the configured strategies ({@code dev.arclab.pipeline.strategy}).
 *
 * <p>Only {@link #predict} sees test outputs: every other phase works on the tasks with their test
 * outputs removed. Every random choice derives from the seed and the iteration number, and every
 * parallel phase collects its results in item order, so results do not depend on the thread count.
 * {@link #cancel()} (the notebook's interrupt) stops the running phase between work items; the phase
 * returns what finished, marked partial, and a chained run stops after it.
 */
public final class Pipeline implements AutoCloseable {

    private final PhaseContext ctx;
    private final GeneratePhase generate = new GeneratePhase();
    private final ScorePhase score = new ScorePhase();
    private final FilterPhase filter = new FilterPhase();
    private final CanonicalizePhase canonicalize = new CanonicalizePhase();
    private final ValidatePhase validate = new ValidatePhase();
    private final SavePhase save = new SavePhase();
    private final DiffersPhase differs = new DiffersPhase();
    private final PredictPhase predict = new PredictPhase();
    private final List<RunRecord> history = new ArrayList<>();
    private boolean chaining;
    private long runStarted = System.currentTimeMillis();
    private String label = "";

    public Pipeline(TaskSet tasks, PipelineConfig config, ResultCache cache) {
        this.ctx = new PhaseContext(tasks, config, cache);
    }

    /** A session with an in-memory cache. */
    public Pipeline(TaskSet tasks, PipelineConfig config) {
        this(tasks, config, new MemoryCache());
    }

    public TaskSet tasks() {
        return ctx.tasks();
    }

    public PipelineConfig config() {
        return ctx.config();
    }

    public SolverLibrary library() {
        return ctx.library();
    }

    public ResultCache cache() {
        return ctx.cache();
    }

    public NodeTable nodeTable() {
        return ctx.table();
    }

    /** The state the phases share (for running a phase object directly). */
    public PhaseContext context() {
        return ctx;
    }

    /** The near misses found by the last differs phase, per task. */
    public Map<String, List<NearMiss>> nearMisses() {
        return ctx.nearMisses();
    }

    /** Completed runs (each {@link #run()} or {@link #iterate} call), oldest first. */
    public List<RunRecord> history() {
        return List.copyOf(history);
    }

    /** A label saved with the next run records (e.g. "baseline", "2 threads"). */
    public Pipeline label(String text) {
        this.label = text;
        return this;
    }

    /**
     * Runs the parallel phases (score, validate, differs) through {@code d} (a joined cluster) from now
     * on; null returns them to the local pool. Results are the same either way.
     */
    public void distributeTo(Distributor d) {
        ctx.distributeTo(d);
    }

    public void onProgress(Consumer<Progress> listener) {
        ctx.onProgress(listener);
    }

    /** Stops the running phase soon (between work items); what finished is returned, marked partial. */
    /** Generation ends by this {@link System#nanoTime()} (a run's budget); {@link Long#MAX_VALUE} for no limit. */
    public void generateDeadline(long nanoTime) {
        ctx.generateDeadline(nanoTime);
    }

    public void cancel() {
        ctx.cancelled().set(true);
    }

    public boolean cancelled() {
        return ctx.isCancelled();
    }

    // ---- library ---------------------------------------------------------------------------------

    /**
     * Adds the programs of a parsed solver file to the library, each validated on its own task's demo
     * pairs first (score and cost recorded); a program for a task not in the set is kept with an
     * unknown score. Returns the timing of this load.
     */
    public PhaseRecord loadLibrary(ParseResult parsed) {
        List<Program> programs = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        for (Program p : parsed.programs()) {
            programs.add(Program.of(p.taskId(), ctx.table().adopt(p.root())));
            origins.add(Origin.file(parsed.file() + " solve_" + p.taskId()));
        }
        return offerAll("load library", programs, origins);
    }

    /**
     * Adds the programs the result cache kept for the library in earlier sessions (its
     * {@link ResultCache#storedLibrary}); none with an in-memory cache), re-validated on the loaded
     * tasks' demo pairs like a solver file's (through the cache, so a warm store makes this cheap).
     * Programs that no longer parse are left out. Returns the timing of this load.
     */
    public PhaseRecord restoreLibrary() {
        List<Program> programs = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        ProgramParser parser = new ProgramParser(ctx.table());
        int unreadable = 0;
        List<StoredProgram> stored = new ArrayList<>(ctx.cache().storedLibrary(ResultCodecs.LIBRARY));
        stored.sort(Comparator.comparing(StoredProgram::task).thenComparing(StoredProgram::text));
        for (StoredProgram sp : stored) {
            try {
                programs.add(parser.parseProgram(sp.text()).withTaskId(sp.task()));
                origins.add(sp.origin());
            } catch (RuntimeException e) {
                unreadable++;
            }
        }
        PhaseRecord r = offerAll("restore library", programs, origins);
        if (unreadable > 0) {
            Map<String, Long> counters = new LinkedHashMap<>(r.counters());
            counters.put("unreadable", (long) unreadable);
            r = new PhaseRecord(r.phase(), r.iteration(), r.threads(), r.wallNanos(), r.busyNanos(), r.cpuNanos(), r.items(),
                    r.longestItemNanos(), r.tasks(), r.itemTimings(), counters, r.partial());
        }
        return r;
    }

    /** Validates each program on its own task (unknown score when the task is not loaded) and offers it. */
    private PhaseRecord offerAll(String phase, List<Program> programs, List<Origin> origins) {
        ctx.cancelled().set(false);
        List<Integer> indices = new ArrayList<>();
        for (int k = 0; k < programs.size(); k++) {
            indices.add(k);
        }
        PhaseTimer timer = new PhaseTimer(phase, ctx.iteration(), ctx.config().threads());
        List<MapStats> before = ctx.cache().stats();
        WorkerPool.Mapped<LibraryEntry> entries = ctx.pool().map(indices, k -> programs.get(k).taskId(), k -> {
            Program p = programs.get(k);
            Origin origin = origins.get(k);
            Task t = ctx.demoTasks().find(p.taskId()).orElse(null);
            if (t == null) {
                return new LibraryEntry(p.taskId(), p, Double.NaN, 0, 0, 0, 0, origin);
            }
            Validation v = ValidatePhase.validate(ctx, p, t);
            return new LibraryEntry(t.id(), p, v.score(), v.matched(), v.total(), v.fuel(), v.nanos(), origin);
        }, timer, ctx.cancelled());
        List<LibraryEntry> kept = new ArrayList<>();
        for (LibraryEntry e : entries.results()) {
            if (e != null && ctx.library().offer(e)) {
                kept.add(e);
            }
        }
        timer.count("programs", programs.size());
        timer.count("kept", kept.size());
        ctx.countCache(timer, before);
        ctx.storeLibrary(kept);
        ctx.cache().commit();
        return timer.finish(entries.partial());
    }

    // ---- the phases ------------------------------------------------------------------------------

    /** {@link GeneratePhase}: starts an iteration with the configured strategies' proposals as one batch. */
    public Generated generate() {
        return phase(generate, Phase.Start.NOW);
    }

    /** {@link ScorePhase}: the batch on every demo sample of every task. */
    public Scored score(Generated generated) {
        return phase(score, generated);
    }

    /** {@link FilterPhase}: unique (task, program) candidates with enough demo matches. */
    public Filtered filter(Scored scored) {
        return phase(filter, scored);
    }

    /** {@link CanonicalizePhase}: the canonical text of each kept program. */
    public Canonicalized canonicalize(Filtered filtered) {
        return phase(canonicalize, filtered);
    }

    /** {@link ValidatePhase}: each kept program alone on its task's demo pairs. */
    public Validated validate(Canonicalized canonicalized) {
        return phase(validate, canonicalized);
    }

    /** {@link SavePhase}: the library keeps the best programs per task. */
    public Saved save(Validated validated) {
        return phase(save, validated);
    }

    /** {@link DiffersPhase}: partial credit for near misses. */
    public Differed differs(Scored scored) {
        return phase(differs, scored);
    }

    /** {@link PredictPhase}: the two best programs per task on the test inputs; the only phase that reads test outputs. */
    public Predicted predict() {
        return phase(predict, Phase.Start.NOW);
    }

    /** Runs a phase on this session: called on its own it starts uncancelled; inside a chain a cancel stops the rest. */
    public <I, O> O phase(Phase<I, O> phase, I input) {
        if (!chaining) {
            ctx.cancelled().set(false);
        }
        return phase.run(input, ctx);
    }

    // ---- chains ----------------------------------------------------------------------------------

    /** generate → score → filter → canonicalize → validate → save → differs, once; stops early when cancelled. */
    public Iteration runOnce() {
        boolean outer = !chaining;
        if (outer) {
            ctx.cancelled().set(false);
            chaining = true;
        }
        try {
            return chain();
        } finally {
            if (outer) {
                chaining = false;
            }
        }
    }

    private Iteration chain() {
        Generated g = generate();
        Scored s = ctx.isCancelled() ? null : score(g);
        if (s == null || s.timing().partial()) {
            return partialIteration(g, s);
        }
        Filtered f = filter(s);
        Canonicalized c = canonicalize(f);
        if (c.timing().partial()) {
            return partialIteration(g, s);
        }
        Validated v = validate(c);
        if (v.timing().partial()) {
            return partialIteration(g, s);
        }
        Saved sv = save(v);
        Differed d = differs(s);
        return new Iteration(g, s, f, c, v, sv, d);
    }

    private Iteration partialIteration(Generated g, Scored s) {
        return new Iteration(g, s, null, null, null, null, null);
    }

    /** One iteration, saved as a run record. */
    public RunRecord run() {
        return iterate(1);
    }

    /** N iterations of generate..differs, as the Python loop did; one run record with all phases. */
    public RunRecord iterate(int n) {
        ctx.cancelled().set(false);
        int from = ctx.phases().size();
        runStarted = System.currentTimeMillis();
        chaining = true;
        try {
            for (int k = 0; k < n && !ctx.isCancelled(); k++) {
                runOnce();
            }
        } finally {
            chaining = false;
        }
        return finishRun(n, from);
    }

    /** Ends a run made of the phases recorded since {@code from}: its record is added to the history. */
    private RunRecord finishRun(int iterations, int from) {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("tasks", (long) ctx.tasks().size());
        summary.put("library programs", (long) ctx.library().size());
        summary.put("tasks with a demo-perfect program", (long) ctx.library().perfectTasks());
        summary.put("partial", ctx.isCancelled() ? 1L : 0L);
        RunConfig rc = ctx.config().runConfig(ctx.tasks().size(), ctx.library().size(), iterations, label);
        RunRecord run = new RunRecord("run-" + (history.size() + 1), runStarted, rc,
                List.copyOf(ctx.phases().subList(from, ctx.phases().size())), summary);
        history.add(run);
        ctx.cache().storeRun(run);
        ctx.cache().commit();
        return run;
    }

    @Override
    public void close() {
        ctx.close();
    }
}
