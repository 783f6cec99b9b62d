package dev.arclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.profile.ItemTiming;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunConfig;
import dev.arclab.profile.RunRecord;
import dev.arclab.profile.RunRecords;
import dev.arclab.profile.TaskTiming;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    static RunRecord record(String id, int threads, double scale) {
        List<PhaseRecord> phases = new ArrayList<>();
        String[] names = {"load", "score", "validate"};
        for (int k = 0; k < names.length; k++) {
            List<ItemTiming> items = new ArrayList<>();
            long[] lane = new long[threads];
            for (int i = 0; i < 24; i++) {
                int w = i % threads;
                long d = (long) ((5 + (i * 7 + k) % 11) * 1_000_000L * scale);
                items.add(new ItemTiming("t" + (i % 6), w, lane[w], d, d * 9 / 10));
                lane[w] += d;
            }
            long wall = 0;
            long busy = 0;
            for (long l : lane) {
                wall = Math.max(wall, l);
            }
            List<TaskTiming> tasks = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                String name = "t" + t;
                long b = items.stream().filter(x -> x.task().equals(name)).mapToLong(ItemTiming::wallNanos).sum();
                long s = items.stream().filter(x -> x.task().equals(name)).mapToLong(ItemTiming::startNanos).min().orElse(0);
                long e = items.stream().filter(x -> x.task().equals(name)).mapToLong(ItemTiming::endNanos).max().orElse(0);
                tasks.add(new TaskTiming(name, 4, b, b * 9 / 10, s, e));
                busy += b;
            }
            phases.add(new PhaseRecord(names[k], 1, threads, wall + 100_000, busy, busy * 9 / 10, items.size(),
                    items.stream().mapToLong(ItemTiming::wallNanos).max().orElse(0), tasks, items,
                    Map.of("cache.validation.hits", 3L, "cache.validation.misses", 5L), false));
        }
        return new RunRecord(id, 1_700_000_000_000L, new RunConfig(1, threads, 6, 39, 6, 0.2, 1, "dsl-1", id),
                phases, Map.of());
    }

    @Test
    void writesTheReportForSavedRuns(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        RunRecords.write(record("base", 1, 1.0), a);
        RunRecords.write(record("fast", 2, 0.9), b);
        Path outDir = dir.resolve("report");
        int code = run(a.toString(), b.toString(), "--baseline", a.toString(), "--out", outDir.toString());
        assertEquals(0, code, err.toString());
        assertTrue(Files.exists(outDir.resolve("index.html")));
        assertTrue(Files.exists(outDir.resolve("journey.png")));
        assertTrue(Files.exists(outDir.resolve("comparison.html")));
        assertTrue(out.toString().contains("index.html"));
        assertEquals("", err.toString());
    }

    @Test
    void baselineNotAmongTheRunsIsAdded(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        RunRecords.write(record("base", 1, 1.0), a);
        RunRecords.write(record("other", 1, 1.0), b);
        assertEquals(0, run(b.toString(), "--baseline", a.toString(), "--out", dir.resolve("r").toString()), err.toString());
        assertTrue(Files.readString(dir.resolve("r/index.html")).contains("Against baseline base"));
    }

    @Test
    void badArgumentsExitTwo(@TempDir Path dir) throws Exception {
        assertEquals(2, run("--out", dir.toString()), "no run file");
        assertEquals(2, run(dir.resolve("a.json").toString()), "no --out");
        assertEquals(2, run("--bogus", "x.json", "--out", dir.toString()));
        Path file = dir.resolve("f.txt");
        Files.writeString(file, "x");
        Path a = dir.resolve("a.json");
        RunRecords.write(record("base", 1, 1.0), a);
        assertEquals(2, run(a.toString(), "--out", file.toString()), "--out is a file");
        assertTrue(err.toString().contains(file.toString()));
    }

    @Test
    void unreadableInputExitsOneNamingTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.json");
        assertEquals(1, run(missing.toString(), "--out", dir.resolve("r").toString()));
        assertTrue(err.toString().contains("missing.json"), err.toString());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ not json");
        assertEquals(1, run(bad.toString(), "--out", dir.resolve("r").toString()));
        assertTrue(err.toString().contains("bad.json"), err.toString());
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{}");
        assertEquals(1, run(empty.toString(), "--out", dir.resolve("r").toString()));
        assertTrue(err.toString().contains("empty.json"), err.toString());
    }
}
