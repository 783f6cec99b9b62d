package dev.arclab.search;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored grid with the outputs' shapes that is right but for cells that should all be one colour, and a stored
 * patch that holds exactly those cells, joined as {@code fill(G, c, P)} for the price of a check: the finishers fill
 * the input only, and the search would need the depths of G and P plus two. (A mirrored input with marks drawn
 * where the input had them: {@code fill(vmirror(I), TWO, ofcolor(I, FIVE))}.)
 *
 * <p>Grids are taken cheapest first; one whose wrong cells take one colour (the same in every demo) is a base; the
 * patches (each read once as bits over the demo cells, {@link DemoCells}) are checked against each base, and the
 * cheapest base and patch that make every demo output win.
 */
final class GridFill {
    /** Most bases checked: each costs a pass over the patches. */
    static final int MAX_BASES = 64;

    private final Grid[] inputs;
    private final Grid[] targets;
    private final int nDemo;
    private final DemoCells cells;

    GridFill(Grid[] inputs, Grid[] targets) {
        this.inputs = inputs;
        this.targets = targets;
        this.nDemo = targets.length;
        // cells numbered over the outputs' shapes: the bases have them, and a patch is filled into a base
        this.cells = new DemoCells(targets, nDemo);
    }

    /** A base: its expression and values, its colour, and its wrong cells and the cells it may fill, as bits. */
    private record Base(Expr expr, Object[] vals, int colour, long[] wrong, long[] allowed) {
    }

    /** The fill found, with its answers on the test inputs. */
    record Filled(Expr expr, Object[] answers) {
    }

    /**
     * The cheapest {@code fill(G, c, P)} that makes every demo output, from output-shaped grids {@code grids} and
     * patches {@code patches} (each expression with its values on every input, demo inputs first, cheapest first);
     * null when there is none.
     */
    Filled find(List<Expr> gridExprs, List<Object[]> gridVals, List<Expr> patchExprs, List<Object[]> patchVals) {
        List<Base> bases = new ArrayList<>();
        for (int g = 0; g < gridExprs.size() && bases.size() < MAX_BASES; g++) {
            Base b = base(gridExprs.get(g), gridVals.get(g));
            if (b != null) {
                bases.add(b);
            }
        }
        if (bases.isEmpty()) {
            return null;
        }
        int cheapestBase = Integer.MAX_VALUE;
        for (Base b : bases) {
            cheapestBase = Math.min(cheapestBase, b.expr().cost());
        }
        Base bestBase = null;
        int bestPatch = -1;
        int bestCost = Integer.MAX_VALUE;
        for (int p = 0; p < patchExprs.size(); p++) {
            int patchCost = patchExprs.get(p).cost();
            if (patchCost + cheapestBase >= bestCost) {
                break;
            }
            long[] bits = cells.of(patchVals.get(p));
            if (bits == null) {
                continue;
            }
            for (Base b : bases) {
                int cost = b.expr().cost() + patchCost;
                if (cost < bestCost && fills(b, bits)) {
                    bestBase = b;
                    bestPatch = p;
                    bestCost = cost;
                }
            }
        }
        if (bestBase == null) {
            return null;
        }
        Object[] out = new Object[inputs.length];
        try {
            for (int e = 0; e < inputs.length; e++) {
                out[e] = Dsl.call("fill", bestBase.vals()[e], bestBase.colour(), patchVals.get(bestPatch)[e]);
                if (e < nDemo && !targets[e].equals(out[e])) {
                    return null; // checked on bits; the program is checked as it will run
                }
            }
        } catch (RuntimeException ex) {
            return null;
        }
        Object[] answers = java.util.Arrays.copyOfRange(out, nDemo, inputs.length);
        return new Filled(Expr.call("fill", bestBase.expr(), Expr.number(bestBase.colour()), patchExprs.get(bestPatch)), answers);
    }

    /** Whether the patch holds every wrong cell of the base and only cells the output has in its colour. */
    private boolean fills(Base b, long[] bits) {
        for (int w = 0; w < cells.words; w++) {
            if ((b.wrong()[w] & ~bits[w]) != 0 || (bits[w] & ~b.allowed()[w]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The grid as a base, or null: not the input, some cell wrong, and every wrong cell of one colour in the outputs. */
    private Base base(Expr expr, Object[] vals) {
        if (expr.equals(Expr.INPUT)) {
            return null;
        }
        long[] wrong = new long[cells.words];
        long[] allowed = new long[cells.words];
        int colour = -1;
        for (int e = 0; e < nDemo; e++) {
            int[] a = ((Grid) vals[e]).cells();
            int[] b = targets[e].cells();
            for (int k = 0; k < b.length; k++) {
                if (a[k] != b[k]) {
                    if (colour >= 0 && b[k] != colour) {
                        return null;
                    }
                    colour = b[k];
                    DemoCells.set(wrong, cells.bit(e, k));
                }
            }
        }
        if (colour < 0) {
            return null;
        }
        for (int e = 0; e < nDemo; e++) {
            int[] b = targets[e].cells();
            for (int k = 0; k < b.length; k++) {
                if (b[k] == colour) {
                    DemoCells.set(allowed, cells.bit(e, k));
                }
            }
        }
        return new Base(expr, vals, colour, wrong, allowed);
    }
}
