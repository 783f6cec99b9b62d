package dev.arclab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.xml.sax.InputSource;

class ChartsTest {
    static final RunRecord BASE = SyntheticRuns.run("r1", "baseline, 1 thread", 1, 1.0, 1);
    static final RunRecord PAR = SyntheticRuns.run("r2", "4 threads", 4, 1.0, 2);
    static final RunRecord SLOW = SyntheticRuns.run("r3", "4 threads, a much longer label than fits", 4, 1.4, 3);

    /** Decodes the PNG, checks its size and that it is not blank (many colours, not all background). */
    static BufferedImage checkPng(Chart<?, ?> chart) throws Exception {
        byte[] png = Charts.png(chart);
        BufferedImage img = GridPicturesTest.decode(png);
        assertEquals(chart.getWidth(), img.getWidth());
        assertEquals(chart.getHeight(), img.getHeight());
        assertTrue(GridPicturesTest.distinctColours(img) > 8, "chart is not blank");
        return img;
    }

    static void checkLabels(AxesChart<?, ?> chart, int seriesCount) {
        assertFalse(chart.getTitle() == null || chart.getTitle().isBlank(), "title");
        assertFalse(chart.getXAxisTitle() == null || chart.getXAxisTitle().isBlank(), "x axis title");
        assertFalse(chart.getYAxisTitle() == null || chart.getYAxisTitle().isBlank(), "y axis title");
        assertEquals(seriesCount, chart.getSeriesCollection().size());
        if (seriesCount > 1) {
            assertTrue(((AxesChartStyler) chart.getStyler()).isLegendVisible(), "legend with several series");
        }
    }

    static boolean hasUnit(String axisTitle) {
        return axisTitle.matches(".*\\((s|ms|count|\u00d7)\\)") || axisTitle.contains("\u00d7)");
    }

    @Test
    void journeyHasOneBarPerRunAndAPhaseLegend() throws Exception {
        XYChart c = Charts.journey(List.of(BASE, PAR, SLOW));
        checkLabels(c, SyntheticRuns.PHASES.length);
        assertTrue(hasUnit(c.getXAxisTitle()), c.getXAxisTitle());
        checkPng(c);
    }

    @Test
    void wallBusyCpuShowsThreeSeriesPerPhase() throws Exception {
        CategoryChart c = Charts.wallBusyCpu(PAR);
        checkLabels(c, 3);
        assertTrue(hasUnit(c.getYAxisTitle()), c.getYAxisTitle());
        checkPng(c);
    }

    @Test
    void ganttHasLanesPerWorkerAndNamesTheSlowTasks() throws Exception {
        PhaseRecord score = PAR.phases().get(2);
        XYChart c = Charts.gantt(score);
        assertEquals(Charts.GANTT_TASK_COLOURS + 1, c.getSeriesCollection().size());
        checkLabels(c, Charts.GANTT_TASK_COLOURS + 1);
        assertTrue(hasUnit(c.getXAxisTitle()), c.getXAxisTitle());
        checkPng(c);
        PhaseRecord none = new PhaseRecord("x", 1, 1, 1, 0, 0, 0, 0, List.of(), List.of(), Map.of(), false);
        assertThrows(IllegalArgumentException.class, () -> Charts.gantt(none));
    }

    @Test
    void ganttMergesNeighboursOfLargePhases() throws Exception {
        PhaseRecord big = SyntheticRuns.phase("score", 1, 4, SyntheticRuns.durations(6000, 2, 7), 300, Map.of());
        XYChart c = Charts.gantt(big);
        int points = c.getSeriesCollection().stream().mapToInt(s -> s.getXData().length).sum();
        assertTrue(points < 6000 * 6 / 2, "merged: " + points + " points");
        checkPng(c);
        // Small phases keep one bar per item: 6 points (4 corners, closing point, break) each.
        PhaseRecord score = PAR.phases().get(2);
        int smallPoints = Charts.gantt(score).getSeriesCollection().stream().mapToInt(s -> s.getXData().length).sum();
        assertEquals(score.items() * 6, smallPoints);
    }

    @Test
    void speedupAndScalingCharts() throws Exception {
        CategoryChart s = Charts.speedup(BASE, List.of(PAR, SLOW));
        checkLabels(s, 2);
        checkPng(s);
        ThreadScaling ts = Experiments.threadScaling(RunSeries.TOTAL, 3, 2,
                t -> SyntheticRuns.run("t" + t, "t", t, 1.0, t));
        XYChart c = Charts.threadScaling(ts);
        checkLabels(c, 3); // band, ideal, measured
        checkPng(c);
    }

    @Test
    void scalingAxesSpanTheDataAndSpeedupLeavesOutPhasesUnderTheNoiseFloor() {
        ThreadScaling ts = Experiments.threadScaling(RunSeries.TOTAL, 2, 1,
                t -> SyntheticRuns.run("t" + t, "t", t, 1.0, t));
        XYChart c = Charts.threadScaling(ts);
        double highest = ts.points().stream().mapToDouble(p -> Math.max(ts.idealSpeedup(p), ts.speedupHigh(p))).max()
                .orElseThrow();
        assertTrue(c.getStyler().getXAxisMin() > 0, "no 0-thread point on the axis");
        assertTrue(c.getStyler().getYAxisMax() >= highest && c.getStyler().getYAxisMax() < highest + 0.5,
                "y axis ends near the data: " + c.getStyler().getYAxisMax() + " for " + highest);

        PhaseRecord tiny = new PhaseRecord("tiny", 0, 1, Charts.SPEEDUP_NOISE_FLOOR_NANOS / 10, 0, 0, 1, 0, List.of(),
                List.of(), Map.of(), false);
        RunRecord base = new RunRecord("b", 0, BASE.config(), java.util.stream.Stream.concat(BASE.phases().stream(),
                java.util.stream.Stream.of(tiny)).toList(), Map.of());
        RunRecord other = new RunRecord("o", 0, PAR.config(), java.util.stream.Stream.concat(PAR.phases().stream(),
                java.util.stream.Stream.of(tiny)).toList(), Map.of());
        CategoryChart s = Charts.speedup(base, List.of(other));
        assertFalse(s.getSeriesCollection().iterator().next().getXData().contains("tiny"));
        assertTrue(s.getTitle().contains("1 phase under") && s.getTitle().contains("left out"), s.getTitle());
    }

    @Test
    void cacheByIterationStacksOrigins() throws Exception {
        CategoryChart c = Charts.cacheByIteration(PAR, "validation");
        checkLabels(c, 3);
        assertTrue(hasUnit(c.getYAxisTitle()));
        checkPng(c);
        assertThrows(IllegalArgumentException.class, () -> Charts.cacheByIteration(PAR, "no-such-map"));
    }

    @Test
    void busyPerMemberHasABarPerMemberInEachDistributedPhase() throws Exception {
        double[] ms = SyntheticRuns.durations(10, 2, 5);
        PhaseRecord score = SyntheticRuns.phase("score", 1, 1, ms, 3, Map.of("cluster.member.10.0.0.1:5701.busyNanos",
                3_000_000_000L, "cluster.member.10.0.0.2:5701.busyNanos", 1_000_000_000L, "cluster.items", 10L));
        PhaseRecord differs = SyntheticRuns.phase("differs", 1, 1, ms, 3, Map.of("cluster.member.10.0.0.2:5701.busyNanos",
                2_000_000_000L));
        PhaseRecord filter = SyntheticRuns.phase("filter", 1, 1, ms, 3, Map.of());
        RunRecord run = new RunRecord("c", 0, SyntheticRuns.config(1, "cluster"), List.of(score, filter, differs), Map.of());
        CategoryChart c = Charts.busyPerMember(run);
        assertEquals(List.of("10.0.0.1:5701", "10.0.0.2:5701"), c.getSeriesCollection().stream().map(x -> x.getName()).toList());
        assertEquals(List.of("score", "differs"), List.copyOf(c.getSeries("10.0.0.1:5701").getXData()));
        assertEquals(List.of(3.0, 0.0), java.util.Arrays.stream(c.getSeries("10.0.0.1:5701").getYData()).boxed().toList());
        assertEquals(List.of(1.0, 2.0), java.util.Arrays.stream(c.getSeries("10.0.0.2:5701").getYData()).boxed().toList());
        checkPng(c);
        assertThrows(IllegalArgumentException.class, () -> Charts.busyPerMember(BASE));
    }

    @Test
    void chartsWriteAsPngAndSvg(@TempDir Path dir) throws Exception {
        XYChart c = Charts.journey(List.of(BASE, PAR));
        Charts.writePng(c, dir.resolve("j.png"));
        Charts.writeSvg(c, dir.resolve("j.svg"));
        assertTrue(Files.size(dir.resolve("j.png")) > 1000);
        String svg = Files.readString(dir.resolve("j.svg"));
        var f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", f.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement()
                .getTagName());
    }

    @Test
    void longLabelsAreShortenedForXChart() {
        assertEquals(20, Charts.shorten("4 threads, a much longer label than fits", 20).length());
        assertEquals("short", Charts.shorten("short", 20));
    }
}
