package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Dsl;

/** Grid reshaping primitives: rotations, mirrors, scaling, concatenation, splits, crops and halves. */
public final class GridOps {
    private GridOps() {
    }

    public static void register(Dsl.Registrar r) {
    }
}
