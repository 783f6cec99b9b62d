package dev.arclab.dsl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private static final Map<String, Signature> ALL = load();

    public Signature {
        params = List.copyOf(params);
    }

    private static Map<String, Signature> load() {
        Map<String, Signature> out = new LinkedHashMap<>();
        try (InputStream in = Signature.class.getResourceAsStream("signatures.tsv")) {
            if (in == null) {
                throw new IllegalStateException("signatures.tsv is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<String> params = f[1].isEmpty() ? List.of() : Arrays.asList(f[1].split(","));
                out.put(f[0], new Signature(f[0], params, f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The signature of a primitive, or null for an unknown name. */
    public static Signature of(String primitive) {
        return ALL.get(primitive);
    }

    /** All 160 signatures in reference order. */
    public static Map<String, Signature> all() {
        return ALL;
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
