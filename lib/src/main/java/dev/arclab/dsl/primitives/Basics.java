package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Dsl;

/** Numbers, logic, containers and higher-order application (apply, mapply, papply, ...). */
public final class Basics {
    private Basics() {
    }

    public static void register(Dsl.Registrar r) {
    }
}
