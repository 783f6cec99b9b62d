package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Dsl;

/** Colour, object and painting primitives: palettes, object segmentation, fill and paint. */
public final class Colors {
    private Colors() {
    }

    public static void register(Dsl.Registrar r) {
    }
}
