package dev.arclab.program;

import dev.arclab.dsl.Primitive;
import java.util.List;

/**
 * A node of a program DAG: the input grid {@code I}, a constant, a primitive used as a function
 * value, or a call of a function node on argument nodes. Nodes are immutable and are made only by a
 * {@link NodeTable}, which interns them: within one table, structurally equal nodes are one object.
 * Every node carries its structural {@link NodeHash}; two nodes are equal when their hashes are.
 */
public abstract sealed class Node permits Node.Input, Node.Constant, Node.PrimitiveValue, Node.Call {

    /** What a node is. */
    public enum Kind {
        INPUT, CONSTANT, PRIMITIVE, CALL
    }

    private final NodeHash hash;

    Node(NodeHash hash) {
        this.hash = hash;
    }

    /** The structural hash: kind, content and the children's hashes. */
    public final NodeHash hash() {
        return hash;
    }

    public abstract Kind kind();

    /** The nodes this one depends on: for a call its callee then its arguments, else none. */
    public List<Node> children() {
        return List.of();
    }

    /** True for the nodes written inline as a name in program text (input, constant, primitive). */
    public final boolean isLeaf() {
        return !(this instanceof Call);
    }

    @Override
    public final boolean equals(Object o) {
        return o == this || (o instanceof Node n && n.hash.equals(hash));
    }

    @Override
    public final int hashCode() {
        return hash.hashCode();
    }

    /** The program input {@code I}. */
    public static final class Input extends Node {
        Input(NodeHash hash) {
            super(hash);
        }

        @Override
        public Kind kind() {
            return Kind.INPUT;
        }

        @Override
        public String toString() {
            return "I";
        }
    }

    /** A named constant such as {@code T} or {@code UP}, or an integer literal named by its text. */
    public static final class Constant extends Node {
        private final String name;
        private final Object value;

        Constant(NodeHash hash, String name, Object value) {
            super(hash);
            this.name = name;
            this.value = value;
        }

        /** The name written in program text: {@code T}, {@code UP}, {@code -1}, {@code True}. */
        public String name() {
            return name;
        }

        /** The DSL value. */
        public Object value() {
            return value;
        }

        @Override
        public Kind kind() {
            return Kind.CONSTANT;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A primitive used as a value: an argument such as {@code shift} in {@code rbind(shift, UP)}, or a callee. */
    public static final class PrimitiveValue extends Node {
        private final Primitive primitive;

        PrimitiveValue(NodeHash hash, Primitive primitive) {
            super(hash);
            this.primitive = primitive;
        }

        public Primitive primitive() {
            return primitive;
        }

        public String name() {
            return primitive.name();
        }

        @Override
        public Kind kind() {
            return Kind.PRIMITIVE;
        }

        @Override
        public String toString() {
            return primitive.name();
        }
    }

    /** A call: the callee is a primitive node or a node whose value is a function (e.g. a built one). */
    public static final class Call extends Node {
        private final Node callee;
        private final List<Node> args;
        private final List<Node> children;

        Call(NodeHash hash, Node callee, List<Node> args) {
            super(hash);
            this.callee = callee;
            this.args = args;
            Node[] all = new Node[args.size() + 1];
            all[0] = callee;
            for (int k = 0; k < args.size(); k++) {
                all[k + 1] = args.get(k);
            }
            this.children = List.of(all);
        }

        public Node callee() {
            return callee;
        }

        /** The argument nodes, left to right (immutable). */
        public List<Node> args() {
            return args;
        }

        @Override
        public List<Node> children() {
            return children;
        }

        @Override
        public Kind kind() {
            return Kind.CALL;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(callee.isLeaf() ? callee.toString() : "<" + callee.hash().hex().substring(0, 8) + ">").append('(');
            for (int k = 0; k < args.size(); k++) {
                Node a = args.get(k);
                sb.append(k == 0 ? "" : ", ").append(a.isLeaf() ? a.toString() : "<" + a.hash().hex().substring(0, 8) + ">");
            }
            return sb.append(')').toString();
        }
    }
}
