package dev.arclab.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Measures one phase while it runs: wraps each work item to record its wall and thread CPU time on
 * whatever worker runs it, counts events, and at the end aggregates per task and in total. Safe to use
 * from many worker threads at once.
 */
public final class PhaseTimer implements dev.arclab.work.ItemTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private final String phase;
    private final int iteration;
    private final int threads;
    private final long start = System.nanoTime();
    private final ConcurrentLinkedQueue<ItemTiming> items = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<Thread, Integer> lanes = new ConcurrentHashMap<>();
    private final Map<String, Integer> remoteLanes = new ConcurrentHashMap<>();
    private final AtomicInteger nextLane = new AtomicInteger();

    public PhaseTimer(String phase, int iteration, int threads) {
        this.phase = phase;
        this.iteration = iteration;
        this.threads = threads;
    }

    /** Runs one work item of {@code task} on the calling thread and records its cost. */
    @Override
    public <T> T item(String task, Supplier<T> work) {
        int lane = lanes.computeIfAbsent(Thread.currentThread(), t -> nextLane.getAndIncrement());
        long cpu0 = CPU ? THREADS.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            long t1 = System.nanoTime();
            long cpu1 = CPU ? THREADS.getCurrentThreadCpuTime() : 0;
            items.add(new ItemTiming(task, lane, t0 - start, t1 - t0, cpu1 - cpu0));
        }
    }

    /**
     * Records work measured in another JVM (a chunk of items on a cluster member, {@code where}): it
     * ended when its result arrived at {@code endNanoTime} (this JVM's {@link System#nanoTime}) and took
     * {@code wallNanos} there, {@code cpuNanos} of it on CPU. Each {@code where} gets a lane of its own.
     */
    public void measured(String where, long endNanoTime, long wallNanos, long cpuNanos) {
        int lane = remoteLanes.computeIfAbsent(where, w -> nextLane.getAndIncrement());
        long startOffset = Math.max(0, endNanoTime - wallNanos - start);
        items.add(new ItemTiming(where, lane, startOffset, wallNanos, cpuNanos));
    }

    /** Runs one work item with no result. */
    public void run(String task, Runnable work) {
        item(task, () -> {
            work.run();
            return null;
        });
    }

    public void count(String counter, long delta) {
        counters.computeIfAbsent(counter, k -> new AtomicLong()).addAndGet(delta);
    }

    /** Ends the phase: the record of everything measured so far. */
    public PhaseRecord finish(boolean partial) {
        long wall = System.nanoTime() - start;
        List<ItemTiming> all = new ArrayList<>(items);
        all.sort(Comparator.comparingLong(ItemTiming::startNanos).thenComparing(ItemTiming::task));
        Map<String, long[]> perTask = new TreeMap<>();
        long busy = 0;
        long cpu = 0;
        long longest = 0;
        for (ItemTiming it : all) {
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
        List<TaskTiming> tasks = new ArrayList<>();
        perTask.forEach((task, a) -> tasks.add(new TaskTiming(task, (int) a[0], a[1], a[2], a[3], a[4])));
        Map<String, Long> counts = new LinkedHashMap<>();
        new TreeMap<>(counters).forEach((k, v) -> counts.put(k, v.get()));
        return new PhaseRecord(phase, iteration, threads, wall, busy, cpu, all.size(), longest, tasks, all, counts, partial);
    }
}
