package dev.arclab.dsl;

/**
 * The fuel budget of the evaluation running on the current thread. Every primitive call charges one
 * unit, and primitives charge more in proportion to their work (cells or elements touched or built),
 * before allocating anything whose size comes from their arguments. Charges depend only on the
 * program and its input, so the same run uses the same fuel on any machine and thread. When the
 * budget is spent, {@link OutOfFuel} is thrown; with no budget set, charging is free and unlimited.
 *
 * <p>Two more limits hold while a budget is set, both counted like fuel so that they give the same
 * outcome on every machine, heap, stack size and thread:
 * <ul>
 *   <li><b>allocation</b>: the elements (grid cells, container elements) that one program node may
 *   allocate, summed over everything it builds, {@link #MAX_ALLOCATION}. Primitives call
 *   {@link #allocate} with the size of what they are about to build, before building it; beyond the
 *   bound the node fails with a DSL error ("MemoryError"). So no node can request more than
 *   {@value #MAX_ALLOCATION} elements, and one evaluation of a program of {@code n} nodes at most
 *   {@code n} times that.</li>
 *   <li><b>call depth</b>: built functions ({@code compose}, {@code fork}, ...) calling each other nest
 *   at most {@link #MAX_DEPTH} deep; a deeper call is a DSL error ("RecursionError"), never a Java
 *   {@link StackOverflowError} whose occurrence would depend on the thread's stack size.</li>
 * </ul>
 */
public final class Fuel {

    /** Elements one node (one primitive call, with everything it calls) may allocate: 2,000,000. */
    public static final long MAX_ALLOCATION = 2_000_000L;

    /** How deep built functions may call each other (and be nested when built): 200. */
    public static final int MAX_DEPTH = 200;

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
        long allocated;
        int depth;
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
        spend(t, units);
    }

    private static void spend(Tank t, long units) {
        t.used += units;
        t.left -= units;
        if (t.left < 0) {
            t.left = 0;
            throw new OutOfFuel();
        }
    }

    /**
     * Charges {@code elements} units for building that many elements, before they are allocated, and
     * counts them against the node's allocation bound {@link #MAX_ALLOCATION}. Fuel is charged first,
     * so a request that would also exhaust the budget is a timeout, as it was before the bound.
     *
     * @throws DslException beyond the bound (while a budget is set)
     */
    public static void allocate(long elements) {
        Tank t = TANK.get();
        if (!t.limited) {
            return;
        }
        spend(t, elements);
        t.allocated += elements;
        if (t.allocated > MAX_ALLOCATION) {
            throw new DslException("MemoryError: " + t.allocated + " elements allocated by one call, beyond the bound of "
                    + MAX_ALLOCATION);
        }
    }

    /**
     * Enters one level of built-function call: charges one unit and checks the depth bound. Every
     * {@code enter} is paired with an {@link #exit} in a {@code finally} block.
     *
     * @throws DslException beyond {@link #MAX_DEPTH} levels (with or without a budget)
     */
    public static void enter() {
        Tank t = TANK.get();
        if (t.depth >= MAX_DEPTH) {
            throw new DslException("RecursionError: built functions nested more than " + MAX_DEPTH + " calls deep");
        }
        if (t.limited) {
            spend(t, 1);
        }
        t.depth++;
    }

    /** Leaves the level entered by {@link #enter}. */
    public static void exit() {
        TANK.get().depth--;
    }

    /** Starts a new node of the current evaluation: its allocations are counted from zero. */
    public static void nextNode() {
        Tank t = TANK.get();
        t.allocated = 0;
        t.depth = 0;
    }

    /** Starts a budget of {@code units} on this thread. */
    public static void start(long units) {
        Tank t = TANK.get();
        t.left = units;
        t.used = 0;
        t.allocated = 0;
        t.depth = 0;
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
        t.allocated = 0;
        t.depth = 0;
    }
}
