package dev.arclab.task;

import static dev.arclab.task.Fixtures.GOOD;
import static dev.arclab.task.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lenient and strict folder loads, and telling the layouts apart. */
class TaskLoaderModesTest {
    @TempDir
    Path dir;

    private Path mixedFolder() {
        Path d = dir.resolve("mixed");
        write(d, "good1.json", GOOD);
        write(d, "good2.json", GOOD.replace("[[3]]", "[[7]]"));
        write(d, "broken.json", "{\"train\": [");
        write(d, "ragged.json", GOOD.replace("[[1,0],[0,1]]", "[[1,0],[0]]"));
        write(d, "notes.txt", "not a task, ignored");
        write(d.resolve("sub"), "ignored.json", "not looked at");
        return d;
    }

    @Test
    void lenientFolderLoadReturnsGoodTasksAndReportsBadFiles() {
        Path d = mixedFolder();
        TaskSet s = TaskLoader.load(d, TaskLoader.Mode.LENIENT);
        assertEquals(List.of("good1", "good2"), s.ids());
        assertEquals(2, s.problems().size());
        LoadProblem broken = s.problems().get(0);
        assertEquals(d.resolve("broken.json").toString(), broken.file());
        assertEquals("broken", broken.taskId());
        assertTrue(broken.message().startsWith("not JSON"), broken.message());
        LoadProblem ragged = s.problems().get(1);
        assertEquals("ragged", ragged.taskId());
        assertEquals("train[0].input[1]", ragged.path());
    }

    @Test
    void strictFolderLoadFailsListingAllProblems() {
        Path d = mixedFolder();
        TaskLoadException e = assertThrows(TaskLoadException.class, () -> TaskLoader.load(d));
        assertEquals(2, e.problems().size());
        String m = e.getMessage();
        assertTrue(m.startsWith("2 problems loading " + d), m);
        assertTrue(m.contains("broken.json: task broken"), m);
        assertTrue(m.contains("ragged.json: task ragged: at train[0].input[1]: ragged grid"), m);
    }

    @Test
    void detectsEachLayout() {
        Path folder = dir.resolve("f");
        Path one = write(folder, "abc.json", GOOD);
        assertEquals(new TaskLoader.Source(TaskLoader.Kind.TASK_FOLDER, folder), TaskLoader.detect(folder));
        assertEquals(TaskLoader.Kind.TASK_FILE, TaskLoader.detect(one).kind());

        Path k = dir.resolve("k");
        Path c = write(k, "arc-agi_training_challenges.json", "{\"abc\": " + GOOD + "}");
        write(k, "sample_submission.json", "{}");
        assertEquals(new TaskLoader.Source(TaskLoader.Kind.KAGGLE_BUNDLE, c), TaskLoader.detect(c));
        assertEquals(new TaskLoader.Source(TaskLoader.Kind.KAGGLE_BUNDLE, c), TaskLoader.detect(k),
                "a folder holding one bundle and no task files is that bundle");
        write(k, "arc-agi_evaluation_challenges.json", "{\"abc\": " + GOOD + "}");
        TaskLoadException e = assertThrows(TaskLoadException.class, () -> TaskLoader.detect(k));
        assertTrue(e.getMessage().contains("2 Kaggle bundles"), e.getMessage());

        Path unnamed = write(dir, "bundle.json", "{\"abc\": " + GOOD + ", \"def\": " + GOOD + "}");
        assertEquals(TaskLoader.Kind.KAGGLE_BUNDLE, TaskLoader.detect(unnamed).kind(), "detected by content");
        assertEquals(List.of("abc", "def"), TaskLoader.load(unnamed).ids());
    }

    @Test
    void singleTaskFileIdIsItsName() {
        Path f = write(dir, "my_task-1.json", GOOD);
        TaskSet s = TaskLoader.load(f);
        assertEquals(List.of("my_task-1"), s.ids());
        assertEquals(s.get("my_task-1"), TaskLoader.loadTask(f));
        assertEquals(f.toString(), s.source());
    }

    @Test
    void extraKeysKeyOrderAndWhitespaceDoNotMatter() {
        Path a = write(dir, "a.json", GOOD);
        Path b = write(dir, "b.json", "\uFEFF{\n  \"name\": \"demo\",\n  \"test\": [ { \"output\": [[5,5]],\n \"input\":[[4,4]] } ],"
                + "\n\t\"train\": [{\"output\": [[0,1],[1,0]], \"input\": [[1,0],[0,1]], \"note\": 1},"
                + " {\"input\": [[2]], \"output\": [[3]]}]\n}\n");
        Task ta = TaskLoader.loadTask(a);
        Task tb = TaskLoader.loadTask(b);
        assertEquals(ta.demo(), tb.demo());
        assertEquals(ta.test(), tb.test());
    }

    @Test
    void kaggleWithAndWithoutSolutions() {
        Path c = write(dir, "arc-agi_s_challenges.json", "{\"abc\": " + GOOD.replace(", \"output\": [[5,5]]", "")
                + ", \"def\": " + GOOD.replace(", \"output\": [[5,5]]", "") + "}");
        TaskSet without = TaskLoader.load(c);
        assertFalse(without.get("abc").hasTestOutputs());
        assertNull(without.get("abc").test().get(0).output());
        assertEquals(0, without.summary().knownTestOutputs());

        write(dir, "arc-agi_s_solutions.json", "{\"def\": [[[9]]], \"abc\": [[[5,5]]]}");
        TaskSet with = TaskLoader.load(c);
        assertEquals(TaskLoader.parseTask("abc", GOOD), with.get("abc"));
        assertEquals(2, with.summary().knownTestOutputs());
        assertEquals(List.of(), with.problems());
    }

    @Test
    void lenientKaggleDropsOnlyTheBadTask() {
        Path c = write(dir, "arc-agi_l_challenges.json", "{\"abc\": " + GOOD + ", \"bad\": {\"train\": []}}");
        TaskSet s = TaskLoader.load(c, TaskLoader.Mode.LENIENT);
        assertEquals(List.of("abc"), s.ids());
        assertEquals(2, s.problems().size(), s.problems().toString()); // empty train, missing test
        assertTrue(s.problems().stream().allMatch(p -> p.taskId().equals("bad")));
    }

    @Test
    void taskSetRejectsDuplicateIdsAndOrdersById() {
        Task t = TaskLoader.parseTask("b", GOOD);
        Task u = TaskLoader.parseTask("a", GOOD);
        assertEquals(List.of("a", "b"), TaskSet.of("x", t, u).ids());
        assertThrows(IllegalArgumentException.class, () -> TaskSet.of("x", t, t));
        assertThrows(IllegalArgumentException.class, () -> new Task("../evil", t.demo(), t.test()));
        assertThrows(IllegalArgumentException.class,
                () -> new Task("x", List.of(Example.inputOnly(t.demo().get(0).input())), t.test()));
    }
}
