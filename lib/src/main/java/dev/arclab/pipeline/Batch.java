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
     * Evaluates the members selected by {@code wanted} (all when null) on one input. Only the nodes
     * those members need are run, each once. Returns per member its outcome status, its value (null
     * unless OK) and the fuel of the nodes it needs.
     */
    public Evaluation evaluate(Grid input, BitSet wanted, long fuelPerNode) {
        int n = nodes.length;
        boolean[] needed = new boolean[n];
        for (int m = 0; m < roots.length; m++) {
            if (wanted == null || wanted.get(m)) {
                for (int k : closures[m]) {
                    needed[k] = true;
                }
            }
        }
        // The last needed node reading each value: past it the value is dropped, so the values alive at
        // once are those still to be read (and the wanted roots), not every node of the batch.
        int[] lastUse = new int[n];
        boolean[] keep = new boolean[n];
        for (int m = 0; m < roots.length; m++) {
            if (wanted == null || wanted.get(m)) {
                keep[roots[m]] = true;
            }
        }
        for (int k = 0; k < n; k++) {
            if (needed[k] && callee[k] >= 0) {
                lastUse[callee[k]] = k;
                for (int a : args[k]) {
                    lastUse[a] = k;
                }
            }
        }
        Object[] values = new Object[n];
        byte[] state = new byte[n];
        long[] fuel = new long[n];
        for (int k = 0; k < n; k++) {
            if (!needed[k]) {
                continue;
            }
            Node node = nodes[k];
            if (!(node instanceof Node.Call)) {
                values[k] = leafValue(node, input);
                continue;
            }
            byte failed = state[callee[k]];
            for (int a : args[k]) {
                failed = (byte) Math.max(failed, state[a]);
            }
            if (failed != OK) {
                state[k] = failed;
                release(k, values, lastUse, keep);
                continue;
            }
            Fuel.start(fuelPerNode);
            try {
                values[k] = Interpreter.apply(values[callee[k]], args[k], values);
            } catch (Fuel.OutOfFuel e) {
                state[k] = TIMEOUT;
            } catch (RuntimeException | StackOverflowError e) {
                // A DSL error, or a primitive's bug: either way it fails this node and its dependents only.
                state[k] = ERROR;
            } catch (OutOfMemoryError e) {
                // Allocation is bounded per node (Fuel.MAX_ALLOCATION), so this is a heap too small for
                // the work as a whole: fail this node only, and let the work item go on.
                values[k] = null;
                state[k] = ERROR;
            } finally {
                fuel[k] = Fuel.used();
                Fuel.stop();
            }
            release(k, values, lastUse, keep);
        }
        Outcome.Status[] status = new Outcome.Status[roots.length];
        Object[] results = new Object[roots.length];
        long[] memberFuel = new long[roots.length];
        for (int m = 0; m < roots.length; m++) {
            if (wanted != null && !wanted.get(m)) {
                continue;
            }
            byte s = state[roots[m]];
            status[m] = s == OK ? Outcome.Status.OK : s == ERROR ? Outcome.Status.ERROR : Outcome.Status.TIMEOUT;
            results[m] = s == OK ? values[roots[m]] : null;
            long f = 0;
            for (int k : closures[m]) {
                f += fuel[k];
            }
            memberFuel[m] = f;
        }
        return new Evaluation(status, results, memberFuel);
    }

    /** Drops the values read by call node {@code k} for which it was the last reader. */
    private void release(int k, Object[] values, int[] lastUse, boolean[] keep) {
        dropIfDone(callee[k], k, values, lastUse, keep);
        for (int a : args[k]) {
            dropIfDone(a, k, values, lastUse, keep);
        }
    }

    private static void dropIfDone(int v, int k, Object[] values, int[] lastUse, boolean[] keep) {
        if (!keep[v] && lastUse[v] == k) {
            values[v] = null;
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
