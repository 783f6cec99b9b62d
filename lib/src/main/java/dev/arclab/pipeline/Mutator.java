package dev.arclab.pipeline;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Pair;
import dev.arclab.dsl.Primitive;
import dev.arclab.dsl.Signature;
import dev.arclab.dsl.Signature.Family;
import dev.arclab.program.Node;
import dev.arclab.program.NodeTable;
import dev.arclab.program.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, reproducible mutation of programs (design: "Mutation"). Each argument of each call whose
 * callee is a primitive is replaced, with probability p, by a value of the same type family: another
 * constant of the family, another primitive of the same signature, or an earlier node of the program
 * whose declared type is in the family. Earlier nodes keep the program a DAG. The mutant records its
 * parent's hash and what changed.
 */
public final class Mutator {

    /** A mutant and what changed, e.g. {@code x3 arg 2: ONE -> TWO}. */
    public record Mutant(Program program, String parentHash, String change) {
    }

    private static final List<String> BOOLEANS = List.of("T", "F");
    private static final List<String> INTEGERS = new ArrayList<>();
    private static final List<String> PAIRS = new ArrayList<>();
    private static final Map<String, List<Primitive>> SAME_SHAPE = new HashMap<>();

    static {
        Dsl.constants().forEach((name, value) -> {
            if (value instanceof Pair) {
                PAIRS.add(name);
            } else if (!BOOLEANS.contains(name)) {
                INTEGERS.add(name);
            }
        });
        for (Primitive p : Dsl.primitives()) {
            List<Primitive> same = new ArrayList<>();
            Signature s = Signature.of(p.name());
            for (Primitive q : Dsl.primitives()) {
                if (q != p && s.sameShape(Signature.of(q.name()))) {
                    same.add(q);
                }
            }
            SAME_SHAPE.put(p.name(), List.copyOf(same));
        }
    }

    private final NodeTable table;
    private final double probability;

    public Mutator(NodeTable table, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("mutation probability must be in 0..1, got " + probability);
        }
        this.table = table;
        this.probability = probability;
    }

    /**
     * A mutant of {@code parent}, drawing from {@code random}; null when no argument could be changed
     * in {@code attempts} tries (e.g. p = 0 or nothing has an alternative).
     */
    public Mutant mutate(Program parent, Random random, int attempts) {
        for (int a = 0; a < attempts; a++) {
            Mutant m = mutateOnce(parent, random);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private Mutant mutateOnce(Program parent, Random random) {
        List<Node> nodes = parent.nodes();
        Node[] rebuilt = new Node[nodes.size()];
        Map<Node, Integer> index = new HashMap<>();
        List<String> changes = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            index.put(n, k);
            if (!(n instanceof Node.Call call)) {
                rebuilt[k] = n;
                continue;
            }
            Signature sig = call.callee() instanceof Node.PrimitiveValue pv ? Signature.of(pv.name()) : null;
            List<Node> args = new ArrayList<>(call.args().size());
            boolean changed = rebuilt[index.get(call.callee())] != call.callee();
            for (int j = 0; j < call.args().size(); j++) {
                Node arg = call.args().get(j);
                Node now = rebuilt[index.get(arg)];
                if (sig != null && random.nextDouble() < probability) {
                    Node replacement = replacement(arg, sig.paramFamily(j), nodes, rebuilt, k, random);
                    if (replacement != null && !replacement.equals(now)) {
                        changes.add(parent.nameOf(k) + " arg " + (j + 1) + ": " + label(parent, index, arg) + " -> "
                                + label(parent, index, replacement));
                        now = replacement;
                    }
                }
                changed |= now != arg;
                args.add(now);
            }
            rebuilt[k] = changed ? table.call(rebuilt[index.get(call.callee())], args) : call;
        }
        if (changes.isEmpty()) {
            return null;
        }
        Program mutant = Program.of(parent.taskId(), rebuilt[nodes.size() - 1]);
        if (mutant.hash().equals(parent.hash())) {
            return null;
        }
        return new Mutant(mutant, parent.hash().hex(), String.join("; ", changes));
    }

    private static String label(Program parent, Map<Node, Integer> index, Node n) {
        Integer k = index.get(n);
        return n.isLeaf() || k == null ? n.toString() : parent.nameOf(k);
    }

    /** A random value of {@code family} other than {@code current}, or null when there is none. */
    private Node replacement(Node current, Family family, List<Node> nodes, Node[] rebuilt, int before, Random random) {
        if (current instanceof Node.Constant c) {
            List<String> names = c.value() instanceof Pair ? PAIRS
                    : (family == Family.BOOLEAN || BOOLEANS.contains(c.name())) ? BOOLEANS : INTEGERS;
            String pick = pickOther(names, c.name(), random);
            return pick == null ? null : table.constant(pick);
        }
        if (current instanceof Node.PrimitiveValue pv) {
            List<Primitive> same = SAME_SHAPE.get(pv.name());
            return same.isEmpty() ? null : table.primitive(same.get(random.nextInt(same.size())));
        }
        // An input or a call: an earlier node of the same family (never a later one: no cycles).
        List<Node> options = new ArrayList<>();
        for (int k = 0; k < before; k++) {
            Node n = rebuilt[k];
            if (n != current && (n instanceof Node.Call || n instanceof Node.Input) && fits(familyOf(nodes.get(k)), family)) {
                options.add(n);
            }
        }
        return options.isEmpty() ? null : options.get(random.nextInt(options.size()));
    }

    private static String pickOther(List<String> names, String current, Random random) {
        if (names.size() < 2) {
            return null;
        }
        String pick = names.get(random.nextInt(names.size() - 1));
        return pick.equals(current) ? names.get(names.size() - 1) : pick;
    }

    private static boolean fits(Family have, Family want) {
        return want.accepts(have);
    }

    /** The declared type family of a node's value. */
    static Family familyOf(Node n) {
        if (n instanceof Node.Input) {
            return Family.GRID;
        }
        if (n instanceof Node.Constant c) {
            return c.value() instanceof Pair ? Family.PAIR : BOOLEANS.contains(c.name()) ? Family.BOOLEAN : Family.INTEGER;
        }
        if (n instanceof Node.PrimitiveValue) {
            return Family.CALLABLE;
        }
        Node callee = ((Node.Call) n).callee();
        return callee instanceof Node.PrimitiveValue pv ? Signature.of(pv.name()).returnFamily() : Family.ANY;
    }
}
