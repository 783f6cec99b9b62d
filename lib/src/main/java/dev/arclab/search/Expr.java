package dev.arclab.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An expression of the enumerator: the input {@code I}, a DSL constant or primitive used by name, or a call of a
 * primitive on argument expressions. Immutable; equal expressions print the same. {@link #cost} is the number of
 * calls the enumerator charged for it (leaf constants cost 0), which orders the search.
 */
public final class Expr {

    /** What an expression is. */
    public enum Kind { INPUT, NAME, CALL }

    /** The task's input grid. */
    public static final Expr INPUT = new Expr(Kind.INPUT, "I", List.of(), 0);

    private final Kind kind;
    private final String name;
    private final List<Expr> args;
    private final int cost;
    private final int hash;

    private Expr(Kind kind, String name, List<Expr> args, int cost) {
        this.kind = kind;
        this.name = name;
        this.args = args;
        this.cost = cost;
        this.hash = Objects.hash(kind, name, args);
    }

    private static final String[] NUMBER_NAMES = {"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN",
        "EIGHT", "NINE", "TEN"};

    /** An integer as program text writes it: a DSL constant from ZERO to TEN, else a literal. */
    public static String numberName(int k) {
        return k >= 0 && k < NUMBER_NAMES.length ? NUMBER_NAMES[k] : Integer.toString(k);
    }

    /** An integer as an expression ({@link #numberName}). */
    public static Expr number(int k) {
        return name(numberName(k));
    }

    /** A DSL constant ({@code TWO}, {@code DOWN}, {@code T}) or a primitive used as a function value. */
    public static Expr name(String name) {
        return new Expr(Kind.NAME, name, List.of(), 0);
    }

    /** A call of primitive {@code name}; it costs one more than its arguments together. */
    public static Expr call(String name, Expr... args) {
        int c = 1;
        for (Expr a : args) {
            c += a.cost;
        }
        return new Expr(Kind.CALL, name, List.of(args), c);
    }

    /** A call that the search treats as a leaf of cost {@code cost} (a constant spelled as a call). */
    public static Expr callCosting(int cost, String name, Expr... args) {
        return new Expr(Kind.CALL, name, List.of(args), cost);
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public List<Expr> args() {
        return args;
    }

    public int cost() {
        return cost;
    }

    /** This expression with every occurrence of {@code from} replaced by {@code to} (costs recomputed as calls). */
    public Expr substitute(Expr from, Expr to) {
        if (this.equals(from)) {
            return to;
        }
        if (kind != Kind.CALL) {
            return this;
        }
        Expr[] a = new Expr[args.size()];
        boolean changed = false;
        for (int k = 0; k < a.length; k++) {
            a[k] = args.get(k).substitute(from, to);
            changed |= a[k] != args.get(k);
        }
        return changed ? new Expr(Kind.CALL, name, List.of(a), cost + to.cost) : this;
    }

    /** Calls in this expression, shared subexpressions counted once. */
    public int calls() {
        Map<Expr, Boolean> seen = new LinkedHashMap<>();
        countCalls(seen);
        return seen.size();
    }

    private void countCalls(Map<Expr, Boolean> seen) {
        if (kind == Kind.CALL && seen.putIfAbsent(this, Boolean.TRUE) == null) {
            for (Expr a : args) {
                a.countCalls(seen);
            }
        }
    }

    /** The primitives called, each call once (shared subexpressions once). */
    public List<String> primitivesCalled() {
        Map<Expr, Boolean> seen = new LinkedHashMap<>();
        countCalls(seen);
        List<String> out = new ArrayList<>();
        for (Expr e : seen.keySet()) {
            out.add(e.name);
        }
        return out;
    }

    /**
     * This expression as an arc-dsl solver: one line {@code xN = f(...)} per distinct call in evaluation order,
     * the last one named {@code O}. An expression that is not a call is returned through {@code identity}.
     */
    public String toSolver(String taskId) {
        StringBuilder sb = new StringBuilder();
        sb.append("def solve_").append(taskId).append("(I):\n");
        Expr root = kind == Kind.CALL ? this : call("identity", this);
        Map<Expr, String> names = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        root.emit(names, lines, root);
        for (String line : lines) {
            sb.append("    ").append(line).append('\n');
        }
        sb.append("    return O\n");
        return sb.toString();
    }

    private String emit(Map<Expr, String> names, List<String> lines, Expr root) {
        if (kind != Kind.CALL) {
            return name;
        }
        String known = names.get(this);
        if (known != null) {
            return known;
        }
        List<String> argNames = new ArrayList<>(args.size());
        for (Expr a : args) {
            argNames.add(a.emit(names, lines, root));
        }
        String var = this == root ? "O" : "x" + (names.size() + 1);
        names.put(this, var);
        lines.add(var + " = " + name + "(" + String.join(", ", argNames) + ")");
        return var;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Expr e && hash == e.hash && kind == e.kind && name.equals(e.name) && args.equals(e.args);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Nested call notation, e.g. {@code fill(I, TWO, ofcolor(I, ZERO))}. */
    @Override
    public String toString() {
        if (kind != Kind.CALL) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int k = 0; k < args.size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(args.get(k));
        }
        return sb.append(')').toString();
    }
}
