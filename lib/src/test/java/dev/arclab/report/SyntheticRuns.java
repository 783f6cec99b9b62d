package dev.arclab.report;

import dev.arclab.profile.ItemTiming;
import dev.arclab.profile.PhaseRecord;
import dev.arclab.profile.RunConfig;
import dev.arclab.profile.RunRecord;
import dev.arclab.profile.TaskTiming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Deterministic synthetic run records for tests: items scheduled greedily on worker lanes. */
final class SyntheticRuns {
    static final String[] PHASES = {"load", "generate", "score", "filter", "validate", "save"};

    private SyntheticRuns() {
    }

    /**
     * A phase whose items (ms durations) run on {@code threads} lanes, each lane taking the next item when
     * it is free; tasks are "t00", "t01", ... assigned round robin.
     */
    static PhaseRecord phase(String name, int iteration, int threads, double[] itemMillis, int tasks,
            Map<String, Long> counters) {
        long[] laneFree = new long[threads];
        List<ItemTiming> items = new ArrayList<>();
        for (int i = 0; i < itemMillis.length; i++) {
            int lane = 0;
            for (int l = 1; l < threads; l++) {
                if (laneFree[l] < laneFree[lane]) {
                    lane = l;
                }
            }
            long wall = Math.round(itemMillis[i] * 1e6);
            String task = String.format("t%02d", i % tasks);
            items.add(new ItemTiming(task, lane, laneFree[lane], wall, Math.round(wall * 0.9)));
            laneFree[lane] += wall;
        }
        long phaseWall = 0;
        for (long f : laneFree) {
            phaseWall = Math.max(phaseWall, f);
        }
        phaseWall += 200_000; // set-up and tear-down outside the items
        Map<String, long[]> perTask = new TreeMap<>();
        long busy = 0;
        long cpu = 0;
        long longest = 0;
        for (ItemTiming it : items) {
            busy += it.wallNanos();
            cpu += it.cpuNanos();
            longest = Math.max(longest, it.wallNanos());
            long[] a = perTask.computeIfAbsent(it.task(), k -> new long[] {0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
            a[0]++;
            a[1] += it.wallNanos();
            a[2] += it.cpuNanos();
            a[3] = Math.min(a[3], it.startNanos());
            a[4] = Math.max(a[4], it.endNanos());
        }
        List<TaskTiming> tt = new ArrayList<>();
        perTask.forEach((t, a) -> tt.add(new TaskTiming(t, (int) a[0], a[1], a[2], a[3], a[4])));
        return new PhaseRecord(name, iteration, threads, phaseWall, busy, cpu, items.size(), longest, tt, items,
                counters, false);
    }

    /** Item durations in ms: mostly {@code base}, jittered by the seed, with a few slow outliers. */
    static double[] durations(int n, double base, long seed) {
        Random r = new Random(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = base * (0.5 + r.nextDouble());
            if (i % 17 == 5) {
                d[i] *= 6;
            }
        }
        return d;
    }

    static RunConfig config(int threads, String label) {
        return new RunConfig(42, threads, 20, 39, 20, 0.2, 2, "dsl-1", label);
    }

    /**
     * A two-iteration run; {@code scale} multiplies every item duration (2.0 = twice as slow), {@code seed}
     * jitters the durations a little, like a repeat of the same configuration.
     */
    static RunRecord run(String id, String label, int threads, double scale, long seed) {
        List<PhaseRecord> phases = new ArrayList<>();
        Random jitter = new Random(seed);
        for (int iter = 1; iter <= 2; iter++) {
            for (int k = 0; k < PHASES.length; k++) {
                String p = PHASES[k];
                double base = switch (p) {
                    case "score" -> 40;
                    case "validate" -> 20;
                    case "load" -> 5;
                    default -> 3;
                };
                int n = switch (p) {
                    case "score" -> 120;
                    case "validate" -> 60;
                    case "generate", "filter", "save" -> 4;
                    default -> 20;
                };
                double j = 1 + (jitter.nextDouble() - 0.5) * 0.04; // +-2% run-to-run noise
                double[] d = durations(n, base * scale * j, 1000L * iter + k);
                int laneCount = p.equals("generate") || p.equals("filter") || p.equals("save") ? 1 : threads;
                Map<String, Long> counters = new LinkedHashMap<>();
                counters.put("candidates", (long) n * 10);
                if (p.equals("validate")) {
                    long lookups = 60;
                    long disk = iter == 1 ? 10 : 35;
                    long hits = iter == 1 ? 5 : 20;
                    counters.put("cache.validation.hits", hits);
                    counters.put("cache.validation.diskHits", disk);
                    counters.put("cache.validation.misses", lookups - hits - disk);
                    counters.put("cache.canonical.hits", iter == 1 ? 2L : 30L);
                    counters.put("cache.canonical.misses", iter == 1 ? 40L : 12L);
                }
                phases.add(phase(p, iter, laneCount, d, 20, counters));
            }
        }
        return new RunRecord(id, 1_700_000_000_000L + seed, config(threads, label), phases,
                Map.of("perfectTasks", 12L));
    }

    static RunRecord run(String id, int threads) {
        return run(id, id, threads, 1.0, 1);
    }
}
