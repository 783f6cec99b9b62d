package dev.arclab.search;

import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Grid;
import java.util.ArrayList;
import java.util.List;

/**
 * Two stored patches joined by a set operation for the price of a check, where one fill of one colour turns each
 * demo input into its output: {@code fill(I, c, intersection(A, B))}, {@code fill(I, c, difference(A, B))} or
 * {@code fill(I, c, combine(A, B))}, and the same with {@code underfill}; objects join as their locations
 * ({@code toindices}). The search would need the depths of A and B plus two to build these; many
 * additive tasks are such a pair (the cells between two marks are where the marks shifted right and shifted left
 * meet: {@code intersection(shift(ofcolor(I, ONE), RIGHT), shift(ofcolor(I, ONE), LEFT))}).
 *
 * <p>Each stored location set is read once as a bit set over the demo cells (test cells are never read) and sorted
 * into what a join can use: sets holding every changed cell (for an intersection, or the left of a difference), sets
 * holding no changed cell (the right of a difference), and sets of cells the output has in the colour (for a union).
 * The cheapest {@link #MAX_PER_ROLE} of each role are paired, cheapest pair first.
 */
final class PatchJoin {
    /** Most sets per role: pairs checked are at most this squared per join. */
    static final int MAX_PER_ROLE = 300;

    private final Grid[] inputs;
    private final int nDemo;
    private final DemoCells cells;
    private final int words;
    /** Demo cells that change. */
    private final long[] changed;
    /** Demo cells a join may hold: those the output has in the fill colour (with underfill, also the foreground). */
    private final long[] allowed;
    private final String fill;
    /** False when underfill cannot make the outputs (a changed cell is not of the input's most common colour). */
    private final boolean possible;

    /**
     * For tasks whose every demo output is its input with some cells turned to one colour, {@code colour} per input;
     * {@code under}: joins for {@code underfill}, which leaves the cells not of the input's most common colour as
     * they are.
     */
    PatchJoin(Grid[] inputs, Grid[] targets, Object[] colour, boolean under) {
        this(inputs, targets, colour, under, false);
    }

    /**
     * With {@code onlyThisColour}, the cells to fill are only those that turn to the colour (one fill of a stack
     * that paints each colour in turn, {@link Finishers}); the others are left to the other fills.
     */
    PatchJoin(Grid[] inputs, Grid[] targets, Object[] colour, boolean under, boolean onlyThisColour) {
        this.inputs = inputs;
        this.fill = under ? "underfill" : "fill";
        this.nDemo = targets.length;
        this.cells = new DemoCells(inputs, nDemo);
        this.words = cells.words;
        boolean possible = true;
        this.changed = new long[words];
        this.allowed = new long[words];
        for (int e = 0; e < nDemo; e++) {
            int[] a = inputs[e].cells();
            int[] b = targets[e].cells();
            int c = (Integer) colour[e];
            int background = (Integer) Dsl.call("mostcolor", inputs[e]);
            for (int k = 0; k < a.length; k++) {
                int bit = cells.bit(e, k);
                if (a[k] != b[k] && (!onlyThisColour || b[k] == c)) {
                    DemoCells.set(changed, bit);
                    possible &= !under || a[k] == background;
                }
                if (b[k] == c || (under && a[k] != background && a[k] == b[k])) {
                    DemoCells.set(allowed, bit);
                }
            }
        }
        this.possible = possible;
    }

    /** A set of locations or an object of the search, with its demo cells as bits. */
    private record Stored(Expr expr, Object[] vals, long[] bits, boolean object) {
    }

    /** A join found: the fill it ends with ({@code fill} or {@code underfill}), its patch and the patch's values on every input. */
    record Joined(String fill, Expr patch, Object[] vals) {
    }

    /**
     * The cheapest joins that fill exactly the changed cells with cells of the colour, at most one per operation,
     * from {@code sets} (expressions with their values on every input, demo inputs first; cheapest first).
     */
    List<Joined> find(List<Expr> exprs, List<Object[]> vals) {
        return find(new StoredPatches(inputs, nDemo, exprs, vals));
    }

    /** The same from patches read once for every join that looks at them. */
    List<Joined> find(StoredPatches patches) {
        if (!possible) {
            return List.of();
        }
        List<Expr> exprs = patches.exprs;
        List<Object[]> vals = patches.vals;
        List<Stored> covering = new ArrayList<>();
        List<Stored> missing = new ArrayList<>();
        List<Stored> inside = new ArrayList<>();
        for (int s = 0; s < exprs.size(); s++) {
            long[] bits = patches.bits(s);
            if (bits == null) {
                continue;
            }
            boolean covers = true;
            boolean misses = true;
            boolean within = true;
            boolean touches = false;
            for (int w = 0; w < words; w++) {
                covers &= (changed[w] & ~bits[w]) == 0;
                misses &= (changed[w] & bits[w]) == 0;
                within &= (bits[w] & ~allowed[w]) == 0;
                touches |= (changed[w] & bits[w]) != 0;
            }
            Stored set = new Stored(exprs.get(s), vals.get(s), bits, holdsCells(vals.get(s)));
            if (covers && !within && covering.size() < MAX_PER_ROLE) {
                covering.add(set);
            }
            if (misses && missing.size() < MAX_PER_ROLE) {
                missing.add(set);
            }
            if (within && touches && !covers && inside.size() < MAX_PER_ROLE) {
                inside.add(set);
            }
        }
        List<Joined> out = new ArrayList<>(3);
        add(out, best(covering, covering, "intersection", true));
        add(out, best(covering, missing, "difference", false));
        add(out, best(inside, inside, "combine", true));
        return out;
    }

    private void add(List<Joined> out, Joined j) {
        if (j != null) {
            out.add(j);
        }
    }

    /** The cheapest pair (a, b) whose join is exactly right on every demo; null when none is. */
    private Joined best(List<Stored> left, List<Stored> right, String op, boolean symmetric) {
        Stored bestA = null;
        Stored bestB = null;
        int bestCost = Integer.MAX_VALUE;
        for (int i = 0; i < left.size(); i++) {
            Stored a = left.get(i);
            if (a.expr().cost() + 1 >= bestCost) {
                break;
            }
            for (int j = symmetric ? i + 1 : 0; j < right.size(); j++) {
                Stored b = right.get(j);
                int cost = a.expr().cost() + b.expr().cost();
                if (cost >= bestCost) {
                    break;
                }
                if (a != b && right(op, a.bits(), b.bits())) {
                    bestA = a;
                    bestB = b;
                    bestCost = cost;
                }
            }
        }
        if (bestA == null) {
            return null;
        }
        Object[] joined = new Object[inputs.length];
        try {
            for (int e = 0; e < inputs.length; e++) {
                joined[e] = Dsl.call(op, indices(bestA, e), indices(bestB, e));
            }
        } catch (RuntimeException ex) {
            return null;
        }
        return new Joined(fill, Expr.call(op, indices(bestA), indices(bestB)), joined);
    }

    /**
     * Whether any value of the vector, on any input, is an object (cells with colours): the set operations of arc-dsl
     * compare elements, so an object joins a set of locations only as {@code toindices} of it. (A vector can be empty
     * on one input and an object on another.)
     */
    private static boolean holdsCells(Object[] vals) {
        for (Object v : vals) {
            if (v instanceof FSet f && !f.isEmpty() && f.iterator().next() instanceof ColoredLocation) {
                return true;
            }
        }
        return false;
    }

    /** A set's expression, as locations: objects through {@code toindices}. */
    private static Expr indices(Stored s) {
        return s.object() ? Expr.call("toindices", s.expr()) : s.expr();
    }

    /** A set's value on input {@code e}, as locations. */
    private static Object indices(Stored s, int e) {
        return s.object() ? Dsl.call("toindices", s.vals()[e]) : s.vals()[e];
    }

    /** Whether {@code op(a, b)} holds every changed cell and only cells of the colour. */
    private boolean right(String op, long[] a, long[] b) {
        for (int w = 0; w < words; w++) {
            long j = switch (op) {
                case "intersection" -> a[w] & b[w];
                case "difference" -> a[w] & ~b[w];
                default -> a[w] | b[w];
            };
            if ((changed[w] & ~j) != 0 || (j & ~allowed[w]) != 0) {
                return false;
            }
        }
        return true;
    }
}
