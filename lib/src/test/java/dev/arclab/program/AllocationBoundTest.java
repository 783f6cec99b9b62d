package dev.arclab.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Fuel;
import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.Batch;
import dev.arclab.pipeline.Origin;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15 item 6: a candidate that asks for a huge result is refused before anything is allocated, by
 * a bound counted like fuel ({@link Fuel#MAX_ALLOCATION} elements per node), so the outcome is the same
 * DSL error on any heap. The budget here is practically unlimited, so without the bound each of these
 * programs would allocate tens of megabytes or more (or run out of heap) and end {@code ok}.
 */
class AllocationBoundTest {

    private static final Grid GRID = Grid.of(new int[][] {{1, 2}, {3, 4}});
    private static final long UNLIMITED = Long.MAX_VALUE / 4;

    /** x2 = 2,000: the side of a 4,000,000-element square (twice the bound). */
    private static final String TWO_THOUSAND = """
                x1 = multiply(TEN, TEN)
                x9 = multiply(x1, TEN)
                x2 = multiply(x9, TWO)
            """;

    private static String program(String name) {
        String body = switch (name) {
            case "upscale" -> "    O = upscale(I, 1000)\n";
            case "hupscale" -> TWO_THOUSAND + "    x3 = multiply(x2, x2)\n    O = hupscale(I, x3)\n";
            case "vupscale" -> TWO_THOUSAND + "    x3 = multiply(x2, x2)\n    O = vupscale(I, x3)\n";
            case "canvas" -> TWO_THOUSAND + "    x3 = astuple(x2, x2)\n    O = canvas(ZERO, x3)\n";
            case "product" -> TWO_THOUSAND + "    x3 = interval(ZERO, x2, ONE)\n    O = product(x3, x3)\n";
            case "interval" -> TWO_THOUSAND + "    x3 = multiply(x2, x2)\n    O = interval(ZERO, x3, ONE)\n";
            case "repeat" -> TWO_THOUSAND + "    x3 = multiply(x2, x2)\n    O = repeat(I, x3)\n";
            // each call doubles the width: 21 doublings inside the one node O
            case "power" -> "    x1 = fork(hconcat, identity, identity)\n    x2 = power(x1, 21)\n    O = x2(I)\n";
            case "hconcat" -> doublings("hconcat");
            case "vconcat" -> doublings("vconcat");
            default -> throw new IllegalArgumentException(name);
        };
        return "def solve_big(I):\n" + body + "    return O\n";
    }

    /** x1 = f(I, I), x2 = f(x1, x1), ...: 2^22 times the input, over the bound after about 20 nodes. */
    private static String doublings(String f) {
        StringBuilder sb = new StringBuilder("    x1 = " + f + "(I, I)\n");
        for (int k = 2; k <= 22; k++) {
            sb.append("    x").append(k).append(" = ").append(f).append("(x").append(k - 1).append(", x").append(k - 1)
                    .append(")\n");
        }
        return sb.append("    O = identity(x22)\n").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"upscale", "hupscale", "vupscale", "hconcat", "vconcat", "canvas", "product", "interval",
            "repeat", "power"})
    void aResultBeyondTheAllocationBoundIsAnErrorWhateverTheBudget(String primitive) {
        Program p = new ProgramParser().parseProgram(program(primitive));
        Outcome o = new Interpreter(UNLIMITED).run(p, GRID);
        Outcome.Error e = assertInstanceOf(Outcome.Error.class, o, () -> primitive + ": " + o);
        assertTrue(e.message().startsWith("MemoryError"), e.message());
        assertTrue(e.message().contains(Long.toString(Fuel.MAX_ALLOCATION)), e.message());
        // charged before allocating: the refused request is in the fuel used, the program did no more
        assertTrue(o.fuel() > Fuel.MAX_ALLOCATION, "fuel " + o.fuel());
        assertTrue(o.fuel() < 40 * Fuel.MAX_ALLOCATION, "fuel " + o.fuel());

        // The same node fails the same way in a batch, where each node has its own budget.
        Batch batch = new Batch(List.of(new Batch.Member(p, "t", Origin.file("test"))));
        Batch.Evaluation ev = batch.evaluate(GRID, null, UNLIMITED);
        assertEquals(Outcome.Status.ERROR, ev.status()[0], primitive);
    }

    @ParameterizedTest
    @ValueSource(strings = {"upscale", "canvas", "product", "interval"})
    void aBudgetSmallerThanTheRequestStaysATimeout(String primitive) {
        Program p = new ProgramParser().parseProgram(program(primitive));
        Outcome o = new Interpreter(1_000_000).run(p, GRID);
        assertInstanceOf(Outcome.Timeout.class, o, () -> primitive + ": " + o);
    }
}
