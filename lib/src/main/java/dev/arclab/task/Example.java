package dev.arclab.task;

import dev.arclab.dsl.Grid;
import java.util.Objects;

/**
 * One input/output pair of a task. The output of a test pair is null when it is not known (a Kaggle
 * challenge without its solutions, or a task whose test outputs were withheld on purpose).
 */
public record Example(Grid input, Grid output) {
    public Example {
        Objects.requireNonNull(input, "input");
    }

    /** A pair whose output is not known. */
    public static Example inputOnly(Grid input) {
        return new Example(input, null);
    }

    public boolean hasOutput() {
        return output != null;
    }

    /** This pair with its output forgotten. */
    public Example withoutOutput() {
        return output == null ? this : new Example(input, null);
    }
}
