package dev.arclab.kaggle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arclab.kernel.ChildRun;
import dev.arclab.dsl.Grid;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.Program;
import dev.arclab.task.Submission;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import dev.arclab.task.TaskWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kaggle package as a user gets it: {@code package-kaggle.sh} makes it from the reactor's built jars, then
 * {@code notebooks/kaggle-python.ipynb} runs through Debian's Python kernel (nbconvert) on a Kaggle-style layout in
 * a temporary folder: the package attached under an arbitrary dataset name without execute bits (as a Kaggle
 * dataset keeps none), a challenges bundle written from bundled tasks, a {@code PATH} with no {@code java} on it
 * and a short budget. Checked: a complete, valid {@code submission.json}, the bundled solvers' tasks predicted,
 * a restarted notebook resuming from the store, and Java cells on the package's kernelspec. Skipped (with a
 * message) only where {@code jlink} or Jupyter is missing.
 */
class KagglePackageIT {
    private static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    /** What the notebook and the launcher call; PATH holds links to these and nothing else (no java). */
    private static final List<String> TOOLS = List.of("python3", "jupyter", "bash", "dirname", "cat", "id", "rm", "mkdir",
            "cp", "chmod", "mv");

    @TempDir
    static Path root;

    private static Path pkg;
    private static String packagingOutput;

    @BeforeAll
    static void buildThePackage() throws Exception {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Assumptions.assumeTrue(Files.isExecutable(jlink) || onPath("jlink"),
                "no jlink (a JRE, not a JDK, runs the tests): skipping the Kaggle package test");
        Assumptions.assumeTrue(Files.isExecutable(JUPYTER),
                "/usr/bin/jupyter is missing: skipping the Kaggle notebook test (apt-get install jupyter-nbconvert"
                        + " python3-nbclient python3-ipykernel)");
        pkg = root.resolve("package");
        ChildRun r = run(List.of("bash", property("arclab.packageScript"), "--no-build", "--out", pkg.toString()),
                Map.of(), Duration.ofMinutes(3));
        assertEquals(0, r.exit(), r.output());
        packagingOutput = r.output();
        System.out.println(r.output().strip());
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }

    private static String property(String name) {
        return ChildRun.property(name);
    }

    /** Runs a command; {@code env} non-empty replaces the whole environment. */
    private static ChildRun run(List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        return ChildRun.run(command, e -> {
            if (!env.isEmpty()) {
                e.clear();
                e.putAll(env);
            }
        }, root, timeout);
    }

    @Test
    void thePackageHoldsATrimmedRuntimeTheJarsTheLauncherAndTheKernelspecButNoJdkOrSources() throws Exception {
        Path java = pkg.resolve("runtime/bin/java");
        assertTrue(Files.isExecutable(java), "runtime/bin/java");
        for (String absent : List.of("runtime/jmods", "runtime/include", "runtime/man")) {
            assertFalse(Files.exists(pkg.resolve(absent)), absent + " is left out");
        }
        ChildRun modules = run(List.of(java.toString(), "--list-modules"), Map.of(), Duration.ofSeconds(30));
        assertEquals(0, modules.exit(), modules.output());
        for (String needed : List.of("java.base@", "java.desktop@", "java.sql@", "jdk.jshell@", "jdk.unsupported@")) {
            assertTrue(modules.output().contains(needed), needed + " in\n" + modules.output());
        }
        // java.net.http (the Maven Resolver behind %maven) and java.scripting (Hazelcast) are needed now
        for (String unused : List.of("jdk.httpserver@", "jdk.localedata@", "java.smartcardio@", "jdk.crypto.cryptoki@")) {
            assertFalse(modules.output().contains(unused), "trimmed: no " + unused + " in\n" + modules.output());
        }
        assertTrue(Files.isRegularFile(pkg.resolve("jars/arclab.jar")));
        assertTrue(Files.isRegularFile(pkg.resolve("jars/arclab-kernel.jar")));
        assertTrue(Files.isRegularFile(pkg.resolve("kaggle-python.ipynb")));
        try (Stream<Path> all = Files.walk(pkg)) {
            List<Path> sources = all.filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".java") || n.endsWith("-sources.jar") || n.equals("src.zip");
            }).toList();
            assertEquals(List.of(), sources, "no sources in the package");
        }
        List<String> readme = Files.readAllLines(pkg.resolve("README.md"));
        assertEquals(3, readme.size(), String.join("\n", readme));
        JsonObject spec = JsonParser.parseString(Files.readString(pkg.resolve("share/jupyter/kernels/arclab/kernel.json")))
                .getAsJsonObject();
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        assertEquals(List.of("kernel", "{connection_file}"), argv.subList(argv.size() - 2, argv.size()));
        assertTrue(packagingOutput.contains("modules: "), packagingOutput);
    }

    @Test
    void theScriptRefusesToReplaceAFolderThatIsNotAPackage() throws Exception {
        Path folder = Files.createDirectories(root.resolve("someone-elses"));
        Path precious = Files.writeString(folder.resolve("notes.txt"), "keep me");
        ChildRun r = run(List.of("bash", property("arclab.packageScript"), "--no-build", "--out", folder.toString()),
                Map.of(), Duration.ofMinutes(1));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains(folder + " exists and is not an ARC Lab package"), r.output());
        assertEquals("keep me", Files.readString(precious));
    }

    /**
     * A Kaggle-like machine: input/ATTACHED holds the package without execute bits, input/arc-prize-2025 the
     * challenges, working/ is empty, and PATH has no java.
     */
    private record Kaggle(Path input, Path working, Path bin, Path tmp, TaskSet tasks, List<String> solverTasks) {
        Map<String, String> env(String budget, String args) {
            Map<String, String> env = new TreeMap<>();
            env.put("PATH", bin.toString());
            env.put("HOME", tmp.resolve("home").toString());
            env.put("TMPDIR", tmp.toString());
            env.put("KAGGLE_INPUT", input.toString());
            env.put("KAGGLE_WORKING", working.toString());
            env.put("ARCLAB_BUDGET", budget);
            env.put("ARCLAB_ARGS", args);
            env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            return env;
        }
    }

    private static Kaggle kaggleLayout(Path dir) throws IOException {
        Path input = dir.resolve("input");
        Path attached = input.resolve("someones-arclab-upload/arclab-offline");
        copyWithoutExecuteBits(pkg, attached);
        // a few solvable tasks (the bundled solvers'), two others, and one with more than one test input
        TaskSet bundled = TaskLoader.bundled();
        Set<String> ids = new LinkedHashSet<>();
        List<String> solverTasks = BundledSolvers.parse().programs().stream().map(Program::taskId).sorted().limit(4).toList();
        ids.addAll(solverTasks);
        bundled.tasks().stream().map(Task::id).filter(id -> !ids.contains(id)).limit(2).forEach(ids::add);
        bundled.tasks().stream().filter(t -> t.test().size() > 1 && !ids.contains(t.id())).findFirst()
                .ifPresent(t -> ids.add(t.id()));
        TaskSet tasks = bundled.filter(t -> ids.contains(t.id()));
        TaskWriter.writeKaggle(tasks.withoutTestOutputs(), input.resolve("arc-prize-2025"), "test");
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        for (String tool : TOOLS) {
            Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + tool + " in /usr/bin or /bin"));
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(tmp.resolve("home"));
        Path working = Files.createDirectories(dir.resolve("working"));
        return new Kaggle(input, working, bin, tmp, tasks, solverTasks);
    }

    private static void copyWithoutExecuteBits(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path f : all.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    private static ChildRun runNotebook(Kaggle k, Path executed, String budget, String args) throws Exception {
        Path notebook = Path.of(property("arclab.notebooks"), "kaggle-python.ipynb");
        return run(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=python3", "--ExecutePreprocessor.timeout=120",
                notebook.toString(), "--output", executed.toString()), k.env(budget, args), Duration.ofMinutes(3));
    }

    /** The text of every output of the executed notebook; fails on an error output. */
    private static String outputs(Path executed) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
        StringBuilder sb = new StringBuilder();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject out = o.getAsJsonObject();
                assertFalse(out.get("output_type").getAsString().equals("error"), "error output: " + out);
                JsonElement text = out.get("text");
                if (text != null) {
                    text.getAsJsonArray().forEach(t -> sb.append(t.getAsString()));
                }
            }
        }
        return sb.toString();
    }

    /** Every task and test input of the challenges, two grids of 1..30 rows of 1..30 colours 0..9 each. */
    private static Submission assertValidKaggleSubmission(Path file, TaskSet tasks) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(tasks.tasks().stream().map(Task::id).sorted().toList(), json.keySet().stream().sorted().toList());
        for (Task t : tasks) {
            JsonArray entries = json.getAsJsonArray(t.id());
            assertEquals(t.test().size(), entries.size(), t.id());
            for (JsonElement e : entries) {
                JsonObject attempts = e.getAsJsonObject();
                assertEquals(Set.of("attempt_1", "attempt_2"), attempts.keySet(), t.id());
                for (String a : attempts.keySet()) {
                    JsonArray rows = attempts.getAsJsonArray(a);
                    assertTrue(rows.size() >= 1 && rows.size() <= 30, t.id() + " " + a);
                    int cols = rows.get(0).getAsJsonArray().size();
                    assertTrue(cols >= 1 && cols <= 30, t.id() + " " + a);
                    for (JsonElement row : rows) {
                        assertEquals(cols, row.getAsJsonArray().size(), t.id() + " " + a + ": rows of one length");
                        row.getAsJsonArray().forEach(v -> assertTrue(v.getAsInt() >= 0 && v.getAsInt() <= 9, t.id()));
                    }
                }
            }
        }
        return Submission.read(file);
    }

    @Test
    void theNotebookWritesACompleteSubmissionWithNoJavaOnPathAndARestartResumesFromTheStore() throws Exception {
        Kaggle k = kaggleLayout(root.resolve("kaggle"));
        ChildRun first = runNotebook(k, root.resolve("first.ipynb"), "4s", "--threads 2");
        assertEquals(0, first.exit(), first.output());
        String out = outputs(root.resolve("first.ipynb"));
        assertTrue(out.contains("package:    " + k.input().resolve("someones-arclab-upload/arclab-offline")), out);
        assertTrue(out.contains("--budget 4s") && out.contains("--threads 2"), "ARCLAB_BUDGET and ARCLAB_ARGS reach the run\n" + out);
        assertTrue(out.contains(", 2 threads,"), out);
        assertTrue(out.contains("iteration 1"), out);
        assertTrue(Pattern.compile("budget 4\\.000s: \\d+ iterations?, spent").matcher(out).find(), out);
        assertTrue(out.contains("arclab run exited with 0"), out);
        assertTrue(Files.isExecutable(k.tmp().resolve("arclab-runtime-" + uid() + "/bin/java")),
                "the runtime without execute bits was run from a copy in TMPDIR");

        Submission s = assertValidKaggleSubmission(k.working().resolve("submission.json"), k.tasks());
        for (String id : k.solverTasks()) {
            Task t = k.tasks().get(id);
            for (int i = 0; i < t.test().size(); i++) {
                Grid expected = t.test().get(i).output();
                Submission.Attempts a = s.get(id, i);
                assertTrue(a.attempt1().equals(expected) || a.attempt2().equals(expected),
                        "task " + id + " test " + i + " is solved by its bundled solver");
            }
        }
        Matcher summary = Pattern.compile("submission.json: (\\d+) tasks, (\\d+) test inputs: (\\d+) guessed by the search, "
                + "(\\d+) fallback guesses").matcher(out);
        assertTrue(summary.find(), out);
        assertEquals(k.tasks().size(), Integer.parseInt(summary.group(1)));
        assertTrue(Integer.parseInt(summary.group(3)) >= k.solverTasks().size(), out);
        assertTrue(Files.isRegularFile(k.working().resolve("arclab-store/cache.db")), "the store is in the working folder");

        ChildRun second = runNotebook(k, root.resolve("second.ipynb"), "2s", "");
        assertEquals(0, second.exit(), second.output());
        String again = outputs(root.resolve("second.ipynb"));
        Matcher restored = Pattern.compile("(\\d+) programs restored from the store").matcher(again);
        assertTrue(restored.find() && Integer.parseInt(restored.group(1)) >= k.solverTasks().size(),
                "a restarted notebook continues from the library in the store\n" + again);
        assertValidKaggleSubmission(k.working().resolve("submission.json"), k.tasks());
    }

    @Test
    void javaCellsRunOnThePackagedKernelspecWithNoJavaOnPath() throws Exception {
        Kaggle k = kaggleLayout(root.resolve("java-cells"));
        Path attached = k.input().resolve("someones-arclab-upload/arclab-offline");
        Map<String, String> env = k.env("1s", "");
        env.put("JUPYTER_PATH", attached.resolve("share/jupyter").toString());
        env.put("ARCLAB_HOME", k.tmp().resolve("arclab-home").toString());
        Path executed = root.resolve("smoke.ipynb");
        ChildRun r = run(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=arclab", "--ExecutePreprocessor.timeout=120",
                "--ExecutePreprocessor.startup_timeout=120", Path.of(property("arclab.notebooks"), "smoke.ipynb").toString(),
                "--output", executed.toString()), env, Duration.ofMinutes(3));
        assertEquals(0, r.exit(), r.output());
        String nb = Files.readString(executed);
        String out = outputs(executed);
        assertTrue(out.contains("hello from java"), out);
        assertTrue(nb.contains("\"image/png\""), "an AWT image renders as PNG on the trimmed runtime");
    }

    private static String uid() throws Exception {
        ChildRun r = run(List.of("id", "-u"), Map.of(), Duration.ofSeconds(10));
        return r.output().strip();
    }
}
