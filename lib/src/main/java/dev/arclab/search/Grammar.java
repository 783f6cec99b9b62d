package dev.arclab.search;

import dev.arclab.dsl.Dsl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which primitive calls the enumerator builds, with the kind of value each argument takes ({@link Slot}) or a
 * fixed constant. A prior over arc-dsl learnt by hand from the training set: the calls its solvers make most
 * (grid transforms, segmentation, selection by a key, painting), none keyed to a task. One production per line:
 * {@code name ARG... : RESULT [@COST]}, where an upper-case word that is a slot name is a slot, {@code =} the same value
 * as the slot before it, and any other word a DSL constant or a primitive passed as a value; COST (default 1) is what the call adds to the cost of its arguments: rarer or more branching calls
 * cost 2, so the search reaches them later. Some costs are learnt from the search's own results on the training
 * set: calls that no program it found in 600 s made, and that took at least half a percent of its time
 * ({@code backdrop}, {@code box}, {@code outbox}, {@code toindices}, {@code normalize} and {@code recolor} of a patch,
 * {@code sizefilter}), cost 2 (as functions passed to {@code apply} or {@code mapply} they stay in the pools).
 */
public final class Grammar {

    /** What an argument position draws from. */
    public enum Slot {
        /** a grid */ G,
        /** the input grid itself (segmenting every derived grid costs more than it finds) */ G0,
        /** a small count or size */ I,
        /** a colour */ C,
        /** an (i, j) pair */ P,
        /** indices or an object */ PATCH,
        /** an object (coloured cells) */ OBJ,
        /** a set of patches */ OBJS,
        /** a tuple of grids */ TUP,
        /** a function from a patch to an integer */ KEY,
        /** a function from a patch to a boolean */ PRED,
        /** a function from a patch to a patch */ MAP,
        /** a function from a cell location to indices (lines, neighbours) */ LOCMAP;

        static Slot parse(String word) {
            for (Slot s : values()) {
                if (s.name().equals(word)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * One call shape: the primitive, per argument a slot or (when the slot is null) a fixed constant, or the same
     * value as the argument before it ({@code repeat}, -1 when none: {@code prapply(connect, x, x)}).
     */
    public record Production(String primitive, Slot[] slots, String[] fixed, Slot result, boolean keepsShape, int cost,
                             int redundantArg, java.util.Set<String> redundantOn, int repeat) {
        /**
         * Whether calling this production with argument {@link #redundantArg} built by {@code head} can only repeat
         * a value already built more cheaply (see {@link Grammar#redundancy}).
         */
        public boolean redundantAfter(String head) {
            return redundantOn.contains(head);
        }

        public int arity() {
            return slots.length;
        }

        /** The slots that vary, in argument order. */
        public int varying() {
            int n = 0;
            for (Slot s : slots) {
                n += s == null ? 0 : 1;
            }
            return n;
        }
    }

    static final String[] LINES = {
        // grid to grid
        "rot90 G : G", "rot180 G : G", "rot270 G : G", "hmirror G : G", "vmirror G : G", "dmirror G : G",
        "cmirror G : G @2", "tophalf G : G", "bottomhalf G : G", "lefthalf G : G", "righthalf G : G", "trim G : G",
        "compress G : G", "dedupe G : G @2",
        "upscale G I : G", "hupscale G I : G @2", "vupscale G I : G @2", "downscale G I : G @2",
        "hconcat G G : G", "vconcat G G : G",
        "replace G C C : G @2", "switch G C C : G @2",
        "fill G C PATCH : G @2", "underfill G C PATCH : G @2", "paint G OBJ : G", "underpaint G OBJ : G @2", "cover G PATCH : G",
        "subgrid PATCH G : G", "cellwise G G C : G @2", "canvas C P : G @2", "move G OBJ P : G @2",
        "first TUP : G", "last TUP : G", "hsplit G I : TUP @2", "vsplit G I : TUP @2",
        // segmentation
        "objects G T F T : OBJS", "objects G0 T F F : OBJS", "objects G F F T : OBJS", "objects G T T T : OBJS",
        "objects G0 F T T : OBJS", "objects G0 T T F : OBJS", "objects G0 F F F : OBJS", "objects G0 F T F : OBJS",
        "partition G : OBJS", "fgpartition G : OBJS",
        "ofcolor G C : PATCH", "asindices G : PATCH", "asobject G0 : OBJ",
        // selection
        "argmax OBJS KEY : PATCH", "argmin OBJS KEY : PATCH", "sfilter OBJS PRED : OBJS", "mfilter OBJS PRED : PATCH",
        "sizefilter OBJS I : OBJS @2", "colorfilter OBJS C : OBJS", "merge OBJS : PATCH",
        "apply MAP OBJS : OBJS", "mapply MAP OBJS : PATCH", "mapply LOCMAP PATCH : PATCH",
        // patches
        "backdrop PATCH : PATCH @2", "delta PATCH : PATCH", "inbox PATCH : PATCH", "outbox PATCH : PATCH @2",
        "box PATCH : PATCH @2", "corners PATCH : PATCH @2", "toindices PATCH : PATCH @2", "normalize PATCH : PATCH @2",
        "shift PATCH P : PATCH @2", "hmirror PATCH : PATCH @2", "vmirror PATCH : PATCH @2", "recolor C PATCH : OBJ @2",
        "toobject PATCH G : OBJ", "hfrontier P : PATCH @2", "vfrontier P : PATCH @2", "connect P P : PATCH @2",
        "shoot P P : PATCH @2", "combine PATCH PATCH : PATCH @2", "difference PATCH PATCH : PATCH @2",
        "intersection PATCH PATCH : PATCH @2", "prapply connect PATCH = : OBJS @2",
        // colours, sizes, positions
        "mostcolor G : C", "leastcolor G : C", "color OBJ : C", "mostcolor OBJ : C", "leastcolor OBJ : C",
        "shape G : P", "shape PATCH : P", "ulcorner PATCH : P", "lrcorner PATCH : P", "center PATCH : P",
        "gravitate PATCH PATCH : P @2",
        "height G : I", "width G : I", "numcolors G : I", "size OBJS : I", "size PATCH : I",
        "increment I : I @2", "decrement I : I @2", "double I : I @2", "halve I : I @2",
    };

    /** Calls whose grid result has the shape of their first (grid) argument. */
    private static final java.util.Set<String> KEEPS_SHAPE = java.util.Set.of("fill", "underfill", "paint", "underpaint",
            "cover", "replace", "switch", "cellwise", "move", "rot180", "hmirror", "vmirror");

    /** The grid symmetries: any two in a row equal one of them (or the identity), which costs less. */
    static final java.util.Set<String> SYMMETRIES = java.util.Set.of("rot90", "rot180", "rot270", "hmirror", "vmirror",
            "dmirror", "cmirror");

    /** Calls {@code f} with {@code f(f(x)) = f(x)}. */
    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("compress", "normalize", "toindices",
            "backdrop", "asindices", "merge", "box", "corners");

    /** Patch functions of a patch's bounding box alone. */
    private static final java.util.Set<String> OF_BOUNDING_BOX = java.util.Set.of("backdrop", "box", "corners", "inbox",
            "outbox", "ulcorner", "lrcorner", "center", "shape");
    /** Patch functions whose result has the bounding box of their argument. */
    private static final java.util.Set<String> KEEP_BOUNDING_BOX = java.util.Set.of("backdrop", "box", "corners", "toindices");
    /** Patch arguments (name and position) that only the cells' locations of matter, not their colours. */
    private static final Map<String, Integer> LOCATIONS_ONLY = Map.of("delta", 0, "toobject", 0, "subgrid", 0,
            "recolor", 1, "cover", 1, "fill", 2, "underfill", 2);
    /** Grid functions of a grid's colour counts alone, the same on any turn or mirror of it. */
    private static final java.util.Set<String> OF_COLOUR_COUNTS = java.util.Set.of("mostcolor", "leastcolor", "numcolors");
    /** Grid symmetries that keep a grid's height and width. */
    private static final java.util.Set<String> SHAPE_SYMMETRIES = java.util.Set.of("rot180", "hmirror", "vmirror");

    /** An argument position and the heads that, building it, make a call a repeat of a cheaper one; none: -1. */
    record Redundancy(int arg, java.util.Set<String> heads) {
        static final Redundancy NONE = new Redundancy(-1, java.util.Set.of());
    }

    /**
     * Where a call can only repeat a value a cheaper call built, by identities of arc-dsl that hold for every
     * argument (so no value is lost, only the work of building it again): a symmetry of a symmetry is a symmetry or
     * the identity; {@code f(f(x)) = f(x)} for an idempotent f; {@code merge(apply(f, x)) = mapply(f, x)} and
     * {@code merge(sfilter(x, p)) = mfilter(x, p)}; a function of the bounding box alone is the same on anything
     * with that box ({@code inbox(backdrop(p)) = inbox(p)}); a function of the cells' locations alone is the same
     * on {@code toindices(p)} as on p; normalize and shape forget a shift, and size forgets a shift, a normalize or
     * a mirror; colour counts do not change when a grid turns or mirrors, its height is its or its width then, and
     * a call that keeps a grid's shape keeps its height, width, shape and indices.
     */
    static Redundancy redundancy(String name, Slot[] slots) {
        java.util.Set<String> heads = new java.util.HashSet<>();
        int arg = 0;
        if (slots.length == 1 && slots[0] == Slot.G) {
            if (SYMMETRIES.contains(name)) {
                heads.addAll(SYMMETRIES);
            }
            if (OF_COLOUR_COUNTS.contains(name) || name.equals("height") || name.equals("width")) {
                heads.addAll(SYMMETRIES);
            }
            if (name.equals("height") || name.equals("width") || name.equals("shape") || name.equals("asindices")) {
                heads.addAll(KEEPS_SHAPE);
                heads.addAll(SHAPE_SYMMETRIES);
            }
        }
        if (slots.length >= 1 && slots[0] == Slot.PATCH) {
            if (OF_BOUNDING_BOX.contains(name) && slots.length == 1) {
                heads.addAll(KEEP_BOUNDING_BOX);
            }
            if (name.equals("normalize") || (name.equals("shape") && slots.length == 1)) {
                heads.add("shift");
            }
            if (name.equals("size")) {
                heads.addAll(java.util.Set.of("shift", "normalize", "hmirror", "vmirror"));
            }
        }
        if (slots.length == 1 && slots[0] == Slot.OBJS && name.equals("merge")) {
            heads.addAll(java.util.Set.of("apply", "sfilter"));
        }
        Integer at = LOCATIONS_ONLY.get(name);
        if (at != null && at < slots.length && slots[at] == Slot.PATCH) {
            arg = at;
            heads.add("toindices");
        }
        if (slots.length == 1 && IDEMPOTENT.contains(name)) {
            heads.add(name);
        }
        return heads.isEmpty() ? Redundancy.NONE : new Redundancy(arg, java.util.Set.copyOf(heads));
    }

    private static final List<Production> ALL = parse();

    private Grammar() {
    }

    /** Every production, in the order the enumerator tries them. */
    public static List<Production> productions() {
        return ALL;
    }

    private static List<Production> parse() {
        List<Production> out = new ArrayList<>();
        for (String line : LINES) {
            int cost = 1;
            int at = line.indexOf(" @");
            if (at >= 0) {
                cost = Integer.parseInt(line.substring(at + 2).trim());
                line = line.substring(0, at);
            }
            String[] halves = line.split(" : ");
            String[] words = halves[0].trim().split(" ");
            if (Dsl.primitive(words[0]) == null) {
                throw new IllegalStateException("grammar names an unknown primitive: " + line);
            }
            Slot[] slots = new Slot[words.length - 1];
            String[] fixed = new String[words.length - 1];
            int repeat = -1;
            for (int k = 1; k < words.length; k++) {
                if (words[k].equals("=") && k >= 2 && words[k - 1].equals(words[k - 1].toUpperCase()) && repeat < 0) {
                    repeat = k - 1;
                    continue;
                }
                Slot s = Slot.parse(words[k]);
                if (s == null && Dsl.constant(words[k]) == null && Dsl.primitive(words[k]) == null) {
                    throw new IllegalStateException("grammar names an unknown constant: " + line);
                }
                slots[k - 1] = s;
                fixed[k - 1] = s == null ? words[k] : null;
            }
            Slot result = Slot.parse(halves[1].trim());
            if (result == null) {
                throw new IllegalStateException("grammar has no result slot: " + line);
            }
            Redundancy redundant = redundancy(words[0], slots);
            out.add(new Production(words[0], slots, fixed, result, KEEPS_SHAPE.contains(words[0]) && slots[0] == Slot.G, cost,
                    redundant.arg(), redundant.heads(), repeat));
        }
        return List.copyOf(out);
    }
}
