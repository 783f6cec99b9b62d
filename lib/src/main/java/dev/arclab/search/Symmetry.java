package dev.arclab.search;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;

/**
 * The eight symmetries of a square (the dihedral group), as the arc-dsl calls that perform them on a grid. The
 * search can solve a task in a turned or mirrored frame (inputs and demo outputs both transformed, as the 2020
 * Kaggle winner's augmentation did) and turn the program back: {@code inverse(P(symmetry(I)))}.
 */
public enum Symmetry {
    IDENTITY(null, null),
    ROT90("rot90", "rot270"),
    ROT180("rot180", "rot180"),
    ROT270("rot270", "rot90"),
    HMIRROR("hmirror", "hmirror"),
    VMIRROR("vmirror", "vmirror"),
    DMIRROR("dmirror", "dmirror"),
    CMIRROR("cmirror", "cmirror");

    private final String call;
    private final String inverse;

    Symmetry(String call, String inverse) {
        this.call = call;
        this.inverse = inverse;
    }

    /** The arc-dsl primitive that performs it (null for the identity). */
    public String call() {
        return call;
    }

    /** The grid in this frame. */
    public Grid apply(Grid g) {
        return call == null ? g : (Grid) Dsl.call(call, g);
    }

    /** A grid of this frame back in the task's own frame. */
    public Grid undo(Grid g) {
        return inverse == null ? g : (Grid) Dsl.call(inverse, g);
    }

    /**
     * A program found in this frame as a program of the task's own frame: every use of the input becomes the
     * transformed input, and the result is transformed back.
     */
    public Expr undo(Expr found) {
        if (call == null) {
            return found;
        }
        Expr turned = found.substitute(Expr.INPUT, Expr.call(call, Expr.INPUT));
        return Expr.call(inverse, turned);
    }
}
