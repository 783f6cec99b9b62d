package dev.arclab.search;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import dev.arclab.dsl.Values;
import dev.arclab.search.Enumerator.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditional programs, found by divide and conquer instead of by enumerating {@code branch} calls: two grid
 * vectors the search built that together reproduce every demo output (one right on some demos, the other on the
 * rest), and a condition on the input that tells the two groups of demos apart, make
 * {@code branch(cond, A, B)} (for instance the top half of tall inputs and the left half of wide ones:
 * {@code branch(portrait(I), tophalf(I), lefthalf(I))}).
 *
 * <p>With a few demo pairs many conditions separate any two groups, so what the test input takes is a guess: such
 * programs are weak (the search goes on), the cheapest condition is offered first, and the cheapest condition
 * that sends the test input the other way second, so the two attempts cover both pieces.
 *
 * <p>Conditions: {@code portrait(I)}, {@code square(I)}, and comparisons of the integers the search built
 * (counts, sizes, colours) with a constant or with each other ({@code greater}, {@code equality}). Only demo
 * outputs are read.
 */
final class Branches {
    /** Most demo pairs a task may have for this finisher (it looks at pairs of subsets of them). */
    static final int MAX_DEMOS = 6;
    /** Most integer vectors compared with each other (cheapest first). */
    static final int MAX_PAIRED_INTS = 40;
    /** Most integer vectors compared with constants (cheapest first). */
    static final int MAX_INTS = 400;

    /** A condition: its expression and its value on each input (bit e: input e, demos first, then tests). */
    record Condition(Expr expr, long bits) {
    }

    private final Grid[] targets;
    private final int nDemo;
    private final int n;
    private final int full;
    /** Per set of demos (a bit mask), the first grid vector built that is right on exactly those demos. */
    private final Entry[] byMask;

    Branches(Grid[] targets, int n) {
        this.targets = targets;
        this.nDemo = targets.length;
        this.n = n;
        this.full = (1 << nDemo) - 1;
        this.byMask = nDemo >= 2 && nDemo <= MAX_DEMOS && n < 63 ? new Entry[1 << nDemo] : null;
    }

    /** Notes a grid vector: kept when it is the first right on exactly its set of demos (not none, not all). */
    void note(Entry e) {
        if (byMask == null) {
            return;
        }
        int mask = 0;
        for (int d = 0; d < nDemo; d++) {
            if (e.vals[d] instanceof Grid g && g.rows() == targets[d].rows() && g.cols() == targets[d].cols()
                    && g.equals(targets[d])) {
                mask |= 1 << d;
            }
        }
        if (mask != 0 && mask != full && byMask[mask] == null) {
            byMask[mask] = e;
        }
    }

    /**
     * Branches over the noted grid vectors with a condition built from the input and from {@code ints} (integer
     * vectors, cheapest first): the cheapest, and the cheapest that answers the test inputs otherwise. Empty when
     * no two pieces cover the demos or no condition splits them.
     */
    List<Finishers.Finished> find(Grid[] inputs, List<Entry> ints) {
        List<Finishers.Finished> out = new ArrayList<>();
        if (byMask == null) {
            return out;
        }
        List<Condition> conditions = null;
        Choice best = null;
        for (int m1 = 1; m1 < full; m1++) {
            for (int m2 = m1 + 1; m2 < full; m2++) {
                Entry a = byMask[m1];
                Entry b = byMask[m2];
                if (a == null || b == null || (m1 | m2) != full) {
                    continue;
                }
                if (conditions == null) {
                    conditions = conditions(inputs, ints);
                }
                int onlyA = m1 & ~m2;
                int onlyB = m2 & ~m1;
                for (Condition c : conditions) {
                    int demo = (int) (c.bits & full);
                    boolean aWhenTrue = (demo & onlyA) == onlyA && (demo & onlyB) == 0;
                    if (!aWhenTrue && !((demo & onlyB) == onlyB && (demo & onlyA) == 0)) {
                        continue;
                    }
                    int cost = c.expr.cost() + a.expr.cost() + b.expr.cost();
                    if (best == null || cost < best.cost) {
                        best = aWhenTrue ? new Choice(c, a, b, onlyA, onlyB, cost) : new Choice(c, b, a, onlyB, onlyA, cost);
                    }
                    break;
                }
            }
        }
        if (best == null) {
            return out;
        }
        out.add(finish(best.condition, best.yes, best.no));
        // the second attempt: the cheapest condition that splits the demos alike and the tests otherwise
        long testBits = best.condition.bits & ~(long) full;
        int onlyYes = best.onlyYes;
        int onlyNo = best.onlyNo;
        for (Condition c : conditions) {
            int demo = (int) (c.bits & full);
            boolean same = (demo & onlyYes) == onlyYes && (demo & onlyNo) == 0;
            boolean flipped = (demo & onlyNo) == onlyNo && (demo & onlyYes) == 0;
            long tests = c.bits & ~(long) full;
            if (same && tests != testBits) {
                out.add(finish(c, best.yes, best.no));
                break;
            }
            if (flipped && (~tests & ~(long) full & mask(n)) != testBits) {
                out.add(finish(c, best.no, best.yes));
                break;
            }
        }
        return out;
    }

    /** A branch: the condition, the piece taken when it holds and the other, the demos only each is right on. */
    private record Choice(Condition condition, Entry yes, Entry no, int onlyYes, int onlyNo, int cost) {
    }

    private static long mask(int bits) {
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }

    private Finishers.Finished finish(Condition c, Entry yes, Entry no) {
        Object[] answers = new Object[n - nDemo];
        for (int t = nDemo; t < n; t++) {
            answers[t - nDemo] = (c.bits >>> t & 1) == 1 ? yes.vals[t] : no.vals[t];
        }
        return new Finishers.Finished(Expr.call("branch", c.expr, yes.expr, no.expr), answers, true);
    }

    /** Every condition, cheapest first (stable: built in order of cost, then of the integers' order). */
    List<Condition> conditions(Grid[] inputs, List<Entry> ints) {
        List<Condition> out = new ArrayList<>();
        for (String p : new String[] {"portrait", "square"}) {
            long bits = 0;
            for (int e = 0; e < n; e++) {
                bits |= Values.truthy(Dsl.require(p).call1(inputs[e])) ? 1L << e : 0;
            }
            out.add(new Condition(Expr.call(p, Expr.INPUT), bits));
        }
        List<Entry> varying = new ArrayList<>();
        for (Entry v : ints) {
            if (varying.size() >= MAX_INTS) {
                break;
            }
            boolean same = true;
            for (int e = 1; e < n; e++) {
                same &= v.vals[e].equals(v.vals[0]);
            }
            if (!same && v.vals[0] instanceof Integer) {
                varying.add(v);
            }
        }
        for (Entry v : varying) {
            for (int k = 0; k <= 10; k++) {
                long eq = 0;
                long gt = 0;
                for (int e = 0; e < n; e++) {
                    int x = (Integer) v.vals[e];
                    eq |= x == k ? 1L << e : 0;
                    gt |= x > k ? 1L << e : 0;
                }
                out.add(new Condition(Expr.call("equality", v.expr, Expr.number(k)), eq));
                out.add(new Condition(Expr.call("greater", v.expr, Expr.number(k)), gt));
            }
        }
        for (int i = 0; i < Math.min(MAX_PAIRED_INTS, varying.size()); i++) {
            for (int j = 0; j < Math.min(MAX_PAIRED_INTS, varying.size()); j++) {
                if (i == j) {
                    continue;
                }
                Entry a = varying.get(i);
                Entry b = varying.get(j);
                long eq = 0;
                long gt = 0;
                for (int e = 0; e < n; e++) {
                    int x = (Integer) a.vals[e];
                    int y = (Integer) b.vals[e];
                    eq |= x == y ? 1L << e : 0;
                    gt |= x > y ? 1L << e : 0;
                }
                out.add(new Condition(Expr.call("greater", a.expr, b.expr), gt));
                if (i < j) {
                    out.add(new Condition(Expr.call("equality", a.expr, b.expr), eq));
                }
            }
        }
        List<Condition> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparingInt(c -> c.expr.cost()));
        return sorted;
    }
}
