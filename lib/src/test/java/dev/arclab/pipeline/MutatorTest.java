package dev.arclab.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Signature;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.Node;
import dev.arclab.program.NodeTable;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MutatorTest {

    private static final String SOURCE = """
            def solve_x(I):
                x1 = objects(I, T, F, T)
                x2 = argmax(x1, size)
                x3 = subgrid(x2, I)
                x4 = rot90(x3)
                O = upscale(x4, TWO)
                return O
            """;

    @Test
    void theSameSeedGivesTheSameMutants() {
        NodeTable table = new NodeTable();
        Program parent = new ProgramParser(table).parseProgram(SOURCE);
        Mutator m = new Mutator(table, 0.5);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        Random ra = new Random(3);
        Random rb = new Random(3);
        for (int k = 0; k < 20; k++) {
            a.add(m.mutate(parent, ra, 8).program().canonicalText());
            b.add(m.mutate(parent, rb, 8).program().canonicalText());
        }
        assertEquals(a, b);
        assertTrue(a.stream().distinct().count() > 5, "different draws give different mutants");
    }

    @Test
    void mutantsOfATypeCorrectProgramStayTypeCorrect() {
        NodeTable table = new NodeTable();
        ProgramParser parser = new ProgramParser(table);
        Program parent = parser.parseProgram(SOURCE);
        assertTypeCorrect(parent);
        Random random = new Random(11);
        Mutator m = new Mutator(table, 0.5);
        for (int k = 0; k < 200; k++) {
            Mutator.Mutant mutant = m.mutate(parent, random, 8);
            assertNotNull(mutant);
            assertTypeCorrect(mutant.program());
        }
    }

    @Test
    void mutantsRecordTheirParentAndChangeAndParseBack() {
        NodeTable table = new NodeTable();
        ProgramParser parser = new ProgramParser(table);
        Random random = new Random(11);
        Mutator m = new Mutator(table, 0.3);
        int checked = 0;
        for (Program parent : BundledSolvers.parse().programs()) {
            Program own = Program.of(parent.taskId(), table.adopt(parent.root()));
            for (int k = 0; k < 5; k++) {
                Mutator.Mutant mutant = m.mutate(own, random, 8);
                if (mutant == null) {
                    continue;
                }
                checked++;
                assertEquals(own.hash().hex(), mutant.parentHash());
                assertNotEquals(own.hash(), mutant.program().hash());
                assertTrue(mutant.change().contains("->"), mutant.change());
                assertEquals(mutant.program().hash(), parser.parseProgram(mutant.program().canonicalText()).hash());
            }
        }
        assertTrue(checked > 50, "mutants checked: " + checked);
    }

    /**
     * Every argument of a primitive call is of a family its declared parameter type accepts, or of an
     * unknown type (a value declared Any, such as argmax's result).
     */
    private static void assertTypeCorrect(Program p) {
        for (Node n : p.nodes()) {
            if (n instanceof Node.Call c && c.callee() instanceof Node.PrimitiveValue pv) {
                Signature sig = Signature.of(pv.name());
                for (int j = 0; j < c.args().size(); j++) {
                    Signature.Family want = sig.paramFamily(j);
                    Signature.Family have = Mutator.familyOf(c.args().get(j));
                    assertTrue(have == Signature.Family.ANY || want.accepts(have), pv.name() + " arg " + (j + 1) + ": " + want + " given " + have
                            + " in\n" + p.canonicalText());
                }
            }
        }
    }

    @Test
    void aConstantIsReplacedByAConstantOfItsFamilyAndAPrimitiveByOneOfTheSameSignature() {
        NodeTable table = new NodeTable();
        Program parent = new ProgramParser(table).parseProgram("""
                def solve_x(I):
                    x1 = rbind(upscale, THREE)
                    x2 = shift(I, DOWN)
                    O = x1(I)
                    return O
                """);
        Mutator m = new Mutator(table, 1.0);
        Random random = new Random(5);
        for (int k = 0; k < 30; k++) {
            Mutator.Mutant mutant = m.mutate(parent, random, 8);
            assertNotNull(mutant);
            Node.Call root = mutant.program().root();
            Node.Call rbind = (Node.Call) root.callee();
            Node fn = rbind.args().get(0);
            Node fixed = rbind.args().get(1);
            if (fn instanceof Node.PrimitiveValue pv) {
                assertTrue(Signature.of("upscale").sameShape(Signature.of(pv.name())), pv.name());
            }
            if (fixed instanceof Node.Constant c) {
                assertTrue(c.value() instanceof Integer, "an Integer stays an Integer: " + c.name());
            }
        }
    }

    @Test
    void probabilityZeroMakesNoMutant() {
        NodeTable table = new NodeTable();
        Program parent = new ProgramParser(table).parseProgram(SOURCE);
        assertNull(new Mutator(table, 0).mutate(parent, new Random(1), 8));
    }
}
