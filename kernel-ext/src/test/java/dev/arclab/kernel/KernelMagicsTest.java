package dev.arclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.kernel.CellException.CompilationException;
import dev.arclab.kernel.CellException.MagicUsageException;
import dev.arclab.magics.MagicRegistry;
import dev.arclab.lab.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Magic lines read as Java, and the magics the kernel runs itself: %time, %%time, %timeit, %%timeit, %load, %lsmagic. */
class KernelMagicsTest {
    private static KernelHarness h;

    @BeforeAll
    static void start() {
        h = new KernelHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @BeforeEach
    void resetSession() {
        Session.current().reset();
    }

    @Test
    void aPercentInsideATextBlockStringOrCommentIsNotAMagic() {
        assertEquals("%s: %d\n", h.value("String f = \"\"\"\n    %s: %d\n    \"\"\";\nf"));
        assertEquals("%seed 5", h.value("\"%seed 5\""));
        assertEquals(7, h.value("int m = 7; /*\n%seed 5\n*/\nm"));
        assertEquals(1, h.value("int r = 10\n  % 3;\nr"));
        assertEquals("50 %threads", h.value("String s = \"50 %threads\";\ns"));
        assertEquals(1, h.value("7 % 3 \n"));
        assertEquals(0L, Session.current().seed(), "no magic ran");
    }

    @Test
    void aMagicLineMayEndWithASemicolonAndAComment() {
        h.value("%seed 9;");
        assertEquals(9L, Session.current().seed());
        h.value("%seed 11 // eleven");
        assertEquals(11L, Session.current().seed());
        h.value("%threads 2; // two");
        assertEquals(2, Session.current().threads());
        assertEquals(List.of("a b", "c\"d", "e"), MagicLines.split("\"a b\" c\\\"d e"));
    }

    @Test
    void aMagicIsAStatementAndAValueAfterAssignment() {
        assertEquals(String.valueOf(h.value("%seed 3")), h.value("int before = 1;\nvar s = %seed\ns"));
        assertEquals(3L, Session.current().seed());
    }

    @Test
    void helpWithAPercentInItPrintsNoPicocliWarning() throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        StringBuilder helps = new StringBuilder();
        try {
            for (var magic : MagicRegistry.global().all()) {
                helps.append(magic.run(List.of("--help")));
            }
        } finally {
            System.setErr(old);
        }
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("picocli WARN"), warnings);
        assertTrue(helps.toString().contains("(%home)"), "the % is shown, not read as a format");
    }

    @Test
    void timeTimesALineAndACellAndKeepsTheirValue() {
        KernelHarness.Cell c = h.run("%time 6 * 7");
        assertEquals(42, c.value());
        assertTrue(c.out().startsWith("Wall time: ") && c.out().contains("CPU time"), c.out());
        c = h.run("%%time\nint t = 2;\nt + 1");
        assertEquals(3, c.value(), c.errorText());
        assertTrue(c.out().startsWith("Wall time: "), c.out());
        assertEquals(2, h.value("t"), "declarations in %%time stay");
    }

    @Test
    void timeitRunsTheCodeRunsTimesLoopsAndReportsTheMedian() {
        h.value("java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();");
        Object r = h.value("%timeit -n 5 -r 3 calls.incrementAndGet()");
        Timing.Timeit t = assertInstanceOf(Timing.Timeit.class, r);
        assertEquals(5, t.loops());
        assertEquals(3, t.runNanos().length);
        assertEquals(15, h.value("calls.get()"));
        assertTrue(t.toString().contains("per loop (median of 3 runs, 5 loops each"), t.toString());
        h.value("calls.set(0);");
        h.value("%timeit -n 2 -r 2 calls.incrementAndGet(); // a statement too");
        assertEquals(4, h.value("calls.get()"));
        h.value("calls.set(0);");
        h.value("%%timeit -n 3 -r 1\nint x = calls.incrementAndGet();\nx++;");
        assertEquals(3, h.value("calls.get()"));
        assertEquals(new Timing.Timeit(2, new long[] {10, 30, 20}).medianNanos(), 10.0);
    }

    @Test
    void timeitUsageErrorsSayWhatIsWrong() {
        String text = assertInstanceOf(MagicUsageException.class, h.run("%timeit -n zero 1+1").error()).text();
        assertTrue(text.contains("-n needs a whole number"), text);
        text = assertInstanceOf(MagicUsageException.class, h.run("%timeit").error()).text();
        assertTrue(text.contains("nothing to time"), text);
    }

    @Test
    void anUnknownCellMagicListsTheCellMagics() {
        String text = assertInstanceOf(MagicUsageException.class, h.run("%%nosuch\nbody").error()).text();
        assertTrue(text.contains("Undefined cell magic %%nosuch") && text.contains("%%time")
                && !text.contains("%%threads"), text);
    }

    @Test
    void loadEvaluatesTheSnippetsOfAFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("helpers.jshell");
        Files.writeString(file, "int twice(int x) { return 2 * x; }\nint loaded = twice(21);\n");
        assertNull(h.value("%load " + file));
        assertEquals(42, h.value("loaded"));
        String text = assertInstanceOf(MagicUsageException.class, h.run("%load " + tmp.resolve("none.java")).error())
                .text();
        assertTrue(text.contains("no such file") && text.contains("none.java"), text);
    }

    @Test
    void errorLinesCountFromTheCellAfterATimedLine() {
        String text = assertInstanceOf(CompilationException.class, h.run("%time 1 + 1\nint ok = 1;\nString s = 4;")
                .error()).text();
        assertTrue(text.contains("line 3"), text);
    }

    @Test
    void lsmagicListsLineAndCellMagics() {
        String text = String.valueOf(h.value("%lsmagic"));
        assertTrue(text.contains("%threads") && text.contains("%timeit") && text.contains("%load")
                && text.contains("%classpath") && text.contains("%%time"), text);
    }

    @Test
    void arraysShowAsJshellShowsThem() {
        assertEquals("int[3] { 1, 2, 3 }", h.kernel.eval("new int[] {1, 2, 3}").getData(
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertEquals("String[2] { \"a\", null }", ValueViews.arrayText(new String[] {"a", null}));
        assertEquals("int[2][] { int[1] { 1 }, int[0] {} }", ValueViews.arrayText(new int[][] {{1}, {}}));
    }

    @Test
    void gridsInAListOrMapShowAsPicturesInARowWithCaptions() {
        var d = h.kernel.eval("Map.of(\"in\", Grid.filled(2, 3, 1))");
        String html = String.valueOf(KernelHarness.data(d, "text/html"));
        assertTrue(html.contains("<img src=\"data:image/png;base64,") && html.contains("<figcaption>in"), html);
        d = h.kernel.eval("List.of(Grid.filled(1, 1, 1), Grid.filled(2, 2, 2))");
        html = String.valueOf(KernelHarness.data(d, "text/html"));
        assertEquals(2, html.split("<img ", -1).length - 1, html);
        assertTrue(html.contains("<figcaption>1"), html);
        assertNull(ValueViews.view(List.of("not a grid")));
    }

}
