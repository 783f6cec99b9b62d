package dev.arclab.search;

import dev.arclab.dsl.Grid;
import java.util.List;

/**
 * The patches a search stored, cheapest first, each read as bits over the demo inputs' cells ({@link DemoCells}) at
 * most once, however many joins look at it ({@link PatchJoin}: fill and underfill, and each colour of a stack).
 */
final class StoredPatches {
    final List<Expr> exprs;
    final List<Object[]> vals;
    private final DemoCells cells;
    private final long[][] bits;
    private final boolean[] read;

    StoredPatches(Grid[] inputs, int nDemo, List<Expr> exprs, List<Object[]> vals) {
        this.exprs = exprs;
        this.vals = vals;
        this.cells = new DemoCells(inputs, nDemo);
        this.bits = new long[exprs.size()][];
        this.read = new boolean[exprs.size()];
    }

    int size() {
        return exprs.size();
    }

    /** Patch {@code k}'s demo cells as bits; null when a demo value is not a patch. */
    long[] bits(int k) {
        if (!read[k]) {
            bits[k] = cells.of(vals.get(k));
            read[k] = true;
        }
        return bits[k];
    }
}
