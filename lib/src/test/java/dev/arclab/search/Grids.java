package dev.arclab.search;

import dev.arclab.dsl.Grid;

/** Test grids with varied cells, the same for a seed. */
final class Grids {
    private Grids() {
    }

    static Grid varied(int rows, int cols, int seed) {
        int[][] g = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                g[i][j] = Math.floorMod(seed * 7 + i * 5 + j * 3 + i * j * seed, 10);
            }
        }
        return Grid.of(g);
    }
}
