package dev.arclab.task;

import dev.arclab.dsl.Grid;
import java.util.List;

/**
 * What every demo pair of a task has in common that a test answer is expected to share: an output the shape of its
 * input (when every demo's is; or of its transpose, when every demo input is square), one fixed output shape (when every demo output has it and the demo inputs' shapes
 * vary), no colour the input lacks beyond those some demo output added, and an output that differs from its input
 * (when every demo's does).
 *
 * <p>A program can match every demo and still break one of these on a test input: a stack of fills fitted to the
 * demos that leaves the test input as it was, a colour chain that brings in a colour no demo ever added, a constant
 * size where the demos' outputs followed their inputs. The search keeps such a solution but ranks it after the ones
 * that keep the rules and goes on looking for one ({@code dev.arclab.search.Enumerator}); predict gives answers that
 * keep them first. Only demo pairs and test inputs are read.
 */
public final class Consistency {
    private final boolean sameShape;
    /** Every demo input is square: "the input's shape" cannot tell a transposed answer from one that is not. */
    private final boolean squareInputs;
    private final int fixedRows;
    private final int fixedCols;
    private final int addedColours;
    private final boolean alwaysChanges;

    /** The rules of {@code task}'s demo pairs. */
    public static Consistency of(Task task) {
        return new Consistency(task.demo().stream().map(Example::input).toList(), task.demo().stream().map(Example::output).toList());
    }

    /** The rules of the demo pairs ({@code demoInputs.get(k)}, {@code demoOutputs.get(k)}); at least one pair. */
    public Consistency(List<Grid> demoInputs, List<Grid> demoOutputs) {
        boolean same = true;
        boolean inputsVary = false;
        boolean square = true;
        boolean fixed = true;
        boolean changes = true;
        int added = 0;
        Grid first = demoOutputs.get(0);
        for (int k = 0; k < demoOutputs.size(); k++) {
            Grid in = demoInputs.get(k);
            Grid out = demoOutputs.get(k);
            same &= in.rows() == out.rows() && in.cols() == out.cols();
            inputsVary |= in.rows() != demoInputs.get(0).rows() || in.cols() != demoInputs.get(0).cols();
            square &= in.rows() == in.cols();
            fixed &= out.rows() == first.rows() && out.cols() == first.cols();
            changes &= !in.equals(out);
            added |= colours(out) & ~colours(in);
        }
        this.sameShape = same;
        this.squareInputs = square;
        // one output shape is a rule only where the inputs' shapes vary: with one input shape it says nothing of another
        this.fixedRows = fixed && inputsVary ? first.rows() : -1;
        this.fixedCols = fixed && inputsVary ? first.cols() : -1;
        this.addedColours = added;
        this.alwaysChanges = changes;
    }

    /** Whether {@code answer} to test input {@code input} keeps every rule the demo pairs keep. */
    public boolean admits(Grid input, Grid answer) {
        if (sameShape && (answer.rows() != input.rows() || answer.cols() != input.cols())
                && !(squareInputs && answer.rows() == input.cols() && answer.cols() == input.rows())) {
            return false;
        }
        if (fixedRows >= 0 && (answer.rows() != fixedRows || answer.cols() != fixedCols)) {
            return false;
        }
        if (alwaysChanges && answer.equals(input)) {
            return false;
        }
        return (colours(answer) & ~(colours(input) | addedColours)) == 0;
    }

    /** The colours of {@code g} as bits 0..9 (other values as bit 31). */
    static int colours(Grid g) {
        int mask = 0;
        for (int c : g.cells()) {
            mask |= c >= 0 && c <= 9 ? 1 << c : 1 << 31;
        }
        return mask;
    }
}
