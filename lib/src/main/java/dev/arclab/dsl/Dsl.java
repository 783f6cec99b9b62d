package dev.arclab.dsl;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The DSL vocabulary: the 160 primitives under their arc-dsl names and reference indices
 * (dsl-spec §7.1) and the 28 constants (§6). Each primitive is declared once, beside its body, with
 * {@link Def} (index, signature, summary): the builders in {@link BuiltFn}, the rest in
 * {@code dev.arclab.dsl.primitives}, which {@link Vocabulary} hands over without an import back.
 */
public final class Dsl {

    /** Version of the DSL's behaviour: caches key on it, so any behaviour change must bump it. */
    public static final String VERSION = "arcdsl-1";

    private static final Map<String, Primitive> PRIMITIVES = new LinkedHashMap<>();
    private static final Map<String, Object> CONSTANTS = new LinkedHashMap<>();

    static {
        List<Primitive> all = new ArrayList<>(Primitive.declaredIn(MethodHandles.lookup(), BuiltFn.class));
        for (Vocabulary v : ServiceLoader.load(Vocabulary.class, Dsl.class.getClassLoader())) {
            all.addAll(v.primitives());
        }
        all.sort(Comparator.comparingInt(Primitive::index));
        for (int k = 0; k < all.size(); k++) {
            Primitive p = all.get(k);
            if (p.index() != k + 1 || PRIMITIVES.putIfAbsent(p.name(), p) != null) {
                throw new IllegalStateException("the primitives' reference indices must be 1..n, each once, with distinct"
                        + " names: " + p.name() + " has index " + p.index() + " at position " + (k + 1));
            }
        }
        CONSTANTS.put("F", 0);
        CONSTANTS.put("T", 1);
        String[] numbers = {"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"};
        for (int k = 0; k < numbers.length; k++) {
            CONSTANTS.put(numbers[k], k);
        }
        CONSTANTS.put("NEG_ONE", -1);
        CONSTANTS.put("NEG_TWO", -2);
        CONSTANTS.put("DOWN", Pair.of(1, 0));
        CONSTANTS.put("RIGHT", Pair.of(0, 1));
        CONSTANTS.put("UP", Pair.of(-1, 0));
        CONSTANTS.put("LEFT", Pair.of(0, -1));
        CONSTANTS.put("ORIGIN", Pair.of(0, 0));
        CONSTANTS.put("UNITY", Pair.of(1, 1));
        CONSTANTS.put("NEG_UNITY", Pair.of(-1, -1));
        CONSTANTS.put("UP_RIGHT", Pair.of(-1, 1));
        CONSTANTS.put("DOWN_LEFT", Pair.of(1, -1));
        CONSTANTS.put("ZERO_BY_TWO", Pair.of(0, 2));
        CONSTANTS.put("TWO_BY_ZERO", Pair.of(2, 0));
        CONSTANTS.put("TWO_BY_TWO", Pair.of(2, 2));
        CONSTANTS.put("THREE_BY_THREE", Pair.of(3, 3));
    }

    private Dsl() {
    }

    /** The primitive of that name, or null. */
    public static Primitive primitive(String name) {
        return PRIMITIVES.get(name);
    }

    /** The primitive of that name; an unknown name is a DSL error. */
    public static Primitive require(String name) {
        Primitive p = PRIMITIVES.get(name);
        if (p == null) {
            throw new DslException("unknown primitive: " + name);
        }
        return p;
    }

    /** All primitives in reference order. */
    public static List<Primitive> primitives() {
        return List.copyOf(PRIMITIVES.values());
    }

    /** The number of primitives in the reference vocabulary (160). */
    public static int vocabularySize() {
        return PRIMITIVES.size();
    }

    /** The value of a constant, or null for an unknown name. */
    public static Object constant(String name) {
        return CONSTANTS.get(name);
    }

    /** The 28 constants by name, in the order of dsl-spec §6. */
    public static Map<String, Object> constants() {
        return Collections.unmodifiableMap(CONSTANTS);
    }

    /** Calls primitive {@code name} with the given arguments. */
    public static Object call(String name, Object... args) {
        return require(name).call(args);
    }
}
