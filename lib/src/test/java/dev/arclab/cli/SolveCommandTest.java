package dev.arclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SolveCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<Path> asked = new ArrayList<>();

    private static Task identityTask(String id) {
        Grid g = Grid.of(new int[][] {{1, 2}, {3, 4}});
        return new Task(id, List.of(new Example(g, g)), List.of(new Example(g, g)));
    }

    private int run(Function<Path, List<Task>> loader, String... args) {
        CommandLine cl = new CommandLine(new SolveCommand(p -> {
            asked.add(p);
            return loader.apply(p);
        }));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path solvers() throws IOException {
        Path f = dir.resolve("solvers.py");
        Files.writeString(f, """
                def solve_aaa(I):
                    O = power(I, ONE)
                    return O

                def solve_bbb(I):
                    O = power(I, ZERO)
                    return O

                def solve_ccc(I):
                    O = nope(I)
                    return O
                """);
        return f;
    }

    @Test
    void printsTheReportEndingWithTheSummaryAndExitsZero() throws IOException {
        Path json = dir.resolve("out.json");
        int code = run(p -> List.of(identityTask("aaa"), identityTask("bbb"), identityTask("ddd")),
                "--solvers", solvers().toString(), "--tasks", dir.toString(), "--threads", "2", "--json", json.toString(),
                "--fuel", "1000");
        assertEquals(0, code, err::toString);
        List<String> lines = out.toString().lines().toList();
        assertEquals("1 out of 2 tasks solved (2 of 4 pairs)", lines.get(lines.size() - 1));
        assertTrue(lines.get(0).startsWith("bbb error"), lines.get(0));
        assertTrue(err.toString().contains("solvers.py:10:9: unknown name 'nope'"), err.toString());
        assertEquals(List.of(dir), asked);
        assertEquals(1000, JsonParser.parseString(Files.readString(json)).getAsJsonObject().get("fuelBudget").getAsLong());
    }

    @Test
    void withoutTasksTheLoaderIsAskedForItsDefault() throws IOException {
        assertEquals(0, run(p -> List.of(identityTask("aaa")), "--solvers", solvers().toString()));
        assertEquals(1, asked.size());
        assertNull(asked.get(0));
    }

    @Test
    void repeatPrintsTimingsBeforeTheReport() throws IOException {
        assertEquals(0, run(p -> List.of(identityTask("aaa")), "--solvers", solvers().toString(), "--repeat", "3"));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("wall time over 2 runs after 1 warm-up: min "), lines.get(0));
        assertEquals("1 out of 1 tasks solved (2 of 2 pairs)", lines.get(lines.size() - 1));
    }

    @Test
    void warmupRunsComeBeforeTheTimedRuns() throws IOException {
        assertEquals(0, run(p -> List.of(identityTask("aaa")), "--solvers", solvers().toString(), "--repeat", "3",
                "--warmup", "4"));
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("wall time over 3 runs after 4 warm-ups: min "), lines.get(0));
        assertEquals("1 out of 1 tasks solved (2 of 2 pairs)", lines.get(lines.size() - 1));
    }

    @Test
    void badArgumentsExitTwo() throws IOException {
        String s = solvers().toString();
        assertEquals(2, run(p -> List.of(), "--tasks", "x"));
        assertEquals(2, run(p -> List.of(), "--solvers", s, "--threads", "0"));
        assertEquals(2, run(p -> List.of(), "--solvers", s, "--warmup", "-1"));
        assertEquals(2, run(p -> List.of(), "--solvers", s, "--repeat", "0"));
        assertEquals(2, run(p -> List.of(), "--solvers", s, "--fuel", "-5"));
        assertEquals(2, run(p -> List.of(), "--solvers", s, "--threads", "many"));
        assertEquals(2, run(p -> List.of(), "--solvers", s, "--bogus"));
    }

    @Test
    void unreadableInputExitsOne() throws IOException {
        assertEquals(1, run(p -> List.of(), "--solvers", dir.resolve("missing.py").toString()));
        assertTrue(err.toString().contains("cannot read solver file"), err.toString());
        assertEquals(1, run(p -> {
            throw new UncheckedIOException(new IOException("no such folder"));
        }, "--solvers", solvers().toString(), "--tasks", "nowhere"));
        assertTrue(err.toString().contains("cannot read tasks from nowhere"), err.toString());
        assertEquals(1, run(p -> List.of(identityTask("aaa")), "--solvers", solvers().toString(),
                "--json", dir.resolve("no/such/dir/out.json").toString()));
    }

    @Test
    void theDefaultLoaderReadsTaskFiles() throws IOException {
        Path tasks = Files.createDirectories(dir.resolve("tasks"));
        Files.writeString(tasks.resolve("aaa.json"), """
                {"train": [{"input": [[1, 2]], "output": [[1, 2]]}], "test": [{"input": [[3]], "output": [[3]]}]}
                """);
        CommandLine cl = new CommandLine(new SolveCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute("--solvers", solvers().toString(), "--tasks", tasks.toString()), err::toString);
        List<String> lines = out.toString().lines().toList();
        assertEquals("1 out of 1 tasks solved (2 of 2 pairs)", lines.get(lines.size() - 1));
        assertEquals(1, cl.execute("--solvers", solvers().toString(), "--tasks", dir.resolve("nothing").toString()));
    }
}
