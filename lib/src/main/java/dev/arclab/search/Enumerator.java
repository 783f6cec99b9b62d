package dev.arclab.search;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Fn;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Primitive;
import dev.arclab.dsl.Tuple;
import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;
import dev.arclab.task.Consistency;
import dev.arclab.search.Grammar.Production;
import dev.arclab.search.Grammar.Slot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Typed bottom-up enumeration for one task. Expressions are built from the {@link Grammar} in order of cost
 * (calls), each evaluated at once on every demo input and test input, so that a candidate IS its vector of
 * values. One expression is kept per distinct vector, the cheapest (observational equivalence, by hash). A grid
 * vector equal to the demo outputs on the demo part is a solution; its test part is its prediction.
 *
 * <p>Deterministic: the order of productions and pools is fixed and nothing depends on time but where a budget
 * stops the search (a fuel budget per call, a wall-clock deadline, cancellation), which the result reports.
 * Memory is bounded by {@link Settings#maxValues()} and {@link Settings#maxCells()}: past them the costliest new
 * values are not stored (counted as dropped). Values of the last level, which nothing grows, and values past the
 * bounds are remembered by a 64-bit fingerprint only ({@link #MAX_FINGERPRINTS} at most), so that a repeat of
 * one is still known as a repeat and counted once.
 */
public final class Enumerator {

    /** Limits of one task's search. */
    public record Settings(int maxCost, long maxCandidates, long fuelPerCall, int maxValues, long maxCells,
                           int maxSolutions, boolean rankByCredit) {
        public Settings {
            if (maxCost < 1 || maxCandidates < 1 || fuelPerCall < 1 || maxValues < 1 || maxCells < 1 || maxSolutions < 1) {
                throw new IllegalArgumentException("bad enumeration settings: " + this);
            }
        }

        public static Settings defaults() {
            return new Settings(6, 200_000, 200_000, 500_000, 40_000_000L, 6, true);
        }

        public Settings withMaxCost(int c) {
            return new Settings(c, maxCandidates, fuelPerCall, maxValues, maxCells, maxSolutions, rankByCredit);
        }

        public Settings withMaxCandidates(long c) {
            return new Settings(maxCost, c, fuelPerCall, maxValues, maxCells, maxSolutions, rankByCredit);
        }

        /** Whether each level's grids are grown nearest-to-the-outputs first ({@link Enumerator#credit}). */
        public Settings withRankByCredit(boolean on) {
            return new Settings(maxCost, maxCandidates, fuelPerCall, maxValues, maxCells, maxSolutions, on);
        }
    }

    /** A solution: its expression and what it answers on each test input. */
    public record Found(Expr expr, List<Grid> testOutputs, boolean weak) {
    }

    /** What one task's search did. */
    public record Stats(long candidates, long distinct, long[] distinctByCost, long errors, long dropped, long pruned,
                        long cpuNanos, int completedCost, Stop stop) {
    }

    /** Why a search ended (FAILED: the search itself threw, see {@link #failure()}; not searched again). */
    public enum Stop { SOLVED, MAX_COST, CANDIDATES, DEADLINE, CANCELLED, FAILED }

    /** The outcome for one task: solutions cheapest first, distinct in their test answers. */
    public record Result(String taskId, List<Found> solutions, Stats stats) {
        public boolean solved() {
            return !solutions.isEmpty();
        }

        /**
         * Solved by something other than a weak solution: a stack of fills fitted cell by cell, a lookup of values the
         * demos showed, or one whose test answer breaks a rule every demo pair keeps ({@link Consistency}).
         */
        public boolean strong() {
            return !solutions.isEmpty() && !solutions.get(0).weak();
        }
    }

    static final class Entry {
        final Expr expr;
        final Object[] vals;
        final ValueType type;
        /** A grid vector with each demo output's shape on the demo part. */
        boolean targetShape;

        Entry(Expr expr, Object[] vals, ValueType type) {
            this.expr = expr;
            this.vals = vals;
            this.type = type;
        }
    }

    private static final class Vec {
        final Object[] v;
        final int h;

        Vec(Object[] v) {
            this.v = v;
            // mixed, not 31-polynomial: vectors of small integers and of sets hashed as 31-polynomials of small
            // values crowd a few hash-map bins otherwise
            int x = 1;
            for (Object o : v) {
                x = Integer.rotateLeft(x * 0x9E3779B9, 7) ^ Values.hash(o);
            }
            x ^= x >>> 16;
            x *= 0x85EBCA6B;
            x ^= x >>> 13;
            this.h = x;
        }

        @Override
        public int hashCode() {
            return h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Vec w) || w.h != h) {
                return false;
            }
            for (int k = 0; k < v.length; k++) {
                if (!Values.equal(v[k], w.v[k])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Per-production counters for tuning the grammar (-Darclab.search.profile=true): candidates, errors, repeats, new, nanos. */
    static final boolean PROFILE = Boolean.getBoolean("arclab.search.profile");
    static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder[]> PROFILE_COUNTS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_SIDE = 30;
    private static final int MAX_SET = 2_000;

    private final SearchProblem problem;
    private final Settings settings;
    private final Grid[] inputs;
    private final int n;
    private final int nDemo;
    private final Grid[] targets;
    private final Map<Slot, List<List<Entry>>> pools;
    private final Map<String, Entry> constants;
    private final Map<Vec, Entry> seen;
    private final List<Found> solutions = new ArrayList<>();
    private final java.util.Set<Vec> answers = new java.util.HashSet<>();
    /** Fingerprints of the distinct values not stored (the last level's, those past the bounds). */
    private final org.eclipse.collections.impl.set.mutable.primitive.LongHashSet fingerprints =
            new org.eclipse.collections.impl.set.mutable.primitive.LongHashSet();
    private long candidates;
    private long errors;
    private long dropped;
    private long pruned;
    private long cells;
    private final long[] distinctByCost;
    private final Finishers finishers;
    private final Branches branches;
    private final Consistency consistency;
    private String failure;

    public Enumerator(SearchProblem problem, Settings settings) {
        this.problem = problem;
        this.settings = settings;
        this.inputs = problem.inputs();
        this.n = inputs.length;
        this.nDemo = problem.demoCount();
        this.targets = problem.demoOutputs().toArray(new Grid[0]);
        this.consistency = new Consistency(problem.demoInputs(), problem.demoOutputs());
        this.distinctByCost = new long[settings.maxCost() + 1];
        this.pools = new EnumMap<>(Slot.class);
        this.constants = new HashMap<>();
        this.seen = new HashMap<>();
        for (Slot s : Slot.values()) {
            List<List<Entry>> byCost = new ArrayList<>();
            for (int c = 0; c <= settings.maxCost(); c++) {
                byCost.add(new ArrayList<>());
            }
            pools.put(s, byCost);
        }
        this.branches = new Branches(targets, n);
        seedPools();
        this.finishers = new Finishers(inputs, targets);
        Finishers.Finished mapped = finishers.recolour(Expr.INPUT, inputs.clone());
        if (mapped != null && hasTargetShape(inputs)) {
            offer(mapped.expr(), mapped.answers(), mapped.weak());
        }
        Finishers.Finished window = new Layout(inputs, targets, settings.fuelPerCall()).window();
        if (window != null) {
            offer(window.expr(), window.answers(), window.weak());
        }
        for (Entry e : List.copyOf(seen.values())) {
            if (e.type.isPatch()) {
                for (Finishers.Finished f : finishers.finish(e.expr, e.vals, e.type)) {
                    offer(f.expr(), f.answers(), f.weak());
                }
            }
        }
    }

    /**
     * Another task with the same inputs, checked against the values this search has stored (shared work): each
     * stored grid vector against its demo outputs, and its finishers on every stored patch and output-shaped
     * grid. Costs one pass over the stored values instead of a search.
     */
    private Enumerator(Enumerator done, SearchProblem other) {
        if (!done.problem.sameInputs(other)) {
            throw new IllegalArgumentException("task " + other.taskId() + " does not share the inputs of " + done.problem.taskId());
        }
        this.problem = other;
        this.settings = done.settings;
        this.inputs = done.inputs;
        this.n = done.n;
        this.nDemo = done.nDemo;
        this.targets = other.demoOutputs().toArray(new Grid[0]);
        this.consistency = new Consistency(other.demoInputs(), other.demoOutputs());
        this.distinctByCost = new long[settings.maxCost() + 1];
        this.pools = done.pools;
        this.constants = done.constants;
        this.seen = done.seen;
        this.finishers = new Finishers(inputs, targets);
        this.branches = new Branches(targets, n);
    }

    /**
     * What this (finished) search's stored values solve of another task with the same demo and test inputs; its
     * stats count no candidates (none were built) and the values looked at as distinct.
     */
    public Result reuseFor(SearchProblem other) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        Enumerator shadow = new Enumerator(this, other);
        for (Entry e : pools.get(Slot.C).stream().flatMap(List::stream).toList()) {
            shadow.finishers.offerColour(e.expr, e.vals);
        }
        Finishers.Finished mapped = shadow.finishers.recolour(Expr.INPUT, inputs.clone());
        if (mapped != null && shadow.hasTargetShape(inputs)) {
            shadow.offer(mapped.expr(), mapped.answers(), mapped.weak());
        }
        try {
            for (List<Entry> level : pools.get(Slot.G)) {
                for (Entry e : level) {
                    shadow.checkSolution(e);
                    if (shadow.hasTargetShape(e.vals)) {
                        Finishers.Finished f = shadow.finishers.recolour(e.expr, e.vals);
                        if (f != null) {
                            shadow.offer(f.expr(), f.answers(), f.weak());
                        }
                    }
                }
            }
            if (shadow.finishers.active()) {
                for (List<Entry> level : pools.get(Slot.PATCH)) {
                    for (Entry e : level) {
                        for (Finishers.Finished f : shadow.finishers.finish(e.expr, e.vals, e.type)) {
                            shadow.offer(f.expr(), f.answers(), f.weak());
                        }
                    }
                }
            }
        } finally {
            Fuel.stop();
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        Stats stats = new Stats(0, 0, new long[settings.maxCost() + 1], 0, 0, 0, cpu, 0,
                shadow.solutions.isEmpty() ? Stop.MAX_COST : Stop.SOLVED);
        return new Result(other.taskId(), List.copyOf(shadow.solutions), stats);
    }

    /** Runs the search until the cost limit, the deadline ({@link System#nanoTime()} units) or cancellation. */
    public Result run(long deadlineNanos, BooleanSupplier cancelled) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        int completed = 0;
        Stop stop = Stop.MAX_COST;
        try {
            for (int k = 1; k <= settings.maxCost(); k++) {
                stop = level(k, deadlineNanos, cancelled);
                if (stop != null) {
                    break;
                }
                if (settings.rankByCredit()) {
                    rankByCredit(pools.get(Slot.G).get(k));
                }
                completed = k;
                if (!solutions.isEmpty() && !solutions.get(0).weak()) {
                    stop = Stop.SOLVED;
                    break;
                }
                stop = Stop.MAX_COST;
            }
            if (stop != Stop.SOLVED && stop != Stop.CANCELLED) {
                finishFromStore();
            }
        } catch (RuntimeException ex) {
            // a defect in the search's own code (DSL errors of candidates are caught where they are built): this
            // task's search ends with what it found so far and says why; the other tasks' searches go on
            stop = Stop.FAILED;
            failure = ex.toString();
        } finally {
            Fuel.stop();
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        Stats stats = new Stats(candidates, seen.size() + fingerprints.size(), distinctByCost.clone(), errors, dropped,
                pruned, cpu, completed, stop);
        return new Result(problem.taskId(), List.copyOf(solutions), stats);
    }

    /**
     * Two stored patches joined by intersection, difference or union, filled (or underfilled) with the one colour
     * the changed cells take ({@link PatchJoin}), or as fills of a stack, one per colour, offered as solutions.
     */
    private void joinPatches(List<Expr> exprs, List<Object[]> vals) {
        Finishers.Colour colour = finishers.fillColour();
        StoredPatches patches = new StoredPatches(inputs, nDemo, exprs, vals);
        Finishers.Finished stack = finishers.stackWithJoins(patches);
        if (stack != null) {
            offer(stack.expr(), stack.answers(), stack.weak());
        }
        if (colour == null) {
            return;
        }
        for (boolean under : new boolean[] {false, true}) {
            for (PatchJoin.Joined j : new PatchJoin(inputs, targets, colour.vals(), under).find(patches)) {
                Object[] out = new Object[n];
                boolean right = true;
                try {
                    for (int e = 0; e < n; e++) {
                        out[e] = Dsl.call(j.fill(), inputs[e], colour.vals()[e], j.vals()[e]);
                        // the join was checked on bits; the program is checked as it will run
                        right &= e >= nDemo || targets[e].equals(out[e]);
                    }
                } catch (RuntimeException ex) {
                    continue;
                }
                if (right) {
                    offer(Expr.call(j.fill(), Expr.INPUT, colour.expr(), j.patch()), java.util.Arrays.copyOfRange(out, nDemo, n), false);
                }
            }
        }
    }

    /** A stored output-shaped grid filled with a stored patch ({@link GridFill}), offered as a solution. */
    private void fillStoredGrids(List<Entry> grids, List<Expr> patchExprs, List<Object[]> patchVals) {
        List<Expr> gridExprs = new ArrayList<>();
        List<Object[]> gridVals = new ArrayList<>();
        for (Entry e : grids) {
            gridExprs.add(e.expr);
            gridVals.add(e.vals);
        }
        GridFill.Filled f = new GridFill(inputs, targets).find(gridExprs, gridVals, patchExprs, patchVals);
        if (f != null) {
            offer(f.expr(), f.answers(), false);
        }
    }

    /** What the search threw when it ended with {@link Stop#FAILED}; null otherwise. */
    public String failure() {
        return failure;
    }

    /** Most grids the overlay finisher looks at, cheapest levels first (each level nearest the outputs first). */
    static final int MAX_OVERLAY_GRIDS = 10_000;

    /**
     * Finishers over the stored values once a search has run: outputs tiled from stored grids ({@link
     * Layout#tiles}), two grid vectors each right on some demos joined by a condition ({@link Branches}), two patches
     * joined by a set operation into what one fill changes ({@link PatchJoin}), an output-shaped grid filled with a
     * patch ({@link GridFill}), and output-shaped grids stacked ({@link Overlay}), offered as solutions.
     */
    private void finishFromStore() {
        List<Entry> grids = new ArrayList<>();
        for (List<Entry> level : pools.get(Slot.G)) {
            for (Entry e : level) {
                if (e.targetShape && grids.size() < MAX_OVERLAY_GRIDS) {
                    grids.add(e);
                }
            }
        }
        Finishers.Finished tiled = new Layout(inputs, targets, settings.fuelPerCall())
                .tiles(pools.get(Slot.G).stream().flatMap(List::stream).toList());
        if (tiled != null) {
            offer(tiled.expr(), tiled.answers(), tiled.weak());
        }
        java.util.Set<Entry> ints = new java.util.LinkedHashSet<>();
        for (int c = 0; c <= settings.maxCost(); c++) {
            ints.addAll(pools.get(Slot.I).get(c));
            ints.addAll(pools.get(Slot.C).get(c));
        }
        for (Finishers.Finished f : branches.find(inputs, List.copyOf(ints))) {
            offer(f.expr(), f.answers(), f.weak());
        }
        // the stored patches, cheapest first, for the joins
        List<Expr> patchExprs = new ArrayList<>();
        List<Object[]> patchVals = new ArrayList<>();
        for (List<Entry> level : pools.get(Slot.PATCH)) {
            for (Entry e : level) {
                patchExprs.add(e.expr);
                patchVals.add(e.vals);
            }
        }
        profiled("(store) patch joins", () -> joinPatches(patchExprs, patchVals));
        profiled("(store) filled grids", () -> fillStoredGrids(grids, patchExprs, patchVals));
        if (grids.size() < 2) {
            return;
        }
        profiled("(store) overlay", () -> {
            for (Overlay.Stack s : new Overlay(targets, settings.fuelPerCall()).find(grids, settings.maxSolutions())) {
                offer(s.expr(), s.answers(), s.weak());
            }
        });
    }

    /** Runs a finisher over the stored values, its time counted in the profile when profiling is on. */
    private static void profiled(String name, Runnable finisher) {
        if (!PROFILE) {
            finisher.run();
            return;
        }
        long t0 = System.nanoTime();
        finisher.run();
        java.util.concurrent.atomic.LongAdder[] c = profileCounters(name);
        c[0].increment();
        c[3].add(System.nanoTime() - t0);
    }

    /** The profile's counters of one line: calls (candidates), errors, new values, nanoseconds. */
    private static java.util.concurrent.atomic.LongAdder[] profileCounters(String line) {
        return PROFILE_COUNTS.computeIfAbsent(line, x -> new java.util.concurrent.atomic.LongAdder[] {
            new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder(),
            new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder()});
    }

    // ---- pools -------------------------------------------------------------------------------------

    private void seedPools() {
        Entry input = new Entry(Expr.INPUT, inputs.clone(), ValueType.GRID);
        input.targetShape = hasTargetShape(input.vals);
        seen.put(new Vec(input.vals), input);
        branches.note(input);
        pools.get(Slot.G).get(0).add(input);
        pools.get(Slot.G0).get(0).add(input);
        TreeSet<Integer> colours = new TreeSet<>();
        for (Grid g : inputs) {
            addColours(g, colours);
        }
        for (Grid g : targets) {
            addColours(g, colours);
        }
        for (int c : colours) {
            addConstant(Expr.numberName(c), Slot.C);
        }
        for (int k = 1; k <= 5; k++) {
            addConstant(Expr.numberName(k), Slot.I);
        }
        for (String p : new String[] {"UP", "DOWN", "LEFT", "RIGHT", "UNITY", "NEG_UNITY", "ORIGIN"}) {
            addConstant(p, Slot.P);
        }
        Grid first = targets[0];
        boolean sameShape = true;
        for (Grid t : targets) {
            sameShape &= t.rows() == first.rows() && t.cols() == first.cols();
        }
        if (sameShape && first.rows() <= 10 && first.cols() <= 10) {
            Expr shape = Expr.callCosting(0, "astuple", Expr.number(first.rows()), Expr.number(first.cols()));
            addFixed(shape, Slot.P);
        }
        for (String f : new String[] {"T", "F"}) {
            constants.put(f, constantEntry(Expr.name(f)));
        }
        // functions: keys, predicates, maps
        for (String f : new String[] {"size", "height", "width", "numcolors", "uppermost", "lowermost", "leftmost",
                "rightmost", "color"}) {
            addFixed(Expr.name(f), Slot.KEY);
        }
        for (int c : colours) {
            addFixed(Expr.call("rbind", Expr.name("colorcount"), Expr.number(c)), Slot.KEY);
        }
        addFixed(Expr.call("fork", Expr.name("multiply"), Expr.name("height"), Expr.name("width")), Slot.KEY);
        addFixed(Expr.call("compose", Expr.name("size"), Expr.name("delta")), Slot.KEY);
        for (String f : new String[] {"square", "vline", "hline"}) {
            addFixed(Expr.name(f), Slot.PRED);
        }
        addFixed(Expr.call("fork", Expr.name("equality"), Expr.name("identity"), Expr.name("hmirror")), Slot.PRED);
        addFixed(Expr.call("fork", Expr.name("equality"), Expr.name("identity"), Expr.name("vmirror")), Slot.PRED);
        Expr touchesBorder = Expr.call("rbind", Expr.name("bordering"), Expr.INPUT);
        addFixed(touchesBorder, Slot.PRED);
        addFixed(Expr.call("compose", Expr.name("flip"), touchesBorder), Slot.PRED);
        for (int c : colours) {
            addFixed(Expr.call("matcher", Expr.name("color"), Expr.number(c)), Slot.PRED);
        }
        for (String key : new String[] {"size", "height", "width"}) {
            for (int v = 1; v <= 4; v++) {
                addFixed(Expr.call("matcher", Expr.name(key), Expr.number(v)), Slot.PRED);
            }
        }
        for (String f : new String[] {"backdrop", "delta", "box", "inbox", "outbox", "corners", "toindices",
                "normalize", "hmirror", "vmirror"}) {
            addFixed(Expr.name(f), Slot.MAP);
        }
        for (int c : colours) {
            addFixed(Expr.call("lbind", Expr.name("recolor"), Expr.number(c)), Slot.MAP);
        }
        addFixed(Expr.call("fork", Expr.name("recolor"), Expr.name("color"), Expr.name("backdrop")), Slot.MAP);
        for (String f : new String[] {"hfrontier", "vfrontier", "dneighbors", "ineighbors", "neighbors"}) {
            addFixed(Expr.name(f), Slot.LOCMAP);
        }
        for (String d : new String[] {"UP", "DOWN", "LEFT", "RIGHT", "UNITY", "NEG_UNITY", "UP_RIGHT", "DOWN_LEFT"}) {
            addFixed(Expr.call("rbind", Expr.name("shoot"), Expr.name(d)), Slot.LOCMAP);
        }
        addFixed(Expr.call("fork", Expr.name("connect"), Expr.name("ulcorner"), Expr.name("lrcorner")), Slot.MAP);
    }

    private static void addColours(Grid g, TreeSet<Integer> out) {
        for (int c : g.cells()) {
            out.add(c);
        }
    }

    private void addConstant(String name, Slot slot) {
        Entry e = constants.computeIfAbsent(name, k -> constantEntry(Expr.name(k)));
        pools.get(slot).get(0).add(e);
    }

    private Entry constantEntry(Expr expr) {
        Object[] vals = new Object[n];
        for (int e = 0; e < n; e++) {
            vals[e] = evalSetup(expr, e);
        }
        return new Entry(expr, vals, ValueType.ofAll(vals));
    }

    /** A fixed pool member (a function or a constant spelled as a call), cost 0 for the search's ordering. */
    private void addFixed(Expr expr, Slot slot) {
        try {
            pools.get(slot).get(0).add(constantEntry(expr));
        } catch (RuntimeException e) {
            // a pool member that cannot be built for this task is left out
        }
    }

    private Object evalSetup(Expr x, int e) {
        switch (x.kind()) {
            case INPUT:
                return inputs[e];
            case NAME: {
                Object c = Dsl.constant(x.name());
                return c != null ? c : Dsl.require(x.name());
            }
            default: {
                Object[] a = new Object[x.args().size()];
                for (int k = 0; k < a.length; k++) {
                    a[k] = evalSetup(x.args().get(k), e);
                }
                return Dsl.require(x.name()).call(a);
            }
        }
    }

    // ---- one level ---------------------------------------------------------------------------------

    /** Builds every expression of cost {@code k}; null when done, else why it stopped. */
    private Stop level(int k, long deadline, BooleanSupplier cancelled) {
        boolean last = k == settings.maxCost();
        List<Production> open = new ArrayList<>();
        for (Production p : Grammar.productions()) {
            if (k - p.cost() < 0 || (last && p.result() != Slot.G && !(p.result() == Slot.PATCH && finishers.active()))) {
                continue;
            }
            open.add(p);
        }
        // Two passes: first every production gets an equal share of the budget left (its first calls, on the
        // values ranked first), then each goes on where it stopped until the budget is spent. A budget that ends
        // mid-level is then spread over every kind of call instead of spent on the productions listed first.
        long share = Math.max(MIN_SHARE, (settings.maxCandidates() - candidates) / Math.max(1, open.size()));
        long[] done = new long[open.size()];
        boolean[] finished = new boolean[open.size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < open.size(); i++) {
                if (finished[i]) {
                    continue;
                }
                Production p = open.get(i);
                int m = p.varying();
                int[] varyingAt = new int[m];
                for (int a = 0, v = 0; a < p.arity(); a++) {
                    if (p.slots()[a] != null) {
                        varyingAt[v++] = a;
                    }
                }
                Entry[] args = new Entry[p.arity()];
                for (int a = 0; a < p.arity(); a++) {
                    if (p.slots()[a] == null && a != p.repeat()) {
                        args[a] = constants.computeIfAbsent(p.fixed()[a], name -> constantEntry(Expr.name(name)));
                    }
                }
                skip = done[i];
                cap = pass == 0 ? share : Long.MAX_VALUE;
                produced = 0;
                Stop stop = splits(p, Dsl.require(p.primitive()), varyingAt, 0, k - p.cost(), args, k, last, deadline,
                        cancelled);
                done[i] += produced;
                if (stop == Stop.CANDIDATES && produced >= cap) {
                    continue;
                }
                if (stop != null) {
                    return stop;
                }
                finished[i] = true;
            }
        }
        return null;
    }

    /** The least a production gets in the first pass of a level. */
    static final long MIN_SHARE = 200;
    /** The calls of the running production already built in an earlier pass (skipped), its cap in this pass, and
     * how many it has built in this pass. */
    private long skip;
    private long cap;
    private long produced;

    /** Chooses the cost of varying argument {@code v} and recurses; the last one takes what is left. */
    private Stop splits(Production p, Primitive prim, int[] varyingAt, int v, int left, Entry[] args, int k,
                        boolean last, long deadline, BooleanSupplier cancelled) {
        if (v == varyingAt.length) {
            return null;
        }
        int a = varyingAt[v];
        int from = v == varyingAt.length - 1 ? left : 0;
        for (int c = from; c <= left; c++) {
            List<Entry> pool = pools.get(p.slots()[a]).get(c);
            int size = pool.size();
            boolean shaped = last && a == 0 && p.keepsShape();
            for (int i = 0; i < size; i++) {
                args[a] = pool.get(i);
                if (shaped && !args[a].targetShape) {
                    continue;
                }
                if (a == p.redundantArg() && args[a].expr.kind() == Expr.Kind.CALL && p.redundantAfter(args[a].expr.name())) {
                    pruned++;
                    continue;
                }
                if (v == varyingAt.length - 1 && p.repeat() >= 0) {
                    args[p.repeat()] = args[p.repeat() - 1];
                }
                if (v == varyingAt.length - 1 && tooLarge(p, args)) {
                    continue;
                }
                if (v == varyingAt.length - 1) {
                    if (skip > 0) {
                        skip--;
                        continue;
                    }
                    if (produced >= cap) {
                        return Stop.CANDIDATES;
                    }
                    if (++candidates > settings.maxCandidates()) {
                        candidates--;
                        return Stop.CANDIDATES;
                    }
                    produced++;
                    if ((candidates & 63) == 0) {
                        if (cancelled.getAsBoolean()) {
                            return Stop.CANCELLED;
                        }
                        if (System.nanoTime() > deadline) {
                            return Stop.DEADLINE;
                        }
                    }
                    evaluate(p, prim, args, k, last);
                } else {
                    Stop stop = splits(p, prim, varyingAt, v + 1, left - c, args, k, last, deadline, cancelled);
                    if (stop != null) {
                        return stop;
                    }
                }
            }
        }
        return null;
    }

    private void evaluate(Production p, Primitive prim, Entry[] args, int k, boolean last) {
        if (!PROFILE) {
            evaluate0(p, prim, args, k, last);
            return;
        }
        long t0 = System.nanoTime();
        long e0 = errors;
        int s0 = seen.size();
        int f0 = fingerprints.size();
        evaluate0(p, prim, args, k, last);
        java.util.concurrent.atomic.LongAdder[] c = profileCounters(p.primitive() + " " + java.util.Arrays.toString(p.slots()));
        c[0].increment();
        c[1].add(errors - e0);
        c[2].add(seen.size() - s0 + fingerprints.size() - f0);
        c[3].add(System.nanoTime() - t0);
    }

    private void evaluate0(Production p, Primitive prim, Entry[] args, int k, boolean last) {
        Object[] out = new Object[n];
        try {
            for (int e = 0; e < n; e++) {
                Fuel.start(settings.fuelPerCall());
                switch (args.length) {
                    case 1 -> out[e] = prim.call1(args[0].vals[e]);
                    case 2 -> out[e] = prim.call2(args[0].vals[e], args[1].vals[e]);
                    case 3 -> out[e] = prim.call3(args[0].vals[e], args[1].vals[e], args[2].vals[e]);
                    default -> out[e] = prim.call4(args[0].vals[e], args[1].vals[e], args[2].vals[e], args[3].vals[e]);
                }
                if (!small(out[e])) {
                    errors++;
                    return;
                }
            }
        } catch (RuntimeException | StackOverflowError ex) {
            errors++;
            return;
        }
        ValueType type = ValueType.ofAll(out);
        if (type == ValueType.OTHER || type == ValueType.FN) {
            return;
        }
        Vec key = new Vec(out);
        if (seen.containsKey(key)) {
            return;
        }
        long weight = weight(out);
        boolean store = !last && seen.size() < settings.maxValues() && cells + weight <= settings.maxCells();
        if (!store) {
            // not kept whole: known by its fingerprint, so that a repeat is not checked nor counted again
            if (fingerprints.size() >= MAX_FINGERPRINTS) {
                dropped++;
            } else if (!fingerprints.add(fingerprint(out))) {
                return;
            } else {
                distinctByCost[k]++;
                if (!last) {
                    dropped++;
                }
            }
        }
        Expr[] argExprs = new Expr[args.length];
        for (int a = 0; a < args.length; a++) {
            argExprs[a] = args[a].expr;
        }
        Expr expr = Expr.callCosting(k, p.primitive(), argExprs);
        Entry entry = new Entry(expr, out, type);
        if (type == ValueType.GRID) {
            checkSolution(entry);
            branches.note(entry);
            if (hasTargetShape(out)) {
                Finishers.Finished f = finishers.recolour(expr, out);
                if (f != null) {
                    offer(f.expr(), f.answers(), f.weak());
                }
            }
        } else if (type.isPatch() && finishers.active()) {
            for (Finishers.Finished f : finishers.finish(expr, out, type)) {
                offer(f.expr(), f.answers(), f.weak());
            }
        } else if (type == ValueType.OBJECTS) {
            for (Finishers.Finished f : finishers.recolourByKey(expr, out)) {
                offer(f.expr(), f.answers(), f.weak());
            }
        }
        if (!store) {
            return;
        }
        seen.put(key, entry);
        cells += weight;
        distinctByCost[k]++;
        pool(entry, k);
    }

    /** Most fingerprints of values not stored one search keeps (an open hash set of longs at most half full: 64 MB). */
    static final int MAX_FINGERPRINTS = 4_000_000;
    /** The heap the fingerprints may take, for {@link Search#withinMemory}. */
    static final long FINGERPRINT_BYTES = 64L << 20;

    /**
     * A 64-bit fingerprint of a vector of values (grids hashed over their cells in 64 bits, other values by their
     * 32-bit hash), for values known by it only. Two distinct vectors share one with odds of about 2^-64 per pair
     * when they differ in a grid, 2^-32 when they differ only in values whose 32-bit hashes collide: the later is
     * then taken for a repeat (not counted, not checked by the finishers).
     */
    static long fingerprint(Object[] vals) {
        long x = 0x9E3779B97F4A7C15L;
        for (Object o : vals) {
            long h;
            if (o instanceof Grid g) {
                h = g.rows() * 31L + g.cols();
                for (int c : g.cells()) {
                    h = (h ^ c) * 0x100000001B3L;
                    h ^= h >>> 29;
                }
            } else {
                h = Values.hash(o) * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
            }
            x = mix64(x ^ h) + 0x632BE59BD9B4E019L;
        }
        return mix64(x);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    private void checkSolution(Entry entry) {
        for (int e = 0; e < nDemo; e++) {
            if (!targets[e].equals(entry.vals[e])) {
                return;
            }
        }
        offer(entry.expr, java.util.Arrays.copyOfRange(entry.vals, nDemo, n), false);
    }

    /**
     * Keeps a solution whose test answers are grids ARC allows and differ from those already kept; one whose answer
     * breaks a rule every demo pair keeps ({@link Consistency}) is kept as weak: after the others, and the search
     * goes on.
     */
    private void offer(Expr expr, Object[] answer, boolean weak) {
        for (int k = 0; k < answer.length; k++) {
            Grid g = (Grid) answer[k];
            if (g.rows() < 1 || g.cols() < 1 || g.rows() > 30 || g.cols() > 30) {
                return;
            }
            weak |= !consistency.admits(inputs[nDemo + k], g);
        }
        if (solutions.size() < settings.maxSolutions() && answers.add(new Vec(answer))) {
            List<Grid> test = new ArrayList<>();
            for (Object a : answer) {
                test.add((Grid) a);
            }
            Found f = new Found(expr, List.copyOf(test), weak);
            if (weak) {
                solutions.add(f);
            } else {
                int at = 0;
                while (at < solutions.size() && !solutions.get(at).weak()) {
                    at++;
                }
                solutions.add(at, f);
            }
        }
    }

    private void pool(Entry e, int cost) {
        switch (e.type) {
            case GRID -> {
                e.targetShape = hasTargetShape(e.vals);
                pools.get(Slot.G).get(cost).add(e);
            }
            case INT -> {
                boolean colour = true;
                boolean count = true;
                for (Object v : e.vals) {
                    int x = (Integer) v;
                    colour &= x >= 0 && x <= 9;
                    count &= x >= 0 && x <= 30;
                }
                if (colour) {
                    pools.get(Slot.C).get(cost).add(e);
                    finishers.offerColour(e.expr, e.vals);
                }
                if (count) {
                    pools.get(Slot.I).get(cost).add(e);
                }
            }
            case PAIR -> pools.get(Slot.P).get(cost).add(e);
            case INDICES -> pools.get(Slot.PATCH).get(cost).add(e);
            case OBJECT -> {
                pools.get(Slot.PATCH).get(cost).add(e);
                pools.get(Slot.OBJ).get(cost).add(e);
            }
            case OBJECTS -> pools.get(Slot.OBJS).get(cost).add(e);
            case TUPLE -> {
                boolean grids = true;
                for (Object v : e.vals) {
                    Tuple t = (Tuple) v;
                    grids &= t.size() > 0 && t.get(0) instanceof Grid;
                }
                if (grids) {
                    pools.get(Slot.TUP).get(cost).add(e);
                }
            }
            default -> {
            }
        }
    }

    /**
     * An upscale or concatenation whose result would exceed the largest grid kept or not be a grid, or lines drawn
     * from every cell of a large patch or of an object: skipped before they are built.
     */
    /** Most cells a patch may have for a call per pair of its cells ({@code prapply(connect, x, x)}). */
    private static final int MAX_PAIRED_CELLS = 12;
    private static final java.util.Set<String> SET_OPERATIONS = java.util.Set.of("combine", "difference", "intersection");

    private static boolean tooLarge(Production p, Entry[] args) {
        String name = p.primitive();
        if (p.slots()[0] == Slot.LOCMAP) {
            // a line or neighbourhood per cell: only for small patches (marker cells), not whole regions, and of
            // indices (the cells of an object are not locations)
            if (args[1].type != ValueType.INDICES) {
                return true;
            }
            for (Object v : args[1].vals) {
                if (v instanceof FSet s && s.size() > 40) {
                    return true;
                }
            }
            return false;
        }
        if (name.equals("prapply")) {
            // a call per pair of cells: only for a few marker cells
            if (args[1].type != ValueType.INDICES) {
                return true;
            }
            for (Object v : args[1].vals) {
                if (v instanceof FSet s && s.size() > MAX_PAIRED_CELLS) {
                    return true;
                }
            }
            return false;
        }
        if (SET_OPERATIONS.contains(name)) {
            // indices with indices, an object with an object: a set of both is neither
            return args[0].type != args[1].type || args[0] == args[1];
        }
        if ((name.equals("vconcat") || name.equals("hconcat")) && args.length == 2) {
            // grids that do not line up (vconcat of two widths is a ragged tuple, not a grid) or that would be
            // larger than ARC allows
            boolean vertical = name.equals("vconcat");
            for (int e = 0; e < args[0].vals.length; e++) {
                if (!(args[0].vals[e] instanceof Grid a) || !(args[1].vals[e] instanceof Grid b)) {
                    return false;
                }
                if (vertical ? a.cols() != b.cols() || a.rows() + b.rows() > MAX_SIDE
                        : a.rows() != b.rows() || a.cols() + b.cols() > MAX_SIDE) {
                    return true;
                }
            }
            return false;
        }
        if (!(name.endsWith("upscale")) || args.length != 2) {
            return false;
        }
        for (int e = 0; e < args[0].vals.length; e++) {
            if (!(args[0].vals[e] instanceof Grid g) || !(args[1].vals[e] instanceof Integer f)) {
                return false;
            }
            int rows = name.equals("hupscale") ? g.rows() : g.rows() * f;
            int cols = name.equals("vupscale") ? g.cols() : g.cols() * f;
            if (rows > MAX_SIDE || cols > MAX_SIDE) {
                return true;
            }
        }
        return false;
    }

    private boolean hasTargetShape(Object[] vals) {
        for (int e = 0; e < nDemo; e++) {
            Grid g = (Grid) vals[e];
            if (g.rows() != targets[e].rows() || g.cols() != targets[e].cols()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Orders the grids of one level by their partial credit against the demo outputs (the share of cells equal,
     * over the pairs where the shape is right; others after, in their order), so that when a later level's budget
     * runs out, the values grown first are those nearest to a solution. A stable sort: deterministic.
     */
    private void rankByCredit(List<Entry> level) {
        if (level.size() < 2) {
            return;
        }
        double[] credit = new double[level.size()];
        Integer[] order = new Integer[level.size()];
        for (int i = 0; i < level.size(); i++) {
            order[i] = i;
            credit[i] = credit(level.get(i).vals);
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(credit[y], credit[x]));
        List<Entry> sorted = new ArrayList<>(level.size());
        for (Integer i : order) {
            sorted.add(level.get(i));
        }
        level.clear();
        level.addAll(sorted);
    }

    /** The share of demo output cells a grid vector gets right (0 where a shape differs); in 0..1. */
    double credit(Object[] vals) {
        double sum = 0;
        for (int e = 0; e < nDemo; e++) {
            Grid g = (Grid) vals[e];
            Grid t = targets[e];
            if (g.rows() != t.rows() || g.cols() != t.cols()) {
                continue;
            }
            int[] a = g.cells();
            int[] b = t.cells();
            int same = 0;
            for (int k = 0; k < a.length; k++) {
                same += a[k] == b[k] ? 1 : 0;
            }
            sum += same / (double) a.length;
        }
        return sum / nDemo;
    }

    private static boolean small(Object v) {
        if (v instanceof Grid g) {
            return g.rows() <= MAX_SIDE && g.cols() <= MAX_SIDE;
        }
        if (v instanceof FSet s) {
            return s.size() <= MAX_SET;
        }
        if (v instanceof Tuple t) {
            return t.size() <= MAX_SET;
        }
        return !(v instanceof Fn);
    }

    private static long weight(Object[] vals) {
        long w = 16;
        for (Object v : vals) {
            if (v instanceof Grid g) {
                w += g.rows() * (long) g.cols();
            } else if (v instanceof FSet s) {
                w += 4L * s.size();
            } else {
                w += 4;
            }
        }
        return w;
    }

    /** The expression kept for a vector of values (the cheapest that produced it), if any was stored. */
    java.util.Optional<Expr> expressionOf(Object[] vals) {
        Entry e = seen.get(new Vec(vals));
        return e == null ? java.util.Optional.empty() : java.util.Optional.of(e.expr);
    }

    /** The per-production profile as lines, costliest first (empty unless profiling is on). */
    public static List<String> profileLines() {
        List<Map.Entry<String, java.util.concurrent.atomic.LongAdder[]>> list = new ArrayList<>(PROFILE_COUNTS.entrySet());
        list.sort((a, b) -> Long.compare(b.getValue()[3].sum(), a.getValue()[3].sum()));
        List<String> out = new ArrayList<>();
        for (var e : list) {
            var c = e.getValue();
            out.add(String.format("%-40s cand %9d err %8d new %8d ms %7d  us/cand %.2f", e.getKey(), c[0].sum(), c[1].sum(),
                    c[2].sum(), c[3].sum() / 1_000_000, c[3].sum() / 1000.0 / Math.max(1, c[0].sum())));
        }
        return out;
    }

    /** Distinct values stored so far, per type (for the benchmark's picture of the search). */
    public Map<ValueType, Integer> storedByType() {
        Map<ValueType, Integer> out = new LinkedHashMap<>();
        for (Entry e : seen.values()) {
            out.merge(e.type, 1, Integer::sum);
        }
        return out;
    }
}
