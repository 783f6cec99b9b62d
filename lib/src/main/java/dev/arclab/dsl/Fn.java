package dev.arclab.dsl;

/**
 * A DSL function value with a fixed arity (dsl-spec §5): a primitive or a function built by
 * compose, chain, matcher, rbind, lbind, power or fork. Calls with the wrong number of arguments are
 * DSL errors. The fixed-arity entry points avoid allocating argument arrays on hot paths.
 * Equality is identity; the canonical order (§4.3 item 5) is {@link #compareFn}.
 */
public abstract class Fn {

    public abstract int arity();

    /** The name shown in messages and reprs. */
    public abstract String name();

    public Object call1(Object a) {
        throw wrongArity(1);
    }

    public Object call2(Object a, Object b) {
        throw wrongArity(2);
    }

    public Object call3(Object a, Object b, Object c) {
        throw wrongArity(3);
    }

    public Object call4(Object a, Object b, Object c, Object d) {
        throw wrongArity(4);
    }

    /** Calls with any number of arguments. */
    public final Object call(Object... args) {
        switch (args.length) {
            case 1:
                return call1(args[0]);
            case 2:
                return call2(args[0], args[1]);
            case 3:
                return call3(args[0], args[1], args[2]);
            case 4:
                return call4(args[0], args[1], args[2], args[3]);
            default:
                throw wrongArity(args.length);
        }
    }

    protected final DslException wrongArity(int given) {
        return new DslException(name() + " takes " + arity() + " argument" + (arity() == 1 ? "" : "s")
                + " but " + given + " were given");
    }

    /** Canonical order of functions: primitives by index, then built functions (§4.3 item 5). */
    public static int compareFn(Fn x, Fn y) {
        if (x == y) {
            return 0;
        }
        boolean xp = x instanceof Primitive;
        boolean yp = y instanceof Primitive;
        if (xp && yp) {
            return Integer.compare(((Primitive) x).index(), ((Primitive) y).index());
        }
        if (xp) {
            return -1;
        }
        if (yp) {
            return 1;
        }
        return BuiltFn.compareBuilt((BuiltFn) x, (BuiltFn) y);
    }

    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return name();
    }
}
