package dev.arclab.pipeline.strategy;

import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.Mutator;
import dev.arclab.pipeline.Origin;
import dev.arclab.pipeline.PhaseResults.NearMiss;
import dev.arclab.program.Program;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Today's generation: picks {@code tasksPerBatch} tasks of the library (weighted by their best demo
 * score), proposes each one's best program, then {@code mutantsPerProgram} type-correct mutants per task
 * of parents chosen among the task's library programs and its near misses (weighted by score). Reports
 * progress in mutants made of {@code tasks × mutantsPerProgram} and stops at once when cancelled (what it made
 * so far is proposed).
 */
public final class MutateStrategy implements Strategy {
    /** Mutants between two progress reports. */
    static final int PROGRESS_EVERY = 256;

    @Override
    public String name() {
        return "mutate";
    }

    @Override
    public List<Proposal> propose(StrategyContext ctx) {
        Random random = ctx.random();
        List<String> picked = new ArrayList<>();
        List<String> candidates = new ArrayList<>(ctx.library().tasks());
        while (picked.size() < ctx.config().tasksPerBatch() && !candidates.isEmpty()) {
            double total = 0;
            for (String t : candidates) {
                total += weight(ctx, t);
            }
            double r = random.nextDouble() * total;
            int at = 0;
            for (; at < candidates.size() - 1; at++) {
                r -= weight(ctx, candidates.get(at));
                if (r < 0) {
                    break;
                }
            }
            picked.add(candidates.remove(at));
        }
        picked.sort(Comparator.naturalOrder());
        List<Proposal> out = new ArrayList<>();
        for (String t : picked) {
            LibraryEntry best = ctx.library().best(t).orElseThrow();
            out.add(new Proposal(best.program(), t, best.origin()));
        }
        Mutator mutator = new Mutator(ctx.table(), ctx.config().mutation());
        int perTask = ctx.config().mutantsPerProgram();
        int total = (int) Math.min(Integer.MAX_VALUE, (long) picked.size() * perTask);
        int done = 0;
        ctx.progress().report(0, total);
        generating:
        for (String t : picked) {
            for (int m = 0; m < perTask; m++) {
                // checked per mutant: a large --mutants must stop at once when the phase is cancelled
                if (ctx.isCancelled()) {
                    break generating;
                }
                Program parent = pickParent(ctx, t, random);
                Mutator.Mutant mutant = mutator.mutate(parent, random, 8);
                if (mutant != null) {
                    out.add(new Proposal(mutant.program(), t, Origin.mutant(mutant.parentHash(), mutant.change())));
                }
                if (++done % PROGRESS_EVERY == 0) {
                    ctx.progress().report(done, total);
                }
            }
        }
        ctx.progress().report(done, total);
        return out;
    }

    private static double weight(StrategyContext ctx, String task) {
        LibraryEntry best = ctx.library().best(task).orElseThrow();
        return 0.1 + (best.scoreKnown() ? best.score() : 0.5);
    }

    private static Program pickParent(StrategyContext ctx, String task, Random random) {
        List<Program> parents = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (LibraryEntry e : ctx.library().entries(task)) {
            parents.add(e.program());
            weights.add(0.1 + (e.scoreKnown() ? e.score() : 0.5));
        }
        for (NearMiss n : ctx.nearMisses().getOrDefault(task, List.of())) {
            parents.add(n.program().program());
            weights.add(0.05 + n.measures().combined() / 2);
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double r = random.nextDouble() * total;
        for (int k = 0; k < parents.size() - 1; k++) {
            r -= weights.get(k);
            if (r < 0) {
                return parents.get(k);
            }
        }
        return parents.get(parents.size() - 1);
    }
}
