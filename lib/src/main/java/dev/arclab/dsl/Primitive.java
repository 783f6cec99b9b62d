package dev.arclab.dsl;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private final Signature signature;
    private final String summary;
    private final F1 f1;
    private final F2 f2;
    private final F3 f3;
    private final F4 f4;

    private Primitive(String name, int index, int arity, Object impl, Signature signature, String summary) {
        this.name = name;
        this.index = index;
        this.arity = arity;
        this.signature = signature;
        this.summary = summary;
        this.f1 = arity == 1 ? (F1) impl : null;
        this.f2 = arity == 2 ? (F2) impl : null;
        this.f3 = arity == 3 ? (F3) impl : null;
        this.f4 = arity == 4 ? (F4) impl : null;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Every primitive declared ({@link Def}) on a {@code public static} method of {@code classes}, its body
     * bound as a direct call (a lambda, as fast as a method reference) through {@code lookup}, which must
     * have access to the methods: pass {@code MethodHandles.lookup()} from their package.
     *
     * @throws IllegalStateException naming the method when a declaration does not match its body
     */
    public static List<Primitive> declaredIn(MethodHandles.Lookup lookup, Class<?>... classes) {
        List<Primitive> out = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Method m : c.getDeclaredMethods()) {
                Def def = m.getAnnotation(Def.class);
                if (def == null) {
                    continue;
                }
                String where = c.getSimpleName() + "." + m.getName();
                Signature sig = Signature.parse(def.signature());
                int arity = m.getParameterCount();
                if (!Modifier.isStatic(m.getModifiers()) || arity < 1 || arity > 4 || arity != sig.arity()
                        || Arrays.stream(m.getParameterTypes()).anyMatch(t -> t != Object.class)) {
                    throw new IllegalStateException(where + ": a primitive is a static method of 1..4 Object parameters"
                            + " matching its signature " + def.signature());
                }
                out.add(new Primitive(sig.name(), def.index(), arity, bind(lookup, m, arity, where), sig, def.summary()));
            }
        }
        return out;
    }

    private static final Class<?>[] SHAPES = {null, F1.class, F2.class, F3.class, F4.class};

    private static Object bind(MethodHandles.Lookup lookup, Method m, int arity, String where) {
        try {
            MethodHandle body = lookup.unreflect(m);
            MethodType erased = MethodType.genericMethodType(arity);
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(SHAPES[arity]), erased,
                    body, erased);
            return site.getTarget().invoke();
        } catch (Throwable e) {
            throw new IllegalStateException(where + ": cannot bind the primitive's body: " + e, e);
        }
    }

    /** The declared parameter and return types (dsl-spec §7.2). */
    public Signature signature() {
        return signature;
    }

    /** One line saying what the primitive does. */
    public String summary() {
        return summary;
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
