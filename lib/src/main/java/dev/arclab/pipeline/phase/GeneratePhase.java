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
 * default {@code mutate:0.2,splice:0.2,enumerate:0.6}) in order, each with its own seeded {@link Random} and time
 * share, and merges
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
        // strategies that run their work on the pool make generate as parallel as the pool; the others run here
        boolean onPool = ctx.config().strategies().stream().anyMatch(sh -> Strategies.create(sh.name()).timesItsOwnWork());
        PhaseTimer timer = ctx.timer(name(), onPool ? ctx.pool().threads() : 1);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Long> extra = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Batch.Member> members = new ArrayList<>();
        List<StrategyShare> shares = ctx.config().strategies();
        long budgetEnd = ctx.generateDeadline();
        if (ctx.config().generateSeconds() > 0) {
            long own = System.nanoTime() + (long) (ctx.config().generateSeconds() * 1e9);
            budgetEnd = budgetEnd == Long.MAX_VALUE || own - budgetEnd < 0 ? own : budgetEnd;
        }
        for (int k = 0; k < shares.size(); k++) {
            StrategyShare share = shares.get(k);
            if (ctx.isCancelled()) {
                break;
            }
            Strategy strategy = Strategies.create(share.name());
            StrategyContext sctx = context(ctx, share, iteration, timer, deadline(shares, k, budgetEnd, System.nanoTime()));
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

    /**
     * When strategy {@code k} must end: its share of the time left until {@code budgetEnd}, among itself and the
     * strategies after it (time an earlier strategy did not use flows to the later ones); the end itself for a
     * strategy without a share; none without a budget ({@link Long#MAX_VALUE}).
     */
    static OptionalLong deadline(List<StrategyShare> shares, int k, long budgetEnd, long now) {
        if (budgetEnd == Long.MAX_VALUE) {
            return OptionalLong.empty();
        }
        double share = shares.get(k).share();
        if (share == 0) {
            return OptionalLong.of(budgetEnd);
        }
        double rest = 0;
        for (int j = k; j < shares.size(); j++) {
            rest += shares.get(j).share();
        }
        long left = Math.max(0, budgetEnd - now);
        return OptionalLong.of(now + (long) (left * (share / rest)));
    }

    private static StrategyContext context(PhaseContext ctx, StrategyShare share, int iteration, PhaseTimer timer,
                                           OptionalLong deadline) {
        String phase = PhaseName.GENERATE.id() + " " + share.name();
        return new StrategyContext(ctx.demoTasks(), ctx.library(), ctx.nearMisses(), ctx.config(), iteration,
                new Random(StrategyContext.seed(ctx.config().seed(), iteration, share.name())), ctx.pool(), ctx::isCancelled,
                (done, total) -> ctx.progress().accept(new Progress(phase, done, total)), share.share(), deadline, ctx.table(),
                timer, ctx.distributor());
    }
}
