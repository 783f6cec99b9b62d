package dev.arclab.search;

import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fn;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Tuple;
import dev.arclab.dsl.Grid;

/**
 * The runtime type of a DSL value as the enumerator sorts it into pools (dsl-spec §2.2 names the declared
 * aliases; these are what values actually are). An empty set fits every set type.
 */
public enum ValueType {
    GRID, INT, PAIR, INDICES, OBJECT, OBJECTS, INTSET, TUPLE, FN, EMPTY_SET, OTHER;

    /** The type of one value. */
    public static ValueType of(Object v) {
        if (v instanceof Grid) {
            return GRID;
        }
        if (v instanceof Integer) {
            return INT;
        }
        if (v instanceof Pair) {
            return PAIR;
        }
        if (v instanceof FSet s) {
            if (s.isEmpty()) {
                return EMPTY_SET;
            }
            Object e = s.first();
            if (e instanceof Pair) {
                return INDICES;
            }
            if (e instanceof ColoredLocation) {
                return OBJECT;
            }
            if (e instanceof FSet) {
                return OBJECTS;
            }
            if (e instanceof Integer) {
                return INTSET;
            }
            return OTHER;
        }
        if (v instanceof Fn) {
            return FN;
        }
        if (v instanceof Tuple) {
            return TUPLE;
        }
        return OTHER;
    }

    /** The common type of a vector of values, or {@link #OTHER} when they disagree. */
    public static ValueType ofAll(Object[] values) {
        ValueType t = null;
        for (Object v : values) {
            ValueType u = of(v);
            if (t == null || u == t || (u == EMPTY_SET && t.isSet())) {
                t = t == null ? u : t;
            } else if (t == EMPTY_SET && u.isSet()) {
                t = u;
            } else {
                return OTHER;
            }
        }
        return t == null ? OTHER : t;
    }

    /** A frozenset type. */
    public boolean isSet() {
        return this == INDICES || this == OBJECT || this == OBJECTS || this == INTSET || this == EMPTY_SET;
    }

    /** Indices or an object: what arc-dsl calls a patch. */
    public boolean isPatch() {
        return this == INDICES || this == OBJECT;
    }
}
