package dev.arclab.dsl;

import dev.arclab.dsl.primitives.Basics;
import dev.arclab.dsl.primitives.Colors;
import dev.arclab.dsl.primitives.Geometry;
import dev.arclab.dsl.primitives.GridOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DSL vocabulary: the 160 primitives under their arc-dsl names and reference indices
 * (dsl-spec §7.1) and the 28 constants (§6). Implementations live in {@code dev.arclab.dsl.primitives}
 * and are registered by name; the index and arity come from the table here.
 */
public final class Dsl {

    /** Version of the DSL's behaviour: caches key on it, so any behaviour change must bump it. */
    public static final String VERSION = "arcdsl-1";

    /** name:arity in reference order; the position + 1 is the reference index. */
    private static final String[] TABLE = {
            "identity:1", "add:2", "subtract:2", "multiply:2", "divide:2", "invert:1",
            "even:1", "double:1", "halve:1", "flip:1", "equality:2", "contained:2",
            "combine:2", "intersection:2", "difference:2", "dedupe:1", "order:2", "repeat:2",
            "greater:2", "size:1", "merge:1", "maximum:1", "minimum:1", "valmax:2",
            "valmin:2", "argmax:2", "argmin:2", "mostcommon:1", "leastcommon:1", "initset:1",
            "both:2", "either:2", "increment:1", "decrement:1", "crement:1", "sign:1",
            "positive:1", "toivec:1", "tojvec:1", "sfilter:2", "mfilter:2", "extract:2",
            "totuple:1", "first:1", "last:1", "insert:2", "remove:2", "other:2",
            "interval:3", "astuple:2", "product:2", "pair:2", "branch:3", "compose:2",
            "chain:3", "matcher:2", "rbind:2", "lbind:2", "power:2", "fork:3",
            "apply:2", "rapply:2", "mapply:2", "papply:3", "mpapply:3", "prapply:3",
            "mostcolor:1", "leastcolor:1", "height:1", "width:1", "shape:1", "portrait:1",
            "colorcount:2", "colorfilter:2", "sizefilter:2", "asindices:1", "ofcolor:2", "ulcorner:1",
            "urcorner:1", "llcorner:1", "lrcorner:1", "crop:3", "toindices:1", "recolor:2",
            "shift:2", "normalize:1", "dneighbors:1", "ineighbors:1", "neighbors:1", "objects:4",
            "partition:1", "fgpartition:1", "uppermost:1", "lowermost:1", "leftmost:1", "rightmost:1",
            "square:1", "vline:1", "hline:1", "hmatching:2", "vmatching:2", "manhattan:2",
            "adjacent:2", "bordering:2", "centerofmass:1", "palette:1", "numcolors:1", "color:1",
            "toobject:2", "asobject:1", "rot90:1", "rot180:1", "rot270:1", "hmirror:1",
            "vmirror:1", "dmirror:1", "cmirror:1", "fill:3", "paint:2", "underfill:3",
            "underpaint:2", "hupscale:2", "vupscale:2", "upscale:2", "downscale:2", "hconcat:2",
            "vconcat:2", "subgrid:2", "hsplit:2", "vsplit:2", "cellwise:3", "replace:3",
            "switch:3", "center:1", "position:2", "index:2", "canvas:2", "corners:1",
            "connect:2", "cover:2", "trim:1", "move:3", "tophalf:1", "bottomhalf:1",
            "lefthalf:1", "righthalf:1", "vfrontier:1", "hfrontier:1", "backdrop:1", "delta:1",
            "gravitate:2", "inbox:1", "outbox:1", "box:1", "shoot:2", "occurrences:2",
            "frontiers:1", "compress:1", "hperiod:1", "vperiod:1"
    };

    private static final Map<String, Primitive> PRIMITIVES = new LinkedHashMap<>();
    private static final Map<String, Object> CONSTANTS = new LinkedHashMap<>();
    private static final List<String> MISSING = new ArrayList<>();

    /** Where primitive groups register their implementations. */
    public static final class Registrar {
        private final Map<String, Object> impls = new LinkedHashMap<>();

        public void f1(String name, Primitive.F1 f) {
            put(name, 1, f);
        }

        public void f2(String name, Primitive.F2 f) {
            put(name, 2, f);
        }

        public void f3(String name, Primitive.F3 f) {
            put(name, 3, f);
        }

        public void f4(String name, Primitive.F4 f) {
            put(name, 4, f);
        }

        private void put(String name, int arity, Object f) {
            Integer index = indexOf(name);
            if (index == null) {
                throw new IllegalStateException("no primitive named " + name);
            }
            int expected = arityAt(index);
            if (expected != arity) {
                throw new IllegalStateException(name + " has arity " + expected + ", registered with " + arity);
            }
            if (impls.putIfAbsent(name, f) != null) {
                throw new IllegalStateException(name + " registered twice");
            }
        }
    }

    static {
        Registrar r = new Registrar();
        r.f2("compose", BuiltFn::compose);
        r.f3("chain", BuiltFn::chain);
        r.f2("matcher", BuiltFn::matcher);
        r.f2("rbind", BuiltFn::rbind);
        r.f2("lbind", BuiltFn::lbind);
        r.f2("power", BuiltFn::power);
        r.f3("fork", BuiltFn::fork);
        Basics.register(r);
        Geometry.register(r);
        Colors.register(r);
        GridOps.register(r);
        for (int k = 0; k < TABLE.length; k++) {
            String name = TABLE[k].substring(0, TABLE[k].indexOf(':'));
            Object impl = r.impls.get(name);
            if (impl == null) {
                MISSING.add(name);
            } else {
                PRIMITIVES.put(name, new Primitive(name, k + 1, arityAt(k + 1), impl));
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
        CONSTANTS.put("DOWN", new Pair(1, 0));
        CONSTANTS.put("RIGHT", new Pair(0, 1));
        CONSTANTS.put("UP", new Pair(-1, 0));
        CONSTANTS.put("LEFT", new Pair(0, -1));
        CONSTANTS.put("ORIGIN", new Pair(0, 0));
        CONSTANTS.put("UNITY", new Pair(1, 1));
        CONSTANTS.put("NEG_UNITY", new Pair(-1, -1));
        CONSTANTS.put("UP_RIGHT", new Pair(-1, 1));
        CONSTANTS.put("DOWN_LEFT", new Pair(1, -1));
        CONSTANTS.put("ZERO_BY_TWO", new Pair(0, 2));
        CONSTANTS.put("TWO_BY_ZERO", new Pair(2, 0));
        CONSTANTS.put("TWO_BY_TWO", new Pair(2, 2));
        CONSTANTS.put("THREE_BY_THREE", new Pair(3, 3));
    }

    private Dsl() {
    }

    private static Integer indexOf(String name) {
        for (int k = 0; k < TABLE.length; k++) {
            if (TABLE[k].startsWith(name + ":")) {
                return k + 1;
            }
        }
        return null;
    }

    private static int arityAt(int index) {
        String e = TABLE[index - 1];
        return e.charAt(e.length() - 1) - '0';
    }

    /** The primitive of that name, or null. */
    public static Primitive primitive(String name) {
        return PRIMITIVES.get(name);
    }

    /** The primitive of that name; an unknown or unimplemented name is a DSL error. */
    public static Primitive require(String name) {
        Primitive p = PRIMITIVES.get(name);
        if (p == null) {
            throw new DslException((MISSING.contains(name) ? "primitive not implemented: " : "unknown primitive: ") + name);
        }
        return p;
    }

    /** All implemented primitives in reference order. */
    public static List<Primitive> primitives() {
        return List.copyOf(PRIMITIVES.values());
    }

    /** Names of the primitives of the reference table with no implementation (empty when complete). */
    public static List<String> missing() {
        return Collections.unmodifiableList(MISSING);
    }

    /** The number of primitives in the reference vocabulary (160). */
    public static int vocabularySize() {
        return TABLE.length;
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
