package dev.arclab.program;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A solver program: the DAG of nodes reachable from its root call, with the task id it is written
 * for. Its nodes are kept in canonical order (post-order DFS from the root, callee before arguments,
 * arguments left to right, each node once), which is a topological order: the interpreter evaluates
 * them by index, and the canonical text names the calls x1, x2, ... in that order with the root as
 * {@code O}. The program's identity is its root's structural hash: variable names, line order and
 * dead lines of the source do not change it. Immutable.
 */
public final class Program {

    /** Where a program came from: file and line of its {@code def}. */
    public record Source(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private final String taskId;
    private final Node.Call root;
    private final Node[] nodes;
    private final int[] callee;
    private final int[][] args;
    private final String[] names;
    private final Source source;
    private final int[] lines;
    private String text;

    private Program(String taskId, Node.Call root, Source source, Map<Node, Integer> lineOf) {
        if (taskId == null || taskId.isEmpty()) {
            throw new IllegalArgumentException("a program needs a task id");
        }
        this.taskId = taskId;
        this.root = root;
        this.source = source;
        this.nodes = postOrder(root);
        Map<Node, Integer> index = new HashMap<>(nodes.length * 2);
        for (int k = 0; k < nodes.length; k++) {
            index.put(nodes[k], k);
        }
        this.callee = new int[nodes.length];
        this.args = new int[nodes.length][];
        this.names = new String[nodes.length];
        this.lines = new int[nodes.length];
        int calls = 0;
        for (int k = 0; k < nodes.length; k++) {
            Node n = nodes[k];
            if (n instanceof Node.Call c) {
                callee[k] = index.get(c.callee());
                int[] a = new int[c.args().size()];
                for (int j = 0; j < a.length; j++) {
                    a[j] = index.get(c.args().get(j));
                }
                args[k] = a;
                names[k] = k == nodes.length - 1 ? "O" : "x" + (++calls);
                lines[k] = lineOf == null ? 0 : lineOf.getOrDefault(n, 0);
            } else {
                callee[k] = -1;
                args[k] = new int[0];
                names[k] = n.toString();
            }
        }
    }

    /** The program with that root call, written for task {@code taskId}. */
    public static Program of(String taskId, Node root) {
        return new Program(taskId, asCall(root), null, null);
    }

    /** A parsed program, remembering its source file and the source line of each call. */
    static Program parsed(String taskId, Node root, Source source, Map<Node, Integer> lineOf) {
        return new Program(taskId, asCall(root), source, lineOf);
    }

    private static Node.Call asCall(Node root) {
        if (root instanceof Node.Call c) {
            return c;
        }
        throw new IllegalArgumentException("a program's root must be a call, got " + root);
    }

    /** The nodes reachable from {@code root} in canonical order: post-order, children left to right, each once. */
    static Node[] postOrder(Node root) {
        List<Node> out = new ArrayList<>();
        Map<Node, Boolean> seen = new HashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        ArrayDeque<Integer> cursor = new ArrayDeque<>();
        stack.push(root);
        cursor.push(0);
        seen.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Node top = stack.peek();
            int next = cursor.pop();
            List<Node> children = top.children();
            if (next < children.size()) {
                cursor.push(next + 1);
                Node child = children.get(next);
                if (seen.putIfAbsent(child, Boolean.TRUE) == null) {
                    stack.push(child);
                    cursor.push(0);
                }
            } else {
                stack.pop();
                out.add(top);
            }
        }
        return out.toArray(new Node[0]);
    }

    /** The task this program is written for (the part after {@code solve_}). */
    public String taskId() {
        return taskId;
    }

    /** The same program for another task id. */
    public Program withTaskId(String id) {
        return new Program(id, this);
    }

    private Program(String taskId, Program p) {
        if (taskId == null || taskId.isEmpty()) {
            throw new IllegalArgumentException("a program needs a task id");
        }
        this.taskId = taskId;
        this.root = p.root;
        this.source = p.source;
        this.nodes = p.nodes;
        this.callee = p.callee;
        this.args = p.args;
        this.names = p.names;
        this.lines = p.lines;
    }

    public Node.Call root() {
        return root;
    }

    /** The program's identity: its root's structural hash. */
    public NodeHash hash() {
        return root.hash();
    }

    /** The number of distinct nodes, leaves included. */
    public int size() {
        return nodes.length;
    }

    /** The number of calls (lines of the canonical text before {@code return O}). */
    public int callCount() {
        int n = 0;
        for (Node node : nodes) {
            n += node.isLeaf() ? 0 : 1;
        }
        return n;
    }

    /** The nodes in canonical (topological) order; the root is last. */
    public List<Node> nodes() {
        return List.of(nodes);
    }

    public Node node(int index) {
        return nodes[index];
    }

    /** The canonical name of node {@code index}: x1.., O for the root, the written name of a leaf. */
    public String nameOf(int index) {
        return names[index];
    }

    /** Where the program was parsed from, or null when it was built in code. */
    public Source source() {
        return source;
    }

    /** The source line of the first statement that made call {@code index}, or 0 when unknown. */
    public int sourceLine(int index) {
        return lines[index];
    }

    /** Index of the callee of call {@code index}, or -1 for a leaf. */
    int calleeIndex(int index) {
        return callee[index];
    }

    /** Indices of the arguments of call {@code index} (empty for a leaf); callers must not change it. */
    int[] argIndices(int index) {
        return args[index];
    }

    /**
     * The canonical text: {@code def solve_<taskId>(I):}, one line per call in canonical order
     * ({@code xN = f(a, b)}, root {@code O = ...}), then {@code return O}. It parses back to a
     * program with the same hash.
     */
    public String canonicalText() {
        String t = text;
        if (t == null) {
            StringBuilder sb = new StringBuilder(32 + 24 * nodes.length);
            sb.append("def solve_").append(taskId).append("(I):\n");
            for (int k = 0; k < nodes.length; k++) {
                if (nodes[k].isLeaf()) {
                    continue;
                }
                sb.append("    ").append(names[k]).append(" = ").append(names[callee[k]]).append('(');
                int[] a = args[k];
                for (int j = 0; j < a.length; j++) {
                    sb.append(j == 0 ? "" : ", ").append(names[a[j]]);
                }
                sb.append(")\n");
            }
            sb.append("    return O\n");
            t = sb.toString();
            text = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return "solve_" + taskId + " " + hash().hex() + " (" + callCount() + " calls)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Program p && p.taskId.equals(taskId) && p.root.equals(root);
    }

    @Override
    public int hashCode() {
        return taskId.hashCode() * 31 + root.hashCode();
    }
}
