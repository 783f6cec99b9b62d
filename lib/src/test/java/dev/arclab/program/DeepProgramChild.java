package dev.arclab.program;

import dev.arclab.dsl.Grid;

/**
 * Runs a chain of {@code N} {@code compose} calls on a small grid and prints its outcome: the child JVM
 * of {@link CallDepthTest}, started with different thread stack sizes.
 */
public final class DeepProgramChild {

    private DeepProgramChild() {
    }

    /** A program composing {@code identity} {@code n} times, then calling the result on I. */
    static String composeChain(int n) {
        StringBuilder sb = new StringBuilder("def solve_deep(I):\n    x1 = compose(identity, identity)\n");
        for (int k = 2; k <= n; k++) {
            sb.append("    x").append(k).append(" = compose(x").append(k - 1).append(", identity)\n");
        }
        return sb.append("    O = x").append(n).append("(I)\n    return O\n").toString();
    }

    /** Args: chain lengths; prints one line per length: {@code n status variable message}. */
    public static void main(String[] args) {
        Grid grid = Grid.of(new int[][] {{1, 2}, {3, 4}});
        for (String a : args) {
            int n = Integer.parseInt(a);
            Outcome o = new Interpreter().run(new ProgramParser().parseProgram(composeChain(n)), grid);
            String detail = o instanceof Outcome.Error e ? e.variable() + " " + e.message() : "";
            System.out.println(n + " " + o.status() + " " + detail);
        }
    }
}
