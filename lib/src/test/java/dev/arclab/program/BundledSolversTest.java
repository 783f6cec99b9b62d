package dev.arclab.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The project's own solvers (resources/dev/arclab/solvers/solvers.py) on the ARC-AGI-1 training
 * tasks in shared/data: every solver whose primitives are implemented must solve its task, with
 * the same results on 1 and 2 threads. Tasks are read here with a minimal reader, so the test does
 * not depend on the task loaders.
 */
class BundledSolversTest {

    /**
     * The training tasks: bundled as resources when the task data is on the classpath, else under
     * $ARCLAB_SHARED or the arclab.shared property (set by the build to the shared folder).
     */
    private static Path trainingDir() {
        java.net.URL bundled = BundledSolversTest.class.getResource("/dev/arclab/data/arc-agi-1/training/007bbfb7.json");
        if (bundled != null && "file".equals(bundled.getProtocol())) {
            try {
                return Path.of(bundled.toURI()).getParent();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        String env = System.getenv("ARCLAB_SHARED");
        String shared = env != null ? env : System.getProperty("arclab.shared", "../../shared");
        return Path.of(shared, "data", "arc-agi-1", "training");
    }

    static Task readTask(Path file) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        String id = file.getFileName().toString().replace(".json", "");
        return new Task(id, examples(o.getAsJsonArray("train")), examples(o.getAsJsonArray("test")));
    }

    private static List<Example> examples(JsonArray a) {
        List<Example> out = new ArrayList<>();
        for (JsonElement e : a) {
            JsonObject pair = e.getAsJsonObject();
            out.add(new Example(grid(pair.getAsJsonArray("input")),
                    pair.has("output") ? grid(pair.getAsJsonArray("output")) : null));
        }
        return out;
    }

    private static Grid grid(JsonArray rows) {
        int[][] cells = new int[rows.size()][];
        for (int i = 0; i < cells.length; i++) {
            JsonArray row = rows.get(i).getAsJsonArray();
            cells[i] = new int[row.size()];
            for (int j = 0; j < cells[i].length; j++) {
                cells[i][j] = row.get(j).getAsInt();
            }
        }
        return Grid.of(cells);
    }

    @Test
    void everyRunnableBundledSolverSolvesItsTask() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/dev/arclab/solvers/solvers.py")) {
            assumeTrue(in != null, "no bundled solvers on this branch");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assumeTrue(Files.isDirectory(trainingDir()), "no training data at " + trainingDir());
        ParseResult parsed = new ProgramParser().parse("solvers.py", text);
        Map<String, Program> solvers = parsed.byTaskId();
        assumeTrue(!solvers.isEmpty(), "no bundled solver is runnable yet");
        List<Task> tasks = new ArrayList<>();
        for (String id : solvers.keySet()) {
            tasks.add(readTask(trainingDir().resolve(id + ".json")));
        }
        tasks.add(readTask(trainingDir().resolve("007bbfb7.json"))); // a task without a bundled solver

        SolverRunResult one = new SolverRun(1).run(solvers, tasks);
        SolverRunResult two = new SolverRun(2).run(solvers, tasks);
        assertEquals(one.outcomes(), two.outcomes());
        assertEquals(solvers.size() + " out of " + solvers.size() + " tasks solved", one.summaryLine().replaceAll(" \\(.*", ""),
                one::report);
        assertEquals(one.pairsChecked(), one.pairsMatched());
        assertEquals(List.of("007bbfb7"), one.tasksWithoutSolver());
    }

    @Test
    void aHugeUpscaleTimesOutOnFuelInsteadOfExhaustingMemory() {
        assumeTrue(dev.arclab.dsl.Dsl.primitive("upscale") != null);
        Program p = new ProgramParser().parseProgram("""
                def solve_huge(I):
                    x1 = upscale(I, 100000)
                    O = upscale(x1, 100000)
                    return O
                """);
        Grid g = Grid.of(new int[][] {{1, 2}, {3, 4}});
        Outcome o = new Interpreter().run(p, g);
        assertInstanceOf(Outcome.Timeout.class, o, o::toString);
        assertTrue(o.fuel() >= Interpreter.DEFAULT_FUEL);
    }
}
