package dev.arclab.pipeline;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Values;
import dev.arclab.grid.Grid;
import dev.arclab.pipeline.PhaseResults.Canonicalized;
import dev.arclab.pipeline.PhaseResults.Checked;
import dev.arclab.pipeline.PhaseResults.Differed;
import dev.arclab.pipeline.PhaseResults.Filtered;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.PhaseResults.Iteration;
import dev.arclab.pipeline.PhaseResults.NearMiss;
import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.pipeline.PhaseResults.Saved;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PhaseResults.TaskPrediction;
import dev.arclab.pipeline.PhaseResults.TaskScores;
import dev.arclab.pipeline.PhaseResults.Validated;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.profile.RunConfig;
import dev.arclab.profile.RunRecord;
import dev.arclab.program.Interpreter;
import dev.arclab.program.NodeTable;
import dev.arclab.program.Outcome;
import dev.arclab.program.ParseResult;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Example;
import dev.arclab.task.Submission;
import dev.arclab.task.Task;
import dev.arclab.task.TaskHashes;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A search session: the tasks, the solver library, the one worker pool, the result cache, and the
 * phases of the design (generate, score, filter, canonicalize, validate, save, differs, predict), each a
 * method taking the previous phase's result and returning its own, so a notebook can run them one at a
 * time and look at each; {@link #run()} chains generate..differs once and {@link #iterate} N times.
 *
 * <p>Only {@link #predict} sees test outputs: every other phase works on the tasks with their test
 * outputs removed. Every random choice derives from the seed and the iteration number, and every
 * parallel phase collects its results in item order, so results do not depend on the thread count.
 * {@link #cancel()} (the notebook's interrupt) stops the running phase between work items; the phase
 * returns what finished, marked partial, and a chained run stops after it.
 */
public final class Pipeline implements AutoCloseable {

    /** Progress of the running phase, for progress bars: work items done of total. */
    public record Progress(String phase, int done, int total) {
    }

    private final TaskSet tasks;
    private final TaskSet demoTasks;
    private final PipelineConfig config;
    private final WorkerPool pool;
    private final ResultCache cache;
    private final SolverLibrary library;
    private final NodeTable table = new NodeTable();
    private final Interpreter interpreter;
    private final Validator validator;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<String, String[]> sampleKeys = new HashMap<>();
    private final Map<String, String> demoHashes = new HashMap<>();
    /** Starts every result-cache key: results depend on the DSL's behaviour and on the fuel budget. */
    private final String keyBase;
    private final List<PhaseRecord> phases = new ArrayList<>();
    private final List<RunRecord> history = new ArrayList<>();
    private Map<String, List<NearMiss>> nearMisses = Map.of();
    private volatile Consumer<Progress> progress = p -> { };
    private int iteration;
    private boolean chaining;
    private long runStarted = System.currentTimeMillis();
    private String label = "";

    public Pipeline(TaskSet tasks, PipelineConfig config, ResultCache cache) {
        this.tasks = tasks;
        this.demoTasks = tasks.withoutTestOutputs();
        this.config = config;
        this.pool = new WorkerPool(config.threads());
        this.cache = cache;
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

    /** A session with an in-memory cache. */
    public Pipeline(TaskSet tasks, PipelineConfig config) {
        this(tasks, config, new MemoryCache());
    }

    public TaskSet tasks() {
        return tasks;
    }

    public PipelineConfig config() {
        return config;
    }

    public SolverLibrary library() {
        return library;
    }

    public ResultCache cache() {
        return cache;
    }

    public NodeTable nodeTable() {
        return table;
    }

    /** The near misses found by the last differs phase, per task. */
    public Map<String, List<NearMiss>> nearMisses() {
        return nearMisses;
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

    public void onProgress(Consumer<Progress> listener) {
        this.progress = listener == null ? p -> { } : listener;
    }

    /** Stops the running phase soon (between work items); what finished is returned, marked partial. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
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
            programs.add(Program.of(p.taskId(), table.adopt(p.root())));
            origins.add(Origin.file(parsed.file() + " solve_" + p.taskId()));
        }
        return offerAll("load library", programs, origins);
    }

    /**
     * Adds the programs the result cache kept for the library in earlier sessions (its
     * {@link ResultCache#storedLibrary()}; none with an in-memory cache), re-validated on the loaded
     * tasks' demo pairs like a solver file's (through the cache, so a warm store makes this cheap).
     * Programs that no longer parse are left out. Returns the timing of this load.
     */
    public PhaseRecord restoreLibrary() {
        List<Program> programs = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        ProgramParser parser = new ProgramParser(table);
        int unreadable = 0;
        for (ResultCache.StoredProgram sp : cache.storedLibrary()) {
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
        cancelled.set(false);
        List<Integer> indices = new ArrayList<>();
        for (int k = 0; k < programs.size(); k++) {
            indices.add(k);
        }
        PhaseTimer timer = new PhaseTimer(phase, iteration, config.threads());
        List<MapStats> before = cache.stats();
        WorkerPool.Mapped<LibraryEntry> entries = pool.map(indices, k -> programs.get(k).taskId(), k -> {
            Program p = programs.get(k);
            Origin origin = origins.get(k);
            Task t = demoTasks.find(p.taskId()).orElse(null);
            if (t == null) {
                return new LibraryEntry(p.taskId(), p, Double.NaN, 0, 0, 0, 0, origin);
            }
            Validation v = validate(p, t);
            return new LibraryEntry(t.id(), p, v.score(), v.matched(), v.total(), v.fuel(), v.nanos(), origin);
        }, timer, cancelled);
        List<LibraryEntry> kept = new ArrayList<>();
        for (LibraryEntry e : entries.results()) {
            if (e != null && library.offer(e)) {
                kept.add(e);
            }
        }
        timer.count("programs", programs.size());
        timer.count("kept", kept.size());
        countCache(timer, before);
        cache.storeLibrary(kept);
        cache.commit();
        return timer.finish(entries.partial());
    }

    // ---- generate ------------------------------------------------------------------------------

    /**
     * Picks {@code tasksPerBatch} tasks of the library (weighted by their best demo score, seeded),
     * takes each one's best program and adds mutants of parents chosen among the task's library
     * programs and its near misses, then merges them into one batch DAG.
     */
    public Generated generate() {
        startPhase();
        iteration++;
        PhaseTimer timer = new PhaseTimer("generate", iteration, 1);
        Random random = new Random(config.seed() * 1_000_003L + iteration);
        List<String> picked = new ArrayList<>();
        Batch batch = timer.item("batch", () -> {
            List<String> candidates = new ArrayList<>(library.tasks());
            while (picked.size() < config.tasksPerBatch() && !candidates.isEmpty()) {
                double total = 0;
                for (String t : candidates) {
                    total += weight(t);
                }
                double r = random.nextDouble() * total;
                int at = 0;
                for (; at < candidates.size() - 1; at++) {
                    r -= weight(candidates.get(at));
                    if (r < 0) {
                        break;
                    }
                }
                picked.add(candidates.remove(at));
            }
            picked.sort(Comparator.naturalOrder());
            Mutator mutator = new Mutator(table, config.mutation());
            Set<String> seen = new LinkedHashSet<>();
            List<Batch.Member> members = new ArrayList<>();
            for (String t : picked) {
                LibraryEntry best = library.best(t).orElseThrow();
                if (seen.add(best.hash())) {
                    members.add(new Batch.Member(best.program(), t, best.origin()));
                }
            }
            for (String t : picked) {
                for (int m = 0; m < config.mutantsPerProgram(); m++) {
                    Program parent = pickParent(t, random);
                    Mutator.Mutant mutant = mutator.mutate(parent, random, 8);
                    if (mutant != null && seen.add(mutant.program().hash().hex())) {
                        members.add(new Batch.Member(mutant.program(), t, Origin.mutant(mutant.parentHash(), mutant.change())));
                    }
                }
            }
            return new Batch(members);
        });
        timer.count("programs", batch.size());
        timer.count("mutants", batch.mutants());
        timer.count("nodes before sharing", batch.nodesBefore());
        timer.count("nodes after sharing", batch.nodesAfter());
        return new Generated(batch, List.copyOf(picked), record(timer, false));
    }

    private double weight(String task) {
        LibraryEntry best = library.best(task).orElseThrow();
        return 0.1 + (best.scoreKnown() ? best.score() : 0.5);
    }

    private Program pickParent(String task, Random random) {
        List<Program> parents = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (LibraryEntry e : library.entries(task)) {
            parents.add(e.program());
            weights.add(0.1 + (e.scoreKnown() ? e.score() : 0.5));
        }
        for (NearMiss n : nearMisses.getOrDefault(task, List.of())) {
            parents.add(n.program().program());
            weights.add(0.05 + n.measures().combined() / 2);
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double r = random.nextDouble() * total;
        for (int k = 0; k < parents.size() - 1; k++) {
            r -= weights.get(k);
            if (r < 0) {
                return parents.get(k);
            }
        }
        return parents.get(parents.size() - 1);
    }

    // ---- score ---------------------------------------------------------------------------------

    /** Runs the batch on every demo sample of every task, parallel over task × sample. */
    public Scored score(Generated generated) {
        startPhase();
        Batch batch = generated.batch();
        List<Task> list = demoTasks.tasks();
        record Item(int task, int sample) {
        }
        List<Item> items = new ArrayList<>();
        for (int t = 0; t < list.size(); t++) {
            for (int s = 0; s < list.get(t).demo().size(); s++) {
                items.add(new Item(t, s));
            }
        }
        String[] groups = batch.members().stream().map(m -> keyBase + "|" + m.hash()).toArray(String[]::new);
        PhaseTimer timer = new PhaseTimer("score", iteration, config.threads());
        List<MapStats> before = cache.stats();
        WorkerPool.Mapped<SampleResult[]> mapped = mapWithProgress("score", items, i -> list.get(i.task()).id(), i -> {
            Task task = list.get(i.task());
            Example ex = task.demo().get(i.sample());
            String sampleKey = sampleKeys.get(task.id())[i.sample()];
            SampleResult[] out = new SampleResult[batch.size()];
            BitSet wanted = new BitSet(batch.size());
            for (int m = 0; m < out.length; m++) {
                CacheMap.Entry<SampleResult> hit = cache.scores().get(groups[m], sampleKey);
                if (hit != null) {
                    out[m] = hit.value();
                } else {
                    wanted.set(m);
                }
            }
            if (!wanted.isEmpty()) {
                long t0 = System.nanoTime();
                Batch.Evaluation ev = batch.evaluate(ex.input(), wanted, config.fuel());
                long perMember = (System.nanoTime() - t0) / wanted.cardinality();
                for (int m = wanted.nextSetBit(0); m >= 0; m = wanted.nextSetBit(m + 1)) {
                    Object v = ev.values()[m];
                    Grid produced = SampleResult.keptGrid(v);
                    boolean match = v != null && Values.equal(v, ex.output());
                    out[m] = new SampleResult(ev.status()[m], match, produced, ev.fuel()[m]);
                    cache.scores().put(groups[m], sampleKey, out[m], perMember);
                }
            }
            return out;
        }, timer);
        List<TaskScores> scores = new ArrayList<>();
        int at = 0;
        long errors = 0;
        long timeouts = 0;
        for (Task task : list) {
            SampleResult[][] r = new SampleResult[batch.size()][task.demo().size()];
            Grid[] expected = new Grid[task.demo().size()];
            for (int s = 0; s < expected.length; s++) {
                expected[s] = task.demo().get(s).output();
                SampleResult[] sample = mapped.results().get(at++);
                for (int m = 0; m < batch.size(); m++) {
                    r[m][s] = sample == null ? null : sample[m];
                    if (sample != null) {
                        errors += sample[m].status() == Outcome.Status.ERROR ? 1 : 0;
                        timeouts += sample[m].status() == Outcome.Status.TIMEOUT ? 1 : 0;
                    }
                }
            }
            scores.add(new TaskScores(task.id(), r, expected));
        }
        timer.count("samples", items.size());
        timer.count("errors", errors);
        timer.count("timeouts", timeouts);
        countCache(timer, before);
        timer.count("candidates", new Scored(batch, scores, null).candidatesWithAMatch().size());
        return new Scored(batch, scores, record(timer, mapped.partial()));
    }

    // ---- filter ----------------------------------------------------------------------------------

    /** Keeps unique (task, canonical program) candidates with at least {@code minMatches} demo matches. */
    public Filtered filter(Scored scored) {
        startPhase();
        PhaseTimer timer = new PhaseTimer("filter", iteration, 1);
        List<Candidate> all = scored.candidatesWithAMatch();
        List<Candidate> kept = timer.item("filter", () -> {
            Set<String> seen = new LinkedHashSet<>();
            List<Candidate> out = new ArrayList<>();
            for (Candidate c : all) {
                if (c.matched() >= config.minMatches() && seen.add(c.task() + "|" + c.hash())) {
                    out.add(c);
                }
            }
            return out;
        });
        timer.count("candidates", all.size());
        timer.count("kept", kept.size());
        timer.count("unique programs", kept.stream().map(Candidate::hash).distinct().count());
        return new Filtered(List.copyOf(kept), all.size(), record(timer, scored.timing().partial()));
    }

    // ---- canonicalize --------------------------------------------------------------------------

    /** The canonical text of each kept program, cached by program hash. */
    public Canonicalized canonicalize(Filtered filtered) {
        startPhase();
        Map<String, Program> programs = new LinkedHashMap<>();
        for (Candidate c : filtered.kept()) {
            programs.putIfAbsent(c.hash(), c.program().program());
        }
        List<String> hashes = new ArrayList<>(programs.keySet());
        PhaseTimer timer = new PhaseTimer("canonicalize", iteration, config.threads());
        List<MapStats> before = cache.stats();
        WorkerPool.Mapped<String> texts = mapWithProgress("canonicalize", hashes, h -> programs.get(h).taskId(), h -> {
            CacheMap.Entry<String> hit = cache.canonical().get(h);
            if (hit != null) {
                return hit.value();
            }
            long t0 = System.nanoTime();
            String text = programs.get(h).canonicalText();
            cache.canonical().put(h, text, System.nanoTime() - t0);
            return text;
        }, timer);
        Map<String, String> out = new LinkedHashMap<>();
        for (int k = 0; k < hashes.size(); k++) {
            if (texts.results().get(k) != null) {
                out.put(hashes.get(k), texts.results().get(k));
            }
        }
        timer.count("programs", hashes.size());
        countCache(timer, before);
        return new Canonicalized(filtered.kept(), out, record(timer, texts.partial()));
    }

    // ---- validate ------------------------------------------------------------------------------

    /** Runs each kept program alone on all demo pairs of its task: status, per-pair result, measured cost. */
    public Validated validate(Canonicalized canonicalized) {
        startPhase();
        List<Candidate> kept = canonicalized.kept();
        PhaseTimer timer = new PhaseTimer("validate", iteration, config.threads());
        List<MapStats> before = cache.stats();
        WorkerPool.Mapped<Validation> mapped = mapWithProgress("validate", kept, Candidate::task,
                c -> validate(c.program().program(), demoTasks.get(c.task())), timer);
        List<Checked> checked = new ArrayList<>();
        long perfect = 0;
        for (int k = 0; k < kept.size(); k++) {
            Validation v = mapped.results().get(k);
            if (v != null) {
                checked.add(new Checked(kept.get(k), v));
                perfect += v.perfect() ? 1 : 0;
            }
        }
        timer.count("programs", checked.size());
        timer.count("demo-perfect", perfect);
        countCache(timer, before);
        return new Validated(List.copyOf(checked), record(timer, mapped.partial()));
    }

    private Validation validate(Program program, Task task) {
        String group = keyBase + "|" + program.hash().hex();
        String demoHash = demoHashes.get(task.id());
        CacheMap.Entry<Validation> hit = cache.validations().get(group, demoHash);
        if (hit != null) {
            return hit.value();
        }
        Validation v = validator.validate(program, task);
        cache.validations().put(group, demoHash, v, v.nanos());
        return v;
    }

    // ---- save ----------------------------------------------------------------------------------

    /** The library keeps the best K programs per task by (demo score, cost), without duplicates. */
    public Saved save(Validated validated) {
        startPhase();
        PhaseTimer timer = new PhaseTimer("save", iteration, 1);
        List<LibraryEntry> added = timer.item("library", () -> {
            List<LibraryEntry> out = new ArrayList<>();
            for (Checked c : validated.checked()) {
                Validation v = c.validation();
                if (v.matched() < config.minMatches()) {
                    continue;
                }
                Candidate cand = c.candidate();
                LibraryEntry e = new LibraryEntry(cand.task(), cand.program().program().withTaskId(cand.task()),
                        v.score(), v.matched(), v.total(), v.fuel(), v.nanos(), cand.originForTask());
                if (library.offer(e)) {
                    out.add(e);
                }
            }
            return out;
        });
        timer.count("offered", validated.checked().size());
        timer.count("added", added.size());
        cache.storeLibrary(added);
        cache.commit();
        return new Saved(List.copyOf(added), validated.checked().size(), library.size(), library.perfectTasks(),
                record(timer, validated.timing().partial()));
    }

    // ---- differs -------------------------------------------------------------------------------

    /**
     * Partial credit for near misses (members that ran on a task without solving it): cell accuracy,
     * shape, palette overlap and object count, averaged over the demo samples; the best
     * {@code nearMissesPerTask} per task are kept for ranking and parent choice.
     */
    public Differed differs(Scored scored) {
        startPhase();
        PhaseTimer timer = new PhaseTimer("differs", iteration, config.threads());
        List<TaskScores> list = scored.tasks();
        List<MapStats> before = cache.stats();
        String[] groups = scored.batch().members().stream().map(m -> keyBase + "|" + Differs.VERSION + "|" + m.hash())
                .toArray(String[]::new);
        WorkerPool.Mapped<List<NearMiss>> mapped = mapWithProgress("differs", list, TaskScores::task, t -> {
            List<NearMiss> out = new ArrayList<>();
            List<Map<Grid, Differs.Measures>> memo = new ArrayList<>();
            Differs.Target[] targets = null;
            String demoHash = demoHashes.get(t.task());
            for (int m = 0; m < scored.batch().size(); m++) {
                SampleResult[] r = t.results()[m];
                if (t.matched(m) == r.length) {
                    continue;
                }
                Grid[] produced = new Grid[r.length];
                boolean any = false;
                for (int s = 0; s < r.length; s++) {
                    produced[s] = r[s] == null ? null : r[s].produced();
                    any |= produced[s] != null;
                }
                if (any) {
                    Batch.Member member = scored.batch().members().get(m);
                    CacheMap.Entry<Differs.Measures> hit = cache.differs().get(groups[m], demoHash);
                    Differs.Measures measures;
                    if (hit != null) {
                        measures = hit.value();
                    } else {
                        long t0 = System.nanoTime();
                        if (targets == null) {
                            targets = new Differs.Target[t.expected().length];
                            for (int s = 0; s < targets.length; s++) {
                                memo.add(new HashMap<>());
                                targets[s] = new Differs.Target(t.expected()[s]);
                            }
                        }
                        measures = Differs.mean(produced, targets, memo);
                        cache.differs().put(groups[m], demoHash, measures, System.nanoTime() - t0);
                    }
                    out.add(new NearMiss(t.task(), member, measures));
                }
            }
            out.sort(Comparator.comparingDouble((NearMiss n) -> -n.measures().combined())
                    .thenComparing(n -> n.program().hash()));
            return out;
        }, timer);
        Map<String, List<NearMiss>> best = new TreeMap<>();
        int measured = 0;
        for (int k = 0; k < list.size(); k++) {
            List<NearMiss> l = mapped.results().get(k);
            if (l == null) {
                continue;
            }
            measured += l.size();
            if (!l.isEmpty() && config.nearMissesPerTask() > 0) {
                best.put(list.get(k).task(), List.copyOf(l.subList(0, Math.min(config.nearMissesPerTask(), l.size()))));
            }
        }
        nearMisses = best;
        timer.count("near misses measured", measured);
        countCache(timer, before);
        return new Differed(best, measured, record(timer, mapped.partial()));
    }

    // ---- predict -------------------------------------------------------------------------------

    /**
     * The two best saved programs of each task on its test inputs; accuracy where outputs are known;
     * a Kaggle submission (placeholder grids where no program gave a grid). The only phase that reads
     * test outputs.
     */
    public Predicted predict() {
        startPhase();
        PhaseTimer timer = new PhaseTimer("predict", iteration, config.threads());
        List<Task> list = tasks.tasks();
        WorkerPool.Mapped<TaskPrediction> mapped = mapWithProgress("predict", list, Task::id, t -> {
            List<LibraryEntry> best = library.entries(t.id());
            List<LibraryEntry> two = best.subList(0, Math.min(2, best.size()));
            List<Grid[]> attempts = new ArrayList<>();
            List<Boolean> correct = new ArrayList<>();
            for (Example ex : t.test()) {
                Grid[] a = {Submission.PLACEHOLDER, Submission.PLACEHOLDER};
                for (int k = 0; k < two.size(); k++) {
                    Outcome o = interpreter.run(two.get(k).program(), ex.input());
                    if (o instanceof Outcome.Ok ok && ok.value() instanceof Grid g && Submission.isValidAttempt(g)) {
                        a[k] = g;
                    }
                }
                if (two.size() == 1) {
                    a[1] = a[0];
                }
                attempts.add(a);
                correct.add(ex.hasOutput() && !two.isEmpty() && (a[0].equals(ex.output()) || a[1].equals(ex.output())));
            }
            return new TaskPrediction(t.id(), two.stream().map(LibraryEntry::hash).toList(), attempts, correct);
        }, timer);
        Submission submission = Submission.forTasks(tasks);
        List<TaskPrediction> out = new ArrayList<>();
        int known = 0;
        int predicted = 0;
        for (int k = 0; k < list.size(); k++) {
            TaskPrediction p = mapped.results().get(k);
            if (p == null) {
                continue;
            }
            out.add(p);
            Task t = list.get(k);
            for (int i = 0; i < t.test().size(); i++) {
                submission.put(t.id(), i, p.attempts().get(i)[0], p.attempts().get(i)[1]);
                known += t.test().get(i).hasOutput() ? 1 : 0;
                predicted += p.correct().get(i) ? 1 : 0;
            }
        }
        timer.count("test inputs with known output", known);
        timer.count("predicted", predicted);
        return new Predicted(List.copyOf(out), submission, known, predicted, record(timer, mapped.partial()));
    }

    // ---- chains ----------------------------------------------------------------------------------

    /** generate → score → filter → canonicalize → validate → save → differs, once; stops early when cancelled. */
    public Iteration runOnce() {
        boolean outer = !chaining;
        if (outer) {
            cancelled.set(false);
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
        Scored s = cancelled.get() ? null : score(g);
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
        cancelled.set(false);
        int from = phases.size();
        runStarted = System.currentTimeMillis();
        chaining = true;
        try {
            for (int k = 0; k < n && !cancelled.get(); k++) {
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
        summary.put("tasks", (long) tasks.size());
        summary.put("library programs", (long) library.size());
        summary.put("tasks with a demo-perfect program", (long) library.perfectTasks());
        summary.put("partial", cancelled.get() ? 1L : 0L);
        RunConfig rc = new RunConfig(config.seed(), config.threads(), tasks.size(), library.size(), config.tasksPerBatch(),
                config.mutation(), iterations, Dsl.VERSION, label);
        RunRecord run = new RunRecord("run-" + (history.size() + 1), runStarted, rc,
                List.copyOf(phases.subList(from, phases.size())), summary);
        history.add(run);
        cache.storeRun(run);
        cache.commit();
        return run;
    }

    // ---- plumbing --------------------------------------------------------------------------------

    /** A phase called on its own starts uncancelled; inside a chain, a cancel stops the rest of the chain. */
    private void startPhase() {
        if (!chaining) {
            cancelled.set(false);
        }
    }

    private <T, R> WorkerPool.Mapped<R> mapWithProgress(String phase, List<T> items, java.util.function.Function<T, String> taskOf,
            java.util.function.Function<T, R> work, PhaseTimer timer) {
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        Consumer<Progress> listener = progress;
        listener.accept(new Progress(phase, 0, items.size()));
        WorkerPool.Mapped<R> out = pool.map(items, taskOf, item -> {
            R r = work.apply(item);
            listener.accept(new Progress(phase, done.incrementAndGet(), items.size()));
            return r;
        }, timer, cancelled);
        return out;
    }

    private void countCache(PhaseTimer timer, List<MapStats> before) {
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

    private PhaseRecord record(PhaseTimer timer, boolean partial) {
        PhaseRecord r = timer.finish(partial || cancelled.get());
        phases.add(r);
        cache.commit();
        return r;
    }

    @Override
    public void close() {
        pool.close();
    }
}
