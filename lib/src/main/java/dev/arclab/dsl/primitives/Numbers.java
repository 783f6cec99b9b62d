package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Def;
import dev.arclab.dsl.DslException;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Tuple;
import dev.arclab.dsl.Values;

/**
 * The Numerical primitives (dsl-spec §3.9, §7.2.2-§7.2.10, §7.2.33-§7.2.39): Integer arithmetic with
 * the asymmetric pair broadcast of the reference. Components 0 and 1 of a Tuple are combined with
 * Python's operator semantics, so {@code multiply(1, grid)} repeats rows like Python's
 * {@code 1 * row}, {@code add} of two Tuples of Tuples concatenates, and everything else raises.
 */
public final class Numbers {
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;

    private static final String[] SYMBOL = {"+", "-", "*", "//"};

    private Numbers() {
    }

    // ---- binary: add, subtract, multiply, divide ---------------------------------------------

    @Def(index = 2, signature = "add(a: Numerical, b: Numerical) -> Numerical",
            summary = "Component-wise addition with the Numerical dispatch of §3.9, operator +.")
    public static Object add(Object a, Object b) {
        return binary(a, b, ADD);
    }

    @Def(index = 3, signature = "subtract(a: Numerical, b: Numerical) -> Numerical",
            summary = "As add with operator - (note the asymmetric broadcast.")
    public static Object subtract(Object a, Object b) {
        return binary(a, b, SUB);
    }

    @Def(index = 4, signature = "multiply(a: Numerical, b: Numerical) -> Numerical",
            summary = "As add with operator .")
    public static Object multiply(Object a, Object b) {
        return binary(a, b, MUL);
    }

    @Def(index = 5, signature = "divide(a: Numerical, b: Numerical) -> Numerical",
            summary = "As add with floor division // (§3.2, rounds toward −∞).")
    public static Object divide(Object a, Object b) {
        return binary(a, b, DIV);
    }

    /** The Numerical dispatch of §3.9 with a fast path for Integers and Pairs. */
    static Object binary(Object a, Object b, int op) {
        if (a instanceof Integer x) {
            if (b instanceof Integer y) {
                return intOp(x, y, op);
            }
            if (b instanceof Pair q) {
                return Pair.of(intOp(x, q.a, op), intOp(x, q.b, op));
            }
            if (b instanceof Tuple u) {
                return Values.tuple2(pyOp(a, u.get(0), op), pyOp(a, u.get(1), op));
            }
            throw notSubscriptable(a);
        }
        if (a instanceof Pair p) {
            if (b instanceof Pair q) {
                return Pair.of(intOp(p.a, q.a, op), intOp(p.b, q.b, op));
            }
            if (b instanceof Integer y) {
                return Pair.of(intOp(p.a, y, op), intOp(p.b, y, op));
            }
        }
        if (a instanceof Tuple t) {
            if (b instanceof Tuple u) {
                Object r0 = pyOp(t.get(0), u.get(0), op);
                return Values.tuple2(r0, pyOp(t.get(1), u.get(1), op));
            }
            Object r0 = pyOp(t.get(0), b, op);
            return Values.tuple2(r0, pyOp(t.get(1), b, op));
        }
        throw notSubscriptable(a);
    }

    static int intOp(int x, int y, int op) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            default:
                if (y == 0) {
                    throw new DslException("integer division or modulo by zero");
                }
                return Math.floorDiv(x, y);
        }
    }

    /** Python's binary operator on any two DSL values (only Integer, Tuple and set cases exist). */
    static Object pyOp(Object x, Object y, int op) {
        if (x instanceof Integer a && y instanceof Integer b) {
            return intOp(a, b, op);
        }
        switch (op) {
            case ADD:
                if (x instanceof Tuple a && y instanceof Tuple b) {
                    return Containers.concat(a, b);
                }
                break;
            case SUB:
                if (x instanceof FSet a && y instanceof FSet b) {
                    return a.minus(b);
                }
                break;
            case MUL:
                if (x instanceof Tuple a && y instanceof Integer n) {
                    return Containers.repeatTuple(a, n);
                }
                if (x instanceof Integer n && y instanceof Tuple b) {
                    return Containers.repeatTuple(b, n);
                }
                break;
            default:
                break;
        }
        throw DslException.of("unsupported operand type(s) for %s: '%s' and '%s'", SYMBOL[op],
                Values.kindName(x), Values.kindName(y));
    }

    private static DslException notSubscriptable(Object v) {
        return DslException.of("'%s' object is not subscriptable", Values.kindName(v));
    }

    /** Component {@code k} (0 or 1) of a non-Integer Numerical, as Python's {@code n[k]}. */
    private static Object component(Object n, int k) {
        if (n instanceof Tuple t) {
            return t.get(k);
        }
        throw notSubscriptable(n);
    }

    private static int intComponent(Object n, int k) {
        Object c = component(n, k);
        if (c instanceof Integer i) {
            return i;
        }
        throw DslException.of("bad operand type: '%s'", Values.kindName(c));
    }

    // ---- unary Numericals ----------------------------------------------------------------------

    private static final int NEG = 0;
    private static final int HALF = 1;
    private static final int INC = 2;
    private static final int DEC = 3;
    private static final int CREMENT = 4;
    private static final int SIGN = 5;

    private static int unaryInt(int x, int op) {
        switch (op) {
            case NEG:
                return -x;
            case HALF:
                return Math.floorDiv(x, 2);
            case INC:
                return x + 1;
            case DEC:
                return x - 1;
            case CREMENT:
                return x == 0 ? 0 : (x > 0 ? x + 1 : x - 1);
            default:
                return Integer.signum(x);
        }
    }

    /** Integer → Integer; otherwise a pair from components 0 and 1, which must be Integers. */
    private static Object unary(Object n, int op) {
        if (n instanceof Integer x) {
            return unaryInt(x, op);
        }
        if (n instanceof Pair p) {
            return Pair.of(unaryInt(p.a, op), unaryInt(p.b, op));
        }
        int c0 = intComponent(n, 0);
        int c1 = intComponent(n, 1);
        return Pair.of(unaryInt(c0, op), unaryInt(c1, op));
    }

    @Def(index = 6, signature = "invert(n: Numerical) -> Numerical",
            summary = "Integer → -n.")
    public static Object invert(Object n) {
        return unary(n, NEG);
    }

    @Def(index = 9, signature = "halve(n: Numerical) -> Numerical",
            summary = "Integer → n // 2 (floor.")
    public static Object halve(Object n) {
        return unary(n, HALF);
    }

    @Def(index = 33, signature = "increment(x: Numerical) -> Numerical",
            summary = "Integer → x + 1.")
    public static Object increment(Object x) {
        return unary(x, INC);
    }

    @Def(index = 34, signature = "decrement(x: Numerical) -> Numerical",
            summary = "Integer → x - 1.")
    public static Object decrement(Object x) {
        return unary(x, DEC);
    }

    @Def(index = 35, signature = "crement(x: Numerical) -> Numerical",
            summary = "Moves each component one step away from zero.")
    public static Object crement(Object x) {
        return unary(x, CREMENT);
    }

    @Def(index = 36, signature = "sign(x: Numerical) -> Numerical",
            summary = "Per component.")
    public static Object sign(Object x) {
        return unary(x, SIGN);
    }

    /** {@code n * 2}: on a Tuple component this is Python's repetition. */
    @Def(index = 8, signature = "double(n: Numerical) -> Numerical",
            summary = "Integer → 2n.")
    public static Object double_(Object n) {
        if (n instanceof Integer x) {
            return 2 * x;
        }
        if (n instanceof Pair p) {
            return Pair.of(2 * p.a, 2 * p.b);
        }
        Object r0 = pyOp(component(n, 0), 2, MUL);
        return Values.tuple2(r0, pyOp(component(n, 1), 2, MUL));
    }

    @Def(index = 7, signature = "even(n: Integer) -> Boolean",
            summary = "n mod 2 == 0 as a Boolean.")
    public static Object even(Object n) {
        if (n instanceof Integer x) {
            return Values.bool((x & 1) == 0);
        }
        throw DslException.of("unsupported operand type(s) for %%: '%s' and 'int'", Values.kindName(n));
    }

    @Def(index = 37, signature = "positive(x: Integer) -> Boolean",
            summary = "x > 0 as a Boolean.")
    public static Object positive(Object x) {
        if (x instanceof Integer i) {
            return Values.bool(i > 0);
        }
        throw DslException.of("'>' not supported between '%s' and 'int'", Values.kindName(x));
    }

    @Def(index = 10, signature = "flip(b: Boolean) -> Boolean",
            summary = "Logical negation of the argument's truthiness (§3.3).")
    public static Object flip(Object b) {
        return Values.bool(!Values.truthy(b));
    }

    @Def(index = 38, signature = "toivec(i: Integer) -> IntegerTuple",
            summary = "(i, 0).")
    public static Object toivec(Object i) {
        return Values.tuple2(i, 0);
    }

    @Def(index = 39, signature = "tojvec(j: Integer) -> IntegerTuple",
            summary = "(0, j).")
    public static Object tojvec(Object j) {
        return Values.tuple2(0, j);
    }
}
