package dev.arclab.dsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declared types of a primitive (dsl-spec §7.2, informal aliases of §2.2): its parameter types and
 * return type. Nothing checks them at call time; mutation uses them to replace an argument only by a
 * value of the same {@link Family}.
 */
public record Signature(String name, List<String> params, String returns) {

    /** Groups of declared types whose values can stand in for each other. */
    public enum Family {
        BOOLEAN, INTEGER, NUMERIC, PAIR, GRID, PATCH, PIECE, SET, TUPLE, CONTAINER, CALLABLE, ANY;

        /** The family of a declared type alias. */
        public static Family of(String type) {
            switch (type) {
                case "Boolean":
                    return BOOLEAN;
                case "Integer":
                    return INTEGER;
                case "Numerical":
                    return NUMERIC;
                case "IntegerTuple":
                    return PAIR;
                case "Grid":
                    return GRID;
                case "Patch":
                case "Object":
                case "Indices":
                    return PATCH;
                case "Piece":
                case "Element":
                    return PIECE;
                case "Objects":
                case "FrozenSet":
                case "IntegerSet":
                case "IndicesSet":
                    return SET;
                case "Tuple":
                case "TupleTuple":
                    return TUPLE;
                case "Container":
                case "ContainerContainer":
                    return CONTAINER;
                case "Callable":
                    return CALLABLE;
                default:
                    return ANY;
            }
        }

        /** Whether a value declared as {@code have} may stand where this family is declared. */
        public boolean accepts(Family have) {
            if (this == ANY || this == have) {
                return true;
            }
            switch (this) {
                case INTEGER:
                    return have == BOOLEAN;
                case NUMERIC:
                    return have == INTEGER || have == BOOLEAN || have == PAIR;
                case PIECE:
                    return have == GRID || have == PATCH;
                case CONTAINER:
                    return have == SET || have == TUPLE || have == PATCH || have == GRID || have == PAIR;
                case SET:
                    return have == PATCH;
                default:
                    return false;
            }
        }
    }

    private static final Pattern TEXT = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*->\\s*([A-Za-z]+)\\s*");

    public Signature {
        params = List.copyOf(params);
    }

    /**
     * Parses a signature as dsl-spec writes it: {@code name(param: Type, ...) -> Type}.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static Signature parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a signature 'name(param: Type, ...) -> Type': " + text);
        }
        List<String> params = new ArrayList<>();
        if (!m.group(2).isBlank()) {
            for (String p : m.group(2).split(",")) {
                int colon = p.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("parameter '" + p.trim() + "' has no ': Type' in " + text);
                }
                params.add(p.substring(colon + 1).trim());
            }
        }
        return new Signature(m.group(1), params, m.group(3));
    }

    /** The signature of a primitive, or null for an unknown name. */
    public static Signature of(String primitive) {
        Primitive p = Dsl.primitive(primitive);
        return p == null ? null : p.signature();
    }

    /** All 160 signatures in reference order. */
    public static Map<String, Signature> all() {
        Map<String, Signature> out = new LinkedHashMap<>();
        for (Primitive p : Dsl.primitives()) {
            out.put(p.name(), p.signature());
        }
        return Collections.unmodifiableMap(out);
    }

    public int arity() {
        return params.size();
    }

    public Family paramFamily(int k) {
        return Family.of(params.get(k));
    }

    public Family returnFamily() {
        return Family.of(returns);
    }

    /** Same arity and the same declared parameter and return types: a drop-in replacement. */
    public boolean sameShape(Signature other) {
        return params.equals(other.params) && returns.equals(other.returns);
    }
}
