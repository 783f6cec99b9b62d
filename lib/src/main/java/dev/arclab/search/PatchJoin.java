package dev.arclab.search;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Grid;
import dev.arclab.dsl.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * Two stored sets of locations joined by a set operation for the price of a check, where one fill of one colour
 * turns each demo input into its output: {@code fill(I, c, intersection(A, B))}, {@code fill(I, c, difference(A,
 * B))} or {@code fill(I, c, combine(A, B))}. The search would need the depths of A and B plus two to build these; many
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
    private final int[] offset;
    private final int words;
    /** Demo cells that change. */
    private final long[] changed;
    /** Demo cells the output has in the fill colour. */
    private final long[] allowed;

    /** For tasks whose every demo output is its input with some cells turned to one colour, {@code colour} per input. */
    PatchJoin(Grid[] inputs, Grid[] targets, Object[] colour) {
        this.inputs = inputs;
        this.nDemo = targets.length;
        this.offset = new int[nDemo + 1];
        for (int e = 0; e < nDemo; e++) {
            offset[e + 1] = offset[e] + inputs[e].rows() * inputs[e].cols();
        }
        this.words = (offset[nDemo] + 63) >>> 6;
        this.changed = new long[words];
        this.allowed = new long[words];
        for (int e = 0; e < nDemo; e++) {
            int[] a = inputs[e].cells();
            int[] b = targets[e].cells();
            int c = (Integer) colour[e];
            for (int k = 0; k < a.length; k++) {
                int bit = offset[e] + k;
                if (a[k] != b[k]) {
                    changed[bit >>> 6] |= 1L << bit;
                }
                if (b[k] == c) {
                    allowed[bit >>> 6] |= 1L << bit;
                }
            }
        }
    }

    /** A location set of the search with its demo cells as bits. */
    private record Set(Expr expr, Object[] vals, long[] bits) {
    }

    /** A join found: its patch expression and its values on the test inputs. */
    record Joined(Expr patch, Object[] testVals) {
    }

    /**
     * The cheapest joins that fill exactly the changed cells with cells of the colour, at most one per operation,
     * from {@code sets} (expressions with their values on every input, demo inputs first; cheapest first).
     */
    List<Joined> find(List<Expr> exprs, List<Object[]> vals) {
        List<Set> covering = new ArrayList<>();
        List<Set> missing = new ArrayList<>();
        List<Set> inside = new ArrayList<>();
        for (int s = 0; s < exprs.size(); s++) {
            long[] bits = bits(vals.get(s));
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
            Set set = new Set(exprs.get(s), vals.get(s), bits);
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
    private Joined best(List<Set> left, List<Set> right, String op, boolean symmetric) {
        Set bestA = null;
        Set bestB = null;
        int bestCost = Integer.MAX_VALUE;
        for (int i = 0; i < left.size(); i++) {
            Set a = left.get(i);
            if (a.expr().cost() + 1 >= bestCost) {
                break;
            }
            for (int j = symmetric ? i + 1 : 0; j < right.size(); j++) {
                Set b = right.get(j);
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
        Object[] test = new Object[inputs.length - nDemo];
        try {
            for (int e = nDemo; e < inputs.length; e++) {
                test[e - nDemo] = Dsl.call(op, bestA.vals()[e], bestB.vals()[e]);
            }
        } catch (RuntimeException ex) {
            return null;
        }
        return new Joined(Expr.call(op, bestA.expr(), bestB.expr()), test);
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

    /** The in-bounds demo cells of a location-set vector as bits; null when a demo value is not a set of locations. */
    private long[] bits(Object[] vals) {
        long[] bits = new long[words];
        for (int e = 0; e < nDemo; e++) {
            if (!(vals[e] instanceof FSet set)) {
                return null;
            }
            Grid in = inputs[e];
            for (Object o : set) {
                if (!(o instanceof Pair p)) {
                    return null;
                }
                if (p.a >= 0 && p.b >= 0 && p.a < in.rows() && p.b < in.cols()) {
                    int bit = offset[e] + p.a * in.cols() + p.b;
                    bits[bit >>> 6] |= 1L << bit;
                }
            }
        }
        return bits;
    }
}
