package dev.arclab.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Fn;
import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Grid;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Programs here use only the builder primitives (compose ... fork), which are always available. */
class InterpreterTest {

    private static final Grid GRID = Grid.of(new int[][] {{1, 2}, {3, 4}});

    /** power(f, 1) is f itself, so power(I, ONE) is the identity. */
    private static final String IDENTITY = "def solve_id(I):\n    O = power(I, ONE)\n    return O\n";

    /** Applies the identity x -> power(x, 1) a hundred million times: far beyond any budget. */
    private static final String BLOW_UP = """
            def solve_blowup(I):
                x1 = rbind(power, ONE)
                x2 = power(x1, 100000000)
                O = x2(I)
                return O
            """;

    private static Program parse(String text) {
        return new ProgramParser().parseProgram(text);
    }

    @Test
    void okOutcomeCarriesTheValueAndTheFuel() {
        Outcome o = new Interpreter().run(parse(IDENTITY), GRID);
        Outcome.Ok ok = assertInstanceOf(Outcome.Ok.class, o);
        assertSame(GRID, ok.value());
        assertEquals(Outcome.Status.OK, o.status());
        assertEquals(1, o.fuel(), "one primitive call");
    }

    @Test
    void aDslErrorNamesTheFailingNode() {
        Program p = parse("""
                def solve_e(I):
                    x1 = rbind(power, TWO)
                    x2 = power(I, ZERO)
                    O = fork(x1, x2, x1)
                    return O
                """);
        Outcome.Error e = assertInstanceOf(Outcome.Error.class, new Interpreter().run(p, GRID));
        assertTrue(e.message().contains("power needs a positive count"), e.message());
        assertEquals("x2", e.variable());
        assertEquals("x2", p.nameOf(e.node()));
        assertEquals(3, p.sourceLine(e.node()));
    }

    @Test
    void callingSomethingThatIsNotAFunctionIsADslError() {
        Outcome.Error e = assertInstanceOf(Outcome.Error.class, new Interpreter().run(parse("""
                def solve_e(I):
                    x1 = power(I, ONE)
                    O = x1(I)
                    return O
                """), GRID));
        assertTrue(e.message().contains("is not callable"), e.message());
        assertEquals("O", e.variable());
    }

    @Test
    void aBugInAPrimitiveIsAnErrorWithItsClassNotACrash() {
        NodeTable t = new NodeTable();
        Fn buggy = new Fn() {
            @Override
            public int arity() {
                return 1;
            }

            @Override
            public String name() {
                return "buggy";
            }

            @Override
            public Object call1(Object a) {
                throw new IllegalStateException("broken invariant");
            }
        };
        Node f = t.call(t.primitive("compose"), t.constant("buggy", buggy), t.constant("buggy", buggy));
        Program p = Program.of("bug", t.call(f, t.input()));
        Outcome.Error e = assertInstanceOf(Outcome.Error.class, new Interpreter().run(p, GRID));
        assertEquals("java.lang.IllegalStateException: broken invariant", e.message());
    }

    @Test
    void deeplyNestedBuiltFunctionsAreARecursionErrorNotAStackOverflow() {
        Program p = parse("""
                def solve_deep(I):
                    x1 = rbind(power, TWO)
                    x2 = power(x1, 1000000)
                    x3 = x2(x1)
                    O = x3(x1)
                    return O
                """);
        Outcome.Error e = assertInstanceOf(Outcome.Error.class, new Interpreter().run(p, GRID));
        // x3 builds power(power(...)) a million deep: refused at the depth bound, whatever the stack size
        assertTrue(e.message().startsWith("RecursionError"), e.message());
        assertEquals("x3", e.variable());
        // the interpreter is still usable afterwards
        assertInstanceOf(Outcome.Ok.class, new Interpreter().run(parse(IDENTITY), GRID));
    }

    @Test
    void runningOutOfFuelIsATimeoutThatLeavesNoThreadRunning() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        long t0 = System.nanoTime();
        Outcome o = new Interpreter(200_000).run(parse(BLOW_UP), GRID);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Outcome.Timeout t = assertInstanceOf(Outcome.Timeout.class, o);
        assertEquals("O", t.variable());
        assertTrue(t.fuel() >= 200_000, "fuel " + t.fuel());
        assertTrue(millis < 5_000, "a small budget times out quickly, took " + millis + " ms");
        Set<Thread> after = new HashSet<>(Thread.getAllStackTraces().keySet());
        after.removeAll(before);
        after.removeIf(th -> !th.isAlive());
        assertEquals(Set.of(), after, "no thread left running");
        // the budget does not leak into later work on this thread
        Fuel.charge(1_000_000_000L);
    }

    @Test
    void theDefaultBudgetStopsABlowUp() {
        assertEquals(20_000_000L, Interpreter.DEFAULT_FUEL);
        Outcome o = new Interpreter().run(parse(BLOW_UP), GRID);
        assertInstanceOf(Outcome.Timeout.class, o);
        assertTrue(o.fuel() >= Interpreter.DEFAULT_FUEL);
    }

    @Test
    void fuelIsDeterministicAcrossRunsAndThreads() throws Exception {
        Program bounded = parse(BLOW_UP.replace("100000000", "5000"));
        Program timeout = parse(BLOW_UP);
        Interpreter in = new Interpreter(300_000);
        Outcome a1 = in.run(bounded, GRID);
        Outcome b1 = in.run(timeout, GRID);
        Outcome a2 = in.run(bounded, GRID);
        Outcome b2 = in.run(timeout, GRID);
        AtomicReference<Outcome> a3 = new AtomicReference<>();
        AtomicReference<Outcome> b3 = new AtomicReference<>();
        Thread other = new Thread(() -> {
            a3.set(in.run(bounded, GRID));
            b3.set(in.run(timeout, GRID));
        });
        other.start();
        other.join();
        assertInstanceOf(Outcome.Ok.class, a1);
        assertInstanceOf(Outcome.Timeout.class, b1);
        assertTrue(a1.fuel() > 10_000, "fuel " + a1.fuel());
        assertEquals(a1.fuel(), a2.fuel());
        assertEquals(a1.fuel(), a3.get().fuel());
        assertEquals(b1, b2);
        assertEquals(b1, b3.get());
    }

    @Test
    void theBudgetMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Interpreter(0));
        assertEquals(123, new Interpreter(123).fuel());
    }

    @Test
    void realPrimitivesComputeValues() {
        Outcome.Ok ok = assertInstanceOf(Outcome.Ok.class, new Interpreter().run(parse("""
                def solve_n(I):
                    x1 = add(ONE, TWO)
                    x2 = rbind(add, x1)
                    O = x2(-10)
                    return O
                """), GRID));
        assertEquals(-7, ok.value());
    }

    @Test
    void aRepeatedCallIsEvaluatedOnce() {
        Program once = parse("def solve_a(I):\n    x1 = add(ONE, TWO)\n    O = add(x1, x1)\n    return O\n");
        Program twice = parse("""
                def solve_a(I):
                    x1 = add(ONE, TWO)
                    x2 = add(ONE, TWO)
                    O = add(x1, x2)
                    return O
                """);
        assertEquals(once.hash(), twice.hash());
        assertEquals(2, twice.callCount());
        Outcome a = new Interpreter().run(once, GRID);
        Outcome b = new Interpreter().run(twice, GRID);
        assertEquals(6, ((Outcome.Ok) b).value());
        assertEquals(a.fuel(), b.fuel());
    }

    @Test
    void powerOfIdentityTimesOutUnderTheDefaultBudget() {
        Outcome o = new Interpreter().run(parse("""
                def solve_p(I):
                    x1 = power(identity, 1000000000)
                    O = x1(I)
                    return O
                """), GRID);
        Outcome.Timeout t = assertInstanceOf(Outcome.Timeout.class, o);
        assertEquals("O", t.variable());
    }
}
