package dev.arclab.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseTimerTest {

    private static long spin(long iterations) {
        long x = 1;
        for (long k = 0; k < iterations; k++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    private static PhaseRecord twoThreadPhase() throws Exception {
        PhaseTimer timer = new PhaseTimer("score", 1, 2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> fs = new ArrayList<>();
            // Three items per task, each pair of items waiting for each other, so that two workers are
            // certainly running at the same time; the spinning dominates the phase's wall time.
            for (int round = 0; round < 3; round++) {
                CountDownLatch bothStarted = new CountDownLatch(2);
                for (String task : List.of("a", "b")) {
                    fs.add(pool.submit(() -> timer.run(task, () -> {
                        bothStarted.countDown();
                        try {
                            assertTrue(bothStarted.await(30, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        spin(30_000_000);
                    })));
                }
            }
            for (Future<?> f : fs) {
                f.get();
            }
            timer.count("candidates", 5);
            timer.count("candidates", 2);
        } finally {
            pool.shutdown();
        }
        return timer.finish(false);
    }

    @Test
    void invariantsOfATwoThreadPhase() throws Exception {
        PhaseRecord p = twoThreadPhase();
        assertEquals(6, p.items());
        assertTrue(p.busyNanos() >= p.longestItemNanos(), "busy >= longest item");
        assertTrue(p.busyNanos() <= 2 * p.wallNanos() + 2_000_000, "busy <= threads x wall (within timer tolerance)");
        assertEquals((double) p.busyNanos() / p.wallNanos(), p.parallelism(), 1e-12, "parallelism = busy / wall");
        assertEquals(p.parallelism() / 2, p.efficiency(), 1e-12);
        assertEquals(2, p.tasks().size());
        assertEquals(p.busyNanos(), p.tasks().stream().mapToLong(TaskTiming::busyNanos).sum(), "totals = sum over tasks");
        assertEquals(p.cpuNanos(), p.tasks().stream().mapToLong(TaskTiming::cpuNanos).sum());
        assertEquals(p.items(), p.tasks().stream().mapToInt(TaskTiming::items).sum());
        assertEquals(7L, p.counter("candidates"));
        assertTrue(p.itemTimings().stream().mapToInt(ItemTiming::worker).max().orElse(-1) <= 1, "two lanes");
    }

    @Test
    void runRecordsRoundTripThroughJson(@TempDir Path dir) throws Exception {
        PhaseRecord p = twoThreadPhase();
        RunRecord run = new RunRecord("r1", 1234L, new RunConfig(7, 2, 32, 40, 32, 0.1, 1, "v", "baseline"),
                List.of(p), Map.of("demoPerfect", 3L));
        Path file = dir.resolve("run.json");
        RunRecords.write(run, file);
        RunRecord back = RunRecords.read(file);
        assertEquals(run, back);
        assertEquals(p.parallelism(), back.phases().get(0).parallelism(), 0.0);
    }
}
