package dev.arclab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arclab.dsl.Grid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing tasks, task sets, Kaggle bundles and submissions, and reading them back equal. */
class TaskWriterTest {
    @TempDir
    Path dir;

    @Test
    void taskJsonRoundTrip() {
        Task t = TaskLoader.bundled().get("007bbfb7");
        Path f = dir.resolve("007bbfb7.json");
        TaskWriter.write(t, f);
        assertEquals(t, TaskLoader.loadTask(f));
        assertEquals(t, TaskLoader.parseTask(t.id(), TaskWriter.toJson(t)));
    }

    @Test
    void taskSetFolderRoundTrip() {
        TaskSet all = TaskLoader.bundled();
        List<Path> files = TaskWriter.writeFolder(all, dir.resolve("out"));
        assertEquals(400, files.size());
        TaskSet back = TaskLoader.load(dir.resolve("out"));
        assertEquals(all, back);
        assertEquals(all.summary(), back.summary());
    }

    @Test
    void unknownTestOutputsRoundTrip() {
        Task t = TaskLoader.bundled().get("007bbfb7").withoutTestOutputs();
        assertEquals(t, TaskLoader.parseTask(t.id(), TaskWriter.toJson(t)));
    }

    @Test
    void kaggleBundleRoundTrip() throws IOException {
        TaskSet all = TaskLoader.bundled();
        TaskWriter.KaggleFiles files = TaskWriter.writeKaggle(all, dir, "training");
        assertEquals(dir.resolve("arc-agi_training_challenges.json"), files.challenges());
        assertEquals(dir.resolve("arc-agi_training_solutions.json"), files.solutions());
        String challenges = Files.readString(files.challenges());
        // the challenges file must not leak test outputs
        JsonObject c = JsonParser.parseString(challenges).getAsJsonObject();
        for (String id : c.keySet()) {
            for (var pair : c.getAsJsonObject(id).getAsJsonArray("test")) {
                assertTrue(!pair.getAsJsonObject().has("output"), id);
            }
        }
        assertEquals(all, TaskLoader.load(files.challenges()));
        assertEquals(all, TaskLoader.load(dir), "the folder holding the bundle loads it too");
        TaskSet withoutOutputs = TaskLoader.loadKaggle(files.challenges(), null, TaskLoader.Mode.STRICT);
        assertEquals(all.withoutTestOutputs(), withoutOutputs);
    }

    @Test
    void kaggleBundleWithoutOutputsHasNoSolutionsFile() {
        TaskSet hidden = TaskLoader.bundled().filter(t -> t.id().startsWith("0")).withoutTestOutputs();
        TaskWriter.KaggleFiles files = TaskWriter.writeKaggle(hidden, dir, "eval");
        assertNull(files.solutions());
        assertEquals(hidden, TaskLoader.load(files.challenges()));
        assertThrows(IllegalArgumentException.class, () -> TaskWriter.writeKaggle(hidden, dir, "../x"));
    }

    @Test
    void submissionHasOneEntryPerTestInputWithTwoAttempts() throws IOException {
        TaskSet tasks = TaskLoader.bundled().filter(t -> t.test().size() > 1 || t.id().equals("007bbfb7"));
        Submission s = Submission.forTasks(tasks);
        Task first = tasks.get("007bbfb7");
        Grid out = first.test().get(0).output();
        s.put("007bbfb7", 0, out, Grid.filled(2, 2, 3));
        Path f = dir.resolve("submission.json");
        s.write(f);

        JsonObject json = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
        assertEquals(tasks.ids(), List.copyOf(json.keySet()));
        for (Task t : tasks) {
            JsonArray entries = json.getAsJsonArray(t.id());
            assertEquals(t.test().size(), entries.size(), t.id());
            for (var e : entries) {
                assertEquals(java.util.Set.of("attempt_1", "attempt_2"), e.getAsJsonObject().keySet());
            }
        }
        JsonObject e0 = json.getAsJsonArray("007bbfb7").get(0).getAsJsonObject();
        assertEquals(TaskWriter.gridJson(out), e0.get("attempt_1").toString());
        assertEquals("[[3,3],[3,3]]", e0.get("attempt_2").toString());
        assertEquals("[[0]]", json.getAsJsonArray(tasks.ids().get(1)).get(0).getAsJsonObject().get("attempt_1").toString());

        Submission back = Submission.read(f);
        assertEquals(s, back);
        assertEquals(out, back.get("007bbfb7", 0).attempt1());
        assertThrows(IllegalArgumentException.class, () -> s.put("007bbfb7", 1, out, out));
        assertThrows(IllegalArgumentException.class, () -> s.put("nope", 0, out, out));
    }
}
