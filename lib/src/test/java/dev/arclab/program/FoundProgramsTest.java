package dev.arclab.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark fixture of programs the enumeration search found (test resource
 * {@code dev/arclab/bench/found-programs.py}): each was demo-perfect on its task when found, so each must still
 * match every demo pair, with the same outcomes and fuel on 1 and 2 threads. They use the primitives searches use
 * most (fill, mfilter, matcher, objects, replace, mapply, ...), in combinations the bundled solvers do not.
 */
class FoundProgramsTest {

    static ParseResult foundPrograms() throws IOException {
        try (InputStream in = FoundProgramsTest.class.getResourceAsStream("/dev/arclab/bench/found-programs.py")) {
            assertTrue(in != null, "the fixture dev/arclab/bench/found-programs.py is missing");
            return new ProgramParser().parse("found-programs.py", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyFoundProgramStillMatchesEveryDemoPairOfItsTask() throws IOException {
        ParseResult parsed = foundPrograms();
        assertEquals(List.of(), parsed.errors());
        Map<String, Program> programs = parsed.byTaskId();
        TaskSet bundled = TaskLoader.bundled();
        List<Task> tasks = new ArrayList<>();
        for (String id : programs.keySet()) {
            tasks.add(bundled.get(id));
        }

        SolverRunResult one = new SolverRun(1).run(programs, tasks);
        SolverRunResult two = new SolverRun(2).run(programs, tasks);
        assertEquals(one.outcomes(), two.outcomes());
        assertEquals(programs.size(), one.outcomes().size());
        for (TaskResult task : one.outcomes()) {
            for (PairResult pair : task.pairs()) {
                if (pair.split() == PairResult.Split.DEMO) {
                    assertEquals(PairResult.Status.MATCH, pair.status(),
                            () -> task.taskId() + " demo " + pair.index() + ": " + pair.message());
                }
            }
        }
    }
}
