package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Searches that together would not fit the heap run one after the other instead of at once. */
class SearchMemoryTest {

    @Test
    void aSearchWaitsWhileTheHeapIsTakenByAnother() throws Exception {
        // a search as large as the whole heap's share: the second must wait until the first is done
        Enumerator.Settings huge = Enumerator.Settings.defaults();
        int searches = (int) (Search.MEMORY_UNITS * 1_000_000L / huge.maxCells()) + 1;
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        Thread first = new Thread(() -> {
            try {
                Search.withinMemory(huge, searches, () -> {
                    inside.countDown();
                    finish.await();
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        inside.await();
        Thread second = new Thread(() -> {
            try {
                Search.withinMemory(huge, 1, () -> {
                    secondRan.set(true);
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        second.start();
        while (!Search.waitingForMemory()) {
            Thread.onSpinWait(); // until the second is queued for memory
        }
        assertFalse(secondRan.get(), "the second search started while the first held the heap");
        finish.countDown();
        first.join();
        second.join();
        assertTrue(secondRan.get());
        assertFalse(Search.waitingForMemory());
    }

    @Test
    void theWorksResultIsReturned() throws Exception {
        assertEquals("done", Search.withinMemory(Enumerator.Settings.defaults(), 1, () -> "done"));
    }
}
