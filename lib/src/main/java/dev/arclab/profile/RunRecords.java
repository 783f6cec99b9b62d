package dev.arclab.profile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run records as JSON files: what `run --out` writes and `report` reads. */
public final class RunRecords {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private RunRecords() {
    }

    public static String toJson(RunRecord run) {
        return GSON.toJson(run);
    }

    public static RunRecord fromJson(String json) {
        return GSON.fromJson(json, RunRecord.class);
    }

    public static void write(RunRecord run, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GSON.toJson(run, w);
        }
    }

    /** Reads a run record; a file that is not one gets an error naming it. */
    public static RunRecord read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RunRecord run = GSON.fromJson(r, RunRecord.class);
            if (run == null || run.phases() == null || run.config() == null) {
                throw new IOException(file + ": not a run record (no phases or config)");
            }
            return run;
        } catch (RuntimeException e) {
            // Gson reports a record with missing or mistyped parts as one of these.
            // Its message names Gson's internals: say what a run record needs instead.
            throw new IOException(file + ": not a run record (a run record is the run.json that 'arclab run --out' "
                    + "writes: an object with label, startedMillis, config, phases and summary)", e);
        }
    }
}
