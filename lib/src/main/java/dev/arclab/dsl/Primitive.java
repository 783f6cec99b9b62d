package dev.arclab.dsl;

/**
 * One of the 160 arc-dsl primitives as a function value. Each call charges one unit of fuel before
 * running; the implementation charges more in proportion to its work (see {@link Fuel}).
 */
public final class Primitive extends Fn {

    /** Implementations by arity. */
    @FunctionalInterface
    public interface F1 {
        Object apply(Object a);
    }

    @FunctionalInterface
    public interface F2 {
        Object apply(Object a, Object b);
    }

    @FunctionalInterface
    public interface F3 {
        Object apply(Object a, Object b, Object c);
    }

    @FunctionalInterface
    public interface F4 {
        Object apply(Object a, Object b, Object c, Object d);
    }

    private final String name;
    private final int index;
    private final int arity;
    private final F1 f1;
    private final F2 f2;
    private final F3 f3;
    private final F4 f4;

    Primitive(String name, int index, int arity, Object impl) {
        this.name = name;
        this.index = index;
        this.arity = arity;
        this.f1 = arity == 1 ? (F1) impl : null;
        this.f2 = arity == 2 ? (F2) impl : null;
        this.f3 = arity == 3 ? (F3) impl : null;
        this.f4 = arity == 4 ? (F4) impl : null;
    }

    @Override
    public String name() {
        return name;
    }

    /** The reference index 1..160 (dsl-spec §7.1), which orders primitives in sets. */
    public int index() {
        return index;
    }

    @Override
    public int arity() {
        return arity;
    }

    @Override
    public Object call1(Object a) {
        if (f1 == null) {
            throw wrongArity(1);
        }
        Fuel.charge(1);
        return f1.apply(a);
    }

    @Override
    public Object call2(Object a, Object b) {
        if (f2 == null) {
            throw wrongArity(2);
        }
        Fuel.charge(1);
        return f2.apply(a, b);
    }

    @Override
    public Object call3(Object a, Object b, Object c) {
        if (f3 == null) {
            throw wrongArity(3);
        }
        Fuel.charge(1);
        return f3.apply(a, b, c);
    }

    @Override
    public Object call4(Object a, Object b, Object c, Object d) {
        if (f4 == null) {
            throw wrongArity(4);
        }
        Fuel.charge(1);
        return f4.apply(a, b, c, d);
    }
}
