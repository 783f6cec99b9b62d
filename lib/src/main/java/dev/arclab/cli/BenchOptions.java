package dev.arclab.cli;

import picocli.CommandLine.Option;

/**
 * How a command that times things repeats them ({@code @Mixin BenchOptions bench;}): {@code --repeat R}
 * measured rounds after {@code --warmup W} unmeasured ones. Each command has its own defaults.
 */
public final class BenchOptions {
    @Option(names = "--repeat", paramLabel = "R", description = "Measured repetitions.")
    Integer repeat;

    @Option(names = "--warmup", paramLabel = "W", description = "Unmeasured repetitions first, while the JIT warms up.")
    Integer warmup;

    /**
     * {@code --repeat}, else {@code otherwise}.
     *
     * @throws IllegalArgumentException when it is below 1
     */
    public int repeat(int otherwise) {
        int r = repeat == null ? otherwise : repeat;
        if (r < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, got " + r);
        }
        return r;
    }

    /** True when {@code --warmup} was given. */
    public boolean warmupGiven() {
        return warmup != null;
    }

    /**
     * {@code --warmup}, else {@code otherwise}.
     *
     * @throws IllegalArgumentException when it is negative
     */
    public int warmup(int otherwise) {
        int w = warmup == null ? otherwise : warmup;
        if (w < 0) {
            throw new IllegalArgumentException("--warmup must be at least 0, got " + w);
        }
        return w;
    }
}
