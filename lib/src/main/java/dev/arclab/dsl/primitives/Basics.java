package dev.arclab.dsl.primitives;

import dev.arclab.dsl.Def;

/**
 * Numbers, logic, containers and higher-order application: dsl-spec §7.2 entries 1-53 and 61-66
 * (the builders 54-60 live in {@link dev.arclab.dsl.BuiltFn}). Implementations are in
 * {@link Numbers}, {@link Containers} and {@link Application}; this class holds {@code identity}.
 */
public final class Basics {
    private Basics() {
    }

    @Def(index = 1, signature = "identity(x: Any) -> Any",
            summary = "Returns its argument unchanged (the very same value).")
    public static Object identity(Object x) {
        return x;
    }
}
