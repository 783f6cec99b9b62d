package dev.arclab.pipeline;

import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Grid;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Node;
import dev.arclab.program.NodeHash;
import dev.arclab.program.Outcome;
import dev.arclab.program.Program;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch program: the union DAG of many programs with hash-consing, so each distinct call runs once
 * per sample however many programs share it. Roots: one per member program. Evaluating the batch on a
 * sample gives every member's result; a failing node fails only the nodes that depend on it, and each
 * node runs under its own fuel budget, so a runaway node times out without hurting the others.
 */
public final class Batch {

    /** A member program: what it is, which task it was picked for, and where it came from. */
    public record Member(Program program, String task, Origin origin) {
        public String hash() {
            return program.hash().hex();
        }
    }

    private static final byte OK = 0;
    private static final byte ERROR = 1;
    private static final byte TIMEOUT = 2;

    private final List<Member> members;
    private final Node[] nodes;
    private final int[] callee;
    private final int[][] args;
    private final int[] roots;
    private final int[][] closures;
    private final int nodesBefore;
    private final int mutants;
    private final int[] parents;
    private final int[] depths;

    public Batch(List<Member> members) {
        this.members = List.copyOf(members);
        Map<NodeHash, Integer> index = new LinkedHashMap<>();
        List<Node> order = new ArrayList<>();
        int before = 0;
        int mutantCount = 0;
        for (Member m : this.members) {
            before += m.program().size();
            mutantCount += m.origin().kind() == Origin.Kind.MUTANT ? 1 : 0;
            // Each program lists its nodes children-first, so appending new ones keeps a topological order.
            for (Node n : m.program().nodes()) {
                if (!index.containsKey(n.hash())) {
                    index.put(n.hash(), order.size());
                    order.add(n);
                }
            }
        }
        this.nodesBefore = before;
        this.mutants = mutantCount;
        this.nodes = order.toArray(new Node[0]);
        this.callee = new int[nodes.length];
        this.args = new int[nodes.length][];
        for (int k = 0; k < nodes.length; k++) {
            if (nodes[k] instanceof Node.Call c) {
                callee[k] = index.get(c.callee().hash());
                int[] a = new int[c.args().size()];
                for (int j = 0; j < a.length; j++) {
                    a[j] = index.get(c.args().get(j).hash());
                }
                args[k] = a;
            } else {
                callee[k] = -1;
                args[k] = new int[0];
            }
        }
        this.roots = new int[this.members.size()];
        this.closures = new int[this.members.size()][];
        for (int m = 0; m < roots.length; m++) {
            Program p = this.members.get(m).program();
            roots[m] = index.get(p.root().hash());
            int[] c = new int[p.size()];
            for (int k = 0; k < c.length; k++) {
                c[k] = index.get(p.node(k).hash());
            }
            closures[m] = c;
        }
        Map<String, Integer> memberIndex = new HashMap<>();
        for (int m = 0; m < this.members.size(); m++) {
            memberIndex.putIfAbsent(this.members.get(m).hash(), m);
        }
        this.parents = new int[this.members.size()];
        for (int m = 0; m < parents.length; m++) {
            String parent = this.members.get(m).origin().parent();
            Integer at = parent == null ? null : memberIndex.get(parent);
            parents[m] = at == null || at == m ? -1 : at;
        }
        for (int m = 0; m < parents.length; m++) {
            // A parent chain that comes back on itself (possible with hash-equal proposals) is cut.
            int d = 0;
            for (int at = parents[m]; at >= 0 && d <= parents.length; at = parents[at]) {
                d++;
            }
            if (d > parents.length) {
                parents[m] = -1;
            }
        }
        this.depths = new int[parents.length];
        for (int m = 0; m < parents.length; m++) {
            int d = 0;
            for (int at = parents[m]; at >= 0; at = parents[at]) {
                d++;
            }
            depths[m] = d;
        }
    }

    /** The index of member {@code member}'s parent when the parent is a member of this batch too, else -1. */
    public int parent(int member) {
        return parents[member];
    }

    /** How many of member {@code member}'s ancestors are members of this batch (0 for a program without one). */
    public int depth(int member) {
        return depths[member];
    }

    public List<Member> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    /** Member programs that are mutants. */
    public int mutants() {
        return mutants;
    }

    /** Nodes summed over the member programs, as if each ran alone. */
    public int nodesBefore() {
        return nodesBefore;
    }

    /** Distinct nodes of the union DAG. */
    public int nodesAfter() {
        return nodes.length;
    }

    /**
     * Evaluates the members selected by {@code wanted} (all when null) on one input, each node under
     * {@code fuelPerNode}. Only the nodes those members need are run, each once. Returns per member its
     * outcome status, its value (null unless OK) and the fuel of the nodes it needs.
     */
    public Evaluation evaluate(Grid input, BitSet wanted, long fuelPerNode) {
        return start(input, fuelPerNode, wanted).evaluate(wanted, null);
    }

    /**
     * A run of this batch on one input for the members in {@code members} (all when null): later calls of
     * {@link Run#evaluate} may ask for any of them, in any groups, and reuse the nodes already run.
     */
    public Run start(Grid input, long fuelPerNode, BitSet members) {
        return new Run(input, fuelPerNode, members);
    }

    /**
     * The batch on one input, evaluated member set by member set (e.g. parents first, then their mutants
     * with budgets from the parents' fuel). A node already run is reused by later calls unless it ran out
     * of fuel under a smaller budget than a later member gives it. A member's budget bounds the fuel of
     * all the nodes it needs: a member whose nodes used more is a timeout whatever other members share
     * them, so its outcome does not depend on the rest of the batch.
     *
     * <p>Memory: a value is dropped once every node that reads it will never run again (it ran with a
     * final outcome, or a node it reads failed for good), unless it is a member's result; so the values
     * alive at once are those still to be read, not every node of the batch.
     */
    public final class Run {
        private final Grid input;
        private final long cap;
        private final BitSet members;
        private final Object[] values = new Object[nodes.length];
        private final byte[] state = new byte[nodes.length];
        private final byte[] own = new byte[nodes.length];
        private final boolean[] ran = new boolean[nodes.length];
        /** The node will not run again: its state is its last (it read its inputs for the last time). */
        private final boolean[] closed = new boolean[nodes.length];
        private final long[] fuel = new long[nodes.length];
        private final long[] tried = new long[nodes.length];
        /** Per value: readers among the needed nodes not closed yet. */
        private final int[] readers = new int[nodes.length];
        private final boolean[] keep = new boolean[nodes.length];
        private final boolean[] needed = new boolean[nodes.length];
        private long nodesRun;

        private Run(Grid input, long cap, BitSet members) {
            this.input = input;
            this.cap = cap;
            this.members = members == null ? null : (BitSet) members.clone();
            for (int m = 0; m < roots.length; m++) {
                if (members == null || members.get(m)) {
                    keep[roots[m]] = true;
                    for (int k : closures[m]) {
                        needed[k] = true;
                    }
                }
            }
            for (int k = 0; k < nodes.length; k++) {
                if (needed[k] && callee[k] >= 0) {
                    readers[callee[k]]++;
                    for (int a : args[k]) {
                        readers[a]++;
                    }
                }
            }
        }

        /** Node calls run so far (a node run again with a larger budget counts again). */
        public long nodesRun() {
            return nodesRun;
        }

        /**
         * Evaluates the members selected by {@code wanted} (all of the run's members when null), member m
         * with a total budget of {@code budgets[m]} (no budget beyond the per-node one when {@code budgets}
         * is null). A node runs with the largest budget of the wanted members that need it, at most the
         * per-node budget. For a timeout under a member budget the fuel reported is that budget.
         */
        public Evaluation evaluate(BitSet wanted, long[] budgets) {
            int n = nodes.length;
            BitSet asked = wanted != null ? wanted : members;
            if (asked != null && members != null) {
                BitSet outside = (BitSet) asked.clone();
                outside.andNot(members);
                if (!outside.isEmpty()) {
                    throw new IllegalArgumentException("members " + outside + " are not in this run's members " + members);
                }
            }
            long[] nodeBudget = new long[n];
            for (int m = 0; m < roots.length; m++) {
                if (asked == null || asked.get(m)) {
                    long b = budgets == null ? cap : Math.max(1, Math.min(cap, budgets[m]));
                    for (int k : closures[m]) {
                        nodeBudget[k] = Math.max(nodeBudget[k], b);
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                if (nodeBudget[k] == 0 || closed[k] && callee[k] < 0) {
                    continue;
                }
                Node node = nodes[k];
                if (!(node instanceof Node.Call)) {
                    values[k] = leafValue(node, input);
                    closed[k] = true;
                    continue;
                }
                if (closed[k]) {
                    state[k] = ran[k] ? own[k] : upstream(k);
                    continue;
                }
                byte failed = upstream(k);
                if (failed != OK) {
                    state[k] = failed;
                    if (failsForGood(k)) {
                        close(k);
                    }
                    continue;
                }
                if (ran[k] && (own[k] != TIMEOUT || tried[k] >= nodeBudget[k])) {
                    state[k] = own[k];
                    continue;
                }
                run(k, nodeBudget[k]);
                if (own[k] != TIMEOUT || nodeBudget[k] >= cap) {
                    close(k);
                }
            }
            Outcome.Status[] status = new Outcome.Status[roots.length];
            Object[] results = new Object[roots.length];
            long[] memberFuel = new long[roots.length];
            for (int m = 0; m < roots.length; m++) {
                if (asked != null && !asked.get(m)) {
                    continue;
                }
                long f = 0;
                for (int k : closures[m]) {
                    f += ran[k] ? fuel[k] : 0;
                }
                byte s = state[roots[m]];
                long budget = budgets == null ? Long.MAX_VALUE : budgets[m];
                if (s == TIMEOUT || f > budget) {
                    status[m] = Outcome.Status.TIMEOUT;
                    memberFuel[m] = budgets == null ? f : budget;
                } else {
                    status[m] = s == OK ? Outcome.Status.OK : Outcome.Status.ERROR;
                    results[m] = s == OK ? values[roots[m]] : null;
                    memberFuel[m] = f;
                }
            }
            return new Evaluation(status, results, memberFuel);
        }

        /** The worst state of the nodes call node {@code k} reads. */
        private byte upstream(int k) {
            byte failed = state[callee[k]];
            for (int a : args[k]) {
                failed = (byte) Math.max(failed, state[a]);
            }
            return failed;
        }

        /** Whether a node {@code k} reads has failed and will not run again (so neither will {@code k}). */
        private boolean failsForGood(int k) {
            if (state[callee[k]] != OK && closed[callee[k]]) {
                return true;
            }
            for (int a : args[k]) {
                if (state[a] != OK && closed[a]) {
                    return true;
                }
            }
            return false;
        }

        /** Node {@code k} will not run again: the values it read lose a reader, and go when none is left. */
        private void close(int k) {
            closed[k] = true;
            drop(callee[k]);
            for (int a : args[k]) {
                drop(a);
            }
        }

        private void drop(int v) {
            if (--readers[v] == 0 && !keep[v]) {
                values[v] = null;
            }
        }

        private void run(int k, long budget) {
            nodesRun++;
            ran[k] = true;
            tried[k] = budget;
            values[k] = null;
            Fuel.start(budget);
            try {
                values[k] = Interpreter.apply(values[callee[k]], args[k], values);
                own[k] = OK;
            } catch (Fuel.OutOfFuel e) {
                own[k] = TIMEOUT;
            } catch (RuntimeException | StackOverflowError e) {
                // A DSL error, or a primitive's bug: either way it fails this node and its dependents only.
                own[k] = ERROR;
            } catch (OutOfMemoryError e) {
                // Allocation is bounded per node (Fuel.MAX_ALLOCATION), so this is a heap too small for
                // the work as a whole: fail this node only, and let the work item go on.
                values[k] = null;
                own[k] = ERROR;
            } finally {
                fuel[k] = Fuel.used();
                Fuel.stop();
            }
            state[k] = own[k];
        }
    }

    /** The members' results on one input (entries of members not evaluated are null / 0). */
    public record Evaluation(Outcome.Status[] status, Object[] values, long[] fuel) {
    }

    private static Object leafValue(Node node, Grid input) {
        if (node instanceof Node.Input) {
            return input;
        }
        if (node instanceof Node.Constant c) {
            return c.value();
        }
        return ((Node.PrimitiveValue) node).primitive();
    }
}
