package dev.arclab.task;

import dev.arclab.grid.Grid;
import java.util.Objects;

/** One input/output pair of a task. The output of a test pair is null when it is not known. */
public record Example(Grid input, Grid output) {
    public Example {
        Objects.requireNonNull(input, "input");
    }

    public boolean hasOutput() {
        return output != null;
    }
}
