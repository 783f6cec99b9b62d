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
        // printed after each iteration; the record's summary holds the last
        Matcher perfect = Pattern.compile("tasks with a demo-perfect program: (\\d+) of 40").matcher(out);
        assertTrue(perfect.find(), out);
        long first = Long.parseLong(perfect.group(1));
        assertTrue(perfect.find(), out);
        assertTrue(Long.parseLong(perfect.group(1)) >= first, out);
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
        assertEquals(2, MainTest.run("run", "--generate-seconds", "-1").code());
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

    @Test
    void outputsAreCheckedBeforeTheWorkAndAbsurdSizesAreRefusedNamingTheOption() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        MainTest.Run r = MainTest.run("run", "--limit", "3", "--threads", "1", "--no-store", "--out", file.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out " + file + " is a file, not a folder"), r.err());
        assertTrue(!r.out().contains("iteration 1"), "refused before the work: " + r.out());

        MainTest.Run threads = MainTest.run("run", "--threads", "100000", "--no-store");
        assertEquals(2, threads.code());
        assertTrue(threads.err().contains("--threads must be in 1..256") && threads.err().contains("100000"), threads.err());
        MainTest.Run mutants = MainTest.run("run", "--mutants", "1000000", "--limit", "5", "--no-store");
        assertEquals(2, mutants.code());
        assertTrue(mutants.err().contains("--mutants must be in 0..1000"), mutants.err());
        // the same caps in every command that takes the pipeline options, and in plain Java
        MainTest.Run solveThreads = MainTest.run("solve", "--solvers", "none.py", "--threads", "100000", "--limit", "1");
        assertEquals(2, solveThreads.code());
        assertTrue(solveThreads.err().contains("--threads must be in 1..256"), solveThreads.err());
        IllegalArgumentException plain = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dev.arclab.pipeline.PipelineConfig.defaults().withMutation(0.1, 1_000_000));
        assertTrue(plain.getMessage().contains("mutants per program must be in 0..1000"), plain.getMessage());
        MainTest.Run iterations = MainTest.run("run", "--iterations", "-1", "--no-store");
        assertTrue(iterations.err().contains("--iterations"), iterations.err());
    }

    @Test
    void outputsAreWrittenWholeAndGoToATemporaryFolderWhenTheirFolderFailsLate() throws Exception {
        Path gone = dir.resolve("gone");
        java.io.StringWriter err = new java.io.StringWriter();
        Path written = RunCommand.writeOutputs(gone, "{\"a\": 1}", "{}", new java.io.PrintWriter(err));
        assertTrue(!written.equals(gone) && Files.readString(written.resolve("run.json")).equals("{\"a\": 1}"), err.toString());
        assertTrue(err.toString().contains("could not write to " + gone) && err.toString().contains(written.toString()),
                err.toString());
        try (var files = Files.list(written)) {
            for (Path f : files.toList()) {
                Files.delete(f); // the fallback is a real temporary folder: leave nothing behind
            }
        }
        Files.delete(written);
        Path ok = RunCommand.writeOutputs(dir, "{}", "{}", new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(dir, ok);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void aSolverFileThatIsNotUtf8OrIsAFolderIsNamedWithTheByteOffset() throws Exception {
        byte[] bytes = "def solve_x(I):\n    O = I\n    return O\n# caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path bad = Files.write(dir.resolve("latin1.py"), bytes);
        int offset = "def solve_x(I):\n    O = I\n    return O\n# caf".length();
        MainTest.Run r = MainTest.run("run", "--limit", "3", "--no-store", "--solvers", bad.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(bad + " is not UTF-8 text: invalid byte 0xE9 at byte offset " + offset), r.err());
        assertTrue(!r.err().contains("\tat "), "no trace: " + r.err());
        MainTest.Run solve = MainTest.run("solve", "--solvers", bad.toString());
        assertEquals(1, solve.code());
        assertTrue(solve.err().contains("byte offset " + offset), solve.err());
        MainTest.Run folder = MainTest.run("run", "--limit", "3", "--no-store", "--solvers", dir.toString());
        assertEquals(1, folder.code());
        assertTrue(folder.err().contains(dir + " is a folder, not a file") && !folder.err().contains("\tat "), folder.err());
    }

    @Test
    void aTaskFilePastTheSizeLimitIsRefusedWithItsSize() throws Exception {
        Path big = dir.resolve("big.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(dev.arclab.task.TextFiles.MAX_BYTES + 1); // sparse: no disk used
        }
        MainTest.Run r = MainTest.run("tasks", big.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("too large: " + (dev.arclab.task.TextFiles.MAX_BYTES + 1) + " bytes, past the limit of 64 MB"),
                r.err());
    }

    @Test
    void solveStrictExitsOneWhenASolverCannotBeParsed() throws Exception {
        Path f = Files.writeString(dir.resolve("s.py"), "def solve_007bbfb7(I):\n    O = (I\n    return O\n");
        MainTest.Run lax = MainTest.run("solve", "--solvers", f.toString(), "--tasks", "lib/src/main/resources/dev/arclab/data/arc-agi-1/training/007bbfb7.json");
        MainTest.Run strict = MainTest.run("solve", "--strict", "--solvers", f.toString());
        assertEquals(1, strict.code(), strict.err());
        assertTrue(strict.err().contains("--strict"), strict.err());
        assertTrue(lax.err().contains("could not be parsed"), lax.err());
    }

    @Test
    void aLenientLoadThatLeavesNoTaskIsAnErrorNamingTheSource() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(folder.resolve("x.json"), "{\"train\": 5}");
        MainTest.Run r = MainTest.run("run", "--tasks", folder.toString(), "--lenient", "--no-store");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("at train: expected a list of demo pairs"), r.err());
        assertTrue(r.err().contains("no tasks in " + folder), r.err());
        assertTrue(!r.out().contains("iteration"), r.out());
    }

    @Test
    void smallerItemsOfIssue15() throws Exception {
        // an empty Kaggle bundle says why it fails
        Path bundle = Files.writeString(dir.resolve("arc-agi_test_challenges.json"), "{}");
        MainTest.Run empty = MainTest.run("tasks", bundle.toString());
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("no tasks in"), empty.err());
        // report on a JSON file that is no run record: what a run record is, not Gson's internals
        Path notRun = Files.writeString(dir.resolve("not-run.json"), "{\"a\": 1}");
        MainTest.Run report = MainTest.run("report", notRun.toString(), "--out", dir.resolve("rep").toString());
        assertEquals(1, report.code());
        assertTrue(report.err().contains("not a run record") && !report.err().contains("constructor"), report.err());
        // colours outside 0..9 and sides past 30 never reach submission.json
        assertTrue(Submission.isValidAttempt(dev.arclab.dsl.Grid.of(new int[][] {{0, 9}})));
        assertTrue(!Submission.isValidAttempt(dev.arclab.dsl.Grid.of(new int[][] {{0, 10}})));
        assertTrue(!Submission.isValidAttempt(dev.arclab.dsl.Grid.of(new int[][] {{-1}})));
        assertTrue(!Submission.isValidAttempt(dev.arclab.dsl.Grid.of(new int[1][31])));
    }
}
