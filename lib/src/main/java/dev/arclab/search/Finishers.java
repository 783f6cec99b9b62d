package dev.arclab.search;

import dev.arclab.dsl.ColoredLocation;
import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.FSet;
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

    private record Colour(Expr expr, Object[] vals) {
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

    /** Object properties a recolouring may depend on, as arc-dsl function expressions. */
    private static final String[][] OBJECT_KEYS = {{"size"}, {"height"}, {"width"}, {"numcolors"},
        {"fork", "multiply", "height", "width"}, {"compose", "size", "delta"}};

    /**
     * Objects recoloured by a property: when, in every demo pair, each object of {@code objs} takes one colour in
     * the output, every changed cell lies in an object, and one property (size, height, width, colours, area,
     * holes) decides that colour the same way in all pairs, the solution fills the objects of each property value
     * with their colour: {@code fill(fill(I, c1, mfilter(objs, matcher(size, v1))), c2, ...)}. Objects whose value
     * the demos never showed keep their colours; when a test input has such objects the solution is weak.
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
        for (String[] key : OBJECT_KEYS) {
            Expr keyExpr = key.length == 1 ? Expr.name(key[0])
                    : Expr.call(key[0], Expr.name(key[1]), Expr.name(key[2]));
            Object fn;
            try {
                fn = key.length == 1 ? Dsl.primitive(key[0]) : Dsl.call(key[0], Dsl.primitive(key[1]), Dsl.primitive(key[2]));
            } catch (RuntimeException ex) {
                continue;
            }
            java.util.TreeMap<Integer, Integer> lookup = new java.util.TreeMap<>();
            java.util.TreeSet<Integer> changing = new java.util.TreeSet<>();
            boolean consistent = true;
            for (int e = 0; e < nDemo && consistent; e++) {
                List<FSet> list = objs.get(e);
                for (int k = 0; k < list.size() && consistent; k++) {
                    Object v = ((dev.arclab.dsl.Fn) fn).call(new Object[] {list.get(k)});
                    if (!(v instanceof Integer value) || value < 0 || value > 10) {
                        consistent = false;
                        break;
                    }
                    Integer before = lookup.putIfAbsent(value, colours.get(e)[k]);
                    consistent = before == null || before == colours.get(e)[k];
                    for (Object x : list.get(k)) {
                        ColoredLocation c = (ColoredLocation) x;
                        if (c.color != colours.get(e)[k]) {
                            changing.add(value);
                            break;
                        }
                    }
                }
            }
            if (!consistent || changing.isEmpty() || lookup.size() < 2) {
                continue;
            }
            Expr expr = Expr.INPUT;
            for (int v : changing) {
                Expr pred = Expr.call("matcher", keyExpr, Expr.number(v));
                expr = Expr.call("fill", expr, Expr.number(lookup.get(v)), Expr.call("mfilter", objsExpr, pred));
            }
            Object[] answers = new Object[inputs.length - nDemo];
            boolean fits = true;
            try {
                for (int e = 0; e < inputs.length && fits; e++) {
                    Object g = inputs[e];
                    for (int v : changing) {
                        Object patch = Dsl.call("mfilter", vals[e], Dsl.call("matcher", fn, v));
                        g = Dsl.call("fill", g, lookup.get(v), patch);
                    }
                    if (e < nDemo) {
                        fits = targets[e].equals(g);
                    } else {
                        answers[e - nDemo] = g;
                    }
                }
            } catch (RuntimeException ex) {
                continue;
            }
            if (!fits) {
                continue;
            }
            // an object of a test input whose value the demos never showed keeps its colour: likely wrong, so
            // the solution is kept as a weak one and the search goes on
            boolean unseen = false;
            try {
                for (int e = nDemo; e < inputs.length && !unseen; e++) {
                    for (Object o : (FSet) vals[e]) {
                        Object v = ((dev.arclab.dsl.Fn) fn).call(new Object[] {o});
                        unseen |= !(v instanceof Integer value) || !lookup.containsKey(value);
                    }
                }
            } catch (RuntimeException ex) {
                unseen = true;
            }
            out.add(new Finished(expr, answers, unseen));
            break;
        }
        return out;
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
