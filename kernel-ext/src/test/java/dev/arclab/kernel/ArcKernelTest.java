package dev.arclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import dev.arclab.kernel.CellException.CellInterruptedException;
import dev.arclab.kernel.CellException.CompilationException;
import dev.arclab.kernel.CellException.EvalException;
import dev.arclab.kernel.CellException.MagicUsageException;
import dev.arclab.magics.Cancellables;
import dev.arclab.magics.Renderers;
import dev.arclab.lab.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel driven in-process, without Jupyter: values, output, errors, magics, renderers, interrupts. */
class ArcKernelTest {
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
    void theLastExpressionIsTheResultAsTheRealObject() {
        assertEquals(2, h.value("1 + 1"));
        assertEquals(42, h.value("int x = 6 * 7;\nx"));
        assertEquals(5, h.value("x = 5"));
        assertEquals(List.of(1, 2), h.value("List.of(1, 2)"));
        Object grid = h.value("Grid.filled(2, 3, 7)");
        assertInstanceOf(Grid.class, grid);
        assertEquals(3, ((Grid) grid).cols());
    }

    @Test
    void declarationsAndStatementsShowNoResult() {
        assertNull(h.value("int y = 3;"));
        assertNull(h.value("void hello() { }"));
        assertNull(h.value("if (true) { int z = 1; }"));
    }

    @Test
    void aTrailingSemicolonSuppressesTheResult() {
        assertNull(h.value("1 + 1;"));
        assertNull(h.value("List.of(1);  \n"));
        assertEquals(3, h.value("int a = 1;\na + 2"));
        assertNull(h.value("1 + 1; // a comment after the semicolon"));
        assertNull(h.value("1 + 1; /* a block\n comment */"));
        assertEquals("a;b", h.value("\"a;b\" // the string has a ';'"));
        assertEquals("x//y", h.value("\"x//y\""));
        assertTrue(ArcKernel.endsWithSemicolon("f(\"//\");  // c"));
        assertFalse(ArcKernel.endsWithSemicolon("s + \"; // not a comment\""));
    }

    @Test
    void stdoutAndStderrOfTheCellAreCaptured() {
        KernelHarness.Cell c = h.run("System.out.println(\"hello from java\");\nSystem.err.println(\"oops\");");
        assertNull(c.error());
        assertEquals("hello from java\n", c.out());
        assertEquals("oops\n", c.err());
    }

    @Test
    void aCellOfManySnippetsRunsThemAllInOrder() {
        Object v = h.value("// a comment\nint p = 2;\n/* another */ int q = p * 10;\n"
                + "int twice(int n) {\n    return 2 * n;\n}\nclass Box { int v = 9; }\ntwice(q) + new Box().v");
        assertEquals(49, v);
    }

    @Test
    void compileErrorsGiveTheCellLineACaretAndTheMessage() {
        KernelHarness.Cell c = h.run("int ok = 1;\n\nString s = 42;\n");
        CompilationException e = assertInstanceOf(CompilationException.class, c.error());
        String text = e.text();
        assertTrue(text.contains("line 3"), text);
        assertTrue(text.contains("incompatible types: int cannot be converted to java.lang.String"), text);
        assertTrue(text.contains("    String s = 42;\n               ^^"), text);
        assertNoInternals(text);
    }

    @Test
    void runtimeErrorsGiveTheExceptionItsMessageAndCellLines() {
        h.value("int divide(int a, int b) {\n    int r = a / b;\n    return r;\n}");
        KernelHarness.Cell c = h.run("int u = 1;\nint v = divide(u, 0);");
        EvalException e = assertInstanceOf(EvalException.class, c.error());
        assertEquals("java.lang.ArithmeticException", e.exceptionClassName());
        assertEquals("java.lang.ArithmeticException: / by zero", e.getMessage());
        String text = e.text();
        assertTrue(text.startsWith("java.lang.ArithmeticException: / by zero"), text);
        assertTrue(text.contains("at divide ("), text);
        assertTrue(text.contains("line 2)"), text);
        assertTrue(text.contains("at line 2"), text);
        assertNoInternals(text);
    }

    @Test
    void runtimeErrorLinesCountFromTheCellStart() {
        String text = assertInstanceOf(EvalException.class,
                h.run("// first a comment\n\nint g = 0;\n/* then */\n  10 / g").error()).text();
        assertTrue(text.endsWith("at line 5"), text);
        text = assertInstanceOf(EvalException.class, h.run("int g2 = 0;\nvoid boom() {\n  // nothing\n  int k = 1 / g2;\n}\nboom();").error()).text();
        assertTrue(text.contains("at boom (line 4)"), text);
        assertTrue(text.endsWith("at line 6"), text);
    }

    @Test
    void runtimeErrorsShowLibraryFramesAndCauses() {
        KernelHarness.Cell c = h.run("Integer.parseInt(\"x\")");
        String text = assertInstanceOf(EvalException.class, c.error()).text();
        assertTrue(text.startsWith("java.lang.NumberFormatException: For input string: \"x\""), text);
        assertTrue(text.contains("at java.base/java.lang.Integer.parseInt("), text);

        c = h.run("throw new IllegalStateException(\"outer\", new java.io.IOException(\"inner\"));");
        text = assertInstanceOf(EvalException.class, c.error()).text();
        assertTrue(text.contains("java.lang.IllegalStateException: outer"), text);
        assertTrue(text.contains("Caused by: java.io.IOException: inner"), text);
        assertNoInternals(text);
    }

    @Test
    void anErrorStopsTheRestOfTheCell() {
        KernelHarness.Cell c = h.run("System.out.println(\"before\");\nint w = 1 / 0;\nSystem.out.println(\"after\");");
        assertInstanceOf(EvalException.class, c.error());
        assertEquals("before\n", c.out());
    }

    private static void assertNoInternals(String text) {
        for (String internal : List.of("dev.arclab.kernel", "jdk.jshell", "jdk.internal", "REPL.", "do_it$",
                "org.dflib", "java.lang.reflect")) {
            assertFalse(text.contains(internal), "shows " + internal + ":\n" + text);
        }
    }

    @Test
    void defaultImportsAreTheDocumentedOnes() {
        assertEquals(List.of(1, 4), h.value("Stream.of(1, 2).map(i -> i * i).collect(Collectors.toList())"));
        assertInstanceOf(Grid.class, h.value("Grid.EMPTY"));
        assertEquals(Session.defaultThreads(), h.value("Session.current().threads()"));
        assertNotNull(h.value("new Task(\"t\", List.of(), List.of())"));
        // The engine's API that notebooks use: pipeline, run records, tables and charts, solver files.
        assertNotNull(h.value("PipelineConfig.defaults()"));
        assertNotNull(h.value("RunRecord.class"));
        assertNotNull(h.value("Tables.class.getName() + Charts.class.getName() + GridPictures.class.getName()"));
        assertNotNull(h.value("BundledSolvers.parse()"));
        assertNotNull(h.value("new ProgramParser()"));
        assertInstanceOf(CompilationException.class, h.run("Dsl.VERSION").error());
        assertInstanceOf(CompilationException.class, h.run("Interpreter.DEFAULT_FUEL").error());
        // Nothing else from the kernel: its own packages are not imported.
        assertInstanceOf(CompilationException.class, h.run("ArcKernel.DEFAULT_IMPORTS").error());
        assertInstanceOf(CompilationException.class, h.run("Renderers.global()").error());
    }

    @Test
    void magicsSetTheSessionThatCellsSee() {
        assertEquals("threads = 3", h.value("%threads 3"));
        assertEquals(3, h.value("Session.current().threads()"));
        assertEquals("threads = 3", h.value("%threads"));
        assertEquals("seed = 7", h.value("%seed 7"));
        assertEquals(7L, h.value("Session.current().seed()"));
        assertEquals("seed = -2", h.value("var r = %seed -2\nr"));
        assertEquals(-2L, Session.current().seed());
    }

    @Test
    void homeMagicTakesAFolder(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("arc home");
        String cache = "\ncache: " + dir.resolve("cache.db") + " (opened at first use)";
        assertEquals("home = " + dir + cache, h.value("%home \"" + dir + "\""));
        assertEquals(dir, Session.current().home());
        assertTrue(Files.isDirectory(dir), "created at once, so that a bad folder is an error now");
        assertEquals("home = " + dir + cache, h.value("%home"));
        Path file = Files.writeString(tmp.resolve("f.txt"), "x");
        KernelHarness.Cell c = h.run("%home " + file);
        String text = assertInstanceOf(MagicUsageException.class, c.error()).text();
        assertTrue(text.startsWith("UsageError: %home: " + file + " exists and is not a folder"), text);
        assertTrue(text.contains("Usage: %home"), text);
        // checked at once: a folder that cannot be made is a usage error now, not a memory cache later
        text = assertInstanceOf(MagicUsageException.class, h.run("%home " + file.resolve("sub")).error()).text();
        assertTrue(text.contains("cannot use") && text.contains("sub"), text);
    }

    @Test
    void magicErrorsSayWhatWasWrongWithoutAStackTrace() {
        String text = assertInstanceOf(MagicUsageException.class, h.run("%threads 0").error()).text();
        assertTrue(text.startsWith("UsageError: %threads: threads must be at least 1, got 0"), text);
        assertTrue(text.contains("Usage: %threads [-h] [N]"), text);
        assertNoInternals(text);

        text = assertInstanceOf(MagicUsageException.class, h.run("%threads many").error()).text();
        assertTrue(text.contains("'many' is not an int"), text);
        text = assertInstanceOf(MagicUsageException.class, h.run("%seed 1 2").error()).text();
        assertTrue(text.contains("Unmatched argument"), text);
        text = assertInstanceOf(MagicUsageException.class, h.run("%nosuchmagic").error()).text();
        assertTrue(text.contains("nosuchmagic") && text.contains("%threads"), text);
        assertEquals(Session.defaultThreads(), Session.current().threads());
    }

    @Test
    void everyMagicAnswersHelp() {
        for (String magic : List.of("arclab", "threads", "seed", "home", "classpath")) {
            Object help = h.value("%" + magic + " --help");
            assertTrue(String.valueOf(help).startsWith("Usage: %" + magic), magic + ": " + help);
        }
    }

    @Test
    void arclabMagicShowsVersionSettingsAndMagics() {
        h.value("%threads 2");
        String text = (String) h.value("%arclab");
        assertTrue(text.startsWith("ARC Lab "), text);
        assertTrue(text.contains("threads  2 (of " + Session.defaultThreads() + " cores)"), text);
        assertTrue(text.contains("home     " + Session.current().home()), text);
        for (String magic : List.of("%arclab", "%threads", "%seed", "%home")) {
            assertTrue(text.contains("\n  " + magic + " "), magic + " missing:\n" + text);
        }
        assertTrue(text.contains("%classpath") && text.contains("%lsmagic"), "the kernel's own magics too: " + text);
    }

    @Test
    void buffered_imagesRenderAsPng() {
        KernelHarness.Cell c = h.run("var img = new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);\nimg");
        assertNull(c.error());
        String png = (String) KernelHarness.data(c.display(), "image/png");
        assertNotNull(png);
        byte[] bytes = Base64.getDecoder().decode(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3));
    }

    @Test
    void renderersRegisteredLaterApplyToo() {
        Renderers.global().register(Tagged.class, "text/html", t -> "<b>" + t.tag() + "</b>");
        KernelHarness.Cell c = h.run("new dev.arclab.kernel.Tagged(\"hi\")");
        assertNull(c.error());
        assertEquals("<b>hi</b>", KernelHarness.data(c.display(), "text/html"));
        assertEquals("Tagged[tag=hi]", KernelHarness.data(c.display(), "text/plain"));
    }

    @Test
    void interruptStopsATightLoopAndCallsCancellables() throws Exception {
        AtomicInteger cancelled = new AtomicInteger();
        try (Cancellables.Registration r = Cancellables.register(cancelled::incrementAndGet)) {
            for (String code : List.of("while (true) { }", "long n = 0;\nwhile (true) { n++; }", "Thread.sleep(600_000);",
                    "%threads 1\nfor (;;) { }")) {
                KernelHarness.Cell c = runAndInterrupt(code);
                String text = assertInstanceOf(CellInterruptedException.class, c.error(), code).text();
                assertTrue(text.contains("Interrupted"), text);
            }
        }
        assertEquals(4, cancelled.get());
        assertEquals(0, Cancellables.size());
        assertEquals(2, h.value("1 + 1"));
    }

    @Test
    void aCellOfMagicsRunsWithoutJShellAndAJavaCellWaitingForJShellCanBeInterrupted() throws Exception {
        ArcKernel unstarted = ArcKernel.builder().build(); // onStartup never called: its JShell is never built
        try {
            // magics are run by the started kernel's registry (the notebook's kernel), without this kernel's JShell
            Object listed = unstarted.evalRaw("%lsmagic\n// a comment\n");
            assertTrue(String.valueOf(listed).contains("%lsmagic"), String.valueOf(listed));
            RuntimeException[] error = new RuntimeException[1];
            Thread t = new Thread(() -> {
                try {
                    unstarted.evalRaw("1 + 1");
                } catch (RuntimeException e) {
                    error[0] = e;
                }
            });
            t.start();
            awaitCondition(unstarted::isRunning, "the Java cell to wait for JShell");
            unstarted.interrupt();
            t.join(10_000);
            assertFalse(t.isAlive(), "the cell still waits for JShell after the interrupt");
            assertInstanceOf(CellInterruptedException.class, error[0]);
        } finally {
            unstarted.evaluator().close(); // not onShutdown: it never started as the notebook's kernel
        }
    }

    @Test
    void aMagicRunWithoutJShellIsStoppedByAnInterruptAndShowsItsExceptionAsACallWould() throws Exception {
        h.kernel.getMagicsRegistry().registerLineMagic("spinForTest", (kernel, args) -> {
            while (true) {
                Thread.onSpinWait();
            }
        });
        h.kernel.getMagicsRegistry().registerLineMagic("failForTest", (kernel, args) -> {
            throw new IllegalStateException("boom " + args);
        });
        KernelHarness.Cell c = runAndInterrupt("%spinForTest");
        assertInstanceOf(CellInterruptedException.class, c.error());
        String text = assertInstanceOf(EvalException.class, h.run("%failForTest a b").error()).text();
        assertTrue(text.startsWith("java.lang.IllegalStateException: boom [a, b]"), text);
        // the same magic inside Java is compiled with it, and fails the same way
        text = assertInstanceOf(EvalException.class, h.run("int k = 1;\n%failForTest a b").error()).text();
        assertTrue(text.startsWith("java.lang.IllegalStateException: boom [a, b]"), text);
        assertEquals(2, h.value("1 + 1"));
    }

    @Test
    void theDefaultImportsSurviveTheUsersOwnImportOfOneOfThem() {
        h.value("import java.util.*;");
        h.value("import dev.arclab.lab.Session;");
        assertEquals("x", h.value("new File(\"x\").getName()"));
        assertEquals(3, h.value("new ArrayList<>(List.of(1, 2, 3)).size()"));
        assertInstanceOf(Session.class, h.value("Session.current()"));
    }

    @Test
    void interruptWhenIdleDoesNotAffectTheNextCell() {
        h.kernel.interrupt();
        assertEquals(4, h.value("2 + 2"));
        assertNull(h.run("Thread.sleep(300); 1").error(), "a stale interrupt must not stop a later cell");
    }

    @Test
    void anInterruptAfterACellsRequestButBeforeItBeginsStopsThatCell() throws Exception {
        // the front end sees execute_input (the request is counted), presses stop, and only then does the cell begin
        h.countRequest();
        h.kernel.interrupt();
        KernelHarness.Cell[] box = new KernelHarness.Cell[1];
        Thread t = new Thread(() -> box[0] = h.runCounted("while (true) { }"));
        t.start();
        t.join(20_000);
        assertFalse(t.isAlive(), "the cell interrupted before it began still runs");
        assertInstanceOf(CellInterruptedException.class, box[0].error());
        assertEquals(2, h.value("1 + 1"));
    }

    private static KernelHarness.Cell runAndInterrupt(String code) throws InterruptedException {
        KernelHarness.Cell[] box = new KernelHarness.Cell[1];
        Thread t = new Thread(() -> box[0] = h.run(code));
        t.start();
        awaitCondition(h.kernel::isRunning, "the cell to start: " + code);
        long start = System.nanoTime();
        h.kernel.interrupt();
        t.join(10_000);
        assertFalse(t.isAlive(), "cell still running after interrupt: " + code);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "interrupt took more than 5 s: " + code);
        return box[0];
    }

    @Test
    void completionOfCodeAndMagicNames() {
        assertTrue(h.kernel.complete("Math.ab", 7).getReplacements().contains("abs("));
        h.value("String word = \"abc\";");
        var options = h.kernel.complete("int i = 0;\nword.len", 19);
        assertTrue(options.getReplacements().contains("length()"), options.getReplacements().toString());
        assertEquals(16, options.getSourceStart());
        assertEquals(19, options.getSourceEnd());
        options = h.kernel.complete("%threads 2\n%se", 14);
        assertEquals(List.of("seed"), options.getReplacements());
        assertEquals(12, options.getSourceStart());
    }

    @Test
    void inspectionShowsSignaturesAndVariables() {
        String doc = String.valueOf(h.kernel.inspect("Math.abs", 6, false)
                .getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertTrue(doc.contains("int Math.abs(int a)"), doc);
        h.value("int answer = 42;");
        doc = String.valueOf(h.kernel.inspect("answer + 1", 3, false)
                .getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertEquals("int answer = 42", doc);
        assertNull(h.kernel.inspect("   ", 1, false));
    }

    @Test
    void isCompleteFollowsJava() {
        assertEquals(BaseKernel.IS_COMPLETE_YES, h.kernel.isComplete("int y = 1;"));
        assertEquals(BaseKernel.IS_COMPLETE_YES, h.kernel.isComplete("%threads 2"));
        assertEquals("    ", h.kernel.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("", h.kernel.isComplete("int y ="));
        assertEquals(BaseKernel.IS_COMPLETE_BAD, h.kernel.isComplete("}}}"));
    }

    /** Waits (up to 30 s) until {@code condition} holds: the test goes on only once the cell is running. */
    static void awaitCondition(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void magicArgumentsCompleteToOptionsAndTheirValuesNotJavaNames() {
        assertEquals(List.of("gantt", "iterations", "journey", "wallbusy"), completions("%timings --chart "));
        assertEquals(List.of("generate"), completions("%timings --chart gantt gen"));
        assertEquals(List.of("--chart"), completions("%timings --ch"));
        assertEquals(List.of("canonicalize"), completions("%phase can"));
        assertTrue(completions("%task 007").contains("007bbfb7"), completions("%task 007").toString());
        assertEquals(List.of(), completions("%threads "));
        var r = h.kernel.complete("%timings --chart jo", 19);
        assertEquals(17, r.getSourceStart());
    }

    @Test
    void primitivesCompleteAndInspectionShowsSignatureAndSummary() {
        assertTrue(completions("obj").contains("objects"), completions("obj").toString());
        assertTrue(completions("String p = \"x\";\nargm").contains("argmax"));
        String shown = String.valueOf(h.kernel.inspect("objects", 3, false).getData(
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        PrimitiveDocs.PrimitiveDoc doc = PrimitiveDocs.of("objects").orElseThrow();
        assertEquals(doc.text(), shown);
        assertTrue(shown.startsWith("objects(Grid, Boolean, Boolean, Boolean) -> Objects\n"), shown);
        assertFalse(doc.summary().isBlank());
        assertEquals(160, PrimitiveDocs.names().size());
        assertTrue(PrimitiveDocs.names().stream().allMatch(n -> !PrimitiveDocs.of(n).orElseThrow().summary().isBlank()),
                "every primitive has a summary");
    }

    @Test
    void arcLabClassesAndMembersShowTheirJavadocOnInspection() {
        // a class: Shift-Tab (detail 0) shows its first paragraph, a second press (detail 1) all of it
        String shortLook = inspected("Session", 7, false);
        assertTrue(shortLook.startsWith("dev.arclab.lab.Session\n"), shortLook);
        assertTrue(shortLook.contains("The state of one notebook session, shared by magics and by plain Java in cells."),
                shortLook);
        assertFalse(shortLook.contains("Settings:"), "only the first paragraph: " + shortLook);
        String full = inspected("Session", 7, true);
        assertTrue(full.contains("Settings: threads (worker pool size"), "inline tags become their text: " + full);
        assertFalse(full.contains("{@code") || full.contains("<p>"), full);
        // a static method, an instance method through a variable, and a kernel-ext class
        assertTrue(inspected("Grid.of", 6, false).contains("A grid copied from rows, which must all have the same length."),
                inspected("Grid.of", 6, false));
        h.value("var lab = Session.current();");
        String score = inspected("lab.score()", 6, false);
        assertTrue(score.contains("Session.score()")
                && score.contains("Runs the batch of the last generate() on every demo sample of every task."), score);
        String bar = inspected("dev.arclab.magics.ProgressBar", 29, false);
        assertTrue(bar.startsWith("dev.arclab.magics.ProgressBar\nA progress bar that updates in place below the running"
                + " cell"), bar);
        // a JDK class keeps what JShell gives (no ARC Lab javadoc is invented for it)
        assertEquals("java.lang.String", inspected("String", 6, false));
    }

    private static String inspected(String code, int at, boolean detail) {
        return String.valueOf(h.kernel.inspect(code, at, detail).getData(
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
    }

    @Test
    void inspectingAMagicShowsItsHelp() {
        String shown = String.valueOf(h.kernel.inspect("%timings --run 1", 3, false).getData(
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertTrue(shown.startsWith("Usage: %timings") && shown.contains("--chart"), shown);
        shown = String.valueOf(h.kernel.inspect("%%time\n1", 2, false).getData(
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertTrue(shown.startsWith("%%time"), shown);
    }

    private static List<String> completions(String code) {
        return h.kernel.complete(code, code.length()).getReplacements();
    }
}
