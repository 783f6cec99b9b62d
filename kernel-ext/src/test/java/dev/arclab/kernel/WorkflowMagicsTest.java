package dev.arclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.kernel.CellException.CellInterruptedException;
import dev.arclab.kernel.CellException.MagicUsageException;
import dev.arclab.lab.CandidateView;
import dev.arclab.magics.Cancellables;
import dev.arclab.magics.Outputs;
import dev.arclab.lab.Session;
import dev.arclab.pipeline.PhaseResults;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.SolverLibrary;
import dev.arclab.profile.RunRecord;
import dev.arclab.report.Comparison;
import dev.arclab.report.ThreadScaling;
import dev.arclab.task.Submission;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import dev.arclab.task.TaskWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The workflow magics in an in-process kernel (no Jupyter): each one's result and how it renders, and errors that
 * say what was wrong, with the usage for wrong arguments. Small task subsets keep it quick.
 */
class WorkflowMagicsTest {
    private static KernelHarness h;

    @BeforeAll
    static void start() {
        h = new KernelHarness();
    }

    @AfterAll
    static void stop() {
        Session.current().reset();
        h.close();
    }

    @BeforeEach
    void freshSession() {
        Session.current().reset();
        Session.current().threads(2);
    }

    /** A cell that must fail with a usage error; returns its text. */
    private static String usageError(String code) {
        KernelHarness.Cell c = h.run(code);
        assertNotNull(c.error(), "no error from " + code + ": " + c.value());
        return assertInstanceOf(MagicUsageException.class, c.error(), code + ": " + c.errorText()).text();
    }

    private static String html(Object value) {
        DisplayData d = h.kernel.getRenderer().render(value);
        Object html = KernelHarness.data(d, "text/html");
        assertNotNull(html, "no text/html for " + value.getClass().getName());
        return (String) html;
    }

    private static String text(Object value) {
        return String.valueOf(KernelHarness.data(h.kernel.getRenderer().render(value), "text/plain"));
    }

    private static byte[] png(Object value) {
        Object png = KernelHarness.data(h.kernel.getRenderer().render(value), "image/png");
        assertNotNull(png, "no image/png for " + value.getClass().getName());
        byte[] bytes = Base64.getDecoder().decode(((String) png).replace("\n", ""));
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        return bytes;
    }

    private static void smallSession(int tasks) {
        TaskSet set = assertInstanceOf(TaskSet.class, h.value("%tasks --limit " + tasks));
        assertEquals(tasks, set.size());
        h.value("%solvers");
    }

    // ---------------------------------------------------------------------------------------------- tasks

    @Test
    void tasksChoosesTheBundledSetASubsetOrAKaggleBundle(@TempDir Path tmp) {
        TaskSet all = assertInstanceOf(TaskSet.class, h.value("%tasks"));
        assertEquals(400, all.size());
        assertTrue(html(all).contains("400 tasks from bundled ARC-AGI-1 training"), html(all));

        TaskSet two = assertInstanceOf(TaskSet.class, h.value("%tasks bundled --ids 007bbfb7,00d62c1b"));
        assertEquals(List.of("007bbfb7", "00d62c1b"), two.ids());
        assertSame(two, Session.current().tasks());

        TaskSet sampled = assertInstanceOf(TaskSet.class, h.value("%tasks bundled --sample 5"));
        assertEquals(5, sampled.size());
        assertEquals(sampled.ids(), ((TaskSet) h.value("%tasks bundled --sample 5")).ids(), "the sample is seeded");

        TaskWriter.writeKaggle(TaskLoader.bundled().filter(t -> t.id().compareTo("05") < 0), tmp, "evaluation");
        Path challenges = tmp.resolve("arc-agi_evaluation_challenges.json");
        assertTrue(Files.isRegularFile(challenges));
        TaskSet kaggle = assertInstanceOf(TaskSet.class, h.value("%tasks " + challenges + " --limit 3"));
        assertEquals(3, kaggle.size());
        assertTrue(kaggle.tasks().get(0).hasTestOutputs(), "the solutions beside the bundle give the test outputs");
        TaskSet folder = assertInstanceOf(TaskSet.class, h.value("%tasks " + tmp));
        assertTrue(folder.size() > 3);
    }

    @Test
    void tasksSaysWhatWasWrong(@TempDir Path tmp) throws Exception {
        String e = usageError("%tasks bundled --ids 007bbfb7,nosuchtask");
        assertTrue(e.startsWith("UsageError: %tasks: no task nosuchtask in bundled ARC-AGI-1 training"), e);
        assertTrue(e.contains("Usage: %tasks"), e);
        e = usageError("%tasks " + tmp.resolve("missing"));
        assertTrue(e.contains("no such file or folder: " + tmp.resolve("missing")), e);
        e = usageError("%tasks --limit 0");
        assertTrue(e.contains("--limit need at least 1"), e);
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"train\": [{\"input\": [[1]], \"output\": [[12]]}], \"test\": [{\"input\": [[1]]}]}");
        e = usageError("%tasks " + bad);
        assertTrue(e.contains("colour 12 outside 0..9"), e);
        assertFalse(e.contains("Usage:"), "a bad file is not a usage error: " + e);
        e = usageError("%tasks --bogus");
        assertTrue(e.contains("Unknown option: '--bogus'") && e.contains("Usage: %tasks"), e);
    }

    @Test
    void taskShowsPictures() {
        h.value("%tasks --limit 10");
        Task t = assertInstanceOf(Task.class, h.value("%task 007bbfb7"));
        assertEquals("007bbfb7", t.id());
        png(t);
        assertEquals(Session.current().tasks().tasks().get(2), h.value("%task 3"));
        Outputs several = assertInstanceOf(Outputs.class, h.value("%task --first 2"));
        assertEquals(2, several.parts().size());
        assertTrue(html(several).contains("<img src=\"data:image/png;base64,"), html(several));
        assertTrue(usageError("%task nosuch").contains("no task nosuch"));
        assertTrue(usageError("%task 11").contains("no task at position 11: the tasks are 1..10"));
        assertTrue(usageError("%task").contains("name a task"));
    }

    // ---------------------------------------------------------------------------------------------- library

    @Test
    void solversLoadTheBundledLibraryAndLibraryBrowsesIt(@TempDir Path tmp) throws Exception {
        h.value("%tasks --limit 40");
        Outputs loaded = assertInstanceOf(Outputs.class, h.value("%solvers"));
        String line = (String) loaded.parts().get(0);
        assertTrue(line.startsWith("loaded ") && line.contains("programs from solvers.py (bundled)"), line);
        SolverLibrary lib = assertInstanceOf(SolverLibrary.class, h.value("%library"));
        assertTrue(lib.size() > 0);
        assertTrue(html(lib).contains("Solver library: " + lib.size() + " programs"), html(lib));
        // the bundled solvers cover 400 tasks, 40 are loaded: the table lists the loaded ones only, and says so
        assertFalse(html(lib).contains("task not loaded"), html(lib));
        assertTrue(html(lib).contains("of those tasks are not loaded and not listed"), html(lib));

        String task = lib.tasks().get(0);
        Outputs one = assertInstanceOf(Outputs.class, h.value("%library " + task));
        assertInstanceOf(Table.class, one.parts().get(0));
        String program = (String) one.parts().get(1);
        assertTrue(program.contains("def solve_" + task), program);
        assertTrue(html(one).contains("Library programs for " + task), html(one));

        assertTrue(usageError("%library zzzzzzzz").contains("the library has no program for zzzzzzzz"));
        assertTrue(usageError("%solvers " + tmp.resolve("none.py")).contains("no solver file"));

        Path file = tmp.resolve("mine.py");
        Files.writeString(file, "def solve_007bbfb7(I):\n    O = hconcat(I, I)\n    return O\n\n"
                + "def solve_00d62c1b(I):\n    O = nosuchprimitive(I)\n    return O\n");
        Outputs mine = assertInstanceOf(Outputs.class, h.value("%solvers " + file));
        String said = (String) mine.parts().get(0);
        assertTrue(said.contains("from " + file), said);
        assertTrue(said.contains("1 programs could not be parsed") && said.contains("nosuchprimitive"), said);

        h.value("%run");
        String cleared = (String) h.value("%library clear");
        assertTrue(cleared.startsWith("library cleared: ")
                && cleared.endsWith("programs dropped; %solvers loads solvers again"),
                cleared);
        assertEquals(0, Session.current().library().size());
        assertEquals(1, Session.current().history().size(), "the runs stay");
        // the default mix searches from an empty library; mutation alone has nothing to work on
        RunRecord searched = assertInstanceOf(RunRecord.class, h.value("%run"));
        assertTrue(searched.phases().get(0).counters().getOrDefault("strategy.enumerate.tasks searched", 0L) > 0,
                () -> searched.phases().get(0).counters().toString());
        assertTrue(Session.current().library().size() > 0, "the search found programs for some of the 40 tasks");
        h.value("%library clear");
        h.value("%config --strategy mutate");
        assertTrue(usageError("%run").contains("the solver library is empty"));
    }

    // ---------------------------------------------------------------------------------------------- phases

    @Test
    void phasesRunOneByOneOnTheSessionState() {
        smallSession(30);
        String e = usageError("%phase score");
        assertTrue(e.startsWith("UsageError: %phase: no generate result yet: run %phase generate"), e);
        e = usageError("%phase nonsense");
        assertTrue(e.contains("no phase 'nonsense'; the phases are generate, score, filter"), e);
        assertTrue(e.contains("Usage: %phase"), e);
        assertTrue(usageError("%phase").contains("Missing required parameter: 'PHASE'"));

        var g = assertInstanceOf(PhaseResults.Generated.class, h.value("%phase generate"));
        assertTrue(html(g).contains("generate (iteration 1): "), html(g));
        var s = assertInstanceOf(PhaseResults.Scored.class, h.value("%phase score"));
        assertSame(g.batch(), s.batch());
        assertTrue(html(s).contains("score (iteration 1): " + g.batch().size() + " programs on 30 tasks"), html(s));
        assertTrue(text(s).contains("Tasks with a match"), text(s));
        var f = assertInstanceOf(PhaseResults.Filtered.class, h.value("%phase filter"));
        assertTrue(html(f).contains("filter (iteration 1): kept " + f.kept().size()), html(f));
        var c = assertInstanceOf(PhaseResults.Canonicalized.class, h.value("%phase canonicalize"));
        assertTrue(html(c).contains("canonical text of " + c.texts().size()), html(c));
        var v = assertInstanceOf(PhaseResults.Validated.class, h.value("%phase validate"));
        assertTrue(html(v).contains("programs run alone"), html(v));
        var sv = assertInstanceOf(PhaseResults.Saved.class, h.value("%phase save"));
        assertTrue(html(sv).contains("entered the library"), html(sv));
        var d = assertInstanceOf(PhaseResults.Differed.class, h.value("%phase differs"));
        assertTrue(html(d).contains("near misses measured"), html(d));
        var p = assertInstanceOf(PhaseResults.Predicted.class, h.value("%phase predict"));
        assertTrue(html(p).contains("predict (iteration 1): 30 tasks"), html(p));
        for (Object r : List.of(g, s, f, c, v, sv, d, p)) {
            assertTrue(html(r).contains("<table class=\"arclab\">"), "a table for " + r.getClass().getSimpleName());
        }

        // The phases run one by one are what %timings shows.
        RunRecord phases = assertInstanceOf(RunRecord.class, h.value("%timings"));
        assertEquals("phases", phases.id());
        assertEquals(List.of("generate", "score", "filter", "canonicalize", "validate", "save", "differs", "predict"),
                phases.phases().stream().map(x -> x.phase()).toList());

        // Plain Java sees the same state.
        assertSame(s, h.value("Session.current().scored().get()"));
    }

    @Test
    void candidatesShowPicturesOfTheLastScore() {
        smallSession(40);
        assertTrue(usageError("%candidates").contains("no score result yet"));
        h.value("%phase generate");
        h.value("%phase score");
        Outputs o = assertInstanceOf(Outputs.class, h.value("%candidates --limit 2"));
        assertTrue(o.parts().size() >= 2, o.toString());
        CandidateView view = assertInstanceOf(CandidateView.class, o.parts().get(1));
        png(view);
        assertTrue(html(o).contains("<img src=\"data:image/png;base64,"));
        assertTrue(usageError("%candidates --near-misses").contains("no differs result yet"));
        h.value("%phase differs");
        Object near = h.value("%candidates --near-misses --limit 1");
        if (near instanceof Outputs n) {
            assertInstanceOf(CandidateView.class, n.parts().get(1));
        } else {
            assertTrue(String.valueOf(near).startsWith("no near misses"), String.valueOf(near));
        }
        assertTrue(String.valueOf(h.value("%candidates zzzz")).startsWith("no candidates with a demo match for zzzz"));
    }

    // ---------------------------------------------------------------------------------------------- runs and timings

    @Test
    void runAndIterateWithinABudget() {
        h.value("%tasks --limit 10");
        h.value("%config --strategy mutate");
        h.value("%solvers");
        List<RunRecord> history = Session.current().history();
        int before = history.size();
        // a spent budget: no iteration, only the prediction with the library as it is
        RunRecord none = assertInstanceOf(RunRecord.class, h.value("%run --budget 0s"));
        assertEquals(List.of("predict"), none.phases().stream().map(p -> p.phase()).distinct().toList());
        assertEquals(before, Session.current().history().size(), "no iteration ran");
        // a budget that is not spent: N iterations, each one a run of the history with the label, then predict
        RunRecord capped = assertInstanceOf(RunRecord.class, h.value("%iterate 2 --budget 1h --label capped"));
        assertEquals(List.of(1, 2), capped.phases().stream().filter(p -> !p.phase().equals("predict"))
                .map(p -> p.iteration()).distinct().toList());
        assertEquals("predict", capped.phases().get(capped.phases().size() - 1).phase());
        List<RunRecord> after = Session.current().history();
        assertEquals(before + 2, after.size(), "each iteration joins the history");
        assertEquals(List.of("capped", "capped"), after.subList(before, after.size()).stream()
                .map(r -> r.config().label()).toList());
        assertEquals(10L, capped.summary().get("tasks"));
        assertTrue(usageError("%run --budget soon").contains("'soon' is not a duration such as 90s"),
                usageError("%run --budget soon"));
        assertTrue(usageError("%iterate 0 --budget 1h").contains("N must be at least 1"));
    }

    @Test
    void runIterateRunsAndTimings() {
        assertTrue(usageError("%timings").contains("nothing ran yet"));
        h.value("%tasks --limit 30");
        h.value("%config --strategy mutate");
        assertTrue(usageError("%run").contains("the solver library is empty: load solvers first"));
        h.value("%solvers");
        RunRecord first = assertInstanceOf(RunRecord.class, h.value("%run --label before"));
        assertEquals("run-1", first.id());
        assertEquals("before", first.config().label());
        assertTrue(html(first).startsWith("<div class=\"arclab-summary\""), html(first));
        assertTrue(html(first).contains("run-1 \u201cbefore\u201d: 1 iteration on 30 tasks, 2 threads, seed 0"),
                html(first));
        assertTrue(html(first).contains("Phases of run before"), html(first));
        RunRecord second = assertInstanceOf(RunRecord.class, h.value("%iterate 2 --label after"));
        assertEquals("run-2", second.id());
        assertEquals(2, second.config().iterations());
        assertEquals(List.of(2, 3), second.phases().stream().map(p -> p.iteration()).distinct().toList());
        assertTrue(usageError("%iterate 0").contains("N must be at least 1"));
        assertTrue(usageError("%iterate x").contains("Invalid value for positional parameter at index 0 (N): 'x' is not an int"));

        Table runs = assertInstanceOf(Table.class, h.value("%runs"));
        assertEquals(2, runs.rowCount());
        assertEquals(2, h.value("Session.current().history().size()"));

        assertEquals("run-2", ((RunRecord) h.value("%timings")).id());
        assertEquals("run-1", ((RunRecord) h.value("%timings --run 1")).id());
        assertEquals("run-1", ((RunRecord) h.value("%timings --run before")).id());
        png(assertInstanceOf(Chart.class, h.value("%timings --chart journey")));
        png(assertInstanceOf(Chart.class, h.value("%timings --chart wallbusy --run 1")));
        png(assertInstanceOf(Chart.class, h.value("%timings --chart gantt score")));
        png(assertInstanceOf(Chart.class, h.value("%timings --chart gantt score --iteration 2")));
        // a run of 2 iterations: one row per phase (summed) and a total, with a chart per iteration
        RunRecord two = (RunRecord) h.value("%timings");
        dev.arclab.lab.Summary shown = dev.arclab.lab.Views.of(two);
        long phases = two.phases().stream().map(p -> p.phase()).distinct().count();
        assertEquals(phases + 1, shown.table().rowCount(), shown.text());
        assertTrue(shown.line().contains("summed over the 2 iterations"), shown.line());
        png(assertInstanceOf(Chart.class, h.value("%timings --chart iterations")));
        // interrupted after 1 of 5 iterations: the summary says what ran
        RunRecord cut = new RunRecord("run-x", two.startedMillis(), new dev.arclab.profile.RunConfig(
                two.config().seed(), two.config().threads(), two.config().tasks(), two.config().librarySize(),
                two.config().tasksPerBatch(), two.config().mutationProbability(), 5, two.config().dslVersion(),
                two.config().label()), two.iteration(two.phases().get(0).iteration()), java.util.Map.of("partial", 1L));
        String line = dev.arclab.lab.Views.of(cut).line();
        assertTrue(line.contains(": 1 of 5 iterations ran") && line.contains("PARTIAL"), line);
        Table tasks = assertInstanceOf(Table.class, h.value("%timings --tasks score --top 5"));
        assertEquals(5, tasks.rowCount());
        assertTrue(usageError("%timings --chart gantt").contains("--chart gantt needs a phase, e.g. --chart gantt score"));
        assertTrue(usageError("%timings --chart pie").contains("no chart 'pie'"));
        assertTrue(usageError("%timings --run 9").contains("no run 9: the runs are 1..2"));
        assertTrue(usageError("%timings --run nolabel").contains("labels: before, after"));
        assertTrue(usageError("%timings --tasks nophase").contains("no phase nophase in run-2"));
    }

    @Test
    void compareShowsSpeedupsAndRegressions() {
        assertTrue(usageError("%compare --baseline 1").contains("comparing needs at least two runs"));
        smallSession(20);
        h.value("%run --label a");
        h.value("%run --label a");
        h.value("%threads 1");
        h.value("%run --label b");
        Comparison c = assertInstanceOf(Comparison.class, h.value("%compare --baseline a b"));
        assertEquals("a", c.baseline().name());
        assertEquals(2, c.baseline().repeats());
        String html = html(c);
        assertTrue(html.contains("regressions beyond the noise") || html.contains("REGRESSIONS beyond the noise"),
                html);
        assertTrue(html.contains("Runs against baseline a"), html);
        assertTrue(html.contains("<img src=\"data:image/png;base64,"), html);
        Comparison byNumber = assertInstanceOf(Comparison.class, h.value("%compare --baseline 1 3"));
        assertEquals(1, byNumber.runs().size());
        Comparison all = assertInstanceOf(Comparison.class, h.value("%compare --baseline 3"));
        assertEquals(List.of("a"), all.runs().stream().map(r -> r.name()).toList());
        assertTrue(usageError("%compare 1 2").contains("Missing required option: '--baseline=N'"));
        assertTrue(usageError("%compare --baseline 7").contains("no run 7: the runs are 1..3"));
    }

    @Test
    void scalingMeasuresEachThreadCountOnPrivateCaches() {
        smallSession(20);
        h.value("%run");
        long misses = Session.current().cache().stats().stream().mapToLong(m -> m.misses()).sum();
        ThreadScaling s = assertInstanceOf(ThreadScaling.class,
                h.value("%scaling --max-threads 2 --repeat 1 --warmups 0"));
        assertEquals(List.of(1, 2), s.points().stream().map(p -> p.threads()).toList());
        assertTrue(html(s).contains("Thread scaling of total"), html(s));
        assertTrue(html(s).contains("<img src=\"data:image/png;base64,"));
        assertEquals(misses, Session.current().cache().stats().stream().mapToLong(m -> m.misses()).sum(),
                "scaling runs do not touch the session's cache");
        assertEquals(1, Session.current().history().size(), "nor its history");
        assertSame(s, Session.current().lastScaling().orElseThrow());
        assertTrue(usageError("%scaling --repeat 0").contains("--repeat and --iterations must be at least 1"));
        assertTrue(usageError("%scaling --phase nope").contains("no phase 'nope'"));
    }

    // ---------------------------------------------------------------------------------------------- cache

    private static Table cacheTable(Object cacheOutput) {
        Outputs o = assertInstanceOf(Outputs.class, cacheOutput);
        return assertInstanceOf(Table.class, o.parts().get(o.parts().size() - 1));
    }

    private static long column(Table t, String column, String map) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.stringColumn("map").get(r).equals(map)) {
                return t.longColumn(column).get(r);
            }
        }
        throw new AssertionError("no map " + map + " in " + t.print());
    }

    @Test
    void cacheStatsChartAndClear(@TempDir Path home) {
        h.value("%home " + home);
        smallSession(20);
        Outputs empty = assertInstanceOf(Outputs.class, h.value("%cache"));
        String line = (String) empty.parts().get(0);
        assertTrue(line.startsWith("cache: " + home.resolve("cache.db") + " ("), line);
        assertTrue(line.contains("; library ") && line.contains(" programs kept; history 0 runs kept"), line);
        assertEquals(4, cacheTable(empty).rowCount());
        h.value("%iterate 2");
        Table stats = cacheTable(h.value("%cache stats"));
        assertTrue(column(stats, "hits (this session)", "score") > 0, stats.print());
        assertEquals(0, column(stats, "hits (from disk)", "score"));
        assertTrue(html(h.value("%cache")).contains("hits (from disk)"));
        png(assertInstanceOf(Chart.class, h.value("%cache --chart")));
        assertTrue(html(h.value("%cache --lifetime")).contains("Over every session of " + home.resolve("cache.db")));
        Table kept = assertInstanceOf(Table.class, h.value("%runs --stored"));
        assertEquals(1, kept.rowCount());
        assertTrue(kept.name().startsWith("Runs kept in " + home.resolve("cache.db")), kept.name());

        String cleared = (String) h.value("%cache clear");
        assertTrue(cleared.startsWith("cache cleared (canonical, validation, score, differs): ")
                && !cleared.contains(": 0 entries"), cleared);
        Table after = cacheTable(h.value("%cache"));
        assertEquals(0, after.longColumn("entries").sum());
        assertTrue(Session.current().library().size() > 0, "clearing the cache keeps the library");
        assertTrue(usageError("%cache drop").contains("no action 'drop'; use stats, clear [MAP...], memory or store"));
        assertTrue(usageError("%cache clear nosuchmap").contains("no map 'nosuchmap'; the maps are canonical"));
        assertTrue(((String) h.value("%cache clear history")).startsWith("cache cleared (history): 1 entries dropped"));

        // A private in-memory cache leaves the store alone.
        h.value("%run");
        long stored = Session.current().store().orElseThrow().allStats().stream().mapToLong(m -> m.entries()).sum();
        String memory = (String) h.value("%cache memory");
        assertTrue(memory.startsWith("cache: in memory, private to this kernel (%cache store goes back to "), memory);
        assertTrue(Session.current().store().isEmpty());
        h.value("%run");
        h.value("%cache clear");
        assertEquals(0, cacheTable(h.value("%cache")).longColumn("entries").sum());
        String back = (String) h.value("%cache store");
        assertTrue(back.startsWith("cache: " + home.resolve("cache.db")), back);
        assertEquals(stored, Session.current().store().orElseThrow().allStats().stream().mapToLong(m -> m.entries()).sum(),
                "the store kept its entries while the session used memory");
        assertTrue(usageError("%cache memory now").contains("memory takes no arguments"));
    }

    @Test
    void aSecondSessionFindsTheFirstOnesResultsOnDiskAndCanRestoreItsLibrary(@TempDir Path home) {
        h.value("%home " + home);
        smallSession(20);
        RunRecord first = assertInstanceOf(RunRecord.class, h.value("%iterate 2"));
        int library = Session.current().library().size();
        // A new kernel: the store is closed and opened again, the session starts empty.
        dev.arclab.cache.Caches.closeAll();
        Session.current().reset().threads(2).home(home);
        smallSession(20);
        RunRecord second = assertInstanceOf(RunRecord.class, h.value("%iterate 2"));
        Table stats = cacheTable(h.value("%cache"));
        assertTrue(column(stats, "hits (from disk)", "score") > 0, stats.print());
        assertTrue(html(second).contains("disk hits"), html(second));
        assertEquals(2, ((Table) h.value("%runs --stored")).rowCount(), "both sessions' runs are kept");
        assertEquals(first.phases().size(), second.phases().size());

        Session.current().reset().threads(2).home(home);
        h.value("%tasks --limit 20");
        Outputs restored = assertInstanceOf(Outputs.class, h.value("%solvers stored"));
        String said = (String) restored.parts().get(0);
        assertTrue(said.startsWith("restored ") && said.contains("programs the store kept in earlier sessions"), said);
        assertTrue(Session.current().library().size() >= library, said);
    }

    // ---------------------------------------------------------------------------------------------- settings

    @Test
    void changingThreadsSeedConfigOrTasksRebuildsThePipelineKeepingTheLibrary() {
        smallSession(20);
        Pipeline p1 = Session.current().pipeline();
        int size = Session.current().library().size();
        h.value("%run");
        h.value("%threads 1");
        Pipeline p2 = Session.current().pipeline();
        assertFalse(p1 == p2);
        assertEquals(1, p2.config().threads());
        assertEquals(Session.current().library().size(), p2.library().size());
        assertTrue(p2.library().size() >= size);
        h.value("%seed 3");
        assertEquals(3L, Session.current().pipeline().config().seed());
        String said = (String) h.value("%config --tasks-per-batch 4 --mutants 2");
        assertTrue(said.contains("tasks per batch 4, mutants per program 2"), said);
        assertEquals(4, Session.current().pipeline().config().tasksPerBatch());
        assertTrue(usageError("%config --mutation 2").contains("--mutation must be in 0..1, got 2.0"));
        // the caps of the command line hold in the notebook too
        assertTrue(usageError("%config --mutants 1000000").contains("--mutants must be in 0..1000, got 1000000"));
        assertTrue(usageError("%config --threads 100000").contains("--threads must be in 1..256"));
        assertTrue(usageError("%threads 100000").contains("threads must be in 1..256, got 100000"));
        assertEquals(4, Session.current().pipeline().config().tasksPerBatch(), "a refused setting changes nothing");
        h.value("%tasks --limit 10");
        assertEquals(10, Session.current().pipeline().tasks().size());
        assertTrue(Session.current().pipeline().library().size() >= size);
        assertTrue(Session.current().scored().isEmpty(), "results of other tasks are forgotten");
        h.value("%run");
        assertEquals(List.of("run-1", "run-2"), Session.current().history().stream().map(RunRecord::id).toList(),
                "the history spans pipeline rebuilds");
        String list = (String) h.value("%arclab");
        assertTrue(list.contains("\n  tasks    10 from bundled ARC-AGI-1 training (first 10)\n"), list);
        assertTrue(list.contains("\n  library  " + Session.current().library().size() + " programs for "), list);
        assertTrue(list.contains("\n  cache    " + Session.current().home().resolve("cache.db") + " ("), list);
        assertTrue(list.contains("\n  runs     2\n"), list);
        for (String m : List.of("%tasks", "%task", "%solvers", "%config", "%phase", "%run", "%iterate", "%runs",
                "%timings", "%compare", "%scaling", "%cache", "%library", "%candidates", "%submit")) {
            assertTrue(list.contains("\n  " + m + " "), m + " in " + list);
        }
    }

    // ---------------------------------------------------------------------------------------------- submission

    @Test
    void submitWritesAKaggleSubmission(@TempDir Path tmp) {
        smallSession(20);
        h.value("%run");
        String said = (String) h.value("%submit " + tmp.resolve("out/sub.json"));
        assertTrue(said.startsWith("wrote " + tmp.resolve("out/sub.json") + ": 20 tasks"), said);
        Submission s = Submission.read(tmp.resolve("out/sub.json"));
        assertEquals(20, s.entries().size());
        said = (String) h.value("%submit " + tmp);
        assertTrue(Files.isRegularFile(tmp.resolve("submission.json")), said);
        assertNull(h.run("%submit --help").error());
    }

    @Test
    void submitToAnUnwritablePathIsAUsageErrorBeforeAnyPrediction(@TempDir Path tmp) throws Exception {
        smallSession(5);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        KernelHarness.Cell c = h.run("%submit " + file.resolve("sub.json"));
        String text = assertInstanceOf(CellException.MagicUsageException.class, c.error()).text();
        assertTrue(text.startsWith("UsageError: %submit: cannot write " + file.resolve("sub.json")), text);
        assertFalse(text.contains("NoSuchFileException") || text.contains("at java."), text);
        assertFalse(c.out().contains("predict"), "nothing was predicted: " + c.out());
    }

    // ---------------------------------------------------------------------------------------------- plain Java

    @Test
    void theJavaApiWorksFromCellsWithTheDefaultImports() {
        Object r = h.value("var p = new Pipeline(TaskLoader.bundled().filter(t -> t.id().startsWith(\"0\")),\n"
                + "        PipelineConfig.defaults().withThreads(1));\n"
                + "p.loadLibrary(BundledSolvers.parse());\n"
                + "RunRecord run = p.run();\n"
                + "run");
        RunRecord run = assertInstanceOf(RunRecord.class, r);
        assertTrue(html(run).contains("Phases of run run-1"));
        assertInstanceOf(Table.class, h.value("Tables.phases(run)"));
        png(h.value("Charts.wallBusyCpu(run)"));
        png(h.value("GridPictures.task(p.tasks().tasks().get(0))"));
        png(h.value("p.tasks().tasks().get(0).demo().get(0).input()"));
        assertTrue(html(h.value("p.library()")).contains("Solver library"));
        h.value("p.close();");
        Object s = h.value("Session.current().tasks(TaskLoader.bundled()).limit(15);\n"
                + "Session.current().loadBundledSolvers();\n"
                + "Session.current().run()");
        assertEquals(15, assertInstanceOf(RunRecord.class, s).config().tasks());
    }

    // ---------------------------------------------------------------------------------------------- interrupt

    @Test
    void interruptCancelsARunningPipelineAndKeepsWhatFinished() throws Exception {
        h.value("%tasks bundled");
        h.value("%solvers");
        KernelHarness.Cell[] box = new KernelHarness.Cell[1];
        Thread t = new Thread(() -> box[0] = h.run("%iterate 1000"));
        t.start();
        // a phase of the run registers its cancel while it runs
        ArcKernelTest.awaitCondition(() -> Cancellables.size() > 0, "a pipeline phase to start");
        assertTrue(t.isAlive(), "1000 iterations on 400 tasks are still running");
        long start = System.nanoTime();
        h.kernel.interrupt();
        t.join(10_000);
        assertFalse(t.isAlive(), "still running after the interrupt");
        double took = (System.nanoTime() - start) / 1e9;
        assertTrue(took < 5, "interrupt took " + took + " s");
        String text = assertInstanceOf(CellInterruptedException.class, box[0].error()).text();
        assertTrue(text.contains("kept what had finished (marked partial)"), text);
        assertEquals(0, Cancellables.size());
        List<RunRecord> history = Session.current().history();
        assertEquals(1, history.size(), "the cancelled run is in the history");
        RunRecord partial = history.get(0);
        assertEquals(1L, partial.summary().get("partial"));
        assertTrue(partial.phases().size() < 7000);
        assertTrue(html(partial).contains("PARTIAL (cancelled)"), html(partial));
        assertEquals(2, h.value("1 + 1"));
        RunRecord next = assertInstanceOf(RunRecord.class, h.value("%tasks --limit 10\n%run"));
        assertEquals(0L, next.summary().get("partial"));
    }
}
