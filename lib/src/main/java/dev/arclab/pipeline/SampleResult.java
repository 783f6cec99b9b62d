package dev.arclab.pipeline;

import dev.arclab.dsl.Grid;
import dev.arclab.program.Outcome;

/**
 * What one program did on one demo sample: its status, whether its output equals the sample's output,
 * the output itself when it is a grid (kept for partial credit) and the fuel of the nodes it needed.
 */
public record SampleResult(Outcome.Status status, boolean match, Grid produced, long fuel) {
}
