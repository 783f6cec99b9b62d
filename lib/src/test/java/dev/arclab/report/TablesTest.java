package dev.arclab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunRecord;
import dev.arclab.profile.TaskTiming;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class TablesTest {
    static final double NS = 1e9;

    /** Parses an HTML fragment as XML: it must be well formed (balanced tags, escaped text). */
    static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<root>" + html + "</root>")));
    }

    static List<String> cellsOfRow(Document doc, int row) {
        Element tr = (Element) ((Element) doc.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr").item(row);
        NodeList tds = tr.getElementsByTagName("td");
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < tds.getLength(); i++) {
            out.add(tds.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void phaseTableMatchesTheRunRecord() {
        RunRecord run = SyntheticRuns.run("r", 4);
        Table t = Tables.phases(run);
        assertEquals(run.phases().size() + 1, t.rowCount());
        for (int i = 0; i < run.phases().size(); i++) {
            PhaseRecord p = run.phases().get(i);
            assertEquals(p.phase(), t.stringColumn("phase").get(i));
            assertEquals(p.iteration(), t.intColumn("iteration").get(i));
            assertEquals(p.threads(), t.intColumn("threads").get(i));
            assertEquals(p.wallSeconds(), t.doubleColumn("wall s").get(i), 1e-12);
            assertEquals(p.busySeconds(), t.doubleColumn("busy s").get(i), 1e-12);
            assertEquals(p.cpuSeconds(), t.doubleColumn("CPU s").get(i), 1e-12);
            assertEquals(p.items(), t.intColumn("items").get(i));
            assertEquals(p.parallelism(), t.doubleColumn("parallelism").get(i), 1e-12);
            assertEquals(p.efficiency(), t.doubleColumn("efficiency").get(i), 1e-12);
            if (p.phase().equals("validate")) {
                long hits = p.counter("cache.validation.hits") + p.counter("cache.canonical.hits");
                assertEquals(hits, t.longColumn("cache hits").get(i));
                assertEquals(p.counter("cache.validation.diskHits"), t.longColumn("disk hits").get(i));
                assertEquals(p.counter("cache.validation.misses") + p.counter("cache.canonical.misses"),
                        t.longColumn("misses").get(i));
            } else {
                assertTrue(t.longColumn("cache hits").isMissing(i), "no cache counters: missing, not 0");
            }
        }
        int total = run.phases().size();
        assertEquals(Tables.TOTAL, t.stringColumn("phase").get(total));
        assertEquals(run.wallNanos() / NS, t.doubleColumn("wall s").get(total), 1e-9);
        long busy = run.phases().stream().mapToLong(PhaseRecord::busyNanos).sum();
        assertEquals(busy / NS, t.doubleColumn("busy s").get(total), 1e-9);
        assertEquals((double) busy / run.wallNanos(), t.doubleColumn("parallelism").get(total), 1e-9);
    }

    @Test
    void countsAreNeverInSecondsColumnsAndNumbersAreRounded() {
        Table t = Tables.phases(SyntheticRuns.run("r", 4));
        for (String name : t.columnNames()) {
            if (name.endsWith(" s")) {
                assertTrue(t.column(name) instanceof DoubleColumn, name);
            }
            if (List.of("items", "cache hits", "disk hits", "misses", "threads", "iteration").contains(name)) {
                assertFalse(t.column(name) instanceof DoubleColumn, name + " is a count");
            }
        }
        String wall = t.column("wall s").getString(0);
        assertTrue(wall.matches("\\d[\\d,]*\\.\\d{3}"), "seconds to 3 decimals: " + wall);
        assertTrue(t.column("parallelism").getString(2).matches("\\d+\\.\\d{2}"));
        assertTrue(t.column("efficiency").getString(2).matches("\\d+\\.\\d%"));
        String text = Tables.text(t);
        assertTrue(text.contains("wall s") && text.contains("total"));
        assertFalse(text.matches("(?s).*\\d\\.\\d{6,}.*"), "no unrounded doubles in text output");
    }

    @Test
    void phaseWithoutItemsHasNoParallelism() {
        PhaseRecord empty = new PhaseRecord("generate", 1, 4, 5_000_000, 0, 0, 0, 0, List.of(), List.of(), Map.of(), false);
        RunRecord run = new RunRecord("x", 0, SyntheticRuns.config(4, "x"), List.of(empty), Map.of());
        Table t = Tables.phases(run);
        assertTrue(t.doubleColumn("parallelism").isMissing(0));
        assertEquals("\u2013", t.column("parallelism").getString(0));
    }

    @Test
    void taskTableSortsBySpanAndMatchesTaskTimings() {
        PhaseRecord score = SyntheticRuns.run("r", 4).phases().get(2);
        Table t = Tables.tasks(score, Tables.TaskOrder.SPAN, 5);
        assertEquals(5, t.rowCount());
        DoubleColumn span = t.doubleColumn("span s");
        for (int i = 1; i < t.rowCount(); i++) {
            assertTrue(span.get(i - 1) >= span.get(i), "descending span");
        }
        long maxSpan = score.tasks().stream().mapToLong(TaskTiming::spanNanos).max().orElseThrow();
        assertEquals(maxSpan / NS, span.get(0), 1e-12);
        String top = t.stringColumn("task").get(0);
        TaskTiming tt = score.tasks().stream().filter(x -> x.task().equals(top)).findFirst().orElseThrow();
        assertEquals(tt.busyNanos() / NS, t.doubleColumn("busy s").get(0), 1e-12);
        assertEquals(tt.items(), t.intColumn("items").get(0));

        Table byBusy = Tables.tasks(score, Tables.TaskOrder.BUSY, 0);
        assertEquals(score.tasks().size(), byBusy.rowCount());
        long maxBusy = score.tasks().stream().mapToLong(TaskTiming::busyNanos).max().orElseThrow();
        assertEquals(maxBusy / NS, byBusy.doubleColumn("busy s").get(0), 1e-12);
    }

    @Test
    void htmlIsWellFormedWithCaptionClassesAndEscapedText() throws Exception {
        RunRecord run = SyntheticRuns.run("a<b & \"c\"", 4);
        Table t = Tables.phases(run);
        String html = Tables.html(t);
        Document doc = parse(html);
        Element table = (Element) doc.getElementsByTagName("table").item(0);
        assertEquals("arclab", table.getAttribute("class"));
        assertEquals(t.name(), doc.getElementsByTagName("caption").item(0).getTextContent());
        assertEquals(t.rowCount(), ((Element) doc.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr").getLength());
        List<String> first = cellsOfRow(doc, 0);
        assertEquals(t.column("wall s").getString(0), first.get(3));
        Element totalRow = (Element) ((Element) doc.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr")
                .item(t.rowCount() - 1);
        assertEquals("total", totalRow.getAttribute("class"));
        assertTrue(html.contains("class=\"num\""));
        parse(Tables.notebookHtml(t));
    }

    @Test
    void comparisonTableShowsSpeedupAndFlagsRegressionInHtml() throws Exception {
        RunSeries base = RunSeries.of(SyntheticRuns.run("base", "base", 4, 1.0, 1));
        RunSeries slow = RunSeries.of(SyntheticRuns.run("slow", "slow", 4, 2.0, 1));
        Comparison c = Experiments.compare(base, slow);
        Table t = Tables.comparison(c);
        int row = -1;
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.stringColumn("phase").get(i).equals("score") && t.stringColumn("run").get(i).equals("slow")) {
                row = i;
            }
        }
        assertTrue(row >= 0);
        double expected = base.wall("score").median() / slow.wall("score").median();
        assertEquals(expected, t.doubleColumn("speedup").get(row), 1e-12);
        assertTrue(t.column("speedup").getString(row).endsWith("\u00d7"));
        assertEquals("regression", t.stringColumn("verdict").get(row));
        assertTrue(t.column("change").getString(row).startsWith("+"));
        Document doc = parse(Tables.html(t));
        NodeList tds = doc.getElementsByTagName("td");
        boolean flagged = false;
        for (int i = 0; i < tds.getLength(); i++) {
            Element td = (Element) tds.item(i);
            flagged |= td.getAttribute("class").contains("regression");
        }
        assertTrue(flagged, "regression cells carry a class for highlighting");
    }

    @Test
    void cacheTableFromStatsAndCounters() {
        CacheStats s = new CacheStats("validation", 30, 50, 20, 1200, 3 * 1024 * 1024, 12.5);
        Table t = Tables.cache(List.of(s));
        assertEquals(30, t.longColumn("hits (this session)").get(0));
        assertEquals(50, t.longColumn("hits (from disk)").get(0));
        assertEquals(20, t.longColumn("misses").get(0));
        assertEquals(0.8, t.doubleColumn("hit rate").get(0), 1e-12);
        assertEquals("80.0%", t.column("hit rate").getString(0));
        assertEquals(1200, t.longColumn("entries").get(0));
        assertEquals(3.0, t.doubleColumn("size MiB").get(0), 1e-12);
        assertEquals(12.5, t.doubleColumn("time saved s").get(0), 1e-12);

        List<CacheStats> fromCounters = CacheStats.fromCounters(Map.of("cache.a.hits", 3L, "cache.a.misses", 1L,
                "cache.b.diskHits", 4L, "candidates", 99L, "cache.weird", 1L));
        assertEquals(2, fromCounters.size());
        assertEquals(new CacheStats("a", 3, 0, 1, -1, -1, Double.NaN).toString(), fromCounters.get(0).toString());
        assertEquals(4, fromCounters.get(1).diskHits());
        Table u = Tables.cache(fromCounters);
        assertTrue(u.longColumn("entries").isMissing(0), "unknown entries are missing, not 0");
    }

    @Test
    void librarySummaryCountsTasksProgramsAndScoreBands() {
        Map<String, List<LibrarySummary.ScoredProgram>> lib = Map.of(
                "t1", List.of(new LibrarySummary.ScoredProgram(1.0, 10), new LibrarySummary.ScoredProgram(0.5, 4)),
                "t2", List.of(new LibrarySummary.ScoredProgram(0.8, 7)),
                "t3", List.of());
        LibrarySummary s = LibrarySummary.of(lib);
        Table t = Tables.library(s);
        assertEquals(3, t.intColumn("tasks").get(0));
        assertEquals(2, t.intColumn("tasks with programs").get(0));
        assertEquals(3, t.intColumn("programs").get(0));
        assertEquals(1, t.intColumn("tasks with a perfect program").get(0));
        assertEquals(7.0, t.doubleColumn("median cost").get(0), 1e-12);
        Table bands = Tables.libraryScores(s);
        assertEquals(1, bands.intColumn("tasks (best program)").get(0)); // perfect: t1
        assertEquals(1, bands.intColumn("tasks (best program)").get(1)); // 0.75..1: t2
        assertEquals(1, bands.intColumn("programs").get(2)); // 0.5..0.75: one program of t1
        assertEquals(1, bands.intColumn("tasks (best program)").get(5)); // zero: t3
        int tasks = 0;
        int programs = 0;
        for (int i = 0; i < bands.rowCount(); i++) {
            tasks += bands.intColumn("tasks (best program)").get(i);
            programs += bands.intColumn("programs").get(i);
        }
        assertEquals(3, tasks);
        assertEquals(3, programs);
    }
}
