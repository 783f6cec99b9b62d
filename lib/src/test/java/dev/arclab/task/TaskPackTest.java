package dev.arclab.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled tasks' pre-parsed pack: the same tasks as the JSON, and never wrong data from a damaged, cut or stale
 * pack (the loader parses the JSON instead).
 */
class TaskPackTest {
    /** Where the first task's first cell is: header (32 bytes), id length and id "007bbfb7", two counts, rows and cols. */
    private static final int FIRST_CELL = 32 + 1 + 8 + 2 + 2;

    private static TaskSet json;
    private static byte[] built;

    @TempDir
    Path dir;

    @BeforeAll
    static void parseTheJson() {
        json = TaskLoader.parseBundledJson(TaskLoader::resource);
        built = TaskLoader.resource(TaskLoader.BUNDLED_PACK); // made by the build (process-classes)
    }

    private static TaskPack.SourceDigest digest() {
        return TaskPack.SourceDigest.of(TaskLoader::resource);
    }

    private static TaskLoader.Bundled load(byte[] pack, Function<String, byte[]> read) {
        return TaskLoader.loadBundled(read, name -> name.equals(TaskLoader.BUNDLED_PACK) ? pack : null,
                () -> TaskPack.SourceDigest.of(read));
    }

    private static void assertSameTasks(List<Task> expected, List<Task> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "task " + expected.get(i).id());
        }
    }

    /** The pack with its trailing CRC made right again after a change: only the checks of its contents can refuse it. */
    private static byte[] withCrc(byte[] pack) {
        CRC32 crc = new CRC32();
        crc.update(pack, 0, pack.length - 4);
        ByteBuffer.wrap(pack).putInt(pack.length - 4, (int) crc.getValue());
        return pack;
    }

    @Test
    void theBuildsPackGivesEveryTaskOfTheJson() throws TaskPack.Unusable {
        assertEquals(400, json.size());
        assertSameTasks(json.tasks(), TaskPack.read(built, digest()));
    }

    @Test
    void bundledIsReadFromThePackWhenItIsWholeAndCurrent() {
        TaskLoader.Bundled b = load(built, TaskLoader::resource);
        assertTrue(b.fromPack());
        assertNull(b.packProblem());
        assertEquals(json, b.tasks());
        assertEquals(TaskLoader.BUNDLED_SOURCE, b.tasks().source());
        assertEquals(json, TaskLoader.bundled());
    }

    @Test
    void theGeneratorMakesTheBuildsPackFromTheJsonFiles() throws IOException {
        Path data = dir.resolve(TaskLoader.BUNDLED_DIR);
        Files.createDirectories(data);
        byte[] index = TaskLoader.resource(TaskLoader.BUNDLED_DIR + "index.txt");
        Files.write(data.resolve("index.txt"), index);
        for (String id : TaskLoader.bundledIds(index)) {
            Files.write(data.resolve(id + ".json"), TaskLoader.resource(TaskLoader.BUNDLED_DIR + id + ".json"));
        }
        TaskPack.main(new String[] {dir.toString()});
        assertArrayEquals(built, Files.readAllBytes(dir.resolve(TaskLoader.BUNDLED_PACK)));
    }

    @Test
    void aJarsRecordedSizesAndCrcsGiveTheSameDigestAsTheContents() throws IOException {
        Path jar = dir.resolve("data.jar");
        byte[] index = TaskLoader.resource(TaskLoader.BUNDLED_DIR + "index.txt");
        try (OutputStream f = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(f)) {
            z.putNextEntry(new ZipEntry(TaskLoader.BUNDLED_DIR + "index.txt"));
            z.write(index);
            for (String id : TaskLoader.bundledIds(index)) {
                z.putNextEntry(new ZipEntry(TaskLoader.BUNDLED_DIR + id + ".json"));
                z.write(TaskLoader.resource(TaskLoader.BUNDLED_DIR + id + ".json"));
            }
        }
        try (ZipFile z = new ZipFile(jar.toFile())) {
            TaskPack.SourceDigest fromJar = TaskPack.SourceDigest.ofJar(z);
            assertEquals(digest(), fromJar);
            assertEquals(401, fromJar.files());
        }
    }

    @Test
    void aFlippedByteAnywhereIsRefusedAndTheJsonParsed() {
        for (int at : new int[] {0, 9, 20, 31, FIRST_CELL, built.length / 2, built.length - 5, built.length - 1}) {
            byte[] damaged = built.clone();
            damaged[at] ^= 0x10;
            TaskPack.Unusable e = assertThrows(TaskPack.Unusable.class, () -> TaskPack.read(damaged, digest()), "at " + at);
            assertFalse(e.getMessage().isBlank());
            TaskLoader.Bundled b = load(damaged, TaskLoader::resource);
            assertFalse(b.fromPack(), "at " + at);
            assertNotNull(b.packProblem());
            assertEquals(json, b.tasks());
        }
    }

    @Test
    void aTruncatedPackIsRefusedAndTheJsonParsed() {
        for (int length : new int[] {0, 7, 31, 36, FIRST_CELL, built.length / 3, built.length - 4, built.length - 1}) {
            byte[] cut = Arrays.copyOf(built, length);
            assertThrows(TaskPack.Unusable.class, () -> TaskPack.read(cut, digest()), "length " + length);
            TaskLoader.Bundled b = load(cut, TaskLoader::resource);
            assertFalse(b.fromPack());
            assertEquals(json, b.tasks());
        }
    }

    @Test
    void aPackMadeFromOtherJsonIsStaleAndTheFilesWin() {
        // one cell of 007bbfb7's first demo input changed in its JSON file: the pack still says the old colour
        String name = TaskLoader.BUNDLED_DIR + "007bbfb7.json";
        String text = new String(TaskLoader.resource(name), StandardCharsets.UTF_8);
        int first = text.indexOf("[[", text.indexOf("\"train\"")) + 2;
        char old = text.charAt(first);
        char now = old == '7' ? '3' : '7';
        byte[] edited = (text.substring(0, first) + now + text.substring(first + 1)).getBytes(StandardCharsets.UTF_8);
        Function<String, byte[]> read = n -> n.equals(name) ? edited : TaskLoader.resource(n);

        TaskLoader.Bundled b = load(built, read);
        assertFalse(b.fromPack());
        assertTrue(b.packProblem().startsWith("stale"), b.packProblem());
        Grid in = b.tasks().get("007bbfb7").demo().get(0).input();
        assertEquals(now - '0', in.at(0, 0));
        assertNotEquals(json.get("007bbfb7"), b.tasks().get("007bbfb7"));
    }

    @Test
    void anotherFormatVersionIsRefused() {
        byte[] other = built.clone();
        ByteBuffer.wrap(other).putInt(8, TaskPack.VERSION + 1);
        TaskPack.Unusable e = assertThrows(TaskPack.Unusable.class, () -> TaskPack.read(withCrc(other), digest()));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void contentsThatPassTheCrcAreStillChecked() {
        byte[] colour = built.clone();
        colour[FIRST_CELL] = 12;
        assertTrue(assertThrows(TaskPack.Unusable.class, () -> TaskPack.read(withCrc(colour), digest()))
                .getMessage().contains("colour"));
        byte[] size = built.clone();
        size[FIRST_CELL - 2] = 31; // rows of the first grid
        assertTrue(assertThrows(TaskPack.Unusable.class, () -> TaskPack.read(withCrc(size), digest()))
                .getMessage().contains("grid size"));
        byte[] longer = Arrays.copyOf(built, built.length + 1);
        System.arraycopy(built, built.length - 4, longer, built.length - 3, 4); // one byte more before the CRC
        longer[built.length - 4] = 0;
        assertTrue(assertThrows(TaskPack.Unusable.class, () -> TaskPack.read(withCrc(longer), digest()))
                .getMessage().contains("left over"));
    }

    @Test
    void theFirstCellIsWhereTheTestsFlipIt() throws TaskPack.Unusable {
        Grid first = json.tasks().get(0).demo().get(0).input();
        assertEquals("007bbfb7", json.tasks().get(0).id());
        assertEquals(first.rows(), built[FIRST_CELL - 2]);
        assertEquals(first.cols(), built[FIRST_CELL - 1]);
        assertEquals(first.at(0, 0), built[FIRST_CELL]);
        byte[] changed = built.clone();
        changed[FIRST_CELL] = (byte) (first.at(0, 0) == 5 ? 4 : 5); // a valid colour, the CRC made right
        assertEquals(changed[FIRST_CELL], TaskPack.read(withCrc(changed), digest()).get(0).demo().get(0).input().at(0, 0));
    }

    @Test
    void gridsATaskFileCannotHoldAreNotPacked() {
        Grid ok = Grid.of(new int[][] {{1}});
        Task colour = new Task("a", List.of(new Example(ok, Grid.of(new int[][] {{10}}))), List.of(Example.inputOnly(ok)));
        assertThrows(IllegalArgumentException.class, () -> TaskPack.write(List.of(colour), digest()));
        Task wide = new Task("b", List.of(new Example(ok, Grid.filled(1, 31, 0))), List.of(Example.inputOnly(ok)));
        assertThrows(IllegalArgumentException.class, () -> TaskPack.write(List.of(wide), digest()));
    }

    @Test
    void unknownTestOutputsSurviveTheRoundTrip() throws TaskPack.Unusable {
        List<Task> tasks = json.tasks().subList(0, 5).stream().map(Task::withoutTestOutputs).toList();
        assertSameTasks(tasks, TaskPack.read(TaskPack.write(tasks, digest()), digest()));
    }
}
