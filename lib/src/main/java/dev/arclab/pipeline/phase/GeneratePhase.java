package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import dev.arclab.pipeline.Batch;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.Progress;
import dev.arclab.pipeline.strategy.Proposal;
import dev.arclab.pipeline.strategy.Strategies;
import dev.arclab.pipeline.strategy.Strategy;
import dev.arclab.pipeline.strategy.StrategyContext;
import dev.arclab.pipeline.strategy.StrategyShare;
import dev.arclab.profile.PhaseTimer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Starts an iteration: runs every configured generation strategy ({@code PipelineConfig.strategies()},
 * default {@code mutate}) in order, each with its own seeded {@link Random} and time share, and merges
 * their proposals into one hash-consed batch DAG (a program proposed twice is kept once, first
 * proposal first). Counts per strategy: {@code strategy.NAME.proposed} and {@code strategy.NAME.cpuNanos}.
 */
public final class GeneratePhase implements Phase<Phase.Start, Generated> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public PhaseName name() {
        return PhaseName.GENERATE;
    }

    @Override
    public Generated run(Phase.Start input, PhaseContext ctx) {
        int iteration = ctx.nextIteration();
        PhaseTimer timer = ctx.timer(name(), 1);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Long> extra = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Batch.Member> members = new ArrayList<>();
        for (StrategyShare share : ctx.config().strategies()) {
            if (ctx.isCancelled()) {
                break;
            }
            Strategy strategy = Strategies.create(share.name());
            StrategyContext sctx = context(ctx, share, iteration, timer);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            // a strategy that times its own work items on the pool is not also timed as one item of this thread
            List<Proposal> proposals = strategy.timesItsOwnWork() ? strategy.propose(sctx)
                    : timer.item("strategy " + share.name(), () -> strategy.propose(sctx));
            long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
            Map<String, Long> own = strategy.counts();
            long[] c = counts.computeIfAbsent(share.name(), n -> new long[2]);
            c[0] += proposals.size();
            c[1] += own.getOrDefault("cpuNanos", cpu);
            own.forEach((counter, value) -> {
                if (!counter.equals("cpuNanos")) {
                    extra.merge("strategy." + share.name() + "." + counter, value, Long::sum);
                }
            });
            for (Proposal p : proposals) {
                if (seen.add(p.program().hash().hex())) {
                    members.add(new Batch.Member(p.program(), p.task(), p.origin()));
                }
            }
        }
        Batch batch = timer.item("batch", () -> new Batch(members));
        Set<String> picked = new TreeSet<>();
        for (Batch.Member m : batch.members()) {
            picked.add(m.task());
        }
        timer.count("programs", batch.size());
        timer.count("mutants", batch.mutants());
        timer.count("nodes before sharing", batch.nodesBefore());
        timer.count("nodes after sharing", batch.nodesAfter());
        counts.forEach((name, c) -> {
            timer.count("strategy." + name + ".proposed", c[0]);
            timer.count("strategy." + name + ".cpuNanos", c[1]);
        });
        extra.forEach(timer::count);
        return new Generated(batch, List.copyOf(picked), ctx.record(timer, false));
    }

    private static StrategyContext context(PhaseContext ctx, StrategyShare share, int iteration, PhaseTimer timer) {
        double budget = ctx.config().generateSeconds() * share.share();
        OptionalLong deadline = budget > 0 ? OptionalLong.of(System.nanoTime() + (long) (budget * 1e9)) : OptionalLong.empty();
        long cap = ctx.generateDeadline();
        if (cap != Long.MAX_VALUE && (deadline.isEmpty() || cap - deadline.getAsLong() < 0)) {
            deadline = OptionalLong.of(cap);
        }
        String phase = PhaseName.GENERATE.id() + " " + share.name();
        return new StrategyContext(ctx.demoTasks(), ctx.library(), ctx.nearMisses(), ctx.config(), iteration,
                new Random(StrategyContext.seed(ctx.config().seed(), iteration, share.name())), ctx.pool(), ctx::isCancelled,
                (done, total) -> ctx.progress().accept(new Progress(phase, done, total)), share.share(), deadline, ctx.table(),
                timer, ctx.distributor());
    }
}
