package dev.arclab.pipeline;

import dev.arclab.dsl.Grid;
import dev.arclab.program.Outcome;

/**
 * What one program did on one demo sample: its status, whether its output equals the sample's output,
 * the output itself when it is a grid of at most {@link #MAX_KEPT_CELLS} cells (kept for partial
 * credit) and the fuel of the nodes it needed.
 */
public record SampleResult(Outcome.Status status, boolean match, Grid produced, long fuel) {

    /**
     * The largest produced grid kept: 3,600 cells, four times ARC's largest (30×30). A larger output
     * can match no sample and earns no partial credit worth its memory: one is kept per program and
     * sample, for the whole phase and in the cache.
     */
    public static final int MAX_KEPT_CELLS = 3_600;

    /** The grid to keep of an output {@code v}: {@code v} when it is a grid small enough, else null. */
    public static Grid keptGrid(Object v) {
        return v instanceof Grid g && g.cells().length <= MAX_KEPT_CELLS ? g : null;
    }
}
