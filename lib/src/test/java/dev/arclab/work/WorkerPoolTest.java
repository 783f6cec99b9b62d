package dev.arclab.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void mapEachGivesEveryItemsResultInItemOrderAtAnyThreadCount() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add("item " + i + " squared " + (i * i));
        }
        for (int threads : new int[] {1, 2, 4}) {
            try (WorkerPool pool = new WorkerPool(threads)) {
                Set<String> threadNames = ConcurrentHashMap.newKeySet();
                WorkerPool.Mapped<String> m = pool.mapEach(500, i -> {
                    threadNames.add(Thread.currentThread().getName());
                    return "item " + i + " squared " + (i * i);
                }, new AtomicBoolean());
                assertEquals(expected, m.results(), threads + " threads");
                assertFalse(m.partial());
                assertTrue(threadNames.size() <= threads, threadNames + " at " + threads + " threads");
            }
        }
        try (WorkerPool pool = new WorkerPool(3)) {
            WorkerPool.Mapped<String> none = pool.mapEach(0, i -> "never", new AtomicBoolean());
            assertEquals(List.of(), none.results());
            assertFalse(none.partial());
        }
    }

    @Test
    void oneThreadRunsEveryItemOnTheCallingThread() {
        try (WorkerPool pool = new WorkerPool(1)) {
            Thread caller = Thread.currentThread();
            WorkerPool.Mapped<Boolean> m = pool.mapEach(20, i -> Thread.currentThread() == caller, new AtomicBoolean());
            assertTrue(m.results().stream().allMatch(b -> b), m.results().toString());
        }
    }

    @Test
    void cancellingStopsTakingItemsAndMarksTheResultPartial() {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicBoolean cancelled = new AtomicBoolean();
            AtomicInteger ran = new AtomicInteger();
            WorkerPool.Mapped<Integer> m = pool.mapEach(1000, i -> {
                if (ran.incrementAndGet() == 10) {
                    cancelled.set(true);
                }
                return i;
            }, cancelled);
            assertTrue(m.partial());
            assertEquals(1000, m.results().size());
            long done = m.results().stream().filter(r -> r != null).count();
            assertTrue(done >= 10 && done < 1000, done + " items ran");
            for (int i = 0; i < 1000; i++) {
                Integer r = m.results().get(i);
                assertTrue(r == null || r == i, "item " + i + " gave " + r);
            }
        }
    }

    @Test
    void anInterruptedCallerDropsItsRunningItemAndReturnsPartial() {
        try (WorkerPool pool = new WorkerPool(1)) {
            WorkerPool.Mapped<Integer> m = pool.mapEach(5, i -> {
                if (i == 2) {
                    Thread.currentThread().interrupt();
                }
                return i;
            }, new AtomicBoolean());
            assertTrue(Thread.interrupted(), "the caller's interrupt status is kept");
            assertTrue(m.partial());
            assertEquals(java.util.Arrays.asList(0, 1, null, null, null), m.results());
        }
    }

    @Test
    void anItemThatRanOutOfHeapIsRunAgainAloneAndItsResultKept() {
        // injected: item 3 runs out of heap the first time it runs (beside the others), not when run alone
        for (int threads : new int[] {1, 2, 3}) {
            try (WorkerPool pool = new WorkerPool(threads)) {
                java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
                WorkerPool.Mapped<Integer> each = pool.mapEach(6, i -> {
                    if (i == 3 && tries.incrementAndGet() == 1) {
                        throw new OutOfMemoryError("injected");
                    }
                    return i * 10;
                }, new AtomicBoolean());
                assertEquals(List.of(0, 10, 20, 30, 40, 50), each.results());
                assertTrue(!each.partial());
                java.util.concurrent.atomic.AtomicInteger tries2 = new java.util.concurrent.atomic.AtomicInteger();
                WorkerPool.Mapped<Integer> mapped = pool.map(List.of(0, 1, 2, 3, 4), i -> "t" + i, i -> {
                    if (i == 3 && tries2.incrementAndGet() == 1) {
                        throw new OutOfMemoryError("injected");
                    }
                    return i * 10;
                }, ItemTimer.NONE, new AtomicBoolean());
                assertEquals(List.of(0, 10, 20, 30, 40), mapped.results());
                assertTrue(!mapped.partial());
            }
        }
    }

    @Test
    void anItemThatDoesNotFitEvenAloneIsMissingAndTheRestStands() {
        try (WorkerPool pool = new WorkerPool(2)) {
            WorkerPool.Mapped<Integer> each = pool.mapEach(5, i -> {
                if (i == 1) {
                    throw new OutOfMemoryError("injected");
                }
                return i;
            }, new AtomicBoolean());
            assertTrue(each.partial());
            assertEquals(java.util.Arrays.asList(0, null, 2, 3, 4), each.results());
            WorkerPool.Mapped<Integer> mapped = pool.map(List.of(0, 1, 2), i -> "t" + i, i -> {
                if (i == 1) {
                    throw new OutOfMemoryError("injected");
                }
                return i;
            }, ItemTimer.NONE, new AtomicBoolean());
            assertTrue(mapped.partial());
            assertEquals(java.util.Arrays.asList(0, null, 2), mapped.results());
        }
    }

    @Test
    void anItemsExceptionReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.mapEach(100, i -> {
                if (i == 3) {
                    throw new IllegalStateException("item 3 failed");
                }
                return i;
            }, new AtomicBoolean()));
            assertEquals("item 3 failed", e.getMessage());
        }
    }
}
