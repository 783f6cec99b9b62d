package dev.arclab.search;

import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Grid;
import dev.arclab.dsl.Pair;

/**
 * The cells of a task's demo grids (inputs or outputs) numbered one after the other (demo 0's row by row, then demo
 * 1's, ...), so that a patch vector is one bit set over all demos and the joins of {@link PatchJoin} and {@link GridFill} are a few
 * word operations. Test inputs are never read.
 */
final class DemoCells {
    private final Grid[] grids;
    private final int nDemo;
    private final int[] offset;
    final int words;

    /** Over the first {@code nDemo} of {@code grids} (the demo inputs, or the demo outputs). */
    DemoCells(Grid[] grids, int nDemo) {
        this.grids = grids;
        this.nDemo = nDemo;
        this.offset = new int[nDemo + 1];
        for (int e = 0; e < nDemo; e++) {
            offset[e + 1] = offset[e] + grids[e].rows() * grids[e].cols();
        }
        this.words = (offset[nDemo] + 63) >>> 6;
    }

    /** The bit of cell {@code k} (row-major) of demo {@code e}. */
    int bit(int e, int k) {
        return offset[e] + k;
    }

    static void set(long[] bits, int bit) {
        bits[bit >>> 6] |= 1L << bit;
    }

    /** The in-bounds demo cells of a patch vector as bits; null when a demo value is not a patch. */
    long[] of(Object[] vals) {
        long[] bits = new long[words];
        for (int e = 0; e < nDemo; e++) {
            if (!(vals[e] instanceof FSet set)) {
                return null;
            }
            Grid in = grids[e];
            for (Object o : set) {
                int i;
                int j;
                if (o instanceof Pair p) {
                    i = p.a;
                    j = p.b;
                } else if (o instanceof ColoredLocation cell) {
                    i = cell.i;
                    j = cell.j;
                } else {
                    return null;
                }
                if (i >= 0 && j >= 0 && i < in.rows() && j < in.cols()) {
                    set(bits, bit(e, i * in.cols() + j));
                }
            }
        }
        return bits;
    }
}
