package dev.arclab.search;

import dev.arclab.dsl.Grid;
import java.util.List;
import java.util.concurrent.Callable;

/** What the search tests share: grids with varied cells, a runner that runs a round's jobs one after the other. */
final class SearchFixtures {
    private SearchFixtures() {
    }

    /** Runs the jobs in order on the calling thread. */
    static final Search.Runner IN_LINE = new Search.Runner() {
        @Override
        public <R> List<R> runAll(List<Callable<R>> jobs) {
            return jobs.stream().map(j -> {
                try {
                    return j.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    };

    /** A grid whose cells vary with their place and the seed, the same for a seed. */
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
