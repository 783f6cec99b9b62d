package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Def;
import static dev.arclab.dsl.primitives.Containers.chargeBuild;
import static dev.arclab.dsl.primitives.Containers.concatAll;
import static dev.arclab.dsl.primitives.Containers.elems;
import static dev.arclab.dsl.primitives.Containers.tupleOf;

import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fn;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.ObjectTuple;
import dev.arclab.dsl.Values;

/**
 * Higher-order application (dsl-spec §7.2.61-§7.2.66). Results keep the kind of the designated
 * container (§2.5): a FrozenSet collapses equal results, a Tuple keeps them in order. As in the
 * reference, a function argument is only required to be callable once it is actually called.
 */
public final class Application {

    private Application() {
    }

    /** {@code function} mapped over the elements, results in order. */
    private static Object[] map(Object function, Object[] es) {
        Fn f = Values.toFn(function);
        Fuel.charge(es.length);
        Object[] out = new Object[es.length];
        for (int k = 0; k < es.length; k++) {
            out[k] = f.call1(es[k]);
        }
        return out;
    }

    @Def(index = 61, signature = "apply(function: Callable, container: Container) -> Container",
            summary = "Maps function (arity 1) over the container.")
    public static Object apply(Object function, Object container) {
        Object[] es = elems(container);
        if (es.length == 0) {
            return container;
        }
        Object[] out = map(function, es);
        return container instanceof FSet ? FSet.fromArray(out) : tupleOf(out);
    }

    @Def(index = 62, signature = "rapply(functions: Container, value: Any) -> Container",
            summary = "Applies every function of the container functions to value.")
    public static Object rapply(Object functions, Object value) {
        Object[] fs = elems(functions);
        if (fs.length == 0) {
            return functions;
        }
        Fuel.charge(fs.length);
        Object[] out = new Object[fs.length];
        for (int k = 0; k < fs.length; k++) {
            out[k] = Values.toFn(fs[k]).call1(value);
        }
        return functions instanceof FSet ? FSet.fromArray(out) : tupleOf(out);
    }

    @Def(index = 63, signature = "mapply(function: Callable, container: ContainerContainer) -> FrozenSet",
            summary = "merge(apply(function, container)).")
    public static Object mapply(Object function, Object container) {
        Object[] es = elems(container);
        if (es.length == 0) {
            return container;
        }
        Object[] results = map(function, es);
        if (container instanceof FSet) {
            return Containers.unionOf(results);
        }
        return concatAll(results);
    }

    /** {@code function(a_k, b_k)} over the zipped containers (length of the shorter). */
    private static Object[] zipWith(Object function, Object a, Object b) {
        Object[] ea = elems(a);
        Object[] eb = elems(b);
        int n = Math.min(ea.length, eb.length);
        if (n == 0) {
            return new Object[0];
        }
        Fn f = Values.toFn(function);
        Fuel.charge(n);
        Object[] out = new Object[n];
        for (int k = 0; k < n; k++) {
            out[k] = f.call2(ea[k], eb[k]);
        }
        return out;
    }

    @Def(index = 64, signature = "papply(function: Callable, a: Tuple, b: Tuple) -> Tuple",
            summary = "Tuple (function(a0, b0), function(a1, b1), …) over the zipped containers, length = the shorter length.")
    public static Object papply(Object function, Object a, Object b) {
        Object[] out = zipWith(function, a, b);
        return out.length == 0 ? ObjectTuple.EMPTY : tupleOf(out);
    }

    @Def(index = 65, signature = "mpapply(function: Callable, a: Tuple, b: Tuple) -> Tuple",
            summary = "merge(papply(function, a, b)).")
    public static Object mpapply(Object function, Object a, Object b) {
        return concatAll(zipWith(function, a, b));
    }

    @Def(index = 66, signature = "prapply(function: Callable, a: Container, b: Container) -> FrozenSet",
            summary = "FrozenSet {function(x, y) | x in a, y in b} (all combinations.")
    public static Object prapply(Object function, Object a, Object b) {
        Object[] ea = elems(a);
        Object[] eb = elems(b);
        long n = (long) ea.length * eb.length;
        if (n == 0) {
            return FSet.EMPTY;
        }
        chargeBuild(n);
        Fn f = Values.toFn(function);
        Object[] out = new Object[(int) n];
        int w = 0;
        for (Object x : ea) {
            for (Object y : eb) {
                out[w++] = f.call2(x, y);
            }
        }
        return FSet.fromArray(out);
    }
}
