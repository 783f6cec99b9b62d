package dev.arclab.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.FSet;
import dev.arclab.dsl.Grid;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiffersTest {

    private static Grid grid(int[][] rows) {
        return Grid.of(rows);
    }

    @Test
    void identicalGridsScoreOneOnEveryMeasure() {
        Grid g = grid(new int[][] {{0, 1, 1}, {0, 2, 0}});
        Differs.Measures m = Differs.measure(g, g);
        assertEquals(new Differs.Measures(1, 1, 1, 1), m);
        assertEquals(1.0, m.combined());
    }

    @Test
    void eachMeasureFromItsDefinition() {
        Grid expected = grid(new int[][] {{0, 1, 1}, {0, 2, 0}});
        // same shape, 4 of 6 cells equal, colours {0,1,3} vs {0,1,2}, objects: 2 (1-block, 3) vs 2 (1-block, 2)
        Grid produced = grid(new int[][] {{0, 1, 3}, {0, 0, 0}});
        Differs.Measures m = Differs.measure(produced, expected);
        assertEquals(4.0 / 6, m.cells(), 1e-12);
        assertEquals(1.0, m.shape());
        assertEquals(2.0 / 4, m.palette(), 1e-12);
        assertEquals(1.0, m.objects());
        // another shape: no cell credit, shape credit from the row and column ratios
        Differs.Measures n = Differs.measure(grid(new int[][] {{0, 1, 1}}), expected);
        assertEquals(0.0, n.cells());
        assertEquals((0.5 + 1.0) / 2, n.shape(), 1e-12);
        assertEquals(Differs.Measures.ZERO, Differs.measure(null, expected));
    }

    @Test
    void theObjectCountIsTheSizeOfTheDslsObjects() {
        Random r = new Random(9);
        for (int k = 0; k < 300; k++) {
            int rows = 1 + r.nextInt(12);
            int cols = 1 + r.nextInt(12);
            int colours = 1 + r.nextInt(4);
            int[][] cells = new int[rows][cols];
            for (int[] row : cells) {
                for (int j = 0; j < cols; j++) {
                    row[j] = r.nextInt(colours) * (r.nextInt(3) == 0 ? 3 : 1);
                }
            }
            Grid g = Grid.of(cells);
            int dsl = ((FSet) Dsl.call("objects", g, 1, 0, 1)).size();
            assertEquals(dsl, Differs.objectCount(g), java.util.Arrays.deepToString(cells));
        }
    }
}
