package dev.arclab.dsl;

/** The DSL's single "no value" (Python's None); only {@code index} outside a grid produces it. */
public final class None {
    public static final None NONE = new None();

    private None() {
    }

    @Override
    public String toString() {
        return "None";
    }
}
