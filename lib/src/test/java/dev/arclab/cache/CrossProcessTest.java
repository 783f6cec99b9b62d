package dev.arclab.cache;

import dev.arclab.pipeline.ResultMaps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.cli.Main;
import dev.arclab.cache.CacheMap;
import dev.arclab.cache.MemoryCache;
import dev.arclab.cache.ResultCache;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store across processes: child JVMs on this test's class path, synchronised on the lines they print. */
class CrossProcessTest {

    @TempDir
    Path home;

    @AfterEach
    void closeStores() {
        Caches.closeAll();
    }

    /** A child's pipeline run: its result digest and, per map, hits, disk hits, misses. */
    record ChildRun(String signature, Map<String, long[]> stats) {
        long total(int column) {
            return stats.values().stream().mapToLong(s -> s[column]).sum();
        }
    }

    static ChildRun pipelineInChild(Path home) throws Exception {
        try (ChildProcess child = ChildProcess.start(CacheChild.class, "pipeline", home.toString())) {
            assertEquals("cache MapDbCache", child.await(l -> l.startsWith("cache "), "the cache line"), child::output);
            String sig = child.await(l -> l.startsWith("signature "), "the signature").substring("signature ".length());
            Map<String, long[]> stats = new TreeMap<>();
            for (String l; !(l = child.await(x -> x.startsWith("stats ") || x.equals("done"), "stats")).equals("done"); ) {
                String[] f = l.split(" ");
                stats.put(f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])});
            }
            assertEquals(0, child.waitFor(), child::output);
            return new ChildRun(sig, stats);
        }
    }

    @Test
    void aSecondJvmFindsTheFirstOnesResultsOnDiskAndDecidesTheSame() throws Exception {
        String reference = Fixtures.digest(Fixtures.run(new MemoryCache()).signature());
        ChildRun first = pipelineInChild(home);
        assertEquals(reference, first.signature());
        assertEquals(0, first.total(1), "nothing on disk yet");
        assertTrue(first.total(2) > 0);

        ChildRun second = pipelineInChild(home);
        assertEquals(reference, second.signature(), "identical results from the warm store");
        assertEquals(0, second.total(2), "everything was computed by the first JVM");
        for (Map.Entry<String, long[]> e : second.stats().entrySet()) {
            assertTrue(e.getValue()[1] > 0, "no hits from disk in map " + e.getKey());
        }
    }

    @Test
    void killedDuringCommitsTheFileReopensWithEveryCommittedEntry() throws Exception {
        Random random = new Random(20240607);
        Map<Integer, Integer> committed = new TreeMap<>();
        Map<Integer, Integer> attempted = new TreeMap<>();
        for (int trial = 0; trial < 9; trial++) {
            int commits = 1 + random.nextInt(4);
            // 0: between commits; 1: as a commit starts (racing it); 2: inside a commit, its batch in the log
            int when = trial % 3;
            int last = -1;
            int started = -1;
            List<String> args = new ArrayList<>(List.of("writer", home.toString(), String.valueOf(trial)));
            if (when == 2) {
                args.add(String.valueOf((commits + 1) * CacheChild.BATCH));
            }
            try (ChildProcess child = ChildProcess.start(CacheChild.class, args.toArray(String[]::new))) {
                assertEquals("cache MapDbCache", child.await(l -> l.startsWith("cache "), "the cache line"), child::output);
                for (int c = 0; c < commits; c++) {
                    last = Integer.parseInt(child.await(l -> l.startsWith("committed "), "a commit").split(" ")[1]);
                }
                if (when == 1) {
                    started = Integer.parseInt(child.await(l -> l.startsWith("committing "), "a commit start").split(" ")[1]);
                } else if (when == 2) {
                    started = Integer.parseInt(child.await(l -> l.startsWith("inside commit "), "the pause").split(" ")[2]);
                }
                child.kill();
            }
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(home)) {
                boolean wal = files.anyMatch(f -> f.getFileName().toString().contains(".wal."));
                System.out.println("kill -9 trial " + trial + " after " + last + " committed entries"
                        + (when == 1 ? " (as the commit of " + started + " started)" : "")
                        + (when == 2 ? " (inside the commit of " + started + ")" : "")
                        + (wal ? ": write-ahead log left on disk" : ": no write-ahead log left"));
                if (when == 2) {
                    assertTrue(wal, "the uncommitted batch should be in MapDB's log when the process dies");
                }
            }
            committed.put(trial, last);
            int lastOfTrial = last;
            int startedOfTrial = started;
            attempted.put(trial, Math.max(last, started));

            List<String> messages = new ArrayList<>();
            ResultCache c = Caches.open(CacheOptions.at(home), messages::add);
            MapDbCache store = assertInstanceOf(MapDbCache.class, c, messages::toString);
            assertTrue(messages.isEmpty(), () -> "the file reopens as it is: " + messages);
            for (Map.Entry<Integer, Integer> t : committed.entrySet()) {
                int tr = t.getKey();
                for (int n = 0; n < attempted.get(tr); n++) {
                    CacheMap.Entry<String> e = ResultMaps.of(store).canonical().get(CacheChild.writerKey(tr, n));
                    if (n < t.getValue()) {
                        assertTrue(e != null, "trial " + tr + ": committed entry " + n + " of " + t.getValue() + " lost");
                    }
                    if (e != null) {
                        assertEquals(CacheChild.writerValue(tr, n), e.value(), "trial " + tr + " entry " + n);
                        assertEquals(n, e.costNanos());
                    }
                }
            }
            if (when == 2) {
                for (int n = lastOfTrial; n < startedOfTrial; n++) {
                    assertTrue(ResultMaps.of(store).canonical().get(CacheChild.writerKey(trial, n)) == null,
                            "trial " + trial + ": entry " + n + " of the uncommitted batch survived");
                }
            }
            assertEquals(0, store.corruptEntries());
            store.shutdown();
        }
    }

    @Test
    void aPipelineKilledInAPhaseKeepsEveryPhaseBeforeIt() throws Exception {
        List<String> reference = Fixtures.run(new MemoryCache()).signature();
        try (ChildProcess child = ChildProcess.start(CacheChild.class, "pipeline-until", home.toString())) {
            // the score phase commits when it ends; differs comes after canonicalize, validate and save
            child.await(l -> l.equals("phase differs"), "the differs phase");
            child.kill();
        }
        List<String> messages = new ArrayList<>();
        MapDbCache store = assertInstanceOf(MapDbCache.class, Caches.open(CacheOptions.at(home), messages::add));
        assertTrue(messages.isEmpty(), messages::toString);
        Fixtures.Run run = Fixtures.run(store);
        assertEquals(reference, run.signature());
        for (String map : List.of("canonical", "validation", "score")) {
            long disk = run.cache().stream().filter(s -> s.map().equals(map)).mapToLong(s -> s.diskHits()).sum();
            assertTrue(disk > 0, () -> "the killed process's " + map + " results were lost: " + run.cache());
        }
    }

    @Test
    void aSecondProcessOnTheSameFileGetsAClearMessageAndAPrivateCacheWithCorrectResults() throws Exception {
        List<String> reference = Fixtures.run(new MemoryCache()).signature();
        Path file = CacheOptions.at(home).file();
        try (ChildProcess holder = ChildProcess.start(CacheChild.class, "hold", home.toString())) {
            assertEquals("holding " + file + " MapDbCache", holder.await(l -> l.startsWith("holding "), "holding"), holder::output);

            List<String> messages = new ArrayList<>();
            ResultCache c = Caches.open(CacheOptions.at(home), messages::add);
            assertInstanceOf(MemoryCache.class, c);
            assertEquals(1, messages.size(), messages::toString);
            assertTrue(messages.get(0).contains(file.toString()) && messages.get(0).contains("in use by another process")
                    && messages.get(0).contains("private in-memory cache"), messages.get(0));
            assertEquals(reference, Fixtures.run(c).signature());
            assertTrue(Caches.open(CacheOptions.at(home), messages::add) == c, "the private cache is shared too");

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), "run", "--home", home.toString(), "--limit", "12",
                    "--tasks-per-batch", "4", "--threads", "2");
            assertEquals(0, code, err::toString);
            assertTrue(err.toString().contains(file + " is in use by another process"), err::toString);
            StringWriter plain = new StringWriter();
            assertEquals(0, Main.run(new PrintWriter(plain), new PrintWriter(new StringWriter()), "run", "--no-store",
                    "--limit", "12", "--tasks-per-batch", "4", "--threads", "2"));
            assertEquals(results(plain.toString()), results(out.toString()));

            holder.send("release");
            holder.await(l -> l.equals("released"), "the release");
            assertEquals(0, holder.waitFor());
        }
        List<String> messages = new ArrayList<>();
        MapDbCache store = assertInstanceOf(MapDbCache.class, Caches.open(CacheOptions.at(home), messages::add),
                "once the other process is gone the file is tried again");
        assertEquals("by the holder", ResultMaps.of(store).canonical().get("held").value());
    }

    /** The lines of a run's output that state results (not timings or cache figures). */
    static List<String> results(String output) {
        return output.lines().filter(l -> l.startsWith("tasks with") || l.startsWith("test outputs") || l.contains("solver programs loaded"))
                .map(l -> l.replaceAll("\\([0-9.]+ s\\)", "")).toList();
    }

    private static final Pattern CACHE_LINE = Pattern.compile(
            "cache (\\w+): (\\d+) hits this run, (\\d+) hits from disk, (\\d+) misses, ([0-9.]+) s saved");

    /** The command line in two JVMs, as a person runs {@code java -jar arclab.jar run --home DIR} twice. */
    @Test
    void theRunCommandInTwoJvmsReportsHitsFromDiskAndTheSameResults() throws Exception {
        List<String> outputs = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            try (ChildProcess child = ChildProcess.start(Main.class, "run", "--home", home.toString(), "--limit", "20",
                    "--tasks-per-batch", "6", "--threads", "2")) {
                assertEquals(0, child.waitFor(), child::output);
                outputs.add(child.output());
            }
        }
        assertEquals(results(outputs.get(0)), results(outputs.get(1)));
        for (int k = 0; k < 2; k++) {
            List<String> lines = outputs.get(k).lines().filter(l -> !l.isBlank()).toList();
            List<String> last = lines.subList(lines.size() - 4, lines.size());
            List<String> maps = new ArrayList<>();
            long disk = 0;
            long misses = 0;
            for (String l : last) {
                Matcher m = CACHE_LINE.matcher(l);
                assertTrue(m.matches(), () -> "not a cache line: " + l + "\n" + outputs);
                maps.add(m.group(1));
                disk += Long.parseLong(m.group(3));
                misses += Long.parseLong(m.group(4));
            }
            assertEquals(List.of("canonical", "validation", "score", "differs"), maps);
            if (k == 0) {
                assertEquals(0, disk, outputs.get(0));
                assertTrue(misses > 0);
            } else {
                assertTrue(disk > 0, outputs.get(1));
                assertEquals(0, misses, outputs.get(1));
            }
        }
    }
}
