package dev.arclab.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConsistencyTest {

    private static Grid g(int[][] rows) {
        return Grid.of(rows);
    }

    @Test
    void anAnswerMustKeepTheShapeWhenEveryDemoKeptIt() {
        Consistency c = new Consistency(List.of(g(new int[][] {{1, 0}, {0, 0}}), g(new int[][] {{0, 0, 1}})),
                List.of(g(new int[][] {{2, 0}, {0, 0}}), g(new int[][] {{0, 0, 2}})));
        Grid in = g(new int[][] {{1, 1, 0}, {0, 0, 0}});
        assertTrue(c.admits(in, g(new int[][] {{2, 2, 0}, {0, 0, 0}})));
        assertFalse(c.admits(in, g(new int[][] {{2, 2}, {0, 0}})), "another shape");
        assertFalse(c.admits(in, g(new int[][] {{2, 0}, {2, 0}, {0, 0}})), "transposed, where a demo input was not square");
        Grid square = g(new int[][] {{1, 0}, {0, 0}});
        Consistency squares = new Consistency(List.of(square, square), List.of(square, g(new int[][] {{0, 1}, {0, 0}})));
        assertTrue(squares.admits(in, g(new int[][] {{1, 0}, {1, 0}, {0, 0}})), "square demos cannot tell a transpose");
        assertFalse(squares.admits(in, g(new int[][] {{1, 0}})));
    }

    @Test
    void oneOutputShapeIsARuleOnlyWhereTheInputsShapesVary() {
        Grid three = g(new int[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
        Consistency varying = new Consistency(List.of(g(new int[][] {{1, 0, 0, 0}}), g(new int[][] {{1}, {0}})),
                List.of(three, three));
        Grid in = g(new int[][] {{1, 0}, {0, 0}});
        assertTrue(varying.admits(in, three));
        assertFalse(varying.admits(in, g(new int[][] {{1, 1}, {1, 1}})));
        Grid square = g(new int[][] {{1, 0}, {0, 0}});
        Consistency oneInputShape = new Consistency(List.of(square, square), List.of(three, three));
        assertTrue(oneInputShape.admits(g(new int[][] {{1, 0, 0}}), g(new int[][] {{1, 1}, {1, 1}})),
                "one input shape says nothing of the output for another");
    }

    @Test
    void anAnswerMayAddOnlyColoursSomeDemoAdded() {
        Consistency c = new Consistency(List.of(g(new int[][] {{1, 0}}), g(new int[][] {{3, 0}})),
                List.of(g(new int[][] {{1, 2}}), g(new int[][] {{3, 3}})));
        assertTrue(c.admits(g(new int[][] {{5, 0}}), g(new int[][] {{5, 2}})), "2 was added by a demo; 5 is the input's");
        assertTrue(c.admits(g(new int[][] {{5, 0}}), g(new int[][] {{5, 5}})));
        assertFalse(c.admits(g(new int[][] {{5, 0}}), g(new int[][] {{5, 4}})), "4 is in no input and no demo added it");
    }

    @Test
    void anAnswerMustChangeTheInputWhenEveryDemoChangedIt() {
        Consistency changes = new Consistency(List.of(g(new int[][] {{1, 0}})), List.of(g(new int[][] {{0, 1}})));
        Grid in = g(new int[][] {{2, 0}});
        assertFalse(changes.admits(in, in));
        assertTrue(changes.admits(in, g(new int[][] {{0, 2}})));
        Consistency sometimes = new Consistency(List.of(g(new int[][] {{1, 0}}), g(new int[][] {{1, 1}})),
                List.of(g(new int[][] {{0, 1}}), g(new int[][] {{1, 1}})));
        assertTrue(sometimes.admits(in, in), "a demo left its input as it was");
    }

    /** The rules are what the demos of real tasks share: their own test outputs keep them, all but one. */
    @Test
    void theTrainingTasksTestOutputsKeepTheirDemosRules() {
        Set<String> breaking = new TreeSet<>();
        int outputs = 0;
        for (Task t : TaskLoader.bundled()) {
            Consistency c = Consistency.of(t);
            for (Example ex : t.test()) {
                outputs++;
                if (!c.admits(ex.input(), ex.output())) {
                    breaking.add(t.id());
                }
            }
        }
        assertEquals(416, outputs);
        // c909285e's demo outputs are all 7x7 from inputs of three sizes; its test output is 6x6
        assertEquals(Set.of("c909285e"), breaking);
    }
}
