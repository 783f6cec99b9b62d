package dev.arclab.lab;

import dev.arclab.pipeline.Batch;
import dev.arclab.pipeline.Candidate;
import dev.arclab.pipeline.LibraryEntry;
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
import dev.arclab.pipeline.SolverLibrary;
import dev.arclab.pipeline.Validation;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunConfig;
import dev.arclab.profile.RunRecord;
import dev.arclab.program.Outcome;
import dev.arclab.report.CacheStats;
import dev.arclab.report.RunSeries;
import dev.arclab.report.Tables;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The compact views of ARC Lab's values in a notebook: a summary line and a table for each phase result, run
 * record, phase record, the solver library and a task set. Tables keep at most {@link #ROWS} rows (the title says
 * when there are more).
 */
public final class Views {
    /** Rows a summary table keeps at most. */
    public static final int ROWS = 20;

    private Views() {
    }

    // ---- columns ---------------------------------------------------------------------------------------------

    private static DoubleColumn decimals(String name, String pattern) {
        DoubleColumn c = DoubleColumn.create(name);
        c.setPrintFormatter(Tables.format(pattern));
        return c;
    }

    private static IntColumn ints(String name) {
        return Tables.ints(name);
    }

    private static LongColumn longs(String name) {
        return Tables.longs(name);
    }

    private static void add(DoubleColumn c, double v) {
        Tables.add(c, v);
    }

    private static String title(String title, int shown, int total) {
        return shown < total ? title + " (first " + shown + " of " + total + ")" : title;
    }

    /** A duration in seconds as it reads best: "0.42 ms", "12.3 ms", "250 ms", "2.50 s", "12.5 s" (never "0.000 s"). */
    public static String seconds(double s) {
        double ms = s * 1000;
        if (ms < 1000) {
            return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : ms < 100 ? "%.1f ms" : "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
    }

    static String short12(String hash) {
        return hash.substring(0, Math.min(12, hash.length()));
    }

    private static String phaseHead(PhaseRecord r) {
        if (r == null) {
            return "";
        }
        return r.phase() + (r.iteration() > 0 ? " (iteration " + r.iteration() + ")" : "");
    }

    private static String timing(PhaseRecord r) {
        if (r == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; " + seconds(r.wallSeconds()));
        if (CacheStats.hasCacheCounters(r.counters())) {
            CacheStats c = CacheStats.total("all", CacheStats.fromCounters(r.counters()));
            sb.append(", cache ").append(c.sessionHits()).append(" hits");
            if (c.diskHits() > 0) {
                sb.append(" + ").append(c.diskHits()).append(" from disk");
            }
            sb.append(" / ").append(c.misses()).append(" misses");
        }
        if (r.partial()) {
            sb.append("; PARTIAL (cancelled)");
        }
        return sb.toString();
    }

    // ---- phase results ---------------------------------------------------------------------------------------

    public static Summary of(Generated g) {
        Batch b = g.batch();
        String line = phaseHead(g.timing()) + ": " + g.pickedTasks().size() + " tasks picked, " + b.size()
                + " programs (" + b.mutants() + " mutants), " + b.nodesBefore() + " nodes, " + b.nodesAfter()
                + " after sharing" + timing(g.timing());
        StringColumn program = StringColumn.create("program");
        StringColumn task = StringColumn.create("picked for");
        IntColumn calls = ints("calls");
        StringColumn origin = StringColumn.create("origin");
        int n = Math.min(ROWS, b.size());
        for (Batch.Member m : b.members().subList(0, n)) {
            program.append(short12(m.hash()));
            task.append(m.task());
            calls.append(m.program().callCount());
            origin.append(m.origin().toString());
        }
        return new Summary(line, Table.create(title("Batch programs", n, b.size()), program, task, calls, origin));
    }

    public static Summary of(Scored s) {
        int samples = 0;
        long errors = 0;
        long timeouts = 0;
        for (TaskScores t : s.tasks()) {
            samples += t.expected().length;
            for (var perMember : t.results()) {
                for (var r : perMember) {
                    if (r != null) {
                        errors += r.status() == Outcome.Status.ERROR ? 1 : 0;
                        timeouts += r.status() == Outcome.Status.TIMEOUT ? 1 : 0;
                    }
                }
            }
        }
        List<Candidate> matched = s.candidatesWithAMatch();
        String line = phaseHead(s.timing()) + ": " + s.batch().size() + " programs on " + s.tasks().size() + " tasks ("
                + samples + " demo samples), " + matched.size() + " candidates with a match, "
                + matched.stream().filter(Candidate::perfect).count() + " perfect, " + errors + " errors, " + timeouts
                + " timeouts" + timing(s.timing());
        record Row(String task, int samples, int withMatch, int best, String bestProgram) {
        }
        List<Row> rows = new ArrayList<>();
        for (TaskScores t : s.tasks()) {
            int with = 0;
            int best = 0;
            String bestProgram = "";
            for (int m = 0; m < s.batch().size(); m++) {
                int k = t.matched(m);
                if (k > 0) {
                    with++;
                }
                if (k > best) {
                    best = k;
                    bestProgram = short12(s.batch().members().get(m).hash());
                }
            }
            if (with > 0) {
                rows.add(new Row(t.task(), t.expected().length, with, best, bestProgram));
            }
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -(double) r.best() / r.samples()).thenComparing(Row::task));
        StringColumn task = StringColumn.create("task");
        IntColumn n = ints("demo samples");
        IntColumn with = ints("programs with a match");
        StringColumn best = StringColumn.create("best matched");
        StringColumn program = StringColumn.create("best program");
        int shown = Math.min(ROWS, rows.size());
        for (Row r : rows.subList(0, shown)) {
            task.append(r.task());
            n.append(r.samples());
            with.append(r.withMatch());
            best.append(r.best() + "/" + r.samples());
            program.append(r.bestProgram());
        }
        return new Summary(line, Table.create(title("Tasks with a match", shown, rows.size()), task, n, with, best,
                program));
    }

    public static Summary of(Filtered f) {
        long unique = f.kept().stream().map(Candidate::hash).distinct().count();
        String line = phaseHead(f.timing()) + ": kept " + f.kept().size() + " of " + f.candidates() + " candidates ("
                + unique + " unique programs)" + timing(f.timing());
        return new Summary(line, candidates("Kept candidates", f.kept()));
    }

    private static Table candidates(String title, List<Candidate> list) {
        StringColumn task = StringColumn.create("task");
        StringColumn program = StringColumn.create("program");
        StringColumn matched = StringColumn.create("demo matched");
        StringColumn origin = StringColumn.create("origin");
        int n = Math.min(ROWS, list.size());
        for (Candidate c : list.subList(0, n)) {
            task.append(c.task());
            program.append(short12(c.hash()));
            matched.append(c.matched() + "/" + c.total());
            origin.append(c.originForTask().toString());
        }
        return Table.create(title(title, n, list.size()), task, program, matched, origin);
    }

    public static Summary of(Canonicalized c) {
        String line = phaseHead(c.timing()) + ": canonical text of " + c.texts().size() + " programs ("
                + c.kept().size() + " kept candidates)" + timing(c.timing());
        StringColumn program = StringColumn.create("program");
        StringColumn tasks = StringColumn.create("tasks");
        IntColumn lines = ints("lines");
        StringColumn first = StringColumn.create("first line");
        List<String> hashes = new ArrayList<>(c.texts().keySet());
        int n = Math.min(ROWS, hashes.size());
        for (String h : hashes.subList(0, n)) {
            String text = c.texts().get(h);
            program.append(short12(h));
            tasks.append(String.join(" ", c.kept().stream().filter(k -> k.hash().equals(h)).map(Candidate::task)
                    .distinct().toList()));
            String[] ls = text.split("\n");
            lines.append(ls.length);
            first.append(ls.length > 1 ? ls[1].strip() : ls[0].strip());
        }
        return new Summary(line, Table.create(title("Canonical programs", n, hashes.size()), program, tasks, lines,
                first));
    }

    public static Summary of(Validated v) {
        long perfect = v.checked().stream().filter(c -> c.validation().perfect()).count();
        long errors = v.checked().stream().filter(c -> c.validation().status() == Outcome.Status.ERROR).count();
        long timeouts = v.checked().stream().filter(c -> c.validation().status() == Outcome.Status.TIMEOUT).count();
        String line = phaseHead(v.timing()) + ": " + v.checked().size() + " programs run alone, " + perfect
                + " demo-perfect, " + errors + " with an error, " + timeouts + " with a timeout" + timing(v.timing());
        StringColumn task = StringColumn.create("task");
        StringColumn program = StringColumn.create("program");
        StringColumn status = StringColumn.create("status");
        StringColumn matched = StringColumn.create("demo matched");
        LongColumn fuel = longs("fuel");
        DoubleColumn ms = decimals("time ms", "#,##0.00");
        int n = Math.min(ROWS, v.checked().size());
        for (Checked c : v.checked().subList(0, n)) {
            Validation val = c.validation();
            task.append(c.candidate().task());
            program.append(short12(c.candidate().hash()));
            status.append(val.status().name().toLowerCase(Locale.ROOT));
            matched.append(val.matched() + "/" + val.total());
            fuel.append(val.fuel());
            ms.append(val.nanos() / 1e6);
        }
        return new Summary(line, Table.create(title("Validated programs", n, v.checked().size()), task, program, status,
                matched, fuel, ms));
    }

    public static Summary of(Saved s) {
        String line = phaseHead(s.timing()) + ": " + s.added().size() + " of " + s.offered()
                + " programs entered the library; it holds " + s.librarySize() + " programs, " + s.perfectTasks()
                + " tasks demo-perfect" + timing(s.timing());
        return new Summary(line, entries(title("Added to the library", Math.min(ROWS, s.added().size()),
                s.added().size()),
                s.added().subList(0, Math.min(ROWS, s.added().size()))));
    }

    private static Table entries(String title, List<LibraryEntry> list) {
        StringColumn task = StringColumn.create("task");
        StringColumn program = StringColumn.create("program");
        DoubleColumn score = decimals("demo score", "0.00");
        StringColumn matched = StringColumn.create("demo matched");
        LongColumn fuel = longs("fuel");
        StringColumn origin = StringColumn.create("origin");
        for (LibraryEntry e : list) {
            task.append(e.task());
            program.append(short12(e.hash()));
            add(score, e.score());
            matched.append(e.scoreKnown() ? e.matched() + "/" + e.total() : "task not loaded");
            fuel.append(e.fuel());
            origin.append(e.origin().toString());
        }
        return Table.create(title, task, program, score, matched, fuel, origin);
    }

    public static Summary of(Differed d) {
        String line = phaseHead(d.timing()) + ": " + d.measured() + " near misses measured; the best kept for "
                + d.nearMisses().size() + " tasks" + timing(d.timing());
        List<NearMiss> best = new ArrayList<>();
        d.nearMisses().values().forEach(l -> {
            if (!l.isEmpty()) {
                best.add(l.get(0));
            }
        });
        best.sort(Comparator.comparingDouble((NearMiss n) -> -n.measures().combined()).thenComparing(NearMiss::task));
        StringColumn task = StringColumn.create("task");
        StringColumn program = StringColumn.create("best near miss");
        DoubleColumn combined = decimals("credit", "0.00");
        DoubleColumn cells = decimals("cells", "0.00");
        DoubleColumn shape = decimals("shape", "0.00");
        DoubleColumn palette = decimals("palette", "0.00");
        DoubleColumn objects = decimals("objects", "0.00");
        int n = Math.min(ROWS, best.size());
        for (NearMiss m : best.subList(0, n)) {
            task.append(m.task());
            program.append(short12(m.program().hash()));
            add(combined, m.measures().combined());
            add(cells, m.measures().cells());
            add(shape, m.measures().shape());
            add(palette, m.measures().palette());
            add(objects, m.measures().objects());
        }
        return new Summary(line, Table.create(title("Best near miss per task", n, best.size()), task, program, combined,
                cells, shape, palette, objects));
    }

    public static Summary of(Predicted p) {
        int inputs = p.tasks().stream().mapToInt(t -> t.attempts().size()).sum();
        long withPrograms = p.tasks().stream().filter(t -> !t.programs().isEmpty()).count();
        String line = phaseHead(p.timing()) + ": " + p.tasks().size() + " tasks (" + withPrograms + " answered by a program), "
                + inputs + " test inputs; " + (p.knownOutputs() > 0 ? p.predicted() + " of " + p.knownOutputs()
                + " known test outputs predicted" : "no test outputs known") + timing(p.timing());
        List<TaskPrediction> rows = new ArrayList<>(p.tasks().stream().filter(t -> !t.programs().isEmpty()).toList());
        rows.sort(Comparator.comparingLong((TaskPrediction t) -> -t.correct().stream().filter(b -> b).count())
                .thenComparing(TaskPrediction::task));
        StringColumn task = StringColumn.create("task");
        StringColumn programs = StringColumn.create("programs");
        IntColumn tests = ints("test inputs");
        IntColumn correct = ints("correct");
        int n = Math.min(ROWS, rows.size());
        for (TaskPrediction t : rows.subList(0, n)) {
            task.append(t.task());
            programs.append(String.join(" ", t.programs().stream().map(Views::short12).toList()));
            tests.append(t.attempts().size());
            correct.append((int) t.correct().stream().filter(b -> b).count());
        }
        return new Summary(line, Table.create(title("Tasks answered by a program", n, rows.size()), task, programs, tests,
                correct));
    }

    /** One iteration (as {@code Pipeline.runOnce()} returns it): its phases' timings. */
    public static Summary of(Iteration it) {
        List<PhaseRecord> phases = new ArrayList<>();
        for (PhaseRecord r : new PhaseRecord[] {t(it.generated()), it.scored() == null ? null : it.scored().timing(),
            it.filtered() == null ? null : it.filtered().timing(), it.canonicalized() == null ? null
                    : it.canonicalized().timing(),
            it.validated() == null ? null : it.validated().timing(), it.saved() == null ? null : it.saved().timing(),
            it.differed() == null ? null : it.differed().timing()}) {
            if (r != null) {
                phases.add(r);
            }
        }
        RunRecord run = new RunRecord("iteration", System.currentTimeMillis(), null, phases, Map.of());
        String line = "iteration " + (phases.isEmpty() ? "?" : phases.get(0).iteration()) + ": " + phases.size()
                + " phases, " + seconds(run.wallNanos() / 1e9) + " wall"
                + (it.saved() == null ? "; stopped early (cancelled)" : "; library " + it.saved().librarySize()
                + " programs, " + it.saved().perfectTasks() + " tasks demo-perfect");
        return new Summary(line, Tables.phases(run));
    }

    private static PhaseRecord t(Generated g) {
        return g == null ? null : g.timing();
    }

    // ---- timings ---------------------------------------------------------------------------------------------

    public static Summary of(RunRecord run) {
        long busy = run.phases().stream().mapToLong(PhaseRecord::busyNanos).sum();
        long cpu = run.phases().stream().mapToLong(PhaseRecord::cpuNanos).sum();
        RunConfig c = run.config();
        StringBuilder line = new StringBuilder(run.id());
        String name = RunSeries.nameOf(run);
        if (!name.equals(run.id())) {
            line.append(" \u201c").append(name).append('\u201d');
        }
        int ran = Iterations.ran(run);
        if (c != null && ran < c.iterations()) {
            line.append(": ").append(ran).append(" of ").append(c.iterations()).append(" iterations ran")
                    .append(" on ").append(c.tasks()).append(" tasks, ").append(c.threads()).append(" threads, seed ")
                    .append(c.seed());
        } else if (c != null) {
            line.append(": ").append(c.iterations()).append(c.iterations() == 1 ? " iteration" : " iterations")
                    .append(" on ").append(c.tasks()).append(" tasks, ").append(c.threads()).append(" threads, seed ")
                    .append(c.seed());
        }
        line.append("; ").append(seconds(run.wallNanos() / 1e9)).append(" wall, ").append(seconds(busy / 1e9))
                .append(" busy, ").append(seconds(cpu / 1e9)).append(" CPU");
        Long perfect = run.summary().get("tasks with a demo-perfect program");
        Long library = run.summary().get("library programs");
        if (perfect != null && library != null) {
            line.append("; library ").append(library).append(" programs, ").append(perfect).append(" tasks demo-perfect");
        }
        if (run.phases().stream().anyMatch(PhaseRecord::partial) || run.summary().getOrDefault("partial", 0L) > 0) {
            line.append("; PARTIAL (cancelled)");
        }
        if (ran > 1) {
            line.append("; phases summed over the ").append(ran).append(" iterations (the iteration column counts"
                    + " them; %timings --chart iterations shows each)");
        }
        return new Summary(line.toString(), Tables.phases(Iterations.summed(run)));
    }

    public static Summary of(PhaseRecord r) {
        String line = phaseHead(r) + ": " + seconds(r.wallSeconds()) + " wall, " + seconds(r.busySeconds()) + " busy, "
                + r.items() + " items on " + r.threads() + (r.threads() == 1 ? " thread" : " threads")
                + String.format(Locale.ROOT, ", parallelism %.2f", r.parallelism()) + (r.partial()
                        ? "; PARTIAL (cancelled)" : "");
        RunRecord run = new RunRecord(r.phase(), System.currentTimeMillis(), null, List.of(r), Map.of());
        return new Summary(line, Tables.phases(run));
    }

    /** The run history: one row per run. */
    public static Table history(List<RunRecord> runs) {
        IntColumn number = ints("run");
        StringColumn label = StringColumn.create("label");
        IntColumn threads = ints("threads");
        LongColumn seed = longs("seed");
        IntColumn tasks = ints("tasks");
        IntColumn iterations = ints("iterations");
        DoubleColumn wall = decimals("wall s", "#,##0.000");
        LongColumn perfect = longs("demo-perfect tasks");
        StringColumn note = StringColumn.create("note");
        for (int k = 0; k < runs.size(); k++) {
            RunRecord r = runs.get(k);
            RunConfig c = r.config();
            number.append(k + 1);
            label.append(c == null || c.label() == null ? "" : c.label());
            threads.append(c == null ? 0 : c.threads());
            seed.append(c == null ? 0 : c.seed());
            tasks.append(c == null ? 0 : c.tasks());
            iterations.append(c == null ? 0 : c.iterations());
            wall.append(r.wallNanos() / 1e9);
            Long p = r.summary().get("tasks with a demo-perfect program");
            if (p == null) {
                perfect.appendMissing();
            } else {
                perfect.append(p);
            }
            note.append(r.phases().stream().anyMatch(PhaseRecord::partial) ? "partial" : "");
        }
        return Table.create("Runs", number, label, threads, seed, tasks, iterations, wall, perfect, note);
    }

    // ---- library and tasks -----------------------------------------------------------------------------------

    public static Summary of(SolverLibrary lib) {
        List<String> tasks = lib.tasks();
        String line = "Solver library: " + lib.size() + " programs for " + tasks.size() + " tasks, "
                + lib.perfectTasks()
                + " tasks demo-perfect (at most " + lib.keepPerTask() + " programs per task)";
        StringColumn task = StringColumn.create("task");
        IntColumn programs = ints("programs");
        DoubleColumn score = decimals("best demo score", "0.00");
        StringColumn matched = StringColumn.create("best matched");
        LongColumn fuel = longs("best fuel");
        StringColumn origin = StringColumn.create("best from");
        int limit = 50;
        // tasks that are not loaded have no score to show: leave them out (say how many) unless nothing is loaded
        List<String> loaded = tasks.stream().filter(t -> lib.entries(t).get(0).scoreKnown()).toList();
        if (!loaded.isEmpty() && loaded.size() < tasks.size()) {
            line += "; " + (tasks.size() - loaded.size()) + " of those tasks are not loaded and not listed";
            tasks = loaded;
        }
        int n = Math.min(limit, tasks.size());
        for (String t : tasks.subList(0, n)) {
            List<LibraryEntry> entries = lib.entries(t);
            LibraryEntry best = entries.get(0);
            task.append(t);
            programs.append(entries.size());
            add(score, best.score());
            matched.append(best.scoreKnown() ? best.matched() + "/" + best.total() : "task not loaded");
            fuel.append(best.fuel());
            origin.append(best.origin().toString());
        }
        return new Summary(line, Table.create(title("Solver library by task", n, tasks.size()), task, programs, score,
                matched, fuel, origin));
    }

    /** The entries of one task, best first. */
    public static Table entries(SolverLibrary lib, String task) {
        List<LibraryEntry> list = lib.entries(task);
        return entries("Library programs for " + task + ", best first", list);
    }

    public static Summary of(TaskSet set) {
        TaskSet.Summary s = set.summary();
        String line = s.tasks() + " tasks from " + set.source() + ": " + s.demoPairs() + " demo pairs, "
                + s.testInputs()
                + " test inputs (" + s.knownTestOutputs() + " outputs known), grid sides " + s.minSide() + ".."
                        + s.maxSide()
                + (set.problems().isEmpty() ? "" : "; " + set.problems().size() + " problems left out");
        StringColumn id = StringColumn.create("task");
        IntColumn demo = ints("demo pairs");
        IntColumn test = ints("test inputs");
        IntColumn known = ints("outputs known");
        StringColumn first = StringColumn.create("first input");
        int n = Math.min(ROWS, set.size());
        for (Task t : set.tasks().subList(0, n)) {
            id.append(t.id());
            demo.append(t.demo().size());
            test.append(t.test().size());
            known.append((int) t.test().stream().filter(Example::hasOutput).count());
            Example e = t.demo().get(0);
            first.append(e.input().rows() + "\u00d7" + e.input().cols());
        }
        return new Summary(line, Table.create(title("Tasks", n, set.size()), id, demo, test, known, first));
    }
}
