package dev.arclab.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellablesTest {
    @Test
    void cancelAllCallsEveryRegisteredOneUntilClosed() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            check();
        } finally {
            System.setErr(err);
        }
        assertEquals("cancel() failed: java.lang.IllegalStateException: a failing cancel does not stop the others\n",
                captured.toString(StandardCharsets.UTF_8));
    }

    private static void check() {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        int before = Cancellables.size();
        try (Cancellables.Registration ra = Cancellables.register(a::incrementAndGet)) {
            try (Cancellables.Registration rb = Cancellables.register(() -> {
                b.incrementAndGet();
                throw new IllegalStateException("a failing cancel does not stop the others");
            })) {
                assertEquals(before + 2, Cancellables.size());
                assertEquals(before + 2, Cancellables.cancelAll());
            }
            Cancellables.cancelAll();
        }
        Cancellables.cancelAll();
        assertEquals(2, a.get());
        assertEquals(1, b.get());
        assertEquals(before, Cancellables.size());
    }
}
