package dev.arclab.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The one bounded pool of worker threads that every phase and the conformance runner share (design lesson 8: no
 * nested pools, no thread exhaustion). Work is submitted as a list of items; results come back in item order, so
 * nothing depends on scheduling. A cancelled map returns the items that finished and marks the rest
 * missing. Work items are bounded by fuel, so cancelling waits at most for the running items. An item
 * that runs out of heap is run again alone once the others are done; if it still does not fit, its
 * result is missing (as if cancelled) and the others stand.
 */
public final class WorkerPool implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ExecutorService executor;

    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "arclab-" + pool + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /** All cores of this machine. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return threads;
    }

    /** The outcome of mapping items: results in item order (null where an item did not finish). */
    public record Mapped<R>(List<R> results, boolean partial) {
    }

    /**
     * Runs {@code work} on every item on the pool, timing each as a work item of {@code taskOf(item)}
     * ({@link ItemTimer#NONE} for no timing).
     * Stops early when {@code cancelled} becomes true: items not started are skipped.
     */
    public <T, R> Mapped<R> map(List<T> items, Function<T, String> taskOf, Function<T, R> work, ItemTimer timer,
            AtomicBoolean cancelled) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(executor.submit(() -> {
                if (cancelled.get()) {
                    throw new CancellationException();
                }
                return timer.item(taskOf.apply(item), () -> work.apply(item));
            }));
        }
        List<R> results = new ArrayList<>(items.size());
        List<Integer> outOfMemory = new ArrayList<>();
        boolean partial = false;
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (CancellationException e) {
                results.add(null);
                partial = true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CancellationException) {
                    results.add(null);
                    partial = true;
                } else if (e.getCause() instanceof OutOfMemoryError) {
                    // Items that ran out of heap beside the others are run again alone, below.
                    outOfMemory.add(results.size());
                    results.add(null);
                } else if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                } else {
                    throw new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                cancelled.set(true);
                Thread.currentThread().interrupt();
                results.add(null);
                partial = true;
            }
        }
        for (int k : outOfMemory) {
            // One at a time, with the heap the other items held freed: the same work, so the same result.
            T item = items.get(k);
            try {
                results.set(k, executor.submit(() -> timer.item(taskOf.apply(item), () -> work.apply(item))).get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof OutOfMemoryError)) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
                partial = true; // even alone it does not fit the heap: its result is missing, the rest stands
            } catch (InterruptedException e) {
                cancelled.set(true);
                Thread.currentThread().interrupt();
                partial = true;
            }
        }
        return new Mapped<>(results, partial);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
