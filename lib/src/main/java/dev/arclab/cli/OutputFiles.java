package dev.arclab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Output files of the commands: the output folder is checked before the work starts, and each file is
 * written whole or not at all (a temporary file beside it, then a rename), so a full disk never leaves
 * a truncated file behind. When the folder cannot be written late anyway, the files go to a new
 * temporary folder and the caller says where.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Why {@code dir} cannot be the output folder of {@code option}, or null when it can (it is made if
     * missing): a file, not a folder; cannot be made; not writable.
     */
    static String problem(Path dir, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return option + " " + dir + " is a file, not a folder";
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return option + " " + dir + ": the folder cannot be made (" + e.getMessage() + ")";
        }
        if (!Files.isWritable(dir)) {
            return option + " " + dir + ": the folder is not writable";
        }
        return null;
    }

    /** Writes {@code text} to {@code file} whole: a temporary file in the same folder, then a rename. */
    static void writeWhole(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, text.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
