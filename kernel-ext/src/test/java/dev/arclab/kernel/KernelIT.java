package dev.arclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built kernel through Debian's Jupyter: installs the kernelspec into a temporary JUPYTER_DATA_DIR, runs
 * {@code notebooks/smoke.ipynb} and every workflow notebook with nbconvert (no error outputs; the pictures, tables and
 * charts each one should show), drives the kernel with a jupyter_client script (also interrupting a running
 * pipeline), and checks the parent watchdog. ARCLAB_HOME is a temporary folder too. Skipped (with a message) only
 * where /usr/bin/jupyter is missing.
 */
class KernelIT {
    private static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    static Path dataDir;

    private static Path jar;

    @BeforeAll
    static void installKernelspec() throws Exception {
        jar = Path.of(System.getProperty("arclab.kernelJar", "target/arclab-kernel.jar"));
        assertTrue(Files.isRegularFile(jar), "the kernel jar is built before integration tests: " + jar);
        Assumptions.assumeTrue(Files.isExecutable(JUPYTER),
                "/usr/bin/jupyter is missing: skipping the Jupyter end-to-end tests (apt-get install jupyter-notebook"
                        + " jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)");
        ChildRun r = run(List.of("bash", property("arclab.installScript")), Duration.ofMinutes(2));
        assertEquals(0, r.exit(), r.output());
        assertTrue(Files.isRegularFile(dataDir.resolve("kernels/arclab/kernel.json")), r.output());
    }

    private static String property(String name) {
        return ChildRun.property(name);
    }

    private static ChildRun run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return run(command, timeout, Map.of());
    }

    /** Runs a command with the private Jupyter data folder and ARC Lab home, plus {@code extraEnv}. */
    private static ChildRun run(List<String> command, Duration timeout, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        return ChildRun.run(command, env -> {
            env.put("JUPYTER_DATA_DIR", dataDir.toString());
            env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            env.put("ARCLAB_HOME", dataDir.resolve("arclab-home").toString());
            env.putAll(extraEnv);
            env.remove("JPY_PARENT_PID");
        }, dataDir, timeout);
    }

    @Test
    void kernelspecIsInstalledWithAbsolutePathsAndMessageInterrupts() throws IOException {
        JsonObject spec = JsonParser.parseString(Files.readString(dataDir.resolve("kernels/arclab/kernel.json")))
                .getAsJsonObject();
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        assertTrue(Path.of(argv.get(0)).isAbsolute(), argv.toString());
        assertTrue(argv.contains("-Djava.awt.headless=true"), argv.toString());
        // the jar's physical path: the one install.sh makes the AppCDS archive with
        assertTrue(argv.contains(jar.toRealPath().toString()), argv.toString());
        // C2 later than by default (start), the same code once a search runs long enough
        assertTrue(argv.contains("-XX:Tier4InvocationThreshold=50000"), argv.toString());
        assertEquals(List.of("dev.arclab.kernel.Main", "{connection_file}"), argv.subList(argv.size() - 2, argv.size()));
    }

    @Test
    void smokeNotebookRunsWithoutErrorsAndShowsItsOutputs() throws Exception {
        Path notebook = Path.of(property("arclab.notebooks"), "smoke.ipynb");
        assertCommittedWithoutOutputs(notebook);
        Path out = dataDir.resolve("smoke-out.ipynb");
        ChildRun r = run(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=180", "--ExecutePreprocessor.startup_timeout=120",
                notebook.toString(), "--output", out.toString()), Duration.ofMinutes(6));
        assertEquals(0, r.exit(), r.output());

        List<JsonObject> cells = codeCells(out);
        for (JsonObject cell : cells) {
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                assertFalse(o.getAsJsonObject().get("output_type").getAsString().equals("error"),
                        "error output in " + source(cell) + ": " + o);
            }
        }
        assertTrue(text(cells.get(0), "execute_result").startsWith("ARC Lab "), source(cells.get(0)));
        assertTrue(text(cells.get(0), "execute_result").contains("%threads"));
        assertEquals("42", text(cells.get(1), "execute_result"));
        assertEquals("hello from java\n", text(cells.get(2), "stream"));
        assertEquals("2", text(cells.get(3), "execute_result"));
        assertEquals("2x3", text(cells.get(4), "execute_result"));
        String png = data(cells.get(5), "execute_result", "image/png").orElseThrow(
                () -> new AssertionError("no image/png in " + cells.get(5)));
        byte[] bytes = Base64.getDecoder().decode(png.replace("\n", ""));
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
        assertEquals("shown with display", text(cells.get(6), "display_data"));
        assertEquals(1, cells.get(6).getAsJsonArray("outputs").size(), "display(...); shows no result");
        assertEquals(0, cells.get(7).getAsJsonArray("outputs").size(), "a trailing ';' shows no result");
    }

    /** What a notebook must show: the cell whose source starts with {@code cell} has an output of {@code mime}. */
    record Expect(String cell, String mime, String contains) {
        static Expect of(String cell, String mime) {
            return new Expect(cell, mime, null);
        }
    }

    private static final String PNG = "image/png";
    private static final String HTML = "text/html";
    private static final String TEXT = "text/plain";

    static Map<String, List<Expect>> expectations() {
        return Map.of(
                "quickstart", List.of(Expect.of("%arclab", TEXT), new Expect("TaskSet all", HTML, "400 tasks"),
                        Expect.of("%task 007bbfb7", PNG), Expect.of("// The same from Java: a Task", PNG),
                        new Expect("%solvers", HTML, "Solver library"), new Expect("%run", HTML, "Phases of run run-1"),
                        new Expect("%run", HTML, "<progress"), new Expect("%timings", HTML, "<table class=\"arclab\">"),
                        Expect.of("%timings --chart wallbusy", PNG), new Expect("RunRecord run", TEXT, "tasks with a demo-perfect program"),
                        Expect.of("Charts.journey", PNG)),
                "phase-by-phase", List.of(new Expect("%phase generate", HTML, "generate (iteration 1)"),
                        new Expect("%phase score", HTML, "score (iteration 1)"),
                        new Expect("%candidates --limit 3", HTML, "data:image/png;base64,"),
                        new Expect("%phase filter", HTML, "filter (iteration 1)"),
                        new Expect("%phase canonicalize", HTML, "canonicalize (iteration 1)"),
                        new Expect("%phase validate", HTML, "validate (iteration 1)"),
                        new Expect("%phase save", HTML, "save (iteration 1)"),
                        new Expect("%phase differs", HTML, "differs (iteration 1)"),
                        new Expect("%candidates --near-misses", HTML, "data:image/png;base64,"),
                        new Expect("%phase predict", HTML, "predict (iteration 1)"),
                        new Expect("%timings", HTML, "Phases of run phases"), Expect.of("%timings --chart gantt score", PNG),
                        new Expect("%library", HTML, "Solver library")),
                "iterations-and-cache", List.of(new Expect("%iterate 3", HTML, "3 iterations on 40 tasks"),
                        new Expect("%cache", HTML, "hits (from disk)"), Expect.of("%cache --chart", PNG),
                        Expect.of("// The same from Java, for one map", PNG), Expect.of("%timings --chart journey", PNG),
                        new Expect("// Per-iteration wall time", TEXT, "iteration 3: "),
                        new Expect("%runs --stored", HTML, "Runs kept in ")),
                "speedups", List.of(new Expect("%scaling", HTML, "Thread scaling of total"),
                        new Expect("%scaling", HTML, "data:image/png;base64,"), new Expect("%runs", HTML, "two-threads"),
                        new Expect("%compare", HTML, "Runs against baseline one-thread"),
                        new Expect("TaskSet tasks", HTML, "Runs against baseline light"),
                        new Expect("TaskSet tasks", HTML, "data:image/png;base64,"),
                        new Expect("comparison.regressions()", TEXT, "regressions")),
                "search", List.of(new Expect("%library clear", TEXT, "library cleared"),
                        new Expect("%iterate 2", HTML, "2 iterations on 60 tasks"),
                        Expect.of("// Tasks solved over time", PNG),
                        new Expect("// What the search did", TEXT, "iteration 2: "),
                        new Expect("var session = Session.current();", HTML, "data:image/png;base64,"),
                        new Expect("var session = Session.current();", HTML, " produced")),
                "kaggle-submission", List.of(new Expect("String given", TEXT, "arc-agi_training_challenges.json"),
                        new Expect("Session.current().tasks(", HTML, "400 tasks"), Expect.of("%task 1", PNG),
                        new Expect("%iterate 2", HTML, "2 iterations on 400 tasks"),
                        new Expect("%submit", TEXT, "out/submission.json: 400 tasks"),
                        new Expect("var predicted", TEXT, "400 tasks in "), new Expect("%timings --run kaggle", HTML, "kaggle"),
                        Expect.of("var hit", PNG)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "phase-by-phase", "iterations-and-cache", "speedups", "kaggle-submission", "search"})
    void notebookRunsWithoutErrorsAndShowsPicturesTablesAndCharts(String name) throws Exception {
        Path source = Path.of(property("arclab.notebooks"), name + ".ipynb");
        assertCommittedWithoutOutputs(source);
        // Run a copy in a folder of its own: files the notebook writes (out/submission.json) land there.
        Path dir = Files.createDirectories(dataDir.resolve("nb-" + name));
        Path notebook = Files.copy(source, dir.resolve(name + ".ipynb"));
        Path out = dir.resolve(name + "-out.ipynb");
        long started = System.nanoTime();
        ChildRun r = run(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.startup_timeout=120",
                notebook.toString(), "--output", out.toString()), Duration.ofMinutes(8));
        assertEquals(0, r.exit(), r.output());
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s.ipynb ran in %.1f s%n", name, seconds);

        List<JsonObject> cells = codeCells(out);
        for (JsonObject cell : cells) {
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                assertFalse(o.getAsJsonObject().get("output_type").getAsString().equals("error"),
                        name + ": error output in " + source(cell) + ": " + o);
            }
        }
        for (Expect e : expectations().get(name)) {
            JsonObject cell = cells.stream().filter(c -> source(c).startsWith(e.cell())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no cell starting with " + e.cell()));
            List<String> data = allData(cell, e.mime());
            assertFalse(data.isEmpty(), name + ": no " + e.mime() + " output in the cell " + e.cell() + ": "
                    + cell.get("outputs"));
            if (e.contains() != null) {
                assertTrue(data.stream().anyMatch(d -> d.contains(e.contains())), name + ": the " + e.mime()
                        + " output of " + e.cell() + " does not contain " + e.contains() + ": " + data);
            }
            if (e.mime().equals(PNG)) {
                byte[] bytes = Base64.getDecoder().decode(data.get(0).replace("\n", ""));
                assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
            }
        }
        if (name.equals("quickstart")) {
            // The progress bar was updated in place: its one output shows the final state.
            JsonObject run = cells.stream().filter(c -> source(c).startsWith("%run")).findFirst().orElseThrow();
            List<String> bars = allData(run, HTML).stream().filter(d -> d.contains("<progress")).toList();
            assertEquals(1, bars.size(), bars.toString());
            assertTrue(bars.get(0).contains("done in"), bars.get(0));
            long phaseTables = cells.stream().filter(c -> allData(c, HTML).stream()
                    .anyMatch(d -> d.contains("Phases of run"))).count();
            assertEquals(1, phaseTables, "the phase table is shown once");
        }
        if (name.equals("kaggle-submission")) {
            assertTrue(Files.isRegularFile(dir.resolve("out/submission.json")), "%submit out/submission.json wrote nothing");
            assertTrue(Files.isRegularFile(dir.resolve("out/kaggle-bundle/arc-agi_training_challenges.json")),
                    "the bundle is written beside the notebook, not into a new temporary folder");
        }
    }

    @Test
    void theCacheNotebookRunTwiceShowsHitsFromDiskInTheSecondSession() throws Exception {
        Path source = Path.of(property("arclab.notebooks"), "iterations-and-cache.ipynb");
        Path dir = Files.createDirectories(dataDir.resolve("twice"));
        Map<String, String> env = Map.of("ARCLAB_HOME", dir.resolve("home").toString());
        long[] diskHits = new long[2];
        for (int session = 0; session < 2; session++) {
            Path out = dir.resolve("session-" + (session + 1) + ".ipynb");
            ChildRun r = run(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.startup_timeout=120",
                    source.toString(), "--output", out.toString()), Duration.ofMinutes(8), env);
            assertEquals(0, r.exit(), r.output());
            JsonObject cache = codeCells(out).stream().filter(c -> source(c).equals("%cache")).findFirst().orElseThrow();
            diskHits[session] = tableValue(text(cache, "execute_result"), "score", "hits (from disk)");
        }
        assertEquals(0, diskHits[0], "the first session starts with an empty store");
        assertTrue(diskHits[1] > 0, "the second session finds the first one's score results on disk");
        assertTrue(Files.isRegularFile(dir.resolve("home/cache.db")));
    }

    /** A number from a Tablesaw text table: the row whose first cell is {@code row}, the column named {@code column}. */
    private static long tableValue(String text, String row, String column) {
        List<String> lines = List.of(text.split("\n"));
        String header = lines.stream().filter(l -> l.contains(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + column + " in\n" + text));
        List<String> names = List.of(header.split("\\|")).stream().map(String::strip).toList();
        int at = names.indexOf(column);
        for (String l : lines) {
            List<String> cells = List.of(l.split("\\|")).stream().map(String::strip).toList();
            if (!cells.isEmpty() && cells.get(0).equals(row) && cells.size() > at) {
                return Long.parseLong(cells.get(at).replace(",", ""));
            }
        }
        throw new AssertionError("no row " + row + " in\n" + text);
    }

    /** Every output of the cell's display_data and execute_result (and stream, for text/plain) of a MIME type. */
    private static List<String> allData(JsonObject cell, String mime) {
        List<String> out = new ArrayList<>();
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject output = o.getAsJsonObject();
            String type = output.get("output_type").getAsString();
            if (type.equals("stream") && mime.equals(TEXT)) {
                out.add(joined(output.get("text")));
            }
            JsonObject d = output.getAsJsonObject("data");
            if (d != null && d.has(mime)) {
                out.add(joined(d.get(mime)));
            }
        }
        return out;
    }

    private static void assertCommittedWithoutOutputs(Path notebook) throws IOException {
        for (JsonObject cell : codeCells(notebook)) {
            assertEquals(0, cell.getAsJsonArray("outputs").size(), notebook + " is committed with outputs");
            assertTrue(cell.get("execution_count").isJsonNull(), notebook + " is committed with execution counts");
        }
    }

    private static List<JsonObject> codeCells(Path notebook) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            if (e.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                cells.add(e.getAsJsonObject());
            }
        }
        return cells;
    }

    private static String joined(JsonElement e) {
        if (e == null) {
            return null;
        }
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            e.getAsJsonArray().forEach(x -> sb.append(x.getAsString()));
            return sb.toString();
        }
        return e.getAsString();
    }

    private static String source(JsonObject cell) {
        return joined(cell.get("source"));
    }

    private static Optional<String> data(JsonObject cell, String outputType, String mime) {
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if (out.get("output_type").getAsString().equals(outputType)) {
                if (outputType.equals("stream")) {
                    return Optional.ofNullable(joined(out.get("text")));
                }
                JsonObject d = out.getAsJsonObject("data");
                if (d != null && d.has(mime)) {
                    return Optional.of(joined(d.get(mime)));
                }
            }
        }
        return Optional.empty();
    }

    private static String text(JsonObject cell, String outputType) {
        return data(cell, outputType, "text/plain").orElseThrow(
                () -> new AssertionError("no " + outputType + " in cell " + source(cell) + ": " + cell.get("outputs")));
    }

    @Test
    void jupyterClientChecksCompletionInspectionErrorsAndInterrupt() throws Exception {
        ChildRun r = run(List.of(PYTHON.toString(), property("arclab.clientScript"), "arclab"), Duration.ofMinutes(5));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains(" 0 failing"), r.output());
    }

    @Test
    void jupyterClientChecksTheProtocol() throws Exception {
        Path flags = Files.createTempDirectory(dataDir, "flags");
        ChildRun r = run(List.of(PYTHON.toString(), property("arclab.protocolScript"), "arclab", flags.toString()),
                Duration.ofMinutes(5));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains(", 0 failing"), r.output());
    }

    @Test
    void kernelExitsWhenItsParentDies() throws Exception {
        Path connection = dataDir.resolve("connection.json");
        JsonObject c = new JsonObject();
        c.addProperty("ip", "127.0.0.1");
        c.addProperty("transport", "tcp");
        c.addProperty("signature_scheme", "hmac-sha256");
        c.addProperty("key", "watchdog-test");
        for (String port : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) {
            try (ServerSocket s = new ServerSocket(0)) {
                c.addProperty(port, s.getLocalPort());
            }
        }
        Files.writeString(connection, c.toString());
        String java = ProcessHandle.current().info().command().orElse("java");
        // bash starts the kernel in the background, prints its pid and waits: killing bash orphans the kernel.
        Path log = connection.resolveSibling("watchdog-kernel.log");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "\"$0\" -Djava.awt.headless=true -cp \"$1\" dev.arclab.kernel.Main \"$2\" >/dev/null 2>\"$3\" & echo $!; wait",
                java, jar.toString(), connection.toString(), log.toString());
        pb.environment().remove("JPY_PARENT_PID");
        Process parent = pb.start();
        long kernelPid;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            kernelPid = Long.parseLong(in.readLine().trim());
            ProcessHandle kernel = ProcessHandle.of(kernelPid).orElseThrow();
            // the kernel says in its log when its watchdog is watching the parent
            long started = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(Files.exists(log) && Files.readString(log).contains("watching parent process"))) {
                assertTrue(kernel.isAlive() && System.nanoTime() < started, "kernel did not start its watchdog: "
                        + (Files.exists(log) ? Files.readString(log) : "no log"));
                Thread.sleep(20);
            }
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (kernel.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            boolean alive = kernel.isAlive();
            if (alive) {
                kernel.destroyForcibly();
            }
            assertFalse(alive, "kernel " + kernelPid + " still runs 30 s after its parent died");
        }
    }
}
