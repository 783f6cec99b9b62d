package dev.arclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs Main's picocli command line in this JVM and checks output and exit codes. */
class MainTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String BUNDLED_FIGURES = String.join("\n",
            "tasks:                     400",
            "demo pairs:                1302",
            "test inputs:               416",
            "tasks with >1 test input:  14",
            "known test outputs:        416",
            "grid sides:                1..30",
            "");

    @Test
    void helpListsTheCommands() {
        Run r = run("--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: arclab"), r.out());
        assertTrue(r.out().contains("Commands:"), r.out());
        assertTrue(r.out().contains("\n  tasks "), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
        Run sub = run("help", "tasks");
        assertEquals(0, sub.code());
        assertTrue(sub.out().contains("Usage: arclab tasks"), sub.out());
    }

    @Test
    void tasksOnTheBundledSet() {
        Run r = run("tasks");
        assertEquals(0, r.code(), r.err());
        assertEquals("source:                    " + TaskLoader.BUNDLED_SOURCE + "\n" + BUNDLED_FIGURES,
                r.out().replace(System.lineSeparator(), "\n"));
        assertEquals("", r.err());
    }

    @Test
    void tasksOnAKaggleBundleMadeFromTheBundledSet() {
        TaskWriter.KaggleFiles files = TaskWriter.writeKaggle(TaskLoader.bundled(), dir, "training");
        Run r = run("tasks", files.challenges().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("source:                    " + files.challenges() + "\n" + BUNDLED_FIGURES,
                r.out().replace(System.lineSeparator(), "\n"));
        Run folder = run("tasks", dir.toString());
        assertEquals(0, folder.code(), folder.err());
        assertTrue(folder.out().endsWith(BUNDLED_FIGURES), folder.out());
    }

    @Test
    void tasksWithoutSolutionsHasNoKnownOutputs() throws IOException {
        TaskWriter.KaggleFiles files = TaskWriter.writeKaggle(TaskLoader.bundled(), dir, "training");
        Files.delete(files.solutions());
        Run r = run("tasks", files.challenges().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("known test outputs:        0\n"), r.out());
        assertTrue(r.out().contains("test inputs:               416\n"), r.out());
    }

    @Test
    void listPrintsOneLinePerTask() {
        Run r = run("tasks", "--list");
        assertEquals(0, r.code(), r.err());
        assertEquals(7 + 1 + 1 + 400, r.out().split("\n").length);
        assertTrue(r.out().contains("\n007bbfb7         5     1     9  2ea59b44f120a07d\n"), r.out());
    }

    @Test
    void badArgumentsExitWith2() {
        assertEquals(2, run().code());
        assertEquals(2, run("--bogus").code());
        assertEquals(2, run("nosuchcommand").code());
        Run r = run("tasks", "a", "b");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Usage: arclab tasks"), r.err());
    }

    @Test
    void unreadableInputExitsWith1AndSaysWhere() throws IOException {
        Run missing = run("tasks", dir.resolve("nope").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file or folder"), missing.err());

        Path f = dir.resolve("t1.json");
        Files.writeString(f, "{\"train\": [{\"input\": [[1]], \"output\": [[1, 10]]}], \"test\": [{\"input\": [[1]]}]}");
        Run bad = run("tasks", f.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains(f + ": task t1: at train[0].output[0][1]: colour 10 outside 0..9"), bad.err());
        assertEquals("", bad.out());
    }

    @Test
    void lenientLoadsTheGoodTasksAndListsTheBadOnes() throws IOException {
        Path good = dir.resolve("good.json");
        TaskWriter.write(TaskLoader.bundled().get("007bbfb7"), good);
        Files.writeString(dir.resolve("bad.json"), "{\"train\": [");
        Run strict = run("tasks", dir.toString());
        assertEquals(1, strict.code());
        assertTrue(strict.err().contains("bad.json: task bad"), strict.err());
        Run lenient = run("tasks", "--lenient", dir.toString());
        assertEquals(0, lenient.code(), lenient.err());
        assertTrue(lenient.out().contains("tasks:                     1\n"), lenient.out());
        assertTrue(lenient.err().contains("1 problem in " + dir), lenient.err());
        assertTrue(lenient.err().contains("bad.json: task bad: at train"), lenient.err());
        assertTrue(lenient.err().contains("not JSON"), lenient.err());
    }
}
