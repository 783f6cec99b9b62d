package dev.arclab.program;

import dev.arclab.dsl.DslException;
import dev.arclab.dsl.Fn;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;

/**
 * Evaluates a program on one input grid on the calling thread, each node once, in canonical
 * (topological) order, under a fuel budget. Primitives charge the fuel themselves in proportion to
 * their work, so the fuel used, and whether a run times out, depend only on the program and the
 * input: never on the machine, the thread or the load. No thread is created; a timeout is the budget
 * running out inside a primitive, so nothing is left running.
 *
 * <p>Each node may allocate at most {@link Fuel#MAX_ALLOCATION} elements and built functions nest at
 * most {@link Fuel#MAX_DEPTH} calls deep (both DSL errors beyond), so a run of {@code n} nodes requests
 * at most {@code n * MAX_ALLOCATION} elements and its outcome does not depend on the heap or the stack.
 *
 * <p>A DSL error is {@link Outcome.Error} with its message. Any other exception or error thrown by a
 * primitive (a bug, a stack overflow, an allocation too large for the heap) is also reported as an
 * error, with its class in the message; the caller never sees it thrown. Immutable and thread-safe.
 */
public final class Interpreter {

    /** The default budget: 20 million fuel units per run (one program on one input). */
    public static final long DEFAULT_FUEL = 20_000_000L;

    private final long fuel;

    /** An interpreter with the default budget. */
    public Interpreter() {
        this(DEFAULT_FUEL);
    }

    /** An interpreter with a budget of {@code fuel} units per run. */
    public Interpreter(long fuel) {
        if (fuel <= 0) {
            throw new IllegalArgumentException("the fuel budget must be positive, got " + fuel);
        }
        this.fuel = fuel;
    }

    /** The budget of each run. */
    public long fuel() {
        return fuel;
    }

    /** Runs {@code program} on {@code input}. */
    public Outcome run(Program program, Grid input) {
        int n = program.size();
        Object[] memo = new Object[n];
        int k = 0;
        Fuel.start(fuel);
        try {
            for (; k < n; k++) {
                Fuel.nextNode();
                memo[k] = evaluate(program, k, memo, input);
            }
            return Outcome.ok(memo[n - 1], Fuel.used());
        } catch (Fuel.OutOfFuel e) {
            return Outcome.timeout(k, program.nameOf(k), Fuel.used());
        } catch (DslException e) {
            return Outcome.error(e.getMessage(), k, program.nameOf(k), Fuel.used());
        } catch (StackOverflowError | OutOfMemoryError e) {
            return Outcome.error(e.getClass().getName() + describe(e), k, program.nameOf(k), Fuel.used());
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return Outcome.error(e.getClass().getName() + describe(e), k, program.nameOf(k), Fuel.used());
        } finally {
            Fuel.stop();
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? "" : ": " + e.getMessage();
    }

    /**
     * Calls the function value {@code f} on the values at {@code args} of {@code values}: how a call node
     * is evaluated, here and in batch DAGs. A value that is not a function is a DSL error.
     */
    public static Object apply(Object f, int[] args, Object[] values) {
        if (!(f instanceof Fn fn)) {
            throw new DslException(Values.kindName(f) + " " + Values.shortRepr(f) + " is not callable");
        }
        switch (args.length) {
            case 1:
                return fn.call1(values[args[0]]);
            case 2:
                return fn.call2(values[args[0]], values[args[1]]);
            case 3:
                return fn.call3(values[args[0]], values[args[1]], values[args[2]]);
            case 4:
                return fn.call4(values[args[0]], values[args[1]], values[args[2]], values[args[3]]);
            default: {
                Object[] a = new Object[args.length];
                for (int j = 0; j < args.length; j++) {
                    a[j] = values[args[j]];
                }
                return fn.call(a);
            }
        }
    }

    private static Object evaluate(Program p, int k, Object[] memo, Grid input) {
        Node node = p.node(k);
        if (node instanceof Node.Call) {
            return apply(memo[p.calleeIndex(k)], p.argIndices(k), memo);
        }
        if (node instanceof Node.Input) {
            return input;
        }
        if (node instanceof Node.Constant c) {
            return c.value();
        }
        return ((Node.PrimitiveValue) node).primitive();
    }
}
