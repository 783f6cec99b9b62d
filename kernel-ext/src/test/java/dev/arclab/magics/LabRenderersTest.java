package dev.arclab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import dev.arclab.lab.CandidateView;
import dev.arclab.pipeline.PhaseResults;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.profile.RunRecord;
import dev.arclab.program.BundledSolvers;
import dev.arclab.report.Charts;
import dev.arclab.report.Experiments;
import dev.arclab.report.GridPictures;
import dev.arclab.report.Palette;
import dev.arclab.report.RunSeries;
import dev.arclab.report.Tables;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ARC Lab's renderers without a kernel: what each value becomes. */
class LabRenderersTest {
    private static TaskSet tasks;
    private static Pipeline pipeline;
    private static PhaseResults.Iteration iteration;
    private static PhaseResults.Predicted predicted;
    private static RunRecord run;

    @BeforeAll
    static void runOnce() {
        tasks = new TaskSet("first 25", TaskLoader.bundled().tasks().subList(0, 25));
        pipeline = new Pipeline(tasks, PipelineConfig.defaults().withThreads(2));
        pipeline.loadLibrary(BundledSolvers.parse());
        iteration = pipeline.runOnce();
        predicted = pipeline.predict();
        run = pipeline.run();
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    private static Map<String, Object> render(Object value) throws Exception {
        return Renderers.global().render(value);
    }

    private static BufferedImage png(Object value) throws Exception {
        Object data = render(value).get("image/png");
        assertTrue(data instanceof byte[], "no PNG for " + value.getClass().getName());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream((byte[]) data));
        assertNotNull(img);
        return img;
    }

    private static String html(Object value) throws Exception {
        Object data = render(value).get("text/html");
        assertTrue(data instanceof String, "no HTML for " + value.getClass().getName());
        return (String) data;
    }

    private static String text(Object value) throws Exception {
        return (String) render(value).get("text/plain");
    }

    @Test
    void gridsAndTasksArePicturesInTheArcPalette() throws Exception {
        Grid g = Grid.of(new int[][] {{0, 1}, {2, 3}});
        BufferedImage img = png(g);
        assertEquals(GridPictures.grid(g).width(), img.getWidth());
        assertEquals(Palette.color(2).getRGB() & 0xFFFFFF, img.getRGB(img.getWidth() / 4,
                img.getHeight() / 4 * 3) & 0xFFFFFF,
                "cell (1, 0) has colour 2");
        assertEquals("Grid 2\u00d72", text(g));
        Task t = tasks.get("007bbfb7");
        assertEquals(GridPictures.task(t).width(), png(t).getWidth());
        assertTrue(text(t).startsWith("Task 007bbfb7: 5 demo pairs"), text(t));
        png(GridPictures.grid(g));
    }

    @Test
    void tablesAreHtmlAndChartsArePng() throws Exception {
        var table = Tables.phases(run);
        assertTrue(html(table).startsWith("<style>"), html(table));
        assertTrue(html(table).contains("<table class=\"arclab\">"));
        assertTrue(text(table).contains("score"), text(table));
        BufferedImage chart = png(Charts.wallBusyCpu(run));
        assertEquals(Charts.WIDTH, chart.getWidth());
        png(Charts.journey(List.of(run)));
        png(Charts.gantt(run.phases().get(1)));
    }

    @Test
    void everyPhaseResultIsASummaryLineAndATable() throws Exception {
        List<Object> results = List.of(iteration.generated(), iteration.scored(), iteration.filtered(),
                iteration.canonicalized(), iteration.validated(), iteration.saved(), iteration.differed(), predicted);
        List<String> heads = List.of("generate (iteration 1): ", "score (iteration 1): ", "filter (iteration 1): kept ",
                "canonicalize (iteration 1): canonical text of ", "validate (iteration 1): ", "save (iteration 1): ",
                "differs (iteration 1): ", "predict (iteration 1): 25 tasks");
        for (int k = 0; k < results.size(); k++) {
            String html = html(results.get(k));
            assertTrue(html.startsWith("<div class=\"arclab-summary\" style=\"font-family:monospace;margin:4px 0\">"
                    + heads.get(k)), html);
            assertTrue(html.contains("<table class=\"arclab\">"), html);
            assertTrue(text(results.get(k)).startsWith(heads.get(k)), text(results.get(k)));
        }
        assertTrue(html(iteration).contains("iteration 1: 7 phases"), html(iteration));
        assertTrue(html(run).contains("run-1: 1 iteration on 25 tasks, 2 threads, seed 0"), html(run));
        assertTrue(html(run.phases().get(1)).contains("score (iteration 2): "), html(run.phases().get(1)));
        assertTrue(html(pipeline.library()).contains("Solver library: " + pipeline.library().size() + " programs"));
        assertTrue(html(tasks).contains("25 tasks from first 25: "), html(tasks));
    }

    @Test
    void comparisonsAndScalingShowTableAndChart() throws Exception {
        var c = Experiments.compare(RunSeries.of(run), RunSeries.of("again", List.of(run)));
        String html = html(c);
        assertTrue(html.contains("No regressions beyond the noise"), html);
        assertTrue(html.contains("Runs against baseline run-1") && html.contains("data:image/png;base64,"), html);
        var s = Experiments.threadScaling(RunSeries.TOTAL, new int[] {1, 2}, 0, 1, t -> run);
        assertTrue(html(s).contains("Thread scaling of total"), html(s));
        assertTrue(text(s).contains("Thread scaling of total"), text(s));
    }

    @Test
    void candidatesAreStackedPictures() throws Exception {
        var scored = iteration.scored();
        var c = scored.candidatesWithAMatch().get(0);
        CandidateView v = CandidateView.of(scored, tasks.get(c.task()), c);
        BufferedImage img = png(v);
        int pairs = tasks.get(c.task()).demo().size();
        assertEquals(pairs, v.pairs().size());
        assertEquals(v.pairs().stream().mapToInt(d -> d.height()).sum(), img.getHeight());
        assertTrue(text(v).startsWith(c.task() + " \u2190 "), text(v));
    }

    @Test
    void outputsShowTheirPartsInOrder() throws Exception {
        Outputs o = Outputs.of("a line", Tables.phases(run), Grid.filled(1, 1, 3), null);
        assertEquals(3, o.parts().size());
        String html = html(o);
        int line = html.indexOf("<pre>a line</pre>");
        int table = html.indexOf("<table class=\"arclab\">");
        int img = html.indexOf("<img src=\"data:image/png;base64,");
        assertTrue(line >= 0 && line < table && table < img, html);
        assertTrue(text(o).startsWith("a line\n\n"), text(o));
        assertTrue(text(o).endsWith("Grid 1\u00d71"), text(o));
    }

    @Test
    void progressViewsAreABarAndALine() throws Exception {
        var v = new ProgressBar.View("run", "score", 0, 50, 200, "samples", 1.5, 4.5, null);
        assertEquals("[########......................] run: score 50/200 samples, 1.5 s elapsed, ETA 4.5 s", text(v));
        assertTrue(html(v).contains("<progress value=\"50\" max=\"200\""), html(v));
        var alone = new ProgressBar.View("score", "score", 0, 200, 200, "samples", 2, 0, "done in 2.0 s");
        assertEquals("score: 200/200 samples, done in 2.0 s", alone.line());
    }
}
