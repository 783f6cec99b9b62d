package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridFillTest {

    /** The task: the input mirrored, with 2 where the input had its 5s. */
    private static Grid solve(Grid in) {
        return (Grid) Dsl.call("fill", Dsl.call("vmirror", in), 2, Dsl.call("ofcolor", in, 5));
    }

    private static final Grid[] INPUTS = {
        Grid.of(new int[][] {{5, 0, 1}, {0, 0, 0}, {0, 0, 0}}),
        Grid.of(new int[][] {{0, 0, 0}, {3, 0, 5}, {0, 0, 0}}),
        Grid.of(new int[][] {{0, 5, 0}, {1, 0, 0}, {0, 0, 0}}), // the test input
    };
    private static final Grid[] TARGETS = {solve(INPUTS[0]), solve(INPUTS[1])};

    private static Object[] vector(String prim, Object... args) {
        Object[] v = new Object[INPUTS.length];
        for (int e = 0; e < v.length; e++) {
            Object[] a = new Object[args.length + 1];
            a[0] = INPUTS[e];
            System.arraycopy(args, 0, a, 1, args.length);
            v[e] = Dsl.call(prim, a);
        }
        return v;
    }

    @Test
    void aStoredGridRightButForCellsOfOneColourIsFilledWithTheStoredPatchOfExactlyThoseCells() {
        Expr mirrored = Expr.call("vmirror", Expr.INPUT);
        Expr turned = Expr.call("rot90", Expr.INPUT);
        Expr fives = Expr.call("ofcolor", Expr.INPUT, Expr.number(5));
        Expr background = Expr.call("ofcolor", Expr.INPUT, Expr.number(0));
        GridFill.Filled f = new GridFill(INPUTS, TARGETS).find(List.of(turned, mirrored),
                List.of(vector("rot90"), vector("vmirror")), List.of(background, fives),
                List.of(vector("ofcolor", 0), vector("ofcolor", 5)));
        assertEquals("fill(vmirror(I), TWO, ofcolor(I, FIVE))", f.expr().toString());
        assertEquals(solve(INPUTS[2]), f.answers()[0]);
    }

    @Test
    void noFillWhenThePatchTakesACellOfAnotherColourOrMissesOne() {
        Expr mirrored = Expr.call("vmirror", Expr.INPUT);
        Expr background = Expr.call("ofcolor", Expr.INPUT, Expr.number(0));
        Expr ones = Expr.call("ofcolor", Expr.INPUT, Expr.number(1));
        List<Object[]> mirroredVals = java.util.Collections.singletonList(vector("vmirror"));
        List<Object[]> patchVals = List.of(vector("ofcolor", 0), vector("ofcolor", 1));
        assertNull(new GridFill(INPUTS, TARGETS).find(List.of(mirrored), mirroredVals, List.of(background, ones), patchVals));
        Object[] inputs = INPUTS.clone();
        List<Object[]> inputVals = java.util.Collections.singletonList(inputs);
        List<Object[]> fivesVals = java.util.Collections.singletonList(vector("ofcolor", 5));
        assertNull(new GridFill(INPUTS, TARGETS).find(List.of(Expr.INPUT), inputVals,
                List.of(Expr.call("ofcolor", Expr.INPUT, Expr.number(5))), fivesVals),
                "the input itself is the finishers' base, not this join's");
    }
}
