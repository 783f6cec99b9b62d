package dev.arclab.dsl;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A function value built by one of the seven builder primitives (dsl-spec §5.2, §5.3). Builders never
 * call their arguments; errors appear when the built function is called. Each build is a new,
 * distinct value, ordered among built functions by builder, captured arguments, then creation order.
 */
public final class BuiltFn extends Fn {

    /** The builders in reference order (which is also their order in sets). */
    public enum Builder {
        COMPOSE, CHAIN, MATCHER, RBIND, LBIND, POWER, FORK
    }

    /**
     * Creation order. Only the relative order of two functions built by the same evaluation matters,
     * and one evaluation runs on one thread, so a shared counter keeps it deterministic.
     */
    private static final AtomicLong CREATED = new AtomicLong();

    private final Builder builder;
    private final Object[] captured;
    private final int arity;
    private final long serial = CREATED.getAndIncrement();
    /** 1 + the deepest built function among the captured values: bounded by {@link Fuel#MAX_DEPTH}. */
    private final int depth;

    private BuiltFn(Builder builder, int arity, Object... captured) {
        this.builder = builder;
        this.arity = arity;
        this.captured = captured;
        int d = 0;
        for (Object c : captured) {
            if (c instanceof BuiltFn b) {
                d = Math.max(d, b.depth);
            }
        }
        if (d >= Fuel.MAX_DEPTH) {
            // Comparing, hashing or calling a deeper value would recurse past any fixed stack.
            throw new DslException("RecursionError: built functions nested more than " + Fuel.MAX_DEPTH + " deep");
        }
        this.depth = d + 1;
    }

    public Builder builder() {
        return builder;
    }

    /** The captured arguments in builder order, e.g. (outer, inner) for compose. */
    public Object[] captured() {
        return captured.clone();
    }

    @Override
    public int arity() {
        return arity;
    }

    @Override
    public String name() {
        StringBuilder sb = new StringBuilder(builder.name().toLowerCase()).append('(');
        for (int k = 0; k < captured.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(Values.shortRepr(captured[k]));
        }
        return sb.append(')').toString();
    }

    static int compareBuilt(BuiltFn x, BuiltFn y) {
        int c = Integer.compare(x.builder.ordinal(), y.builder.ordinal());
        if (c != 0) {
            return c;
        }
        int n = Math.min(x.captured.length, y.captured.length);
        for (int k = 0; k < n; k++) {
            c = Values.compare(x.captured[k], y.captured[k]);
            if (c != 0) {
                return c;
            }
        }
        c = Integer.compare(x.captured.length, y.captured.length);
        return c != 0 ? c : Long.compare(x.serial, y.serial);
    }

    private static Fn fn(Object f) {
        if (f instanceof Fn g) {
            return g;
        }
        throw DslException.of("%s is not callable", f);
    }

    // ---- the seven builders -------------------------------------------------------------------

    @Def(index = 54, signature = "compose(outer: Callable, inner: Callable) -> Callable",
            summary = "Returns a new function of arity 1.")
    public static Fn compose(Object outer, Object inner) {
        return new BuiltFn(Builder.COMPOSE, 1, outer, inner);
    }

    @Def(index = 55, signature = "chain(h: Callable, g: Callable, f: Callable) -> Callable",
            summary = "Returns a new function of arity 1.")
    public static Fn chain(Object h, Object g, Object f) {
        return new BuiltFn(Builder.CHAIN, 1, h, g, f);
    }

    @Def(index = 56, signature = "matcher(function: Callable, target: Any) -> Callable",
            summary = "Returns a new function of arity 1.")
    public static Fn matcher(Object function, Object target) {
        return new BuiltFn(Builder.MATCHER, 1, function, target);
    }

    @Def(index = 57, signature = "rbind(function: Callable, fixed: Any) -> Callable",
            summary = "Fixes the LAST parameter of function.")
    public static Fn rbind(Object function, Object fixed) {
        return new BuiltFn(Builder.RBIND, bindArity(function), function, fixed);
    }

    @Def(index = 58, signature = "lbind(function: Callable, fixed: Any) -> Callable",
            summary = "Fixes the FIRST parameter of function.")
    public static Fn lbind(Object function, Object fixed) {
        return new BuiltFn(Builder.LBIND, bindArity(function), function, fixed);
    }

    /** n = 1 gives the function itself; n ≥ 2 an arity-1 n-fold application; n ≤ 0 is an error. */
    @Def(index = 59, signature = "power(function: Callable, n: Integer) -> Callable",
            summary = "n == 1 → returns function itself (same identity, same arity).")
    public static Object power(Object function, Object n) {
        int times = Values.toInt(n);
        if (times <= 0) {
            throw new DslException("power needs a positive count, got " + times);
        }
        if (times == 1) {
            return function;
        }
        return new BuiltFn(Builder.POWER, 1, function, times);
    }

    @Def(index = 60, signature = "fork(outer: Callable, a: Callable, b: Callable) -> Callable",
            summary = "Returns a new function of arity 1.")
    public static Fn fork(Object outer, Object a, Object b) {
        return new BuiltFn(Builder.FORK, 1, outer, a, b);
    }

    /** §5.3: binding an arity-2 function gives arity 1, arity 3 gives 2, anything else 3. */
    private static int bindArity(Object function) {
        int n = fn(function).arity();
        return n == 2 ? 1 : (n == 3 ? 2 : 3);
    }

    // ---- calls -----------------------------------------------------------------------------

    @Override
    public Object call1(Object x) {
        Fuel.enter();
        try {
            return callOne(x);
        } finally {
            Fuel.exit();
        }
    }

    private Object callOne(Object x) {
        switch (builder) {
            case COMPOSE:
                return fn(captured[0]).call1(fn(captured[1]).call1(x));
            case CHAIN:
                return fn(captured[0]).call1(fn(captured[1]).call1(fn(captured[2]).call1(x)));
            case MATCHER:
                return Values.equal(fn(captured[0]).call1(x), captured[1]) ? 1 : 0;
            case POWER: {
                Fn f = fn(captured[0]);
                int times = (Integer) captured[1];
                Object v = x;
                for (int k = 0; k < times; k++) {
                    v = f.call1(v);
                }
                return v;
            }
            case FORK:
                return fn(captured[0]).call2(fn(captured[1]).call1(x), fn(captured[2]).call1(x));
            case RBIND:
                if (arity == 1) {
                    return fn(captured[0]).call2(x, captured[1]);
                }
                throw wrongArity(1);
            case LBIND:
                if (arity == 1) {
                    return fn(captured[0]).call2(captured[1], x);
                }
                throw wrongArity(1);
            default:
                throw wrongArity(1);
        }
    }

    @Override
    public Object call2(Object x, Object y) {
        if (arity != 2) {
            throw wrongArity(2);
        }
        Fuel.enter();
        try {
            if (builder == Builder.RBIND) {
                return fn(captured[0]).call3(x, y, captured[1]);
            }
            return fn(captured[0]).call3(captured[1], x, y);
        } finally {
            Fuel.exit();
        }
    }

    @Override
    public Object call3(Object x, Object y, Object z) {
        if (arity != 3) {
            throw wrongArity(3);
        }
        Fuel.enter();
        try {
            if (builder == Builder.RBIND) {
                return fn(captured[0]).call4(x, y, z, captured[1]);
            }
            return fn(captured[0]).call4(captured[1], x, y, z);
        } finally {
            Fuel.exit();
        }
    }
}
