package dev.arclab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundledTasksTest {

    @Test
    void bundledSetHasTheKnownFigures() {
        TaskSet s = TaskLoader.bundled();
        TaskSet.Summary sum = s.summary();
        assertEquals(400, sum.tasks());
        assertEquals(1302, sum.demoPairs());
        assertEquals(416, sum.testInputs());
        assertEquals(14, sum.tasksWithSeveralTests());
        assertEquals(416, sum.knownTestOutputs());
        assertEquals(1, sum.minSide());
        assertEquals(30, sum.maxSide());
        assertEquals(TaskLoader.BUNDLED_SOURCE, s.source());
        assertTrue(s.problems().isEmpty());
        assertSame(s, TaskLoader.bundled(), "loaded once per JVM");
    }

    @Test
    void tasksAreOrderedByIdAndFindable() {
        TaskSet s = TaskLoader.bundled();
        List<String> ids = s.ids();
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals("007bbfb7", ids.get(0));
        Task t = s.get("007bbfb7");
        assertEquals(5, t.demo().size());
        assertEquals(1, t.test().size());
        assertEquals(3, t.demo().get(0).input().rows());
        assertEquals(9, t.demo().get(0).output().cols());
        assertEquals("Task[007bbfb7: 5 demo pairs, 1 test input]", t.toString());
        assertEquals("Task[007bbfb7: 5 demo pairs, 1 test input, test outputs unknown]", t.withoutTestOutputs().toString());
    }

    @Test
    void indexListsExactlyTheBundledFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(TaskLoader.class.getClassLoader().getResource(TaskLoader.BUNDLED_DIR + "index.txt").toURI())
                .getParent();
        List<String> files;
        try (Stream<Path> st = Files.list(dir)) {
            files = st.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
        List<String> index = Files.readAllLines(dir.resolve("index.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        assertEquals(files, index);
        assertEquals(TaskLoader.bundled().ids(), index);
    }

    @Test
    void licenceShipsBesideTheData() {
        String licence = TaskLoader.bundledLicense();
        assertTrue(licence.contains("Apache License"), licence.substring(0, 200));
        assertTrue(licence.contains("Version 2.0"));
    }

    @Test
    void bundledFolderLoadsLikeTheBundledSet() throws URISyntaxException {
        Path dir = Path.of(TaskLoader.class.getClassLoader().getResource(TaskLoader.BUNDLED_DIR + "index.txt").toURI())
                .getParent();
        TaskSet fromFolder = TaskLoader.load(dir);
        assertEquals(TaskLoader.Kind.TASK_FOLDER, TaskLoader.detect(dir).kind());
        assertEquals(TaskLoader.bundled(), fromFolder);
        assertEquals(dir.toString(), fromFolder.source());
    }
}
