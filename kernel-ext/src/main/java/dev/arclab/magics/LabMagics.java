package dev.arclab.magics;

import dev.arclab.lab.Budget;
import dev.arclab.lab.RunPlan;
import dev.arclab.lab.Session;
import dev.arclab.lab.Iterations;
import dev.arclab.lab.CandidateView;
import dev.arclab.lab.Views;
import dev.arclab.cache.MapDbCache;
import dev.arclab.pipeline.Candidate;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.cache.MapStats;
import dev.arclab.pipeline.PhaseResults.Differed;
import dev.arclab.pipeline.PhaseResults.NearMiss;
import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.SolverLibrary;
import dev.arclab.cli.DurationConverter;
import dev.arclab.cli.PipelineOptions;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.program.ParseResult;
import dev.arclab.report.CacheStats;
import dev.arclab.report.Charts;
import dev.arclab.report.Experiments;
import dev.arclab.report.RunSeries;
import dev.arclab.report.Tables;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoadException;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/**
 * The magics of the search workflow, each a thin call into {@link Session} and the engine's API:
 *
 * <pre>
 * %tasks [PATH|bundled] [--ids A,B] [--sample N] [--limit N]   choose tasks
 * %task ID... | --first N                                     show tasks as pictures
 * %solvers [FILE|bundled]                                     load solvers into the library
 * %config [--tasks-per-batch K] [--mutants M] ...              pipeline settings besides threads and seed
 * %phase generate|score|filter|canonicalize|validate|save|differs|predict
 * %run [--label L] [--budget D]  /  %iterate N [--label L] [--budget D]   the pipeline once / N times (/ within a budget)
 * %runs                                                       the run history
 * %timings [--run N] [--chart journey|wallbusy|gantt PHASE] [--tasks PHASE]
 * %compare --baseline N [N...]                                speedups and regressions
 * %scaling --max-threads N --repeat R                         thread scaling
 * %cache [stats|clear] [--chart]                              cache statistics, clearing
 * %library [TASK]                                             the solver library
 * %cluster [join [--cluster N] [--members H:P,...]|leave|show|chart]  the phases on arclab workers
 * %candidates [TASK...] [--near-misses] [--limit N]           candidate pictures
 * %submit [PATH]                                              Kaggle submission.json
 * </pre>
 *
 * Wrong arguments show what was wrong and the usage; a problem with the session's state (no score yet, an
 * unreadable file, ...) shows what was wrong and what to do.
 */
public final class LabMagics {
    private LabMagics() {
    }

    /** Adds the workflow magics, working on {@code session}, to {@code registry}. */
    /** The phases that %phase runs and %timings names, in pipeline order. */
    static final List<String> PHASES = List.of("generate", "score", "filter", "canonicalize", "validate", "save",
            "differs", "predict");

    public static void addTo(MagicRegistry registry, Session session) {
        // values that Tab completes in magic arguments
        CommandMagic.completeValues("PHASE", () -> PHASES);
        CommandMagic.completeValues("CHART", () -> List.of("journey", "iterations", "wallbusy", "gantt"));
        CommandMagic.completeValues("TASK", () -> session.tasks().ids());
        CommandMagic.completeValues("ID", () -> session.tasks().ids());
        CommandMagic.completeValues("ACTION", () -> List.of("stats", "clear", "memory", "store"));
        registry.add(new CommandMagic(() -> new Tasks(session)));
        registry.add(new CommandMagic(() -> new ShowTask(session)));
        registry.add(new CommandMagic(() -> new Solvers(session)));
        registry.add(new CommandMagic(() -> new Config(session)));
        registry.add(new CommandMagic(() -> new Phase(session)));
        registry.add(new CommandMagic(() -> new Run(session)));
        registry.add(new CommandMagic(() -> new Iterate(session)));
        registry.add(new CommandMagic(() -> new Runs(session)));
        registry.add(new CommandMagic(() -> new Timings(session)));
        registry.add(new CommandMagic(() -> new Compare(session)));
        registry.add(new CommandMagic(() -> new Scaling(session)));
        registry.add(new CommandMagic(() -> new Cache(session)));
        registry.add(new CommandMagic(() -> new Library(session)));
        registry.add(new CommandMagic(() -> new Candidates(session)));
        registry.add(new CommandMagic(() -> new Submit(session)));
        registry.add(ClusterMagic.create(session));
    }

    /** Base of the workflow magics: state problems become a {@link MagicException} that names the magic. */
    abstract static class Base extends CommandMagic.Base {
        final Session session;

        Base(Session session) {
            this.session = session;
        }

        abstract Object run() throws Exception;

        @Override
        public final Object call() throws Exception {
            try {
                return run();
            } catch (IllegalStateException | TaskLoadException | UncheckedIOException e) {
                throw new MagicException("%" + name() + ": " + e.getMessage(), e);
            }
        }

        final String name() {
            return getClass().getAnnotation(Command.class).name();
        }
    }

    // ---------------------------------------------------------------------------------------------- tasks

    @Command(name = "tasks", description = {
            "Choose the tasks: bundled, a folder, a task file or a Kaggle bundle; or a subset.",
            "Subsets: --ids (by id), --sample N (seeded random), --limit N (the first N). Without"
                    + " arguments: the current tasks."})
    static final class Tasks extends Base {
        @Parameters(arity = "0..1", paramLabel = "SOURCE",
                description = {"'bundled' (the 400 ARC-AGI-1 training tasks),"
                + " a folder of task JSON files, one task file, or a Kaggle arc-agi_<split>_challenges.json (its"
                + " _solutions.json beside it gives the test outputs) or a folder holding one.",
            "Default: the current tasks (the bundled set at first)."})
        String source;

        @Option(names = "--ids", split = ",", paramLabel = "ID",
                description = "Keep these tasks (comma-separated ids).")
        List<String> ids;

        @Option(names = "--sample", paramLabel = "N",
                description = "Keep N tasks picked at random with the session's seed.")
        Integer sample;

        @Option(names = "--limit", paramLabel = "N", description = "Keep the first N tasks (by id).")
        Integer limit;

        @Option(names = "--lenient", description = "Leave out bad files and tasks (listed) instead of failing.")
        boolean lenient;

        Tasks(Session session) {
            super(session);
        }

        @Override
        Object run() {
            if (sample != null && sample < 1 || limit != null && limit < 1) {
                throw new IllegalArgumentException("--sample and --limit need at least 1 task");
            }
            boolean change = source != null || ids != null || sample != null || limit != null;
            if (!change) {
                return session.tasks();
            }
            TaskSet set;
            if (source == null) {
                set = session.tasks();
            } else if (source.equals("bundled")) {
                set = TaskLoader.bundled();
            } else {
                Path p = Session.resolve(source);
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("no such file or folder: " + p);
                }
                set = TaskLoader.load(p, lenient ? TaskLoader.Mode.LENIENT : TaskLoader.Mode.STRICT);
            }
            set = subset(set, ids, sample, limit, session.seed());
            session.tasks(set);
            return set;
        }
    }

    /** The tasks of {@code set} with the given ids, then a seeded sample of N, then the first N. */
    static TaskSet subset(TaskSet set, List<String> ids, Integer sample, Integer limit, long seed) {
        TaskSet out = set;
        if (ids != null) {
            List<String> wanted = ids.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (wanted.isEmpty()) {
                throw new IllegalArgumentException("--ids: no ids given");
            }
            List<String> unknown = wanted.stream().filter(id -> !set.contains(id)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("no task " + String.join(", ", unknown) + " in " + set.source()
                        + " (" + set.size() + " tasks, e.g. "
                        + String.join(", ", set.ids().subList(0, Math.min(3, set.size())))
                        + ")");
            }
            Set<String> keep = new LinkedHashSet<>(wanted);
            out = new TaskSet(set.source() + " (" + keep.size() + " chosen)",
                    set.stream().filter(t -> keep.contains(t.id())).toList());
        }
        if (sample != null && sample < out.size()) {
            List<Task> shuffled = new ArrayList<>(out.tasks());
            Collections.shuffle(shuffled, new Random(seed));
            out = new TaskSet(out.source() + " (" + sample + " sampled with seed " + seed + ")",
                    shuffled.subList(0, sample));
        }
        if (limit != null && limit < out.size()) {
            out = new TaskSet(out.source().replaceFirst(" \\(first \\d+\\)$", "") + " (first " + limit + ")",
                    out.tasks().subList(0, limit));
        }
        return out;
    }

    @Command(name = "task", description = "Show tasks as pictures: demo pairs, then test pairs, side by side.")
    static final class ShowTask extends Base {
        @Parameters(arity = "0..*", paramLabel = "TASK",
                description = "Task ids, or positions in the task list (1 = the first).")
        List<String> tasks;

        @Option(names = "--first", paramLabel = "N", description = "Show the first N tasks.")
        Integer first;

        ShowTask(Session session) {
            super(session);
        }

        @Override
        Object run() {
            TaskSet set = session.tasks();
            List<Task> shown = new ArrayList<>();
            if (first != null) {
                if (first < 1) {
                    throw new IllegalArgumentException("--first needs at least 1");
                }
                shown.addAll(set.tasks().subList(0, Math.min(first, set.size())));
            }
            for (String t : tasks == null ? List.<String>of() : tasks) {
                shown.add(find(set, t));
            }
            if (shown.isEmpty()) {
                throw new IllegalArgumentException("name a task (e.g. %task " + set.ids().get(0)
                        + ") or use --first N");
            }
            return shown.size() == 1 ? shown.get(0) : new Outputs(new ArrayList<>(shown));
        }
    }

    static Task find(TaskSet set, String idOrPosition) {
        if (idOrPosition.matches("\\d{1,4}") && !set.contains(idOrPosition)) {
            int k = Integer.parseInt(idOrPosition);
            if (k < 1 || k > set.size()) {
                throw new IllegalArgumentException("no task at position " + k + ": the tasks are 1.." + set.size());
            }
            return set.tasks().get(k - 1);
        }
        return set.find(idOrPosition).orElseThrow(() -> new IllegalArgumentException("no task " + idOrPosition + " in "
                + set.source() + " (" + set.size() + " tasks; %tasks lists them)"));
    }

    // ---------------------------------------------------------------------------------------------- library

    @Command(name = "solvers", description = {
            "Load solvers into the library: the bundled ones (default) or a solver file.",
            "Each program is validated on its task's demo pairs first (score and cost recorded)."})
    static final class Solvers extends Base {
        @Parameters(arity = "0..1", paramLabel = "FILE",
                description = "'bundled' (default), a file of def solve_<id>(I): programs, or 'stored': the programs"
                        + " the store kept for the library in earlier sessions.")
        String file;

        Solvers(Session session) {
            super(session);
        }

        @Override
        Object run() throws Exception {
            if ("stored".equals(file)) {
                if (session.store().isEmpty()) {
                    throw new IllegalStateException("the cache is in memory: there is no stored library to restore");
                }
                int before = session.library().size();
                PhaseRecord load = session.restoreLibrary();
                long kept = load.counter("programs");
                return Outputs.of("restored " + kept + " programs the store kept in earlier sessions, in "
                        + Views.seconds(load.wallSeconds()) + "; the library grew by " + (session.library().size() - before)
                        + " to " + session.library().size() + " programs" + (load.partial() ? " (PARTIAL: cancelled)" : ""),
                        session.library());
            }
            ParseResult parsed;
            if (file == null || file.equals("bundled")) {
                parsed = dev.arclab.program.BundledSolvers.parse();
            } else {
                Path p = Session.resolve(file);
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("no solver file " + p);
                }
                parsed = new dev.arclab.program.ProgramParser().parse(p);
            }
            int before = session.library().size();
            PhaseRecord load = session.loadSolvers(parsed);
            SolverLibrary lib = session.library();
            StringBuilder line = new StringBuilder();
            line.append("loaded ").append(parsed.programs().size()).append(" programs from ").append(parsed.file())
                    .append(" in ").append(Views.seconds(load.wallSeconds())).append("; the library grew by ")
                    .append(lib.size() - before).append(" to ").append(lib.size()).append(" programs");
            if (load.partial()) {
                line.append(" (PARTIAL: cancelled)");
            }
            if (!parsed.errors().isEmpty()) {
                line.append("\n").append(parsed.errors().size()).append(" programs could not be parsed:");
                parsed.errors().stream().limit(10).forEach(e -> line.append("\n  ").append(e));
                if (parsed.errors().size() > 10) {
                    line.append("\n  ...");
                }
            }
            return Outputs.of(line.toString(), lib);
        }
    }

    @Command(name = "library",
            description = {"Browse the solver library: by task, or one task's programs and their text.",
            "With TASK: its programs best first (demo score, fuel, origin) and their canonical text.",
            "%%library clear starts over with an empty library (and a fresh pipeline); the cache is kept."})
    static final class Library extends Base {
        @Parameters(arity = "0..1", paramLabel = "TASK", description = "A task id: its programs, best first; or clear.")
        String task;

        Library(Session session) {
            super(session);
        }

        @Override
        Object run() {
            if ("clear".equals(task)) {
                int n = session.library().size();
                session.clearLibrary();
                return "library cleared: " + n + " programs dropped; %solvers loads solvers again";
            }
            SolverLibrary lib = session.library();
            if (task == null) {
                return lib;
            }
            List<LibraryEntry> entries = lib.entries(task);
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("the library has no program for " + task
                        + (lib.size() == 0 ? " (it is empty: %solvers loads the bundled solvers)"
                        : " (" + lib.tasks().size() + " tasks have programs: %library lists them)"));
            }
            List<Object> parts = new ArrayList<>();
            parts.add(Views.entries(lib, task));
            for (int k = 0; k < entries.size(); k++) {
                LibraryEntry e = entries.get(k);
                parts.add("#" + (k + 1) + " " + e.hash() + " (" + e.origin() + ")\n" + e.program().canonicalText());
            }
            return new Outputs(parts);
        }
    }

    // ---------------------------------------------------------------------------------------------- configuration

    @Command(name = "config", description = {"Show or change pipeline settings (the options of arclab run).",
            "The pipeline is rebuilt at its next use; the library is kept."})
    static final class Config extends Base {
        @Mixin
        PipelineOptions options;

        Config(Session session) {
            super(session);
        }

        @Override
        Object run() {
            session.configure(options::apply);
            PipelineConfig c = session.config();
            return String.format(Locale.ROOT,
                    "threads %d, seed %d, tasks per batch %d, mutants per program %d, mutation %.2f,"
                    + " keep per task %d, fuel %d, min matches %d, near misses per task %d, strategies %s", c.threads(), c.seed(),
                    c.tasksPerBatch(), c.mutantsPerProgram(), c.mutation(), c.keepPerTask(), c.fuel(), c.minMatches(),
                    c.nearMissesPerTask(), c.strategies().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(",")));
        }
    }

    // ---------------------------------------------------------------------------------------------- running

    @Command(name = "phase", description = {
            "Run one phase on the session's state (it takes the previous phase's result).",
            "generate (library) -> score -> filter -> canonicalize -> validate -> save; differs (of"
                    + " score); predict (library)."})
    static final class Phase extends Base {
        @Parameters(index = "0", paramLabel = "PHASE",
                description = "generate | score | filter | canonicalize | validate | save | differs | predict")
        String phase;

        Phase(Session session) {
            super(session);
        }

        @Override
        Object run() {
            if (!Session.PHASES.contains(phase.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("no phase '" + phase + "'; the phases are "
                        + String.join(", ", Session.PHASES));
            }
            return session.phase(phase);
        }
    }

    @Command(name = "run", description = {"Run the pipeline once (generate..differs); the run joins the history.",
            "--budget DURATION: iterate until the wall-clock budget is spent, then predict (as arclab run --budget)."})
    static final class Run extends Base {
        @Option(names = "--label", paramLabel = "TEXT",
                description = "A name for the run in comparisons (e.g. baseline).")
        String label;

        @Option(names = "--budget", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Wall-clock budget from the start of the magic, e.g. 90s, 20m, 1h30m: iterate until it is "
                        + "spent (the running phase is cancelled at the deadline, its finished work kept), then predict; "
                        + "each iteration joins the history. The result is the whole run, predict included.")
        Duration budget;

        Run(Session session) {
            super(session);
        }

        @Override
        Object run() {
            return budget == null ? session.run(label) : withinBudget(session, null, budget, label);
        }
    }

    /**
     * At most {@code iterations} (null: as many as fit) within {@code budget}, then predict: the session's
     * {@link Session#run(RunPlan, String, RunPlan.Listener)}, as {@code arclab run --budget}. The whole run's record.
     */
    static RunRecord withinBudget(Session session, Integer iterations, Duration budget, String label) {
        Budget deadline = Budget.start(budget, System::nanoTime);
        return session.run(new RunPlan(iterations, deadline, false), label, null).record();
    }

    @Command(name = "iterate", description = {"Run generate..differs N times, as one run in the history.",
            "The stop button cancels the running phase; what finished is kept, marked partial.",
            "--budget DURATION: at most N iterations within the wall-clock budget, then predict (as arclab run)."})
    static final class Iterate extends Base {
        @Parameters(index = "0", paramLabel = "N", description = "Iterations, at least 1.")
        int n;

        @Option(names = "--label", paramLabel = "TEXT", description = "A name for the run in comparisons.")
        String label;

        @Option(names = "--budget", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Wall-clock budget from the start of the magic, e.g. 90s, 20m, 1h30m: stop after N iterations "
                        + "or when it is spent (the running phase is cancelled at the deadline, its finished work kept), "
                        + "then predict; each iteration joins the history. The result is the whole run, predict included.")
        Duration budget;

        Iterate(Session session) {
            super(session);
        }

        @Override
        Object run() {
            if (n < 1) {
                throw new IllegalArgumentException("N must be at least 1, got " + n);
            }
            return budget == null ? session.iterate(n, label) : withinBudget(session, n, budget, label);
        }
    }

    @Command(name = "runs", description = "List the runs of this session: number, label, configuration, wall time.")
    static final class Runs extends Base {
        Runs(Session session) {
            super(session);
        }

        @Option(names = "--stored", description = "The runs the store kept, of this and earlier sessions.")
        boolean stored;

        @Override
        Object run() {
            if (stored) {
                List<RunRecord> s = session.storedRuns();
                if (s.isEmpty()) {
                    return "the store keeps no runs" + (session.store().isEmpty() ? " (the cache is in memory)" : "");
                }
                Table t = Views.history(s);
                return t.setName("Runs kept in " + session.store().map(MapDbCache::file).map(Object::toString).orElse("the store"));
            }
            List<RunRecord> h = session.history();
            if (h.isEmpty()) {
                return "no runs yet: %run or %iterate N make one";
            }
            return Views.history(h);
        }
    }

    // ---------------------------------------------------------------------------------------------- timings

    @Command(name = "timings", description = {"Timings of the last run (or of phases run one by one): table or chart.",
            "--chart journey | wallbusy | gantt PHASE; --tasks PHASE: the tasks of a phase, longest first."})
    static final class Timings extends Base {
        @Option(names = "--run", paramLabel = "N", description = "Run number (see %%runs) or label; default: the last.")
        String run;

        @Option(names = "--chart", arity = "1..2", paramLabel = "CHART",
                description = {"journey (stacked phase times per run), iterations (the same per iteration of the run),"
                        + " wallbusy (wall, busy and CPU per phase) or"
                        + " gantt PHASE (the worker timeline of a phase)."})
        List<String> chart;

        @Option(names = "--tasks", paramLabel = "PHASE", description = "The tasks of a phase, longest first.")
        String tasksOf;

        @Option(names = "--top", paramLabel = "N", defaultValue = "20",
                description = "Rows of --tasks (default: ${DEFAULT-VALUE}).")
        int top;

        @Option(names = "--iteration", paramLabel = "K",
                description = "For gantt and --tasks: the iteration (default: the last).")
        Integer iteration;

        Timings(Session session) {
            super(session);
        }

        @Override
        Object run() {
            RunRecord r = run == null ? session.lastTimings().orElseThrow(() -> new IllegalStateException(
                    "nothing ran yet: %run or %phase NAME first")) : pickRun(session, run);
            if (chart == null && tasksOf == null) {
                return r;
            }
            if (tasksOf != null) {
                if (top < 1) {
                    throw new IllegalArgumentException("--top must be at least 1");
                }
                return Tables.tasks(phaseOf(r, tasksOf, iteration), Tables.TaskOrder.SPAN, top);
            }
            String kind = chart.get(0).toLowerCase(Locale.ROOT);
            switch (kind) {
                case "journey": {
                    List<RunRecord> runs = run != null ? List.of(r) : session.history();
                    return Charts.journey(runs.isEmpty() ? List.of(r) : runs);
                }
                case "iterations":
                    return Charts.journey(Iterations.each(r));
                case "wallbusy":
                case "wallbusycpu":
                    return Charts.wallBusyCpu(r);
                case "gantt":
                    if (chart.size() < 2) {
                        throw new IllegalArgumentException("--chart gantt needs a phase, e.g. --chart gantt score;"
                                + " this run has "
                                + String.join(", ", RunSeries.of(r).phases()));
                    }
                    return Charts.gantt(phaseOf(r, chart.get(1), iteration));
                default:
                    throw new IllegalArgumentException("no chart '" + chart.get(0)
                            + "'; the charts are journey, iterations, wallbusy,"
                            + " gantt PHASE");
            }
        }
    }

    /** A run of the history by number or label (the last with that label); "last" is the last run. */
    static RunRecord pickRun(Session session, String spec) {
        List<RunRecord> h = session.history();
        if (spec.equals("last")) {
            if (h.isEmpty()) {
                throw new IllegalArgumentException("no runs yet: %run or %iterate N make one");
            }
            return h.get(h.size() - 1);
        }
        if (spec.matches("\\d+")) {
            return session.historyRun(Integer.parseInt(spec));
        }
        List<RunRecord> labelled = runsLabelled(h, spec);
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("no run " + spec + ": give a run number (1.." + h.size() + ") or a label"
                    + labels(h));
        }
        return labelled.get(labelled.size() - 1);
    }

    private static List<RunRecord> runsLabelled(List<RunRecord> h, String label) {
        return h.stream().filter(x -> x.config() != null && label.equals(x.config().label())).toList();
    }

    private static String labels(List<RunRecord> h) {
        Set<String> l = new LinkedHashSet<>();
        h.forEach(r -> {
            if (r.config() != null && r.config().label() != null && !r.config().label().isBlank()) {
                l.add(r.config().label());
            }
        });
        return l.isEmpty() ? " (no run has a label)" : " (labels: " + String.join(", ", l) + ")";
    }

    /** The record of {@code phase} in a run: of the given iteration, else the last one. */
    static PhaseRecord phaseOf(RunRecord r, String phase, Integer iteration) {
        PhaseRecord found = null;
        for (PhaseRecord p : r.phases()) {
            if (p.phase().equals(phase) && (iteration == null || p.iteration() == iteration)) {
                found = p;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no phase " + phase
                    + (iteration == null ? "" : " in iteration " + iteration)
                    + " in " + r.id() + "; it has " + String.join(", ", RunSeries.of(r).phases()));
        }
        return found;
    }

    @Command(name = "compare", description = {
            "Compare runs with a baseline: speedups per phase, regressions beyond noise.",
            "Runs sharing a label are repeats of one configuration (min/median/max)."})
    static final class Compare extends Base {
        @Option(names = "--baseline", required = true, paramLabel = "N",
                description = "Run number or label of the baseline.")
        String baseline;

        @Parameters(arity = "0..*", paramLabel = "N",
                description = "Run numbers or labels to compare (default: all other runs).")
        List<String> runs;

        Compare(Session session) {
            super(session);
        }

        @Override
        Object run() {
            List<RunRecord> h = session.history();
            if (h.size() < 2) {
                throw new IllegalStateException("comparing needs at least two runs; there "
                        + (h.size() == 1 ? "is one" : "are none")
                        + " (%run --label NAME makes one)");
            }
            RunSeries base = series(h, baseline);
            List<RunSeries> others = new ArrayList<>();
            if (runs == null || runs.isEmpty()) {
                Set<String> done = new LinkedHashSet<>();
                for (RunRecord r : h) {
                    if (base.runs().contains(r)) {
                        continue;
                    }
                    String label = r.config() == null ? "" : r.config().label();
                    if (label != null && !label.isBlank()) {
                        if (done.add(label)) {
                            others.add(series(h, label));
                        }
                    } else {
                        others.add(RunSeries.of(r));
                    }
                }
            } else {
                for (String spec : runs) {
                    others.add(series(h, spec));
                }
            }
            if (others.isEmpty()) {
                throw new IllegalArgumentException("nothing to compare with the baseline " + baseline);
            }
            return Experiments.compare(base, others.toArray(new RunSeries[0]));
        }

        private static RunSeries series(List<RunRecord> h, String spec) {
            if (spec.matches("\\d+")) {
                int n = Integer.parseInt(spec);
                if (n < 1 || n > h.size()) {
                    throw new IllegalArgumentException("no run " + n + ": the runs are 1.." + h.size());
                }
                return RunSeries.of(h.get(n - 1));
            }
            List<RunRecord> l = runsLabelled(h, spec);
            if (l.isEmpty()) {
                throw new IllegalArgumentException("no run " + spec + ": give a run number (1.." + h.size()
                        + ") or a label"
                        + labels(h));
            }
            return RunSeries.of(spec, l);
        }
    }

    @Command(name = "scaling", description = {
            "Thread scaling: the pipeline at 1..N threads, R times each; table and chart.",
            "Each run has a fresh private cache and a copy of the library, so all do the same work."})
    static final class Scaling extends Base {
        @Option(names = "--max-threads", paramLabel = "N",
                description = "Largest thread count (default: the session's threads).")
        Integer maxThreads;

        @Option(names = "--repeat", paramLabel = "R", defaultValue = "3",
                description = "Runs per thread count (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--warmups", paramLabel = "W", defaultValue = "1",
                description = "Discarded warm-up rounds (default: ${DEFAULT-VALUE}).")
        int warmups;

        @Option(names = "--iterations", paramLabel = "I", defaultValue = "1",
                description = "Iterations per run (default: ${DEFAULT-VALUE}).")
        int iterations;

        @Option(names = "--phase", paramLabel = "PHASE", defaultValue = RunSeries.TOTAL,
                description = "The phase to measure, or total (default: ${DEFAULT-VALUE}).")
        String phase;

        Scaling(Session session) {
            super(session);
        }

        @Override
        Object run() {
            int max = maxThreads == null ? session.threads() : maxThreads;
            if (max < 1 || repeat < 1 || warmups < 0 || iterations < 1) {
                throw new IllegalArgumentException("--max-threads, --repeat and --iterations must be at least 1,"
                        + " --warmups at least 0");
            }
            if (!phase.equals(RunSeries.TOTAL) && !Session.PHASES.contains(phase)) {
                throw new IllegalArgumentException("no phase '" + phase + "'; use total or one of "
                        + String.join(", ", Session.PHASES));
            }
            return session.scaling(phase, max, warmups, repeat, iterations);
        }
    }


    // ---------------------------------------------------------------------------------------------- cache

    @Command(name = "cache", description = {"Cache statistics (hits by origin, misses, time saved), or clear the cache.",
            "The cache is the store HOME/cache.db (%%home), shared by every cell and kept between sessions.",
            "--chart: lookups by origin per iteration of the last run (or --run N); --lifetime: over all sessions.",
            "clear [MAP...]: canonical, validation, score, differs (the default: all four), library, history, or all.",
            "memory: a private in-memory cache from now on (the store is left as it is); store: back to the store."})
    static final class Cache extends Base {
        @Parameters(arity = "0..*", paramLabel = "ACTION", description = "stats (default), clear [MAP...], memory or store.")
        List<String> action;

        @Option(names = "--chart", description = "Lookups by origin per iteration of the last run (or --run).")
        boolean chart;

        @Option(names = "--run", paramLabel = "N", description = "With --chart: run number or label.")
        String run;

        @Option(names = "--lifetime", description = "Hits, misses and time saved over every session of the store.")
        boolean lifetime;

        Cache(Session session) {
            super(session);
        }

        @Override
        Object run() {
            String a = action == null || action.isEmpty() ? "stats" : action.get(0).toLowerCase(Locale.ROOT);
            List<String> rest = action == null || action.isEmpty() ? List.of() : action.subList(1, action.size());
            switch (a) {
                case "stats": {
                    if (!rest.isEmpty()) {
                        throw new IllegalArgumentException("stats takes no arguments, got " + String.join(" ", rest));
                    }
                    if (chart) {
                        RunRecord r = run != null ? pickRun(session, run) : session.lastTimings().orElseThrow(
                                () -> new IllegalStateException("nothing ran yet: %run or %iterate N first"));
                        if (CacheStats.perIteration(r, null).isEmpty()) {
                            throw new IllegalStateException(r.id() + " made no cache lookups");
                        }
                        return Charts.cacheByIteration(r, null);
                    }
                    if (lifetime) {
                        MapDbCache store = session.store().orElseThrow(() -> new IllegalStateException(
                                "the cache is in memory: lifetime statistics need the store"));
                        return Outputs.of("Over every session of " + store.file() + " (this one up to its last commit)",
                                Tables.cache(stats(store.lifetimeStats())));
                    }
                    return Outputs.of(cacheLine(session), Tables.cache(stats(session.cache().stats())));
                }
                case "clear": {
                    List<String> maps = rest.isEmpty() ? Session.RESULT_MAPS : rest;
                    long entries = 0;
                    List<MapStats> all = session.store().map(MapDbCache::allStats).orElse(session.cache().stats());
                    for (MapStats m : all) {
                        if (maps.contains("all") || maps.contains(m.map())) {
                            entries += Math.max(0, m.entries());
                        }
                    }
                    session.clearCache(maps);
                    return "cache cleared (" + String.join(", ", maps) + "): " + entries + " entries dropped";
                }
                case "memory":
                case "store":
                    if (!rest.isEmpty()) {
                        throw new IllegalArgumentException(a + " takes no arguments, got " + String.join(" ", rest));
                    }
                    if (a.equals("memory")) {
                        session.useMemoryCache();
                    } else {
                        session.useStore();
                    }
                    return cacheLine(session);
                default:
                    throw new IllegalArgumentException("no action '" + action.get(0)
                            + "'; use stats, clear [MAP...], memory or store");
            }
        }
    }

    /** Where the cache is, and what the store keeps besides results. */
    static String cacheLine(Session session) {
        StringBuilder sb = new StringBuilder("cache: " + session.cacheLocation());
        session.store().ifPresent(s -> {
            for (MapStats m : s.allStats()) {
                if (m.map().equals("library") || m.map().equals("history")) {
                    sb.append("; ").append(m.map()).append(' ').append(m.entries())
                            .append(m.map().equals("library") ? " programs kept" : " runs kept");
                }
            }
        });
        return sb.toString();
    }

    /** Cache map statistics as the report's cache table takes them. */
    static List<CacheStats> stats(List<MapStats> maps) {
        List<CacheStats> out = new ArrayList<>();
        for (MapStats m : maps) {
            out.add(new CacheStats(m.map(), m.sessionHits(), m.diskHits(), m.misses(), m.entries(), m.bytes(),
                    m.savedSeconds()));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- candidates

    @Command(name = "candidates", description = {"Pictures of scored candidates (input, expected, produced, diff).",
            "The kept candidates of the last filter (else those of the last score with a match), or"
                    + " --near-misses of the last differs."})
    static final class Candidates extends Base {
        @Parameters(arity = "0..*", paramLabel = "TASK", description = "Only these tasks.")
        List<String> tasks;

        @Option(names = "--near-misses", description = "The best near misses of the last differs instead.")
        boolean nearMisses;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "4",
                description = "At most N pictures (default: ${DEFAULT-VALUE}).")
        int limit;

        Candidates(Session session) {
            super(session);
        }

        @Override
        Object run() {
            if (limit < 1) {
                throw new IllegalArgumentException("--limit must be at least 1");
            }
            Scored scored = session.scored().orElseThrow(() -> new IllegalStateException(
                    "no score result yet: %phase generate, then %phase score (or %run)"));
            TaskSet set = session.tasks();
            Set<String> only = tasks == null ? null : new LinkedHashSet<>(tasks);
            List<Object> views = new ArrayList<>();
            int total = 0;
            if (nearMisses) {
                Differed d = session.differed().orElseThrow(() -> new IllegalStateException(
                        "no differs result yet: %phase differs (or %run) first"));
                for (NearMiss n : nearMissesBestFirst(d, only)) {
                    total++;
                    if (views.size() < limit && set.contains(n.task())) {
                        views.add(CandidateView.of(scored, set.get(n.task()), n));
                    }
                }
            } else {
                List<Candidate> list = bestFirst(session.filtered().map(f -> f.kept())
                        .orElseGet(scored::candidatesWithAMatch));
                for (Candidate c : list) {
                    if (only != null && !only.contains(c.task())) {
                        continue;
                    }
                    total++;
                    if (views.size() < limit && set.contains(c.task())) {
                        views.add(CandidateView.of(scored, set.get(c.task()), c));
                    }
                }
            }
            if (views.isEmpty()) {
                return "no " + (nearMisses ? "near misses" : "candidates with a demo match")
                        + (only == null ? "" : " for " + String.join(", ", only)) + " in the last "
                        + (nearMisses ? "differs" : "score");
            }
            List<Object> parts = new ArrayList<>();
            parts.add(views.size() + " of " + total + (nearMisses ? " near misses" : " candidates")
                    + (total > views.size() ? " (--limit N shows more)" : ""));
            parts.addAll(views);
            return new Outputs(parts);
        }
    }

    /**
     * The near misses, highest credit first (ties: task order); of near misses of one task with the same measures
     * (the same produced grids, so the same pictures) only the first.
     */
    static List<NearMiss> nearMissesBestFirst(Differed d, Set<String> only) {
        List<NearMiss> all = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, List<NearMiss>> e : d.nearMisses().entrySet()) {
            if (only != null && !only.contains(e.getKey())) {
                continue;
            }
            for (NearMiss n : e.getValue()) {
                if (seen.add(n.task() + "\u0000" + n.measures())) {
                    all.add(n);
                }
            }
        }
        all.sort(java.util.Comparator.comparingDouble((NearMiss n) -> -n.measures().combined()));
        return all;
    }

    /** Best demo fraction first; among equals, one candidate per task before a task's second. */
    static List<Candidate> bestFirst(List<Candidate> list) {
        List<Candidate> sorted = new ArrayList<>(list);
        sorted.sort(java.util.Comparator.comparingDouble(
                (Candidate c) -> -(double) c.matched() / Math.max(1, c.total())));
        List<Candidate> out = new ArrayList<>();
        List<Candidate> later = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        double band = Double.NaN;
        for (Candidate c : sorted) {
            double f = (double) c.matched() / Math.max(1, c.total());
            if (f != band) {
                out.addAll(later);
                later.clear();
                seen.clear();
                band = f;
            }
            (seen.add(c.task()) ? out : later).add(c);
        }
        out.addAll(later);
        return out;
    }

    // ---------------------------------------------------------------------------------------------- submission

    /** Checks, before any work, that {@code file} can be written: its folder is created and must be writable. */
    static void checkWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot write " + file + ": cannot create its folder " + parent + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new IllegalArgumentException("cannot write " + file + ": " + (Files.exists(file) ? file : parent)
                    + " is not writable");
        }
    }

    @Command(name = "submit", description = "Predict test outputs (two best programs per task), write submission.json.")
    static final class Submit extends Base {
        @Parameters(arity = "0..1", paramLabel = "PATH", defaultValue = "submission.json",
                description = "The file to write, or a folder to write submission.json in (default: ${DEFAULT-VALUE}).")
        String path;

        Submit(Session session) {
            super(session);
        }

        @Override
        Object run() throws Exception {
            Path p = Session.resolve(path);
            if (Files.isDirectory(p)) {
                p = p.resolve("submission.json");
            }
            checkWritable(p);
            Predicted predicted = session.predict();
            if (predicted.timing().partial()) {
                throw new IllegalStateException("predict was cancelled: no submission written");
            }
            predicted.submission().write(p);
            int inputs = predicted.tasks().stream().mapToInt(t -> t.attempts().size()).sum();
            long solved = predicted.tasks().stream().filter(t -> !t.programs().isEmpty()).count();
            return "wrote " + p + ": " + predicted.tasks().size() + " tasks, " + inputs + " test inputs, " + solved
                    + " tasks with a program" + (predicted.knownOutputs() > 0 ? "; " + predicted.predicted() + " of "
                    + predicted.knownOutputs() + " known test outputs predicted" : "");
        }
    }
}
