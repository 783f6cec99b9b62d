package dev.arclab.search;

import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Grid;
import java.util.ArrayList;
import java.util.List;

/**
 * One-step finishers solved backwards: instead of enumerating {@code fill(I, c, patch)}, {@code underfill},
 * {@code paint(I, patch)} and {@code subgrid(patch, I)} over every colour and patch, each new patch is checked
 * against what the demo pairs require (which cells change, to which colour), so the common last call of an
 * arc-dsl solver costs one check instead of a level of search. Only demo outputs are read; the answer on the test
 * inputs is computed by the DSL itself.
 */
final class Finishers {

    /** A solution built by a finisher: its expression and its answers on the test inputs. */
    record Finished(Expr expr, Object[] answers, boolean weak) {
        Finished(Expr expr, Object[] answers) {
            this(expr, answers, false);
        }
    }

    /** A colour as an expression and its value on every input. */
    record Colour(Expr expr, Object[] vals) {
    }

    private final Grid[] inputs;
    private final Grid[] targets;
    private final int nDemo;
    private final boolean sameShape;
    private final int[] diffCount;
    private final int[] background;
    private final List<Colour> fillColours = new ArrayList<>();
    private final boolean active;
    /** Per demo pair, the one colour its changed cells take (-1: none change); meaningful when {@link #single}. */
    private final int[] diffColour;
    private boolean single;
    /** Colours that changed cells take, when there are several: one fill per colour, stacked. */
    private final int[] stackColours;
    private final int[][] need;
    private final Expr[] stackPatch;
    private final Object[][] stackVals;
    private boolean stacked;

    Finishers(Grid[] inputs, Grid[] targets) {
        this.inputs = inputs;
        this.targets = targets;
        this.nDemo = targets.length;
        boolean same = true;
        diffCount = new int[nDemo];
        background = new int[inputs.length];
        diffColour = new int[nDemo];
        boolean single = true;
        boolean anyDiff = false;
        for (int e = 0; e < nDemo; e++) {
            Grid in = inputs[e];
            Grid out = targets[e];
            if (in.rows() != out.rows() || in.cols() != out.cols()) {
                same = false;
                break;
            }
            diffColour[e] = -1;
            int[] a = in.cells();
            int[] b = out.cells();
            for (int k = 0; k < a.length; k++) {
                if (a[k] != b[k]) {
                    diffCount[e]++;
                    anyDiff = true;
                    if (diffColour[e] == -1) {
                        diffColour[e] = b[k];
                    } else if (diffColour[e] != b[k]) {
                        single = false;
                    }
                }
            }
        }
        this.sameShape = same && anyDiff;
        boolean inside = true;
        for (int e = 0; e < nDemo; e++) {
            inside &= targets[e].rows() <= inputs[e].rows() && targets[e].cols() <= inputs[e].cols();
        }
        this.active = sameShape || inside;
        java.util.TreeSet<Integer> changedTo = new java.util.TreeSet<>();
        if (sameShape) {
            for (int e = 0; e < nDemo; e++) {
                int[] a = inputs[e].cells();
                int[] b = targets[e].cells();
                for (int k = 0; k < a.length; k++) {
                    if (a[k] != b[k]) {
                        changedTo.add(b[k]);
                    }
                }
            }
        }
        stackColours = changedTo.size() >= 2 && changedTo.size() <= 4
                ? changedTo.stream().mapToInt(Integer::intValue).toArray() : new int[0];
        need = new int[stackColours.length][nDemo];
        for (int c = 0; c < stackColours.length; c++) {
            for (int e = 0; e < nDemo; e++) {
                int[] a = inputs[e].cells();
                int[] b = targets[e].cells();
                for (int k = 0; k < a.length; k++) {
                    if (a[k] != b[k] && b[k] == stackColours[c]) {
                        need[c][e]++;
                    }
                }
            }
        }
        stackPatch = new Expr[stackColours.length];
        stackVals = new Object[stackColours.length][];
        for (int e = 0; e < inputs.length; e++) {
            background[e] = (Integer) Dsl.call("mostcolor", inputs[e]);
        }
        this.single = single;
        if (sameShape && single) {
            List<Colour> all = new ArrayList<>();
            for (int c = 0; c <= 9; c++) {
                Object[] v = new Object[inputs.length];
                java.util.Arrays.fill(v, c);
                all.add(new Colour(Expr.number(c), v));
            }
            for (String f : new String[] {"mostcolor", "leastcolor"}) {
                Object[] v = new Object[inputs.length];
                for (int e = 0; e < inputs.length; e++) {
                    v[e] = Dsl.call(f, inputs[e]);
                }
                all.add(new Colour(Expr.call(f, Expr.INPUT), v));
            }
            for (Colour c : all) {
                boolean fits = true;
                for (int e = 0; e < nDemo; e++) {
                    fits &= diffColour[e] == -1 || diffColour[e] == (Integer) c.vals[e];
                }
                if (fits) {
                    fillColours.add(c);
                }
            }
        }
    }

    /**
     * Offers a computed colour (a vector over all examples): when it is the colour the changed cells take in every
     * demo pair, later patches may be filled with it.
     */
    void offerColour(Expr expr, Object[] vals) {
        if (!sameShape || !single || fillColours.size() >= 24) {
            return;
        }
        for (int e = 0; e < nDemo; e++) {
            if (diffColour[e] != -1 && diffColour[e] != (Integer) vals[e]) {
                return;
            }
        }
        for (Colour c : fillColours) {
            if (java.util.Arrays.equals(c.vals, vals)) {
                return;
            }
        }
        fillColours.add(new Colour(expr, vals));
    }

    /**
     * Whether any finisher can apply to this task: the demo outputs keep the inputs' shapes (fill, underfill, paint,
     * stacks) or fit inside them (subgrid). When none can, patches at the last level are not worth building.
     */
    boolean active() {
        return active;
    }

    /**
     * The cheapest colour that every demo's changed cells all take (where each demo's take one), so that one fill
     * can make the output; null when there is none.
     */
    Colour fillColour() {
        return fillColours.isEmpty() ? null : fillColours.get(0);
    }

    /** Object properties a recolouring may depend on, as arc-dsl function expressions. */
    private static final String[][] OBJECT_KEYS = {{"size"}, {"height"}, {"width"}, {"numcolors"},
        {"fork", "multiply", "height", "width"}, {"compose", "size", "delta"}};
    /** Object positions a recolouring may rank objects by (the topmost, the leftmost, ...). */
    private static final String[][] POSITION_KEYS = {{"uppermost"}, {"leftmost"}, {"lowermost"}, {"rightmost"}};

    /**
     * Objects recoloured by a property: when, in every demo pair, each object of {@code objs} takes one colour in
     * the output, every changed cell lies in an object, and one property (size, height, width, colours, area,
     * holes) decides that colour the same way in all pairs, the solution fills the objects of each property value
     * with their colour: {@code fill(fill(I, c1, mfilter(objs, matcher(size, v1))), c2, ...)} ({@link #byLookup}).
     * Objects whose value the demos never showed keep their colours; when a test input has such objects the lookup
     * is weak, and rules that reach any value ({@link #byRule}: the largest against the rest, one value against
     * the rest, a threshold) answer before it. The first property with a lookup or a rule is kept.
     */
    List<Finished> recolourByKey(Expr objsExpr, Object[] vals) {
        if (!sameShape) {
            return List.of();
        }
        List<List<FSet>> objs = new ArrayList<>();
        List<int[]> colours = new ArrayList<>();
        for (int e = 0; e < nDemo; e++) {
            Grid in = inputs[e];
            Grid out = targets[e];
            List<FSet> list = new ArrayList<>();
            int[] cs = new int[((FSet) vals[e]).size()];
            int covered = 0;
            int k = 0;
            for (Object o : (FSet) vals[e]) {
                if (!(o instanceof FSet obj) || obj.size() == 0) {
                    return List.of();
                }
                int colour = -1;
                for (Object x : obj) {
                    if (!(x instanceof ColoredLocation c) || c.i < 0 || c.j < 0 || c.i >= in.rows() || c.j >= in.cols()) {
                        return List.of();
                    }
                    int want = out.at(c.i, c.j);
                    if (colour == -1) {
                        colour = want;
                    } else if (colour != want) {
                        return List.of();
                    }
                    covered += in.at(c.i, c.j) != want ? 1 : 0;
                }
                list.add(obj);
                cs[k++] = colour;
            }
            if (covered != diffCount[e]) {
                return List.of();
            }
            objs.add(list);
            colours.add(cs);
        }
        List<Finished> out = new ArrayList<>(1);
        for (int at = 0; at < OBJECT_KEYS.length + POSITION_KEYS.length; at++) {
            boolean position = at >= OBJECT_KEYS.length;
            String[] key = position ? POSITION_KEYS[at - OBJECT_KEYS.length] : OBJECT_KEYS[at];
            Expr keyExpr = key.length == 1 ? Expr.name(key[0])
                    : Expr.call(key[0], Expr.name(key[1]), Expr.name(key[2]));
            Object fn;
            try {
                fn = key.length == 1 ? Dsl.primitive(key[0]) : Dsl.call(key[0], Dsl.primitive(key[1]), Dsl.primitive(key[2]));
            } catch (RuntimeException ex) {
                continue;
            }
            int[][] keys = new int[nDemo][];
            for (int e = 0; e < nDemo && keys != null; e++) {
                List<FSet> list = objs.get(e);
                keys[e] = new int[list.size()];
                for (int k = 0; k < list.size(); k++) {
                    Integer value = keyOf(fn, list.get(k));
                    if (value == null) {
                        keys = null;
                        break;
                    }
                    keys[e][k] = value;
                }
            }
            if (keys == null) {
                continue;
            }
            // a position decides a colour by rank only (the topmost object), never by its value
            Finished lookup = position ? null : byLookup(objsExpr, vals, keyExpr, fn, objs, colours, keys);
            List<Finished> rules = byRule(objsExpr, vals, keyExpr, objs, colours, keys, !position);
            if (lookup == null && rules.isEmpty()) {
                continue;
            }
            if (lookup != null && !lookup.weak()) {
                // every test object's value was seen: the lookup answers first, a rule that answers otherwise second
                out.add(lookup);
                for (Finished r : rules) {
                    out.add(new Finished(r.expr(), r.answers(), true));
                }
            } else {
                // a rule of the values (the largest, one value against the rest, a threshold) reaches values the
                // demos never showed; the lookup would leave those objects as they are
                out.addAll(rules);
                if (lookup != null) {
                    out.add(lookup);
                }
            }
            break;
        }
        return out;
    }

    /**
     * The recolouring as a lookup from each property value the demos showed to its colour; null when the demos
     * disagree. Weak when a test input has an object whose value no demo showed (it keeps its colour).
     */
    private Finished byLookup(Expr objsExpr, Object[] vals, Expr keyExpr, Object fn, List<List<FSet>> objs,
                              List<int[]> colours, int[][] keys) {
        java.util.TreeMap<Integer, Integer> lookup = new java.util.TreeMap<>();
        java.util.TreeSet<Integer> changing = new java.util.TreeSet<>();
        for (int e = 0; e < nDemo; e++) {
            List<FSet> list = objs.get(e);
            for (int k = 0; k < list.size(); k++) {
                int value = keys[e][k];
                if (value > 10) {
                    return null;
                }
                Integer before = lookup.putIfAbsent(value, colours.get(e)[k]);
                if (before != null && before != colours.get(e)[k]) {
                    return null;
                }
                if (!unchanged(list.get(k), colours.get(e)[k])) {
                    changing.add(value);
                }
            }
        }
        if (changing.isEmpty() || lookup.size() < 2) {
            return null;
        }
        Expr expr = Expr.INPUT;
        for (int v : changing) {
            Expr pred = Expr.call("matcher", keyExpr, Expr.number(v));
            expr = Expr.call("fill", expr, Expr.number(lookup.get(v)), Expr.call("mfilter", objsExpr, pred));
        }
        Object[] answers = fitted(expr, objsExpr, vals);
        if (answers == null) {
            return null;
        }
        // an object of a test input whose value the demos never showed keeps its colour: likely wrong, so
        // the solution is kept as a weak one and the search goes on
        boolean unseen = false;
        for (int e = nDemo; e < inputs.length && !unseen; e++) {
            for (Object o : (FSet) vals[e]) {
                Integer value = keyOf(fn, o);
                unseen |= value == null || !lookup.containsKey(value);
            }
        }
        return new Finished(expr, answers, unseen);
    }

    /**
     * The recolouring as a rule of the property that reaches values no demo showed, each checked on the demos:
     * the largest and the smallest object against the rest ({@code fill(fill(I, B, merge(objs)), A, argmax(objs,
     * size))}), one value against the rest ({@code mfilter(objs, matcher(size, SIX))}), and a threshold ({@code
     * mfilter(objs, compose(lbind(greater, FOUR), size))}: below four). The rank rules are strong, the others weak.
     */
    private List<Finished> byRule(Expr objsExpr, Object[] vals, Expr keyExpr, List<List<FSet>> objs,
                                  List<int[]> colours, int[][] keys, boolean withSplits) {
        List<Finished> out = new ArrayList<>(2);
        // the rank rules: the arg-max, the arg-min, or both, each with one colour; the rest one colour or unchanged.
        // argmax and argmin take the first object (in the set's order) with the largest, the smallest value
        int[][] extreme = new int[2][nDemo];
        boolean[] tied = new boolean[2];
        for (int e = 0; e < nDemo; e++) {
            for (int k = 1; k < keys[e].length; k++) {
                extreme[0][e] = keys[e][k] > keys[e][extreme[0][e]] ? k : extreme[0][e];
                extreme[1][e] = keys[e][k] < keys[e][extreme[1][e]] ? k : extreme[1][e];
            }
            // a rank that a tie decides is the set's order, not the property: not a rule
            for (int k = 0; k < keys[e].length; k++) {
                tied[0] |= k != extreme[0][e] && keys[e][k] == keys[e][extreme[0][e]];
                tied[1] |= k != extreme[1][e] && keys[e][k] == keys[e][extreme[1][e]];
            }
        }
        for (int which = 1; which <= 3; which++) {
            if (((which & 1) != 0 && tied[0]) || ((which & 2) != 0 && tied[1])) {
                continue;
            }
            int[] colour = {-1, -1, -1};
            boolean restKept = true;
            boolean fits = true;
            for (int e = 0; e < nDemo && fits; e++) {
                List<FSet> list = objs.get(e);
                for (int k = 0; k < list.size() && fits; k++) {
                    FSet o = list.get(k);
                    int rank = (which & 1) != 0 && k == extreme[0][e] ? 0 : (which & 2) != 0 && k == extreme[1][e] ? 1 : 2;
                    int c = colours.get(e)[k];
                    fits = colour[rank] == -1 || colour[rank] == c;
                    colour[rank] = c;
                    if (rank == 2) {
                        restKept &= unchanged(o, c);
                    }
                }
            }
            if (!fits) {
                continue;
            }
            Expr expr = restKept || colour[2] == -1 ? Expr.INPUT
                    : Expr.call("fill", Expr.INPUT, Expr.number(colour[2]), Expr.call("merge", objsExpr));
            if ((which & 1) != 0 && colour[0] != -1) {
                expr = Expr.call("fill", expr, Expr.number(colour[0]), Expr.call("argmax", objsExpr, keyExpr));
            }
            if ((which & 2) != 0 && colour[1] != -1) {
                expr = Expr.call("fill", expr, Expr.number(colour[1]), Expr.call("argmin", objsExpr, keyExpr));
            }
            Object[] answers = fitted(expr, objsExpr, vals);
            if (answers != null) {
                out.add(new Finished(expr, answers, false));
                break;
            }
        }
        if (!withSplits) {
            return out;
        }
        // the split rules: two colours, the values of one all apart from the other's
        java.util.TreeSet<Integer> colourSet = new java.util.TreeSet<>();
        java.util.Map<Integer, java.util.TreeSet<Integer>> valuesOf = new java.util.TreeMap<>();
        for (int e = 0; e < nDemo; e++) {
            List<FSet> list = objs.get(e);
            for (int k = 0; k < list.size(); k++) {
                colourSet.add(colours.get(e)[k]);
                valuesOf.computeIfAbsent(colours.get(e)[k], x -> new java.util.TreeSet<>()).add(keys[e][k]);
            }
        }
        if (colourSet.size() != 2) {
            return out;
        }
        int a = colourSet.first();
        int b = colourSet.last();
        java.util.TreeSet<Integer> va = valuesOf.get(a);
        java.util.TreeSet<Integer> vb = valuesOf.get(b);
        List<Expr[]> splits = new ArrayList<>();
        for (int[] pair : new int[][] {{a, b}, {b, a}}) {
            java.util.TreeSet<Integer> one = valuesOf.get(pair[0]);
            java.util.TreeSet<Integer> rest = valuesOf.get(pair[1]);
            if (one.size() == 1 && !rest.contains(one.first())) {
                splits.add(new Expr[] {Expr.number(pair[0]), Expr.number(pair[1]),
                        Expr.call("matcher", keyExpr, Expr.number(one.first()))});
            }
        }
        if (va.last() < vb.first() || vb.last() < va.first()) {
            int low = va.last() < vb.first() ? a : b;
            int high = low == a ? b : a;
            int below = valuesOf.get(low).last() + 1;
            splits.add(new Expr[] {Expr.number(low), Expr.number(high),
                    Expr.call("compose", Expr.call("lbind", Expr.name("greater"), Expr.number(below)), keyExpr)});
        }
        for (Expr[] split : splits) {
            Expr expr = Expr.call("fill", Expr.call("fill", Expr.INPUT, split[1], Expr.call("merge", objsExpr)), split[0],
                    Expr.call("mfilter", objsExpr, split[2]));
            Object[] answers = fitted(expr, objsExpr, vals);
            if (answers != null) {
                out.add(new Finished(expr, answers, true));
            }
        }
        return out;
    }

    private static Integer keyOf(Object fn, Object obj) {
        try {
            Object v = ((dev.arclab.dsl.Fn) fn).call(new Object[] {obj});
            return v instanceof Integer value && value >= 0 && value <= 30 ? value : null;
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private static boolean unchanged(FSet obj, int colour) {
        for (Object x : obj) {
            if (((ColoredLocation) x).color != colour) {
                return false;
            }
        }
        return true;
    }

    /**
     * The test answers of {@code expr} when it gives every demo output, else null; {@code known} stands for a
     * value the search built ({@code vals}), the rest is evaluated by the DSL.
     */
    private Object[] fitted(Expr expr, Expr known, Object[] vals) {
        Object[] answers = new Object[inputs.length - nDemo];
        try {
            for (int e = 0; e < inputs.length; e++) {
                // a budget of its own: what the call before it spent does not decide whether a rule fits
                Fuel.start(RULE_FUEL);
                Object g = eval(expr, e, known, vals);
                if (e < nDemo ? !targets[e].equals(g) : !(g instanceof Grid)) {
                    return null;
                }
                if (e >= nDemo) {
                    answers[e - nDemo] = g;
                }
            }
        } catch (RuntimeException ex) {
            return null;
        }
        return answers;
    }

    /** Fuel for one example's run of a rule checked by {@link #fitted}. */
    static final long RULE_FUEL = 1_000_000;

    private Object eval(Expr x, int e, Expr known, Object[] vals) {
        if (x == known) {
            return vals[e];
        }
        switch (x.kind()) {
            case INPUT:
                return inputs[e];
            case NAME: {
                Object c = Dsl.constant(x.name());
                if (c != null) {
                    return c;
                }
                if (!x.name().isEmpty() && Character.isDigit(x.name().charAt(x.name().length() - 1))) {
                    return Integer.parseInt(x.name());
                }
                return Dsl.require(x.name());
            }
            default: {
                Object[] a = new Object[x.args().size()];
                for (int k = 0; k < a.length; k++) {
                    a[k] = eval(x.args().get(k), e, known, vals);
                }
                return Dsl.call(x.name(), a);
            }
        }
    }

    /** The solutions that end with one call on {@code patch} (a vector of indices or objects). */
    List<Finished> finish(Expr patch, Object[] vals, ValueType type) {
        List<Finished> out = new ArrayList<>(1);
        if (sameShape) {
            for (Colour c : fillColours) {
                if (fills(vals, c, false)) {
                    addAnswer(out, "fill", c, patch, vals);
                    break;
                }
            }
            for (Colour c : fillColours) {
                if (fills(vals, c, true)) {
                    addAnswer(out, "underfill", c, patch, vals);
                    break;
                }
            }
            if (stackColours.length > 0 && !stacked) {
                stack(out, patch, vals);
            }
            if (type == ValueType.OBJECT && paints(vals)) {
                Object[] answers = new Object[inputs.length - nDemo];
                try {
                    for (int e = nDemo; e < inputs.length; e++) {
                        answers[e - nDemo] = Dsl.call("paint", inputs[e], vals[e]);
                    }
                    out.add(new Finished(Expr.call("paint", Expr.INPUT, patch), answers));
                } catch (RuntimeException ex) {
                    // no answer on a test input: not a solution
                }
            }
        } else if (crops(vals)) {
            Object[] answers = new Object[inputs.length - nDemo];
            try {
                for (int e = nDemo; e < inputs.length; e++) {
                    answers[e - nDemo] = Dsl.call("subgrid", vals[e], inputs[e]);
                }
                out.add(new Finished(Expr.call("subgrid", patch, Expr.INPUT), answers));
            } catch (RuntimeException ex) {
                // no answer on a test input
            }
        }
        return out;
    }

    private void addAnswer(List<Finished> out, String prim, Colour c, Expr patch, Object[] vals) {
        Object[] answers = new Object[inputs.length - nDemo];
        try {
            for (int e = nDemo; e < inputs.length; e++) {
                answers[e - nDemo] = Dsl.call(prim, inputs[e], c.vals[e], vals[e]);
            }
        } catch (RuntimeException ex) {
            return;
        }
        out.add(new Finished(Expr.call(prim, Expr.INPUT, c.expr, patch), answers));
    }

    /** fill (or underfill) with colour c turns every demo input into its output. */
    private boolean fills(Object[] vals, Colour c, boolean under) {
        for (int e = 0; e < nDemo; e++) {
            FSet patch = (FSet) vals[e];
            if (patch.size() < diffCount[e]) {
                return false;
            }
            Grid in = inputs[e];
            Grid out = targets[e];
            int colour = (Integer) c.vals[e];
            int changed = 0;
            for (Object o : patch) {
                int i;
                int j;
                if (o instanceof Pair p) {
                    i = p.a;
                    j = p.b;
                } else {
                    ColoredLocation cell = (ColoredLocation) o;
                    i = cell.i;
                    j = cell.j;
                }
                if (i < 0 || j < 0 || i >= in.rows() || j >= in.cols()) {
                    continue;
                }
                int was = in.at(i, j);
                int want = under && was != background[e] ? was : colour;
                if (out.at(i, j) != want) {
                    return false;
                }
                if (was != want) {
                    changed++;
                }
            }
            if (changed != diffCount[e]) {
                return false;
            }
        }
        return true;
    }

    /** Remembers the first patch that paints exactly the cells turning to each colour; all found: a stack. */
    private void stack(List<Finished> out, Expr patch, Object[] vals) {
        boolean added = false;
        for (int c = 0; c < stackColours.length; c++) {
            if (stackPatch[c] == null && paintsOnly(vals, stackColours[c], need[c])) {
                stackPatch[c] = patch;
                stackVals[c] = vals;
                added = true;
            }
        }
        if (!added) {
            return;
        }
        for (Expr p : stackPatch) {
            if (p == null) {
                return;
            }
        }
        stacked = true;
        Expr expr = Expr.INPUT;
        Object[] answers = new Object[inputs.length - nDemo];
        for (int e = nDemo; e < inputs.length; e++) {
            answers[e - nDemo] = inputs[e];
        }
        try {
            for (int c = 0; c < stackColours.length; c++) {
                expr = Expr.call("fill", expr, Expr.number(stackColours[c]), stackPatch[c]);
                for (int e = nDemo; e < inputs.length; e++) {
                    answers[e - nDemo] = Dsl.call("fill", answers[e - nDemo], stackColours[c], stackVals[c][e]);
                }
            }
        } catch (RuntimeException ex) {
            return;
        }
        out.add(new Finished(expr, answers, true));
    }

    /**
     * The stack of fills, one per colour the changed cells take, where the colours no stored patch paints alone are
     * painted by two joined ({@link PatchJoin}, cheapest join first); weak like every stack. Null when a colour has
     * neither.
     */
    Finished stackWithJoins(List<Expr> exprs, List<Object[]> vals) {
        return stackWithJoins(new StoredPatches(inputs, nDemo, exprs, vals));
    }

    /** The same from patches read once for every join that looks at them. */
    Finished stackWithJoins(StoredPatches patches) {
        if (stackColours.length == 0 || stacked) {
            return null;
        }
        Finished withUnderfill = stackWithJoins(patches, true);
        return withUnderfill != null ? withUnderfill : stackWithJoins(patches, false);
    }

    /** The stack with joins that end with fill, or also underfill ({@code under}); null unless it makes every demo output. */
    private Finished stackWithJoins(StoredPatches stored, boolean under) {
        Expr[] patches = stackPatch.clone();
        Object[][] patchVals = new Object[stackColours.length][];
        String[] fills = new String[stackColours.length];
        for (int c = 0; c < stackColours.length; c++) {
            fills[c] = "fill";
            if (patches[c] != null) {
                patchVals[c] = stackVals[c];
                continue;
            }
            Object[] colour = new Object[inputs.length];
            java.util.Arrays.fill(colour, stackColours[c]);
            PatchJoin.Joined best = null;
            // underfill leaves what earlier fills of the stack made: a join checked on the input is right after them
            for (boolean underfill : under ? new boolean[] {false, true} : new boolean[] {false}) {
                for (PatchJoin.Joined j : new PatchJoin(inputs, targets, colour, underfill, true).find(stored)) {
                    best = best == null || j.patch().cost() < best.patch().cost() ? j : best;
                }
            }
            if (best == null) {
                return null;
            }
            patches[c] = best.patch();
            patchVals[c] = best.vals();
            fills[c] = best.fill();
        }
        Expr expr = Expr.INPUT;
        Object[] grids = inputs.clone();
        try {
            for (int c = 0; c < stackColours.length; c++) {
                expr = Expr.call(fills[c], expr, Expr.number(stackColours[c]), patches[c]);
                for (int e = 0; e < inputs.length; e++) {
                    grids[e] = Dsl.call(fills[c], grids[e], stackColours[c], patchVals[c][e]);
                }
            }
        } catch (RuntimeException ex) {
            return null;
        }
        // each fill was checked alone on the inputs; the stack is checked whole (an underfill after a fill sees the
        // background of the filled grid)
        for (int e = 0; e < nDemo; e++) {
            if (!targets[e].equals(grids[e])) {
                return null;
            }
        }
        return new Finished(expr, java.util.Arrays.copyOfRange(grids, nDemo, inputs.length), true);
    }

    /** Every cell of the patch has this colour in the output, and it covers all cells that change to it. */
    private boolean paintsOnly(Object[] vals, int colour, int[] needed) {
        for (int e = 0; e < nDemo; e++) {
            FSet patch = (FSet) vals[e];
            if (patch.size() < needed[e]) {
                return false;
            }
            Grid in = inputs[e];
            Grid out = targets[e];
            int changed = 0;
            for (Object o : patch) {
                int i = o instanceof Pair p ? p.a : ((ColoredLocation) o).i;
                int j = o instanceof Pair p ? p.b : ((ColoredLocation) o).j;
                if (i < 0 || j < 0 || i >= in.rows() || j >= in.cols()) {
                    continue;
                }
                if (out.at(i, j) != colour) {
                    return false;
                }
                if (in.at(i, j) != colour) {
                    changed++;
                }
            }
            if (changed != needed[e]) {
                return false;
            }
        }
        return true;
    }

    /** Most colours a mapping may change (a swap counts two, written as one switch). */
    static final int MAX_RECOLOURS = 8;

    /**
     * A grid vector with the outputs' shapes that becomes the outputs under one colour mapping (the same for every
     * demo pair): the mapping as a {@code switch} per pair of swapped colours and nested {@code replace} calls for
     * the rest. Null when no mapping of at most {@link #MAX_RECOLOURS} colours without longer cycles does it; weak
     * when a test value has a colour no demo value had (the mapping says nothing about it).
     */
    Finished recolour(Expr grid, Object[] vals) {
        int[] map = new int[10];
        java.util.Arrays.fill(map, -1);
        for (int e = 0; e < nDemo; e++) {
            int[] a = ((Grid) vals[e]).cells();
            int[] b = targets[e].cells();
            if (a.length != b.length) {
                return null;
            }
            for (int k = 0; k < a.length; k++) {
                int c = a[k];
                if (c < 0 || c > 9) {
                    return null;
                }
                if (map[c] == -1) {
                    map[c] = b[k];
                } else if (map[c] != b[k]) {
                    return null;
                }
            }
        }
        List<int[]> changes = new ArrayList<>();
        for (int c = 0; c <= 9; c++) {
            if (map[c] != -1 && map[c] != c) {
                changes.add(new int[] {c, map[c]});
            }
        }
        if (changes.isEmpty() || changes.size() > MAX_RECOLOURS) {
            return null;
        }
        Expr expr = grid;
        List<String[]> calls = new ArrayList<>();
        // colours swapped in pairs: one switch each (disjoint swaps commute)
        List<int[]> left = new ArrayList<>();
        for (int[] ch : changes) {
            if (map[ch[1]] == ch[0]) {
                if (ch[0] < ch[1]) {
                    calls.add(new String[] {"switch", Expr.numberName(ch[0]), Expr.numberName(ch[1])});
                }
            } else {
                left.add(ch);
            }
        }
        // replace a -> b only after every replace that reads b as a source: order sources whose colour is a
        // later target first; a longer cycle cannot be written as replaces
        while (!left.isEmpty()) {
            int pick = -1;
            for (int k = 0; k < left.size() && pick < 0; k++) {
                boolean readLater = false;
                for (int[] other : left) {
                    readLater |= other != left.get(k) && other[0] == left.get(k)[1];
                }
                if (!readLater) {
                    pick = k;
                }
            }
            if (pick < 0) {
                return null;
            }
            int[] ch = left.remove(pick);
            calls.add(new String[] {"replace", Expr.numberName(ch[0]), Expr.numberName(ch[1])});
        }
        Object[] answers = new Object[inputs.length - nDemo];
        boolean unseen = false;
        for (int e = nDemo; e < inputs.length; e++) {
            answers[e - nDemo] = vals[e];
            // a colour of a test value the demos never showed: the mapping says nothing about it
            for (int c : ((Grid) vals[e]).cells()) {
                unseen |= c < 0 || c > 9 || map[c] == -1;
            }
        }
        try {
            for (String[] call : calls) {
                int from = (Integer) Dsl.constant(call[1]);
                int to = (Integer) Dsl.constant(call[2]);
                expr = Expr.call(call[0], expr, Expr.name(call[1]), Expr.name(call[2]));
                for (int e = 0; e < answers.length; e++) {
                    answers[e] = Dsl.call(call[0], answers[e], from, to);
                }
            }
        } catch (RuntimeException ex) {
            return null;
        }
        return new Finished(expr, answers, unseen);
    }

    /** paint(I, object) turns every demo input into its output. */
    private boolean paints(Object[] vals) {
        for (int e = 0; e < nDemo; e++) {
            FSet obj = (FSet) vals[e];
            if (obj.size() < diffCount[e]) {
                return false;
            }
            Grid in = inputs[e];
            Grid out = targets[e];
            int changed = 0;
            for (Object o : obj) {
                if (!(o instanceof ColoredLocation cell)) {
                    return false;
                }
                if (cell.i < 0 || cell.j < 0 || cell.i >= in.rows() || cell.j >= in.cols()) {
                    continue;
                }
                if (out.at(cell.i, cell.j) != cell.color) {
                    return false;
                }
                if (in.at(cell.i, cell.j) != cell.color) {
                    changed++;
                }
            }
            if (changed != diffCount[e]) {
                return false;
            }
        }
        return true;
    }

    /** subgrid(patch, I) is every demo output. */
    private boolean crops(Object[] vals) {
        for (int e = 0; e < nDemo; e++) {
            FSet patch = (FSet) vals[e];
            if (patch.isEmpty()) {
                return false;
            }
            int top = Integer.MAX_VALUE;
            int left = Integer.MAX_VALUE;
            int bottom = Integer.MIN_VALUE;
            int right = Integer.MIN_VALUE;
            for (Object o : patch) {
                int i = o instanceof Pair p ? p.a : ((ColoredLocation) o).i;
                int j = o instanceof Pair p ? p.b : ((ColoredLocation) o).j;
                top = Math.min(top, i);
                left = Math.min(left, j);
                bottom = Math.max(bottom, i);
                right = Math.max(right, j);
            }
            Grid out = targets[e];
            Grid in = inputs[e];
            if (bottom - top + 1 != out.rows() || right - left + 1 != out.cols() || top < 0 || left < 0
                    || bottom >= in.rows() || right >= in.cols()) {
                return false;
            }
            for (int i = 0; i < out.rows(); i++) {
                for (int j = 0; j < out.cols(); j++) {
                    if (in.at(top + i, left + j) != out.at(i, j)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
