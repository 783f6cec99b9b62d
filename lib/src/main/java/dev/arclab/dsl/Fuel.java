package dev.arclab.dsl;

/**
 * The fuel budget of the evaluation running on the current thread. Every primitive call charges one
 * unit, and primitives charge more in proportion to their work (cells or elements touched or built),
 * before allocating anything whose size comes from their arguments. Charges depend only on the
 * program and its input, so the same run uses the same fuel on any machine and thread. When the
 * budget is spent, {@link OutOfFuel} is thrown; with no budget set, charging is free and unlimited.
 */
public final class Fuel {

    /** Thrown when the budget of the current evaluation is spent. Not a DSL error: a timeout. */
    public static final class OutOfFuel extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutOfFuel() {
            super("out of fuel", null, false, false);
        }
    }

    private static final class Tank {
        long left = Long.MAX_VALUE;
        long used;
        boolean limited;
    }

    private static final ThreadLocal<Tank> TANK = ThreadLocal.withInitial(Tank::new);

    private Fuel() {
    }

    /** Charges {@code units} (non-negative) to the current thread's budget. */
    public static void charge(long units) {
        Tank t = TANK.get();
        if (!t.limited) {
            return;
        }
        t.used += units;
        t.left -= units;
        if (t.left < 0) {
            t.left = 0;
            throw new OutOfFuel();
        }
    }

    /** Starts a budget of {@code units} on this thread. */
    public static void start(long units) {
        Tank t = TANK.get();
        t.left = units;
        t.used = 0;
        t.limited = true;
    }

    /** Fuel used since {@link #start}. */
    public static long used() {
        return TANK.get().used;
    }

    /** Ends the budget of this thread: charging becomes free again. */
    public static void stop() {
        Tank t = TANK.get();
        t.limited = false;
        t.left = Long.MAX_VALUE;
    }
}
