package dev.arclab.dsl;

import java.util.Comparator;

/**
 * The value model's rules: equality and hashing (dsl-spec §2.4), the canonical total order that
 * fixes set iteration (§4.3), Python's partial {@code <} (§3.6), truthiness (§3.3) and reprs.
 * DSL values are: {@link Integer} (Booleans are 1/0), {@link Tuple}, {@link FSet}, {@link Fn} and
 * {@link None#NONE}.
 */
public final class Values {

    /** The canonical order as a comparator (consistent with {@link #equal}). */
    public static final Comparator<Object> CANONICAL = Values::compare;

    private Values() {
    }

    // ---- kinds ----------------------------------------------------------------------------

    /** Kind rank of §4.3: None 0 < Integer 1 < Tuple 2 < FrozenSet 3 < Function 4. */
    public static int rank(Object v) {
        if (v instanceof Integer) {
            return 1;
        }
        if (v instanceof Tuple) {
            return 2;
        }
        if (v instanceof FSet) {
            return 3;
        }
        if (v instanceof Fn) {
            return 4;
        }
        if (v == None.NONE) {
            return 0;
        }
        throw new IllegalArgumentException("not a DSL value: " + (v == null ? "null" : v.getClass().getName()));
    }

    public static int toInt(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        throw DslException.of("expected an integer, got %s", v);
    }

    public static Tuple toTuple(Object v) {
        if (v instanceof Tuple t) {
            return t;
        }
        throw DslException.of("expected a tuple, got %s", v);
    }

    public static FSet toSet(Object v) {
        if (v instanceof FSet s) {
            return s;
        }
        throw DslException.of("expected a frozenset, got %s", v);
    }

    public static Fn toFn(Object v) {
        if (v instanceof Fn f) {
            return f;
        }
        throw DslException.of("%s is not callable", v);
    }

    /** A 2-Tuple in its fastest representation: a {@link Pair}, a {@link ColoredLocation} or a {@link ObjectTuple}. */
    public static Tuple tuple2(Object x, Object y) {
        if (x instanceof Integer a) {
            if (y instanceof Integer b) {
                return Pair.of(a, b);
            }
            if (y instanceof Pair p) {
                return ColoredLocation.of(a, p.a, p.b);
            }
        }
        return ObjectTuple.of(x, y);
    }

    /** A Tuple in its fastest representation (see {@link #tuple2}); the array is given up. */
    public static Tuple tuple(Object[] items) {
        if (items.length == 2) {
            return tuple2(items[0], items[1]);
        }
        return ObjectTuple.wrap(items);
    }

    public static Integer bool(boolean b) {
        return b ? 1 : 0;
    }

    /** Python truthiness (§3.3): 0, (), {} and None are false; everything else is true. */
    public static boolean truthy(Object v) {
        if (v instanceof Integer i) {
            return i != 0;
        }
        if (v instanceof Tuple t) {
            return t.size() != 0;
        }
        if (v instanceof FSet s) {
            return !s.isEmpty();
        }
        return v != None.NONE;
    }

    // ---- equality and hashing ---------------------------------------------------------------

    public static boolean equal(Object x, Object y) {
        if (x == y) {
            return true;
        }
        // the elements of Objects and Indices first: no virtual call for them
        if (x instanceof ColoredLocation a && y instanceof ColoredLocation b) {
            return a.color == b.color && a.i == b.i && a.j == b.j;
        }
        if (x instanceof Pair a && y instanceof Pair b) {
            return a.a == b.a && a.b == b.b;
        }
        if (x instanceof Integer a) {
            return y instanceof Integer b && a.intValue() == b.intValue();
        }
        if (x instanceof Tuple a) {
            if (!(y instanceof Tuple b)) {
                return false;
            }
            if (a.getClass() == b.getClass()) {
                return a.equals(b);
            }
            int n = a.size();
            if (n != b.size()) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                if (!equal(a.get(k), b.get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (x instanceof FSet a) {
            return a.equals(y);
        }
        return false;
    }

    public static int hash(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        // the elements of Indices and Objects inline (the same values as their hashCode): no virtual call for them
        if (v instanceof Pair p) {
            return Pair.hash(p.a, p.b);
        }
        if (v instanceof ColoredLocation c) {
            return ColoredLocation.hash(c.color, c.i, c.j);
        }
        return v.hashCode();
    }

    // ---- canonical order (§4.3) -------------------------------------------------------------

    public static int compare(Object x, Object y) {
        if (x == y) {
            return 0;
        }
        if (x instanceof Integer a && y instanceof Integer b) {
            return Integer.compare(a, b);
        }
        if (x instanceof Pair a && y instanceof Pair b) {
            int c = Integer.compare(a.a, b.a);
            return c != 0 ? c : Integer.compare(a.b, b.b);
        }
        if (x instanceof ColoredLocation a && y instanceof ColoredLocation b) {
            int c = Integer.compare(a.color, b.color);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(a.i, b.i);
            return c != 0 ? c : Integer.compare(a.j, b.j);
        }
        int rx = rank(x);
        int ry = rank(y);
        if (rx != ry) {
            return Integer.compare(rx, ry);
        }
        switch (rx) {
            case 2:
                return compareTuples((Tuple) x, (Tuple) y);
            case 3:
                return compareSets((FSet) x, (FSet) y);
            case 4:
                return Fn.compareFn((Fn) x, (Fn) y);
            default:
                return 0; // None and None
        }
    }

    private static int compareTuples(Tuple a, Tuple b) {
        if (a instanceof Grid ga && b instanceof Grid gb) {
            return compareGrids(ga, gb);
        }
        if (a instanceof IntTuple ia && b instanceof IntTuple ib) {
            return java.util.Arrays.compare(ia.values(), ib.values());
        }
        int na = a.size();
        int nb = b.size();
        int n = Math.min(na, nb);
        for (int k = 0; k < n; k++) {
            int c = compare(a.get(k), b.get(k));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(na, nb);
    }

    private static int compareGrids(Grid a, Grid b) {
        int n = Math.min(a.rows(), b.rows());
        int[] ca = a.cells();
        int[] cb = b.cells();
        for (int i = 0; i < n; i++) {
            int c = java.util.Arrays.compare(ca, i * a.cols(), (i + 1) * a.cols(), cb, i * b.cols(), (i + 1) * b.cols());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.rows(), b.rows());
    }

    private static int compareSets(FSet a, FSet b) {
        Object[] ea = a.elements();
        Object[] eb = b.elements();
        int n = Math.min(ea.length, eb.length);
        for (int k = 0; k < n; k++) {
            int c = compare(ea[k], eb[k]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ea.length, eb.length);
    }

    // ---- Python's < (§3.6) -----------------------------------------------------------------

    /** Python {@code x < y}: numeric, lexicographic on Tuples, proper subset on sets; else an error. */
    public static boolean less(Object x, Object y) {
        return pyCompare(x, y);
    }

    /** Python {@code x > y}. */
    public static boolean greater(Object x, Object y) {
        return pyCompare(y, x);
    }

    private static boolean pyCompare(Object x, Object y) {
        if (x instanceof Integer a && y instanceof Integer b) {
            return a < b;
        }
        if (x instanceof Tuple a && y instanceof Tuple b) {
            int na = a.size();
            int nb = b.size();
            int n = Math.min(na, nb);
            for (int k = 0; k < n; k++) {
                Object ea = a.get(k);
                Object eb = b.get(k);
                if (!equal(ea, eb)) {
                    return pyCompare(ea, eb);
                }
            }
            return na < nb;
        }
        if (x instanceof FSet a && y instanceof FSet b) {
            return a.size() < b.size() && a.isSubsetOf(b);
        }
        throw DslException.of("'<' not supported between %s and %s", kindName(x), kindName(y));
    }

    public static String kindName(Object v) {
        if (v instanceof Integer) {
            return "int";
        }
        if (v instanceof Tuple) {
            return "tuple";
        }
        if (v instanceof FSet) {
            return "frozenset";
        }
        if (v instanceof Fn) {
            return "function";
        }
        return v == None.NONE ? "NoneType" : String.valueOf(v);
    }

    // ---- reprs -------------------------------------------------------------------------------

    /** Python-like repr: {@code (1, 2)}, {@code frozenset({1, 2})} shown as {@code {1, 2}}, grids as tuples. */
    public static String repr(Object v) {
        StringBuilder sb = new StringBuilder();
        repr(v, sb, Integer.MAX_VALUE);
        return sb.toString();
    }

    /** A repr cut to about 80 characters, for messages. */
    public static String shortRepr(Object v) {
        StringBuilder sb = new StringBuilder();
        repr(v, sb, 80);
        return sb.length() > 80 ? sb.substring(0, 77) + "..." : sb.toString();
    }

    private static void repr(Object v, StringBuilder sb, int limit) {
        if (sb.length() > limit) {
            return;
        }
        if (v instanceof Tuple t) {
            sb.append('(');
            int n = t.size();
            for (int k = 0; k < n && sb.length() <= limit; k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                repr(t.get(k), sb, limit);
            }
            sb.append(n == 1 ? ",)" : ")");
        } else if (v instanceof FSet s) {
            if (s.isEmpty()) {
                sb.append("frozenset()");
                return;
            }
            sb.append('{');
            int k = 0;
            for (Object e : s) {
                if (sb.length() > limit) {
                    break;
                }
                if (k++ > 0) {
                    sb.append(", ");
                }
                repr(e, sb, limit);
            }
            sb.append('}');
        } else {
            sb.append(v);
        }
    }
}
