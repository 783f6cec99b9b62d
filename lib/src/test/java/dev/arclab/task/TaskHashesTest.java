package dev.arclab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arclab.dsl.Grid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content hashes: stable, independent of JSON form, demo hash separate from task hash. */
class TaskHashesTest {
    /**
     * Pinned, and computed independently (Python, from the encoding documented in TaskHashes): caches key
     * on these, so a change of encoding must be deliberate and bump the tag.
     */
    static final String DEMO_007BBFB7 = "2ea59b44f120a07d54b32e240339bb8d0e6db47c7cdff2cf40b04c7ab02fc709";
    static final String TASK_007BBFB7 = "2f2acfcd631745cd5ed7e101eec9e257d471fa5ad7c06d6fec124eaf6986140a";

    @TempDir
    Path dir;

    private static String bundledText(String id) throws IOException {
        try (var in = TaskHashesTest.class.getClassLoader().getResourceAsStream(TaskLoader.BUNDLED_DIR + id + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void knownTaskHashIsStableAcrossLoads() throws IOException {
        Task a = TaskLoader.bundled().get("007bbfb7");
        Path f = Fixtures.write(dir, "007bbfb7.json", bundledText("007bbfb7"));
        Task b = TaskLoader.loadTask(f);
        assertEquals(a.demoHash(), b.demoHash());
        assertEquals(a.contentHash(), b.contentHash());
        assertEquals(DEMO_007BBFB7, a.demoHash());
        assertEquals(TASK_007BBFB7, a.contentHash());
        assertEquals(64, a.demoHash().length());
        assertNotEquals(a.demoHash(), a.contentHash());
    }

    @Test
    void reformattingAndReorderingKeysDoesNotChangeTheHash() throws IOException {
        Task a = TaskLoader.bundled().get("007bbfb7");
        JsonObject orig = JsonParser.parseString(bundledText("007bbfb7")).getAsJsonObject();
        JsonObject reordered = new JsonObject();
        reordered.addProperty("name", "same task, other form");
        reordered.add("test", reversePairs(orig.get("test")));
        reordered.add("train", reversePairs(orig.get("train")));
        String pretty = new GsonBuilder().setPrettyPrinting().create().toJson(reordered);
        Task b = TaskLoader.loadTask(Fixtures.write(dir, "007bbfb7.json", pretty));
        assertEquals(a, b);
        assertEquals(a.demoHash(), b.demoHash());
        assertEquals(a.contentHash(), b.contentHash());
        assertEquals(a.contentHash(), TaskLoader.parseTask("other_id", pretty).contentHash(), "the id is not hashed");
    }

    /** Each pair with its keys in reverse order (output before input); pair order kept. */
    private static JsonElement reversePairs(JsonElement list) {
        var out = new com.google.gson.JsonArray();
        for (JsonElement p : list.getAsJsonArray()) {
            JsonObject o = p.getAsJsonObject();
            JsonObject r = new JsonObject();
            List<String> keys = new ArrayList<>(o.keySet());
            java.util.Collections.reverse(keys);
            keys.forEach(k -> r.add(k, o.get(k)));
            out.add(r);
        }
        return out;
    }

    @Test
    void testOutputChangesTaskHashButNotDemoHash() {
        Task a = TaskLoader.bundled().get("007bbfb7");
        Example t0 = a.test().get(0);
        int[] cells = t0.output().cells().clone();
        cells[0] = (cells[0] + 1) % 10;
        Task b = new Task(a.id(), a.demo(), List.of(new Example(t0.input(), Grid.wrap(t0.output().rows(), t0.output().cols(), cells))));
        assertEquals(a.demoHash(), b.demoHash());
        assertNotEquals(a.contentHash(), b.contentHash());

        Task hidden = a.withoutTestOutputs();
        assertEquals(a.demoHash(), hidden.demoHash());
        assertNotEquals(a.contentHash(), hidden.contentHash());
    }

    @Test
    void demoChangeChangesBothHashes() {
        Task a = TaskLoader.bundled().get("007bbfb7");
        Task b = new Task(a.id(), a.demo().subList(0, a.demo().size() - 1), a.test());
        assertNotEquals(a.demoHash(), b.demoHash());
        assertNotEquals(a.contentHash(), b.contentHash());
    }

    @Test
    void allBundledTasksHaveDistinctHashes() {
        TaskSet s = TaskLoader.bundled();
        assertEquals(400, s.stream().map(Task::demoHash).distinct().count());
        assertEquals(400, s.stream().map(Task::contentHash).distinct().count());
    }

    @Test
    void shapeIsPartOfTheGridHash() {
        assertNotEquals(TaskHashes.gridHash(Grid.filled(2, 3, 0)), TaskHashes.gridHash(Grid.filled(3, 2, 0)));
        assertEquals(TaskHashes.gridHash(Grid.of(new int[][] {{1, 2}})), TaskHashes.gridHash(Grid.wrap(1, 2, new int[] {1, 2})));
    }
}
