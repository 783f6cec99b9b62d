package dev.arclab.program;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Primitive;
import dev.arclab.dsl.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interning table that makes program nodes (hash-consing): asking twice for the same structure
 * gives the same object, so programs built through one table share their common sub-DAGs, and a
 * batch of programs is one DAG in which each distinct call is one node. Thread-safe.
 */
public final class NodeTable {

    private static final byte INPUT_TAG = 'I';
    private static final byte CONSTANT_TAG = 'K';
    private static final byte PRIMITIVE_TAG = 'P';
    private static final byte CALL_TAG = 'C';

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private final ConcurrentHashMap<NodeHash, Node> nodes = new ConcurrentHashMap<>();
    /** Leaves by name, so that the parser's most frequent requests need no digest. */
    private final ConcurrentHashMap<String, Node.Constant> namedConstants = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Node.PrimitiveValue> primitives = new ConcurrentHashMap<>();
    private final Node.Input input;

    public NodeTable() {
        MessageDigest md = digest(INPUT_TAG);
        input = intern(new Node.Input(NodeHash.ofDigest(md.digest())));
    }

    /** The number of distinct nodes made so far. */
    public int size() {
        return nodes.size();
    }

    /** The input grid {@code I}. */
    public Node.Input input() {
        return input;
    }

    /** One of the 28 DSL constants by name ({@code T}, {@code ONE}, {@code UP}, ...). */
    public Node.Constant constant(String name) {
        Node.Constant c = namedConstants.get(name);
        if (c != null) {
            return c;
        }
        Object value = Dsl.constant(name);
        if (value == null) {
            throw new IllegalArgumentException("no DSL constant named " + name);
        }
        c = constant(name, value);
        namedConstants.put(name, c);
        return c;
    }

    /** An integer literal, written as its decimal text. */
    public Node.Constant literal(int value) {
        return constant(Integer.toString(value), value);
    }

    /**
     * A constant with the name it is written as. Constants are identified by name and value, so
     * {@code T} and {@code ONE} are different nodes although both are 1. A DSL constant's name must
     * come with its value, so that the printed program parses back to the same node.
     */
    public Node.Constant constant(String name, Object value) {
        Object named = Dsl.constant(name);
        if (named != null && !Values.equal(named, value)) {
            throw new IllegalArgumentException("constant " + name + " is " + Values.repr(named) + ", not " + Values.repr(value));
        }
        MessageDigest md = digest(CONSTANT_TAG);
        putString(md, name);
        putString(md, Values.repr(value));
        return intern(new Node.Constant(NodeHash.ofDigest(md.digest()), name, value));
    }

    /** A primitive used as a value or as a callee. */
    public Node.PrimitiveValue primitive(Primitive primitive) {
        Node.PrimitiveValue known = primitives.get(primitive.name());
        if (known != null && known.primitive() == primitive) {
            return known;
        }
        MessageDigest md = digest(PRIMITIVE_TAG);
        putString(md, primitive.name());
        Node.PrimitiveValue made = intern(new Node.PrimitiveValue(NodeHash.ofDigest(md.digest()), primitive));
        primitives.put(primitive.name(), made);
        return made;
    }

    /** The primitive of that name (it must be implemented). */
    public Node.PrimitiveValue primitive(String name) {
        return primitive(Dsl.require(name));
    }

    /** A call of {@code callee} (a primitive or a call producing a function) on {@code args}. */
    public Node.Call call(Node callee, List<Node> args) {
        if (callee instanceof Node.Input || callee instanceof Node.Constant) {
            throw new IllegalArgumentException(callee + " is not a function and cannot be called");
        }
        List<Node> own = List.copyOf(args);
        own(callee);
        for (Node a : own) {
            own(a);
        }
        MessageDigest md = digest(CALL_TAG);
        putInt(md, own.size());
        putHash(md, callee.hash());
        for (Node a : own) {
            putHash(md, a.hash());
        }
        return intern(new Node.Call(NodeHash.ofDigest(md.digest()), callee, own));
    }

    /** A call with arguments given inline. */
    public Node.Call call(Node callee, Node... args) {
        return call(callee, List.of(args));
    }

    /**
     * The node of this table equal to {@code node}, which may come from another table: how
     * programs parsed separately are merged into one DAG.
     */
    public Node adopt(Node node) {
        Node mine = nodes.get(node.hash());
        if (mine != null) {
            return mine;
        }
        Map<Node, Node> made = new HashMap<>();
        for (Node n : Program.postOrder(node)) {
            Node m = nodes.get(n.hash());
            if (m == null) {
                if (n instanceof Node.Input) {
                    m = input;
                } else if (n instanceof Node.Constant c) {
                    m = constant(c.name(), c.value());
                } else if (n instanceof Node.PrimitiveValue p) {
                    m = primitive(p.primitive());
                } else {
                    List<Node> children = n.children();
                    Node[] args = new Node[children.size() - 1];
                    for (int k = 0; k < args.length; k++) {
                        args[k] = made.get(children.get(k + 1));
                    }
                    m = call(made.get(children.get(0)), List.of(args));
                }
            }
            made.put(n, m);
        }
        return made.get(node);
    }

    private void own(Node n) {
        if (nodes.get(n.hash()) != n) {
            throw new IllegalArgumentException("node " + n + " was not made by this table; adopt it first");
        }
    }

    @SuppressWarnings("unchecked")
    private <N extends Node> N intern(N fresh) {
        Node old = nodes.putIfAbsent(fresh.hash(), fresh);
        if (old == null) {
            return fresh;
        }
        if (!sameShape(old, fresh)) {
            throw new IllegalStateException("node hash collision between " + old + " and " + fresh);
        }
        return (N) old;
    }

    /** Shallow structural equality; children are interned, so identity compares them. */
    private static boolean sameShape(Node a, Node b) {
        if (a.kind() != b.kind()) {
            return false;
        }
        if (a instanceof Node.Constant x && b instanceof Node.Constant y) {
            return x.name().equals(y.name()) && Values.equal(x.value(), y.value());
        }
        if (a instanceof Node.PrimitiveValue x && b instanceof Node.PrimitiveValue y) {
            return x.primitive() == y.primitive();
        }
        if (a instanceof Node.Call x && b instanceof Node.Call y) {
            List<Node> cx = x.children();
            List<Node> cy = y.children();
            if (cx.size() != cy.size()) {
                return false;
            }
            for (int k = 0; k < cx.size(); k++) {
                if (cx.get(k) != cy.get(k)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static MessageDigest digest(byte tag) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(tag);
        return md;
    }

    private static void putString(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        putInt(md, b.length);
        md.update(b);
    }

    private static void putInt(MessageDigest md, int v) {
        md.update((byte) (v >>> 24));
        md.update((byte) (v >>> 16));
        md.update((byte) (v >>> 8));
        md.update((byte) v);
    }

    private static void putHash(MessageDigest md, NodeHash h) {
        long[] parts = {h.high(), h.low()};
        for (long p : parts) {
            for (int s = 56; s >= 0; s -= 8) {
                md.update((byte) (p >>> s));
            }
        }
    }
}
