package dev.arclab.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramParserTest {

    private static ParseResult parse(String text) {
        return new ProgramParser().parse("solvers.py", text);
    }

    /** The single error of parsing {@code text}, as {@code file:line:col: message}. */
    private static String onlyError(String text) {
        ParseResult r = parse(text);
        assertEquals(1, r.errors().size(), () -> "errors: " + r.errors());
        return r.errors().get(0).toString();
    }

    @Test
    void parsesAStraightLineSolver() {
        ParseResult r = parse("""
                from dsl import *
                from constants import *

                # a solver that builds a function and calls it
                def solve_00d62c1b(I):
                    x1 = rbind(power, TWO)   # f -> power(f, 2)
                    x2 = x1(x1)
                    x3 = power(x2, -1)
                    O = power(I, 1)
                    return O
                """);
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.programs().size());
        Program p = r.programs().get(0);
        assertEquals("00d62c1b", p.taskId());
        assertEquals("solvers.py", p.source().file());
        assertEquals(5, p.source().line());
        // dead lines x2, x3 are not part of the program
        assertEquals("def solve_00d62c1b(I):\n    O = power(I, 1)\n    return O\n", p.canonicalText());
        assertEquals(9, p.sourceLine(p.size() - 1));
    }

    @Test
    void argumentsCanBeInputVariablesConstantsPrimitivesLiteralsAndBooleans() {
        Program p = new ProgramParser().parseProgram("""
                def solve_a(I):
                    x1 = rbind(compose, UP)
                    O = fork(x1, True, -7)
                    return O
                """);
        Node.Call root = p.root();
        Node.Call x1 = assertInstanceOf(Node.Call.class, root.args().get(0));
        assertEquals("rbind", ((Node.PrimitiveValue) x1.callee()).name());
        assertSame(Dsl.primitive("compose"), ((Node.PrimitiveValue) x1.args().get(0)).primitive());
        Node.Constant up = assertInstanceOf(Node.Constant.class, x1.args().get(1));
        assertEquals(new Pair(-1, 0), up.value());
        Node.Constant t = assertInstanceOf(Node.Constant.class, root.args().get(1));
        assertEquals("True", t.name());
        assertEquals(1, t.value());
        Node.Constant lit = assertInstanceOf(Node.Constant.class, root.args().get(2));
        assertEquals("-7", lit.name());
        assertEquals(-7, lit.value());
    }

    @Test
    void calleeMayBeAVariableHoldingABuiltFunction() {
        Program p = new ProgramParser().parseProgram("""
                def solve_t(I):
                    x1 = rbind(power, ONE)
                    O = x1(I)
                    return O
                """);
        Node.Call root = p.root();
        assertInstanceOf(Node.Call.class, root.callee());
        assertEquals("def solve_t(I):\n    x1 = rbind(power, ONE)\n    O = x1(I)\n    return O\n", p.canonicalText());
    }

    @Test
    void syntaxErrorNamesFileLineColumnAndWhatWasExpected() {
        assertEquals("solvers.py:3:22: expected ')' or ',' after argument, found 'x1'", onlyError("""
                def solve_a(I):
                    x1 = power(I, ONE)
                    O = power(I, ONE x1)
                    return O
                """));
        assertEquals("solvers.py:2:14: expected '(' after 'power', found end of line",
                onlyError("def solve_a(I):\n    O = power\n    return O\n"));
        assertEquals("solvers.py:2:7: expected '=' after 'O', found ':'", onlyError("def solve_a(I):\n    O : power(I, 1)\n    return O\n"));
        assertEquals("solvers.py:2:18: expected an argument (a name or an integer), found '('",
                onlyError("def solve_a(I):\n    O = power(I, (1, 2))\n    return O\n"));
        assertEquals("solvers.py:2:23: expected end of line after ')', found '+'",
                onlyError("def solve_a(I):\n    O = power(I, ONE) + 1\n    return O\n"));
        assertEquals("solvers.py:2:18: expected an argument (a name or an integer), found '\"'",
                onlyError("def solve_a(I):\n    O = power(I, \"x\")\n    return O\n"));
    }

    @Test
    void headerErrors() {
        assertEquals("solvers.py:1:5: expected a function named solve_<taskid>, found 'helper'",
                onlyError("def helper(I):\n    O = power(I, ONE)\n    return O\n"));
        assertEquals("solvers.py:1:14: expected the single parameter 'I', found 'grid'",
                onlyError("def solve_ab(grid):\n    O = power(grid, ONE)\n    return O\n"));
        assertEquals("solvers.py:1:16: expected ':' after ')', found end of line",
                onlyError("def solve_ab(I)\n    O = power(I, ONE)\n    return O\n"));
        assertEquals("solvers.py:1:1: expected an indented body after the 'def' line",
                onlyError("def solve_ab(I):\n\ndef solve_cd(I):\n    O = power(I, ONE)\n    return O\n"));
    }

    @Test
    void unknownName() {
        assertEquals("solvers.py:2:18: unknown name 'FOO'", onlyError("def solve_a(I):\n    O = power(I, FOO)\n    return O\n"));
        assertEquals("solvers.py:2:9: unknown name 'frobnicate'", onlyError("def solve_a(I):\n    O = frobnicate(I)\n    return O\n"));
        // a huge name is cut in the message, its length said
        String huge = "z".repeat(1_000_000);
        assertEquals("solvers.py:2:9: unknown name '" + "z".repeat(60) + "... (1000000 characters)'",
                onlyError("def solve_a(I):\n    O = " + huge + "(I)\n    return O\n"));
    }

    @Test
    void useBeforeDefinition() {
        assertEquals("solvers.py:2:19: 'x2' is used before it is defined (on line 3)", onlyError("""
                def solve_a(I):
                    x1 = power(I, x2)
                    x2 = power(I, ONE)
                    O = power(x1, ONE)
                    return O
                """));
    }

    @Test
    void wrongArityOfADirectPrimitiveCall() {
        assertEquals("solvers.py:2:10: 'rbind' takes 2 arguments but 3 were given",
                onlyError("def solve_a(I):\n    x1 = rbind(power, ONE, TWO)\n    O = x1(I)\n    return O\n"));
        assertEquals("solvers.py:2:9: 'chain' takes 3 arguments but 1 was given",
                onlyError("def solve_a(I):\n    O = chain(I)\n    return O\n"));
    }

    @Test
    void missingOrMisplacedReturn() {
        assertEquals("solvers.py:1:1: solve_a does not end with 'return O'",
                onlyError("def solve_a(I):\n    O = power(I, ONE)\n"));
        assertEquals("solvers.py:3:12: expected 'return O', found 'x1' after 'return'",
                onlyError("def solve_a(I):\n    x1 = power(I, ONE)\n    return x1\n"));
        assertEquals("solvers.py:3:12: 'O' is returned but never assigned",
                onlyError("def solve_a(I):\n    x1 = power(I, ONE)\n    return O\n"));
        assertEquals("solvers.py:4:5: unexpected statement after 'return O'",
                onlyError("def solve_a(I):\n    O = power(I, ONE)\n    return O\n    x1 = power(I, ONE)\n"));
    }

    @Test
    void misuseOfNames() {
        assertEquals("solvers.py:2:5: cannot assign to the constant 'T'", onlyError("def solve_a(I):\n    T = power(I, ONE)\n    O = power(I, ONE)\n    return O\n"));
        assertEquals("solvers.py:2:5: cannot assign to the primitive 'power'", onlyError("def solve_a(I):\n    power = power(I, ONE)\n    O = power(I, ONE)\n    return O\n"));
        assertEquals("solvers.py:2:5: cannot assign to the input 'I'", onlyError("def solve_a(I):\n    I = power(I, ONE)\n    O = power(I, ONE)\n    return O\n"));
        assertEquals("solvers.py:2:9: 'I' is the input grid, not a function", onlyError("def solve_a(I):\n    O = I(ONE)\n    return O\n"));
        assertEquals("solvers.py:2:9: 'UP' is a constant, not a function", onlyError("def solve_a(I):\n    O = UP(I)\n    return O\n"));
    }

    @Test
    void topLevelTextOtherThanImportsCommentsAndDefsIsAnError() {
        ParseResult r = parse("""
                import dsl
                print("hello")
                def solve_a(I):
                    O = power(I, ONE)
                    return O
                    x1 = power(I, ONE)
                """);
        assertEquals(List.of("solvers.py:2:1: expected 'def', an import or a comment at top level, found 'print'",
                "solvers.py:6:5: unexpected statement after 'return O'"), r.errors().stream().map(Object::toString).toList());
    }

    @Test
    void oneBadFunctionDoesNotStopTheOthers() {
        ParseResult r = parse("""
                def solve_good1(I):
                    O = power(I, ONE)
                    return O

                def solve_bad(I):
                    x1 = power(I, ONE
                    O = power(x1, ONE)
                    return O

                def solve_good2(I):
                    x1 = rbind(power, ONE)
                    O = x1(I)
                    return O

                def solve_bad2(I):
                    O = nope(I)
                    return O

                def solve_good1(I):
                    O = power(I, TWO)
                    return O
                """);
        assertEquals(List.of("good1", "good2"), r.programs().stream().map(Program::taskId).toList());
        assertEquals(List.of(
                "solvers.py:6:22: expected ')' or ',' after argument, found end of line",
                "solvers.py:16:9: unknown name 'nope'",
                "solvers.py:19:5: solve_good1 is already defined on line 1"), r.errors().stream().map(Object::toString).toList());
        assertEquals(List.of("good1", "good2"), List.copyOf(r.byTaskId().keySet()));
    }

    @Test
    void parseProgramThrowsWithEveryError() {
        ProgramSyntaxException e = assertThrows(ProgramSyntaxException.class,
                () -> new ProgramParser().parseProgram("def solve_a(I):\n    O = x(I)\n    return O\n"));
        assertEquals(1, e.errors().size());
        assertEquals(2, e.errors().get(0).line());
        assertEquals(9, e.errors().get(0).column());
    }

    @Test
    void windowsLineEndingsTabsAndTrailingCommasAreAccepted() {
        ParseResult r = parse("def solve_a(I):\r\n\tx1 = rbind(power, ONE,)\r\n\tO = x1(I)\r\n\treturn O\r\n");
        assertEquals(List.of(), r.errors());
        assertEquals("def solve_a(I):\n    x1 = rbind(power, ONE)\n    O = x1(I)\n    return O\n",
                r.programs().get(0).canonicalText());
    }

    @Test
    void theBundledSolverFileParses() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/dev/arclab/solvers/solvers.py")) {
            assertTrue(in != null, "the bundled solver file is on the class path");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseResult r = new ProgramParser().parse("solvers.py", text);
        assertEquals(List.of(), r.errors());
        int defs = (int) text.lines().filter(l -> l.startsWith("def solve_")).count();
        assertEquals(defs, r.programs().size());
    }
}
