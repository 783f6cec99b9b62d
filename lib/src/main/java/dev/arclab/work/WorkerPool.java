package dev.arclab.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.IntFunction;

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

    /** An item run again alone: its result, or missing (null) when even alone it ran out of heap or was interrupted. */
    private record Alone<R>(R result, boolean missing) {
    }

    /**
     * Runs an item that ran out of heap beside the others once more, alone, with the heap they held freed: the same
     * work, so the same result. An exception other than running out of heap reaches the caller.
     */
    private <R> Alone<R> runAlone(java.util.concurrent.Callable<R> item, AtomicBoolean cancelled) {
        try {
            return new Alone<>(executor.submit(item).get(), false);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof OutOfMemoryError)) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
            return new Alone<>(null, true); // even alone it does not fit the heap: its result is missing, the rest stands
        } catch (InterruptedException e) {
            cancelled.set(true);
            Thread.currentThread().interrupt();
            return new Alone<>(null, true);
        }
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
            T item = items.get(k);
            Alone<R> alone = runAlone(() -> timer.item(taskOf.apply(item), () -> work.apply(item)), cancelled);
            results.set(k, alone.result());
            partial |= alone.missing();
        }
        return new Mapped<>(results, partial);
    }

    /**
     * Runs {@code work} on the items {@code 0..n-1}, for many small items: instead of one submission per item (a future,
     * a queue entry and a thread hand-off each), the calling thread and {@link #threads()} - 1 workers of the pool
     * (at most {@link #threads()} threads at once, as with {@link #map}) each take the next item from a shared counter
     * until none is left, so an item costs an increment, and one thread needs no hand-off at all. Results come back in
     * item order (null where an item did not run), as {@link #map}; stops taking items when {@code cancelled} becomes
     * true or the calling thread is interrupted (partial; an item the calling thread was running then is dropped); an
     * item out of heap is run again alone once the others are done. {@code work} never returns null.
     */
    public <R> Mapped<R> mapEach(int n, IntFunction<R> work, AtomicBoolean cancelled) {
        AtomicReferenceArray<R> out = new AtomicReferenceArray<>(n);
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> outOfMemory = new ConcurrentLinkedQueue<>();
        int workers = Math.min(threads, n) - 1;
        List<Future<?>> futures = new ArrayList<>(Math.max(0, workers));
        for (int w = 0; w < workers; w++) {
            futures.add(executor.submit(() -> {
                int i;
                while (!cancelled.get() && (i = next.getAndIncrement()) < n) {
                    try {
                        out.set(i, work.apply(i));
                    } catch (OutOfMemoryError e) {
                        outOfMemory.add(i);
                    }
                }
            }));
        }
        boolean partial = false;
        int i;
        Thread caller = Thread.currentThread();
        while (!cancelled.get() && (i = next.getAndIncrement()) < n) {
            R r;
            try {
                r = work.apply(i);
            } catch (OutOfMemoryError e) {
                outOfMemory.add(i);
                continue;
            } catch (RuntimeException e) {
                cancelled.set(true);
                throw e;
            }
            if (caller.isInterrupted()) {
                cancelled.set(true);
                partial = true;
                break;
            }
            out.set(i, r);
        }
        for (Future<?> f : futures) {
            if (partial) {
                break;
            }
            try {
                f.get();
            } catch (ExecutionException e) {
                cancelled.set(true);
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                cancelled.set(true);
                Thread.currentThread().interrupt();
                partial = true;
                break;
            }
        }
        if (!partial && !outOfMemory.isEmpty()) {
            for (int k : outOfMemory.stream().sorted().toList()) {
                Alone<R> alone = runAlone(() -> work.apply(k), cancelled);
                out.set(k, alone.result());
                partial |= alone.missing();
            }
        }
        List<R> results = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            R r = out.get(k);
            partial |= r == null;
            results.add(r);
        }
        return new Mapped<>(results, partial);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
