package dev.arclab.magics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Work that the notebook's stop button should cancel.
 *
 * <p>A long phase registers itself while it runs; when the user interrupts the cell, the kernel calls
 * {@link #cancelAll()}, which calls {@link Cancellable#cancel()} on everything registered (besides stopping the
 * cell's thread):
 *
 * <pre>{@code
 * try (Cancellables.Registration r = Cancellables.register(phase::cancel)) {
 *     return phase.run();
 * }
 * }</pre>
 */
public final class Cancellables {
    /** Something that can be asked to stop soon. Must be quick and thread-safe: it runs on the kernel's control thread. */
    @FunctionalInterface
    public interface Cancellable {
        void cancel();
    }

    /** Removes its cancellable from the registry when closed. */
    public static final class Registration implements AutoCloseable {
        private final Cancellable cancellable;

        private Registration(Cancellable cancellable) {
            this.cancellable = cancellable;
        }

        @Override
        public void close() {
            REGISTERED.remove(this);
        }
    }

    private static final List<Registration> REGISTERED = new CopyOnWriteArrayList<>();

    private Cancellables() {
    }

    /** Registers {@code c} until the returned registration is closed. */
    public static Registration register(Cancellable c) {
        if (c == null) {
            throw new NullPointerException("cancellable");
        }
        Registration r = new Registration(c);
        REGISTERED.add(r);
        return r;
    }

    /**
     * Calls {@code cancel()} on every registered cancellable (they stay registered until closed). An exception
     * from one does not stop the others; it is printed to the kernel's standard error.
     *
     * @return how many were called
     */
    public static int cancelAll() {
        int n = 0;
        for (Registration r : REGISTERED) {
            try {
                r.cancellable.cancel();
            } catch (RuntimeException e) {
                System.err.println("cancel() failed: " + e);
            }
            n++;
        }
        return n;
    }

    /** How many are registered now. */
    public static int size() {
        return REGISTERED.size();
    }
}
