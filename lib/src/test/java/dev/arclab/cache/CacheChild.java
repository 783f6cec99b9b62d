package dev.arclab.cache;

import dev.arclab.pipeline.ResultMaps;
import dev.arclab.cache.MapStats;
import dev.arclab.cache.ResultCache;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of the cross-process tests (started by {@link ChildProcess}). Modes:
 * <ul>
 * <li>{@code pipeline HOME}: the fixture run on the store; prints {@code signature <sha>} and a
 * {@code stats <map> <hits> <diskHits> <misses>} line per map, then {@code done}.</li>
 * <li>{@code writer HOME TRIAL [STOP]}: commits batches of entries forever, printing {@code committing N}
 * before and {@code committed N} after each commit (N entries committed in all); it is killed. With
 * STOP, the commit that would make {@code STOP} entries prints {@code inside commit N} once its batch is
 * in MapDB's write-ahead log but not committed, and waits there to be killed.</li>
 * <li>{@code pipeline-until HOME}: the fixture run, printing {@code phase P} as each phase starts (to be
 * killed at one).</li>
 * <li>{@code hold HOME}: opens the store, prints {@code holding <file>}, waits for a line on stdin.</li>
 * </ul>
 */
public final class CacheChild {
    private CacheChild() {
    }

    /** Entries per commit of the writer, and their values' length: a commit-heavy run. */
    static final int BATCH = 1000;
    static final int VALUE_CHARS = 1500;

    static String writerKey(int trial, int n) {
        return "t" + trial + "-g" + (n / 50) + "|i" + n;
    }

    static String writerValue(int trial, int n) {
        String head = "trial " + trial + " entry " + n + " ";
        StringBuilder sb = new StringBuilder(VALUE_CHARS);
        while (sb.length() < VALUE_CHARS) {
            sb.append(head);
        }
        return sb.substring(0, VALUE_CHARS);
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path home = Path.of(args[1]);
        switch (mode) {
            case "pipeline" -> {
                ResultCache cache = Caches.open(CacheOptions.at(home), m -> System.out.println("message " + m));
                System.out.println("cache " + cache.getClass().getSimpleName());
                Fixtures.Run run = Fixtures.run(cache);
                System.out.println("signature " + Fixtures.digest(run.signature()));
                for (MapStats s : run.cache()) {
                    System.out.println("stats " + s.map() + " " + s.sessionHits() + " " + s.diskHits() + " " + s.misses());
                }
                System.out.println("done");
            }
            case "pipeline-until" -> {
                // runs the fixture and prints "phase P" as each phase starts; the test kills it at one
                ResultCache cache = Caches.open(CacheOptions.at(home), m -> System.out.println("message " + m));
                try (dev.arclab.pipeline.Pipeline p = new dev.arclab.pipeline.Pipeline(Fixtures.tasks(), Fixtures.config(), cache)) {
                    p.onProgress(pr -> {
                        if (pr.done() == 0) {
                            System.out.println("phase " + pr.phase());
                            System.out.flush();
                        }
                    });
                    p.loadLibrary(Fixtures.solvers());
                    p.runOnce();
                    p.runOnce();
                }
                System.out.println("done");
            }
            case "writer" -> {
                int trial = Integer.parseInt(args[2]);
                int stop = args.length > 3 ? Integer.parseInt(args[3]) : -1;
                int[] next = {0};
                MapDbCache.beforeMapDbCommit = () -> {
                    if (next[0] == stop) {
                        System.out.println("inside commit " + stop);
                        System.out.flush();
                        try {
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                };
                ResultCache cache = Caches.open(CacheOptions.at(home), m -> System.out.println("message " + m));
                System.out.println("cache " + cache.getClass().getSimpleName());
                System.out.flush();
                for (int n = 0; ; ) {
                    for (int k = 0; k < BATCH; k++, n++) {
                        ResultMaps.of(cache).canonical().put(writerKey(trial, n), writerValue(trial, n), n);
                    }
                    next[0] = n;
                    System.out.println("committing " + n);
                    System.out.flush();
                    cache.commit();
                    System.out.println("committed " + n);
                    System.out.flush();
                }
            }
            case "hold" -> {
                ResultCache cache = Caches.open(CacheOptions.at(home), m -> System.out.println("message " + m));
                ResultMaps.of(cache).canonical().put("held", "by the holder", 1);
                cache.commit();
                System.out.println("holding " + CacheOptions.at(home).file() + " " + cache.getClass().getSimpleName());
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                Caches.closeAll();
                System.out.println("released");
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }
}
