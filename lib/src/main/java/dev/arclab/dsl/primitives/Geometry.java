package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Dsl;

/** Patch geometry primitives: bounds, corners, neighbours, boxes, lines, distances, periods. */
public final class Geometry {
    private Geometry() {
    }

    public static void register(Dsl.Registrar r) {
    }
}
