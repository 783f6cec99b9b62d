package dev.arclab.task;

import static dev.arclab.task.Fixtures.GOOD;
import static dev.arclab.task.Fixtures.failsWith;
import static dev.arclab.task.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gets its own message naming the file, the task and the JSON path. */
class TaskLoaderErrorsTest {
    @TempDir
    Path dir;

    private LoadProblem only(TaskLoadException e) {
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    private static String withTrainOutput(String output) {
        return "{\"train\": [{\"input\": [[1]], \"output\": [[1]]}, {\"input\": [[1,2],[3,4]], \"output\": "
                + output + "}], \"test\": [{\"input\": [[1]]}]}";
    }

    @Test
    void notJson() {
        Path f = write(dir, "t1.json", "{\"train\": [{\"input\": [[1,2],[3 4]]}]");
        LoadProblem p = only(failsWith(f, f.toString(), "task t1", "not JSON", "line 1", "at train[0].input[1]"));
        assertEquals(f.toString(), p.file());
        assertEquals("t1", p.taskId());
        assertEquals("train[0].input[1][1]", p.path());
    }

    @Test
    void truncatedAndEmptyFilesAreNotJson() {
        Path empty = write(dir, "empty.json", "");
        failsWith(empty, "empty.json", "task empty", "not JSON");
        Path trailing = write(dir, "trail.json", GOOD + " {}");
        failsWith(trailing, "trail.json", "task trail", "not JSON", "more text");
    }

    @Test
    void duplicateKey() {
        Path f = write(dir, "dup.json", "{\"train\": [], \"train\": []}");
        failsWith(f, "dup.json", "task dup", "duplicate key \"train\"");
    }

    @Test
    void missingTrain() {
        Path f = write(dir, "t2.json", "{\"test\": [{\"input\": [[1]]}]}");
        LoadProblem p = only(failsWith(f, f.toString(), "task t2", "at train", "missing"));
        assertEquals("train", p.path());
    }

    @Test
    void missingTest() {
        Path f = write(dir, "t3.json", "{\"train\": [{\"input\": [[1]], \"output\": [[1]]}]}");
        LoadProblem p = only(failsWith(f, f.toString(), "task t3", "at test", "missing"));
        assertEquals("test", p.path());
    }

    @Test
    void missingOutputOfADemoPair() {
        Path f = write(dir, "t4.json", "{\"train\": [{\"input\": [[1]]}], \"test\": [{\"input\": [[1]]}]}");
        failsWith(f, "task t4", "at train[0].output", "missing");
    }

    @Test
    void wrongTypes() {
        Path f = write(dir, "t5.json", "{\"train\": {}, \"test\": [[1]]}");
        TaskLoadException e = failsWith(f, "task t5", "at train: expected a list of demo pairs, found an object",
                "at test[0]: expected a pair");
        assertEquals(2, e.problems().size());
        Path arr = write(dir, "t6.json", "[1, 2]");
        failsWith(arr, "task t6", "expected a task");
    }

    @Test
    void raggedGrid() {
        Path f = write(dir, "rag.json", withTrainOutput("[[1,2],[3],[4,5]]"));
        LoadProblem p = only(failsWith(f, f.toString(), "task rag", "at train[1].output[1]", "ragged grid",
                "row 1 has 1 cells, row 0 has 2"));
        assertEquals("train[1].output[1]", p.path());
    }

    @Test
    void emptyGrid() {
        Path f = write(dir, "eg.json", withTrainOutput("[]"));
        failsWith(f, f.toString(), "task eg", "at train[1].output:", "empty grid");
    }

    @Test
    void emptyRow() {
        Path f = write(dir, "er.json", withTrainOutput("[[1],[]]"));
        failsWith(f, f.toString(), "task er", "at train[1].output[1]", "empty row");
    }

    @Test
    void colourOutsideRange() {
        Path f = write(dir, "col.json", withTrainOutput("[[1,2],[3,12]]"));
        LoadProblem p = only(failsWith(f, f.toString(), "task col", "at train[1].output[1][1]", "colour 12 outside 0..9"));
        assertEquals("train[1].output[1][1]", p.path());
        Path neg = write(dir, "neg.json", withTrainOutput("[[-1]]"));
        failsWith(neg, "task neg", "at train[1].output[0][0]", "colour -1 outside 0..9");
    }

    @Test
    void sideOver30() {
        String row = "[" + "0,".repeat(30) + "0]";
        Path wide = write(dir, "wide.json", withTrainOutput("[" + row + "]"));
        failsWith(wide, wide.toString(), "task wide", "at train[1].output:", "1x31", "over 30");
        String tall = "[" + "[0],".repeat(30) + "[0]]";
        Path t = write(dir, "tall.json", withTrainOutput(tall));
        failsWith(t, "task tall", "at train[1].output:", "31x1", "over 30");
    }

    @Test
    void nonIntegerCell() {
        for (String cell : new String[] {"1.5", "\"3\"", "null", "true", "1e0", "2.0", "99999999999"}) {
            Path f = write(dir, "ni.json", withTrainOutput("[[1," + cell + "]]"));
            failsWith(f, f.toString(), "task ni", "at train[1].output[0][1]", "non-integer cell");
        }
    }

    @Test
    void allBadGridsOfATaskAreListed() {
        String json = "{\"train\": [{\"input\": [[1,10]], \"output\": []}], \"test\": [{\"input\": [[1],[2,3]]}]}";
        Path f = write(dir, "many.json", json);
        TaskLoadException e = failsWith(f, "3 problems", "train[0].input[0][1]", "train[0].output", "test[0].input[1]");
        assertEquals(3, e.problems().size());
    }

    @Test
    void invalidFileNameAsTaskId() {
        Path f = write(dir, "bad id.json", GOOD);
        LoadProblem p = only(failsWith(f, "bad id.json", "not a valid task id"));
        assertNull(p.taskId());
    }

    @Test
    void kaggleBundleProblemsNameTheTaskAndPath() {
        Path c = write(dir, "arc-agi_x_challenges.json", "{\"aaa\": " + GOOD + ", \"bbb\": "
                + withTrainOutput("[[1,2],[3,11]]") + "}");
        LoadProblem p = only(failsWith(c, c.toString(), "task bbb", "at bbb.train[1].output[1][1]", "colour 11"));
        assertEquals("bbb", p.taskId());
    }

    @Test
    void solutionsCountMismatch() {
        Path c = write(dir, "arc-agi_y_challenges.json", "{\"aaa\": " + GOOD + "}");
        Path s = write(dir, "arc-agi_y_solutions.json", "{\"aaa\": [[[5,5]], [[6]]]}");
        LoadProblem p = only(failsWith(c, s.toString(), "task aaa", "at aaa:",
                "2 output grid(s) for 1 test input(s) in arc-agi_y_challenges.json"));
        assertEquals(s.toString(), p.file());
        assertEquals("aaa", p.path());
    }

    @Test
    void solutionsBadGridAndUnknownAndMissingTasks() {
        Path c = write(dir, "arc-agi_z_challenges.json", "{\"aaa\": " + GOOD + ", \"bbb\": " + GOOD + "}");
        write(dir, "arc-agi_z_solutions.json", "{\"aaa\": [[[5,12]]], \"ccc\": [[[1]]]}");
        TaskLoadException e = failsWith(c, "task aaa: at aaa[0][0][1]: colour 12", "task bbb: at bbb: missing",
                "task ccc: at ccc: no such task");
        assertEquals(3, e.problems().size());
    }

    @Test
    void solutionsFileIsNotAcceptedInPlaceOfChallenges() {
        Path s = write(dir, "arc-agi_w_solutions.json", "{\"aaa\": [[[1]]]}");
        failsWith(s, "solutions file", "arc-agi_w_challenges.json");
    }

    @Test
    void missingPathAndEmptyFolder() {
        failsWith(dir.resolve("nope"), "no such file or folder", "nope");
        Path empty = dir.resolve("empty");
        write(empty.resolve("sub"), "README.txt", "hi");
        failsWith(empty, "no task files", "subfolders: sub");
    }

    @Test
    void parseTaskFromString() {
        Task t = TaskLoader.parseTask("abc", GOOD);
        assertEquals(2, t.demo().size());
        TaskLoadException e = assertThrows(TaskLoadException.class, () -> TaskLoader.parseTask("abc", "{"));
        assertTrue(e.getMessage().contains("<string>: task abc"), e.getMessage());
        assertEquals(List.of(2, 2), List.of(t.demo().get(0).input().rows(), t.demo().get(0).input().cols()));
    }

    @Test
    void danglingAndLoopingLinksAreReportedNotSkipped() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("set"));
        write(folder, "good.json", GOOD);
        java.nio.file.Files.createSymbolicLink(folder.resolve("dangling.json"), folder.resolve("nowhere.json"));
        java.nio.file.Files.createSymbolicLink(folder.resolve("loop.json"), folder.resolve("loop.json"));
        TaskLoadException e = failsWith(folder, "dangling.json", "no such file", "symbolic link", "loop.json");
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheByteOffset() {
        Path f = dir.resolve("latin.json");
        try {
            java.nio.file.Files.write(f, new byte[] {'{', ' ', (byte) 0xE9, '}'});
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        failsWith(f, "latin.json", "not UTF-8", "invalid byte 0xE9 at byte offset 2");
    }
}
