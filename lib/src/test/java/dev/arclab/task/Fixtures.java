package dev.arclab.task;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small task JSON texts and helpers shared by the task tests. */
final class Fixtures {
    static final String GOOD = "{\"train\": [{\"input\": [[1,0],[0,1]], \"output\": [[0,1],[1,0]]},"
            + " {\"input\": [[2]], \"output\": [[3]]}], \"test\": [{\"input\": [[4,4]], \"output\": [[5,5]]}]}";

    private Fixtures() {
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code path} strictly, expects a TaskLoadException, checks its message holds every part. */
    static TaskLoadException failsWith(Path path, String... parts) {
        TaskLoadException e = assertThrows(TaskLoadException.class, () -> TaskLoader.load(path));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should contain [" + p + "]:\n" + e.getMessage());
        }
        return e;
    }
}
