package dev.arclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.profile.RunRecord;
import dev.arclab.profile.RunRecords;
import dev.arclab.task.Submission;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import dev.arclab.task.TaskWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void runPrintsAPhaseTablePerIterationAndTheSummaryLinesAndWritesItsRecord() throws Exception {
        MainTest.Run r = MainTest.run("run", "--limit", "40", "--iterations", "2", "--threads", "2", "--seed", "3",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("iteration 1") && out.contains("iteration 2"), out);
        for (String phase : List.of("generate", "score", "filter", "canonicalize", "validate", "save", "differs", "predict")) {
            assertTrue(Pattern.compile("(?m)^" + phase + " +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9.]+").matcher(out).find(), phase + "\n" + out);
        }
        Matcher perfect = Pattern.compile("tasks with a demo-perfect program: (\\d+) of 40").matcher(out);
        assertTrue(perfect.find(), out);
        Matcher predicted = Pattern.compile("test outputs predicted: (\\d+) of (\\d+)").matcher(out);
        assertTrue(predicted.find(), out);
        RunRecord record = RunRecords.read(dir.resolve("run.json"));
        assertEquals(2 * 7 + 1, record.phases().size(), "seven phases per iteration, then predict");
        assertEquals(Long.parseLong(predicted.group(1)), record.summary().get("test outputs predicted"));
        assertEquals(Long.parseLong(perfect.group(1)), record.summary().get("tasks with a demo-perfect program"));
        Submission s = Submission.read(dir.resolve("submission.json"));
        assertEquals(40, s.entries().size());
    }

    @Test
    void runOnAKaggleBundleWithoutSolutionsPrintsNoAccuracyLine() throws Exception {
        TaskSet some = TaskLoader.bundled().filter(t -> t.id().compareTo("1") < 0);
        TaskWriter.KaggleFiles files = TaskWriter.writeKaggle(some.withoutTestOutputs(), dir, "evaluation");
        MainTest.Run r = MainTest.run("run", "--tasks", files.challenges().toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tasks with a demo-perfect program:"), r.out());
        assertTrue(!r.out().contains("test outputs predicted"), r.out());
    }

    @Test
    void badArgumentsExitWith2AndAnUnreadableSolverFileWith1() {
        assertEquals(2, MainTest.run("run", "--mutation", "1.5").code());
        assertEquals(2, MainTest.run("run", "--threads", "0").code());
        MainTest.Run r = MainTest.run("run", "--limit", "5", "--solvers", dir.resolve("missing.py").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("missing.py"), r.err());
    }

    @Test
    void runWithNoIterationsStillPredictsAndWritesItsRecord() throws Exception {
        MainTest.Run r = MainTest.run("run", "--limit", "5", "--iterations", "0", "--threads", "1", "--no-store",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        RunRecord record = RunRecords.read(dir.resolve("run.json"));
        assertEquals(List.of("predict"), record.phases().stream().map(p -> p.phase()).toList());
        assertEquals(0, record.config().iterations());
        assertEquals(5, record.config().tasks());
    }

    @Test
    void pipelineOptionsAreCheckedAndNamedTheSameInEveryCommand() {
        MainTest.Run bad = MainTest.run("run", "--limit", "5", "--no-store", "--strategy", "mutate,nosuch");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--strategy: no strategy 'nosuch'"), bad.err());
        assertEquals(2, MainTest.run("run", "--keep", "0").code());
        assertEquals(2, MainTest.run("bench-cache", "--repeats", "1").code(), "the one name is --repeat");
        assertEquals(2, MainTest.run("solve", "--solvers", "x.py", "--limit", "0").code());
        MainTest.Run ok = MainTest.run("run", "--limit", "3", "--no-store", "--threads", "1", "--strategy", "mutate",
                "--keep", "2", "--fuel", "100000", "--lenient");
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void benchPrintsMinMedianMaxPerPhaseAndTheSpeedup() {
        MainTest.Run r = MainTest.run("bench", "--limit", "4", "--repeat", "2", "--warmup", "0", "--threads", "1,2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("threads 1") && r.out().contains("threads 2"), r.out());
        assertTrue(Pattern.compile("(?m)^iteration +[0-9.]+ +[0-9.]+ +[0-9.]+").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("speedup 1 -> 2 threads"), r.out());
        assertTrue(Files.notExists(dir.resolve("run.json")));
    }
}
