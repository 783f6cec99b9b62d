package dev.arclab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.profile.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportWriterTest {

    static Document parseFile(Path f) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
    }

    @Test
    void writesIndexTablesAndChartsForSeveralRuns(@TempDir Path dir) throws Exception {
        RunRecord base = SyntheticRuns.run("r1", "1 thread", 1, 1.0, 1);
        RunRecord par = SyntheticRuns.run("r2", "4 threads", 4, 1.0, 2);
        RunRecord slow = SyntheticRuns.run("r3", "4 threads slower", 4, 2.0, 3);
        ReportWriter.Result r = ReportWriter.write(List.of(base, par, slow), base, false, dir);
        assertTrue(Files.exists(r.index()));
        for (String f : List.of("journey.png", "speedup.png", "comparison.html",
                "phases-run1.html", "wall-busy-cpu-run2.png", "cache-run3.png", "report.txt")) {
            assertTrue(r.files().contains(f), f + " in " + r.files());
        }
        // Every HTML page is well formed; every PNG decodes and is not blank.
        for (String f : r.files()) {
            Path p = dir.resolve(f);
            assertTrue(Files.size(p) > 0, f);
            if (f.endsWith(".html")) {
                parseFile(p);
            } else if (f.endsWith(".png")) {
                assertTrue(GridPicturesTest.distinctColours(GridPicturesTest.decode(Files.readAllBytes(p))) > 8, f);
            }
        }
        Document index = parseFile(r.index());
        NodeList imgs = index.getElementsByTagName("img");
        List<String> srcs = new ArrayList<>();
        for (int i = 0; i < imgs.getLength(); i++) {
            srcs.add(((Element) imgs.item(i)).getAttribute("src"));
        }
        for (String f : r.files()) {
            if (f.endsWith(".png")) {
                assertTrue(srcs.contains(f), "index shows " + f);
            }
        }
        String html = Files.readString(r.index());
        assertTrue(html.contains("regression"), "the 2x slower run is flagged");
        assertTrue(html.contains("href=\"comparison.html\""));
        String text = Files.readString(dir.resolve("report.txt"));
        assertTrue(text.contains("Runs against baseline 1 thread"));
    }

    @Test
    void threadScalingOnlyForRunsThatDifferInThreadsAlone(@TempDir Path dir) throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        for (int t : new int[] {1, 2, 4}) {
            runs.add(SyntheticRuns.run("s" + t, "scaling", t, 1.0, t));
        }
        runs.add(SyntheticRuns.run("other", "other label", 8, 1.0, 8));
        assertEquals(List.of(1, 2, 4), List.copyOf(ReportWriter.scalingRuns(runs).keySet()));
        ReportWriter.Result r = ReportWriter.write(runs, null, false, dir);
        assertTrue(r.files().contains("scaling.png"));
        assertTrue(r.files().contains("scaling.html"));
        assertTrue(ReportWriter.scalingRuns(List.of(runs.get(0), runs.get(3))).isEmpty());
    }

    @Test
    void groupsRepeatsByConfiguration(@TempDir Path dir) throws Exception {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(SyntheticRuns.run("a" + i, "a", 4, 1.0, i));
        }
        for (int i = 0; i < 3; i++) {
            runs.add(SyntheticRuns.run("b" + i, "b", 4, 1.0, 10 + i));
        }
        ReportWriter.Result r = ReportWriter.write(runs, null, true, dir);
        assertTrue(r.files().contains("repeats-run1.html"));
        assertTrue(r.files().contains("repeats-run2.html"));
        String html = Files.readString(r.index());
        assertTrue(html.contains("No regression beyond the noise rule."), "identical configurations are not flagged");
        assertTrue(html.contains("medians of 3 and 3 repeats"));
    }

    @Test
    void singleRunHasNoComparison(@TempDir Path dir) throws Exception {
        ReportWriter.Result r = ReportWriter.write(List.of(SyntheticRuns.run("only", 2)), null, false, dir);
        assertTrue(r.files().contains("journey.png"));
        assertTrue(r.files().stream().noneMatch(f -> f.startsWith("comparison") || f.startsWith("scaling")));
        assertEquals(r.dir().resolve("index.html"), r.index());
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(List.of(), null, false, dir));
    }
}
