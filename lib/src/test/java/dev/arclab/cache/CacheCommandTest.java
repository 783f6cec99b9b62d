package dev.arclab.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of the store: run --home, cache stats|clear|compact, bench-cache. */
class CacheCommandTest {

    @TempDir
    Path home;

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @AfterEach
    void closeStores() {
        Caches.closeAll();
    }

    Run smallRun(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--home", home.toString(), "--limit", "10",
                "--tasks-per-batch", "4", "--threads", "2"));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void runUsesTheStoreAndEndsWithOneLinePerMap() {
        Run first = smallRun();
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("store " + home.resolve("cache.db")), first.out());
        List<String> lines = first.lines();
        List<String> last = lines.subList(lines.size() - 4, lines.size());
        assertEquals(List.of("canonical", "validation", "score", "differs"),
                last.stream().map(l -> l.substring("cache ".length(), l.indexOf(':'))).toList(), first.out());
        for (String l : last) {
            assertTrue(l.matches("cache \\w+: \\d+ hits this run, 0 hits from disk, \\d+ misses, [0-9.]+ s saved"), l);
        }
        assertTrue(Files.exists(home.resolve("cache.db")));

        Run again = smallRun("--resume");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("programs restored from the store"), again.out());
        String score = again.lines().get(again.lines().size() - 2);
        assertTrue(score.matches("cache score: [1-9]\\d* hits this run, 0 hits from disk, \\d+ misses, [0-9.]+ s saved"),
                "the same JVM's handle: hits of this session, " + score);
    }

    @Test
    void statsClearAndCompact() {
        Run none = cli("cache", "stats", "--home", home.toString());
        assertEquals(0, none.code());
        assertTrue(none.out().contains("no store at " + home.resolve("cache.db")), none.out());

        assertEquals(0, smallRun().code());
        Run stats = cli("cache", "stats", "--home", home.toString());
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().startsWith("store " + home.resolve("cache.db")), stats.out());
        for (String map : List.of("canonical", "validation", "score", "differs", "library", "history")) {
            assertTrue(stats.out().lines().anyMatch(l -> l.startsWith(map + " ")), () -> map + " missing:\n" + stats.out());
        }
        String scoreLine = stats.out().lines().filter(l -> l.startsWith("score ")).findFirst().orElseThrow();
        assertTrue(Long.parseLong(scoreLine.trim().split("\\s+")[1]) > 0, scoreLine);

        Run clear = cli("cache", "clear", "score", "--home", home.toString());
        assertEquals(0, clear.code(), clear.err());
        assertTrue(clear.out().contains("cleared the score map"), clear.out());
        Run after = cli("cache", "stats", "--home", home.toString());
        String cleared = after.out().lines().filter(l -> l.startsWith("score ")).findFirst().orElseThrow();
        assertEquals("0", cleared.trim().split("\\s+")[1], cleared);

        Run compact = cli("cache", "compact", "--home", home.toString());
        assertEquals(0, compact.code(), compact.err());
        assertTrue(compact.out().startsWith("compacted " + home.resolve("cache.db")), compact.out());

        assertEquals(0, cli("cache", "clear", "--home", home.toString()).code());
        Run all = cli("cache", "stats", "--home", home.toString());
        assertTrue(all.out().lines().filter(l -> l.startsWith("library ")).findFirst().orElseThrow().matches("library\\s+0\\s.*"),
                all.out());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(0, smallRun().code());
        Run bogus = cli("cache", "clear", "bogus", "--home", home.toString());
        assertEquals(2, bogus.code());
        assertTrue(bogus.err().contains("no map 'bogus'"), bogus.err());
        assertEquals(2, cli("cache").code());
        Run limit = cli("run", "--home", home.toString(), "--cache-limit", "lots");
        assertEquals(2, limit.code());
        assertTrue(limit.err().contains("not a size"), limit.err());
    }

    @Test
    void noStoreLeavesTheHomeAlone() {
        Run r = smallRun("--no-store");
        assertEquals(0, r.code(), r.err());
        assertTrue(!Files.exists(home.resolve("cache.db")), "--no-store wrote a store");
        assertTrue(r.lines().get(r.lines().size() - 1).startsWith("cache differs: "), r.out());
    }

    @Test
    void benchCacheReportsMediansAndIdenticalResults() {
        Run r = cli("bench-cache", "--home", home.resolve("bench").toString(), "--repeat", "1", "--limit", "8",
                "--tasks-per-batch", "3", "--threads", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("median of 1: no cache"), r.out());
        assertTrue(r.out().contains("warm speed-up: cold / warm = "), r.out());
        assertTrue(r.out().contains("cold overhead: "), r.out());
        assertTrue(r.out().contains("results: identical without cache, cold, warm and re-run"), r.out());
    }

    @Test
    void statsAndCompactOnAStoreThatCannotBeOpenedSaySoAndLeaveItWhereItIs() throws Exception {
        // one home per command: MapDB keeps a failed open's file lock for the rest of this JVM
        byte[] before = "not a store\n".repeat(500).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String sub : List.of("stats", "compact", "clear", "verify")) {
            Path dir = Files.createDirectories(home.resolve(sub));
            Path file = Files.write(dir.resolve("cache.db"), before);
            if (sub.equals("verify")) {
                Run verify = cli("cache", "verify", "--home", dir.toString());
                assertEquals(0, verify.code(), verify.err());
                assertTrue(verify.err().contains("moved it to"), verify.err());
                assertTrue(verify.out().contains("all intact"), verify.out());
                continue;
            }
            Run r = cli("cache", sub, "--home", dir.toString());
            assertEquals(Main.FAILED, r.code(), sub + ": " + r.out() + r.err());
            assertTrue(r.err().contains(file + " cannot be opened") && r.err().contains("cache verify"), r.err());
            assertEquals(List.of(file), Files.list(dir).toList(), "nothing moved: " + sub);
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
        }
    }

    @Test
    void clearOfAMapThatDoesNotExistIsABadArgumentNamingTheMaps() {
        assertEquals(0, smallRun().code());
        Caches.closeAll();
        Run r = cli("cache", "clear", "bogusmap", "--home", home.toString());
        assertEquals(Main.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("no map 'bogusmap'") && r.err().contains("canonical"), r.err());
    }

    @Test
    void verifyReportsIntactRecordsAndRepairsDamagedOnes() throws Exception {
        assertEquals(0, smallRun().code());
        Caches.closeAll();
        Run ok = cli("cache", "verify", "--home", home.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().matches("(?s)verified .*: \\d+ records, all intact\\s*"), ok.out());
    }
}
