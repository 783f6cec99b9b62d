package dev.arclab.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The phases of a pipeline, by the name the command line, the magics ({@code %phase score}) and the run
 * records use. {@link #CHAIN} is one iteration (generate..differs); predict comes after the last one.
 */
public enum PhaseName {
    GENERATE, SCORE, FILTER, CANONICALIZE, VALIDATE, SAVE, DIFFERS, PREDICT;

    /** One iteration, in order. */
    public static final java.util.List<PhaseName> CHAIN = java.util.List.of(GENERATE, SCORE, FILTER, CANONICALIZE, VALIDATE,
            SAVE, DIFFERS);

    /** The name as written: {@code generate}, {@code score}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    /**
     * The phase of that name.
     *
     * @throws IllegalArgumentException naming the phases when {@code name} is not one
     */
    public static PhaseName of(String name) {
        for (PhaseName p : values()) {
            if (p.id().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no phase '" + name + "'; the phases are "
                + Arrays.stream(values()).map(PhaseName::id).collect(Collectors.joining(", ")));
    }
}
