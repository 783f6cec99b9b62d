package dev.arclab.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    private static final String ORIGINAL = """
            def solve_t(I):
                x1 = rbind(power, TWO)
                x2 = lbind(compose, x1)
                x3 = power(I, ONE)
                x4 = x2(x1)
                x5 = fork(x4, x1, x2)
                O = chain(x5, x3, x4)
                return O
            """;

    /** The same program: variables renamed, independent lines reordered, a dead line added. */
    private static final String RENAMED_AND_REORDERED = """
            def solve_t(I):
                grid = power(I, ONE)
                dead = compose(grid, grid)
                sq = rbind(power, TWO)
                composer = lbind(compose, sq)
                c = composer(sq)
                f = fork(c, sq, composer)
                O = chain(f, grid, c)
                return O
            """;

    private static final String CANONICAL = """
            def solve_t(I):
                x1 = rbind(power, TWO)
                x2 = lbind(compose, x1)
                x3 = x2(x1)
                x4 = fork(x3, x1, x2)
                x5 = power(I, ONE)
                O = chain(x4, x5, x3)
                return O
            """;

    @Test
    void canonicalTextNumbersCallsInPostOrderFromTheRoot() {
        Program p = new ProgramParser().parseProgram(ORIGINAL);
        assertEquals(CANONICAL, p.canonicalText());
        assertEquals(6, p.callCount());
        assertEquals("O", p.nameOf(p.size() - 1));
    }

    @Test
    void renamingAndReorderingChangeNeitherTextNorHash() {
        Program a = new ProgramParser().parseProgram(ORIGINAL);
        Program b = new ProgramParser().parseProgram(RENAMED_AND_REORDERED);
        assertEquals(a.canonicalText(), b.canonicalText());
        assertEquals(a.hash(), b.hash());
        assertEquals(a, b);
    }

    @Test
    void aDifferentProgramHasADifferentHash() {
        Program a = new ProgramParser().parseProgram(ORIGINAL);
        Program swapped = new ProgramParser().parseProgram(ORIGINAL.replace("O = chain(x5, x3, x4)", "O = chain(x5, x4, x3)"));
        Program otherConstant = new ProgramParser().parseProgram(ORIGINAL.replace("power, TWO", "power, THREE"));
        Program sameValueOtherName = new ProgramParser().parseProgram(ORIGINAL.replace("power(I, ONE)", "power(I, T)"));
        assertNotEquals(a.hash(), swapped.hash());
        assertNotEquals(a.hash(), otherConstant.hash());
        assertNotEquals(a.hash(), sameValueOtherName.hash());
    }

    @Test
    void printingAndParsingBackGivesTheSameHash() {
        ProgramParser parser = new ProgramParser();
        for (String text : List.of(ORIGINAL, RENAMED_AND_REORDERED,
                "def solve_u(I):\n    x1 = rbind(power, -3)\n    O = x1(True)\n    return O\n")) {
            Program p = parser.parseProgram(text);
            Program back = new ProgramParser().parseProgram(p.canonicalText());
            assertEquals(p.hash(), back.hash());
            assertEquals(p.canonicalText(), back.canonicalText());
            assertEquals(p.taskId(), back.taskId());
        }
    }

    @Test
    void programsFromOneTableShareTheirCommonNodes() {
        ProgramParser parser = new ProgramParser();
        Program a = parser.parseProgram("""
                def solve_a(I):
                    x1 = rbind(power, TWO)
                    x2 = lbind(compose, x1)
                    O = x2(I)
                    return O
                """);
        Program b = parser.parseProgram("""
                def solve_b(I):
                    f = rbind(power, TWO)
                    g = lbind(compose, f)
                    O = matcher(g, ONE)
                    return O
                """);
        Node.Call ax2 = (Node.Call) a.root().callee();
        Node.Call bx2 = (Node.Call) b.root().args().get(0);
        assertSame(ax2, bx2, "the shared prefix is one node");
        assertSame(ax2.args().get(0), bx2.args().get(0));
        // a separate table makes separate but equal nodes; adopting merges them
        Program c = new ProgramParser().parseProgram(a.canonicalText());
        assertNotSame(a.root(), c.root());
        assertEquals(a.root(), c.root());
        assertSame(a.root(), parser.table().adopt(c.root()));
    }

    @Test
    void hashingIsStructuralAndIndependentOfTheTable() {
        NodeTable t1 = new NodeTable();
        NodeTable t2 = new NodeTable();
        Node x1 = t1.call(t1.primitive("rbind"), t1.primitive("power"), t1.constant("TWO"));
        Node y1 = t2.call(t2.primitive("rbind"), t2.primitive("power"), t2.constant("TWO"));
        assertEquals(x1.hash(), y1.hash());
        assertSame(x1, t1.call(t1.primitive("rbind"), t1.primitive("power"), t1.constant("TWO")));
        assertEquals(32, x1.hash().hex().length());
        assertEquals(x1.hash(), NodeHash.ofHex(x1.hash().hex()));
        assertNotEquals(t1.literal(2).hash(), t1.constant("TWO").hash());
        assertThrows(IllegalArgumentException.class, () -> t1.call(y1, t1.input()), "nodes of another table are refused");
        assertThrows(IllegalArgumentException.class, () -> t1.call(t1.constant("T"), t1.input()));
    }

    @Test
    void programBuiltInCodePrintsAndParses() {
        NodeTable t = new NodeTable();
        Node f = t.call(t.primitive("rbind"), t.primitive("power"), t.literal(1));
        Node root = t.call(f, t.input());
        Program p = Program.of("code", root);
        assertEquals("def solve_code(I):\n    x1 = rbind(power, 1)\n    O = x1(I)\n    return O\n", p.canonicalText());
        assertEquals(p.hash(), new ProgramParser(t).parseProgram(p.canonicalText()).hash());
        assertTrue(p.toString().startsWith("solve_code " + p.hash().hex()));
        assertThrows(IllegalArgumentException.class, () -> Program.of("x", t.input()));
    }

    @Test
    void longChainsNeedNoDeepRecursion() {
        NodeTable t = new NodeTable();
        Node x = t.input();
        for (int k = 0; k < 20_000; k++) {
            x = t.call(t.primitive("power"), x, t.constant("ONE"));
        }
        Program p = Program.of("long", x);
        assertEquals(20_000, p.callCount());
        Program back = new ProgramParser().parseProgram(p.canonicalText());
        assertEquals(p.hash(), back.hash());
        assertSame(p.root(), t.adopt(back.root()));
        Outcome o = new Interpreter().run(p, dev.arclab.dsl.Grid.of(new int[][] {{5}}));
        assertEquals(20_000, o.fuel());
    }

    @Test
    void aDslConstantNameMustComeWithItsValue() {
        NodeTable t = new NodeTable();
        assertThrows(IllegalArgumentException.class, () -> t.constant("T", 5));
        assertSame(t.constant("T"), t.constant("T", 1));
        assertSame(t.literal(-3), t.constant("-3", -3));
    }
}
