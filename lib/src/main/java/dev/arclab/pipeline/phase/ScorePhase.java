package dev.arclab.pipeline.phase;

import dev.arclab.cache.CacheMap;
import dev.arclab.cache.MapStats;
import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.Batch;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PhaseResults.TaskScores;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.RemoteWork;
import dev.arclab.pipeline.RemoteWork.ScoreBudget;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseName;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.program.Outcome;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs the batch on every demo sample of every task, parallel over task × sample, each result cached per
 * (program, sample). The work goes in rounds: round s runs sample s of every task that has one (on the
 * pool, or on the cluster's members through the {@link PhaseContext#distributor()}: the same items and
 * the same computation, {@link RemoteWork#scoreSample}).
 *
 * <p>Adaptive fuel ({@link PipelineConfig#adaptiveFuel()}): within an item a member whose parent is in the
 * batch runs after it with {@code fuelFactor} times the parent's fuel on that sample (at least
 * {@code fuelFloor}); any other member gets {@code fuelPerCell} times the cells of the task's largest demo
 * grid (at least the floor). A member over its budget is a timeout, so one runaway mutant costs about its
 * parent's time times the factor, not the whole per-node budget. Timeouts are counted per strategy.
 *
 * <p>Early exit ({@code earlyExit}): between rounds, a member that can no longer match as many of a task's
 * samples as it needs to be kept there (the minimum matches, or the worst kept program's matches when the
 * task's library list is full) is not run on that task's remaining samples (their results stay null;
 * counted as {@code samples skipped}). Whether a member is kept does not change, so the library is the
 * same as without early exit; the rounds depend only on the results, so neither the thread count nor the
 * cluster's members change anything. Parents still run where a live mutant needs their fuel, so budgets do
 * not depend on early exit either. (Why rounds rather than one item per task: items stay as small and as
 * many as before, so the pool and the cluster balance them as well; the cost is one barrier per sample
 * index, about 3 to 10 per phase.)
 */
public final class ScorePhase implements Phase<Generated, Scored> {

    /** One work item: demo sample {@code sample} of task {@code task} (indices into the demo tasks). */
    private record Item(int task, int sample) {
    }

    /**
     * One item before it runs: the results the cache already has ({@code known}, by member), and the
     * members still to run with their budgets.
     */
    private record Resolved(SampleResult[] known, BitSet wanted, ScoreBudget budget) {
    }

    @Override
    public PhaseName name() {
        return PhaseName.SCORE;
    }

    @Override
    public Scored run(Generated generated, PhaseContext ctx) {
        Batch batch = generated.batch();
        PipelineConfig config = ctx.config();
        List<Task> list = ctx.demoTasks().tasks();
        int members = batch.size();
        // Results under member budgets are kept apart: a timeout under a small budget is no timeout per node.
        String prefix = ctx.keyBase() + (config.adaptiveFuel() ? "|adaptive|" : "|");
        String[] groups = batch.members().stream().map(m -> prefix + m.hash()).toArray(String[]::new);
        CacheMap<SampleResult> cache = ctx.maps().scores();
        PhaseTimer timer = ctx.timer(name(), config.threads());
        List<MapStats> before = ctx.cache().stats();
        int[] thresholds = new int[list.size()];
        long[] fresh = new long[list.size()];
        SampleResult[][][] results = new SampleResult[list.size()][][];
        int[][] matched = new int[list.size()][members];
        BitSet[] alive = new BitSet[list.size()];
        int rounds = 0;
        long programSamples = 0;
        for (int t = 0; t < list.size(); t++) {
            Task task = list.get(t);
            thresholds[t] = config.earlyExit() ? keepThreshold(ctx, task.id()) : 0;
            fresh[t] = freshBudget(config, task);
            results[t] = new SampleResult[members][task.demo().size()];
            alive[t] = new BitSet(members);
            alive[t].set(0, members);
            rounds = Math.max(rounds, task.demo().size());
            programSamples += (long) members * task.demo().size();
        }
        long skipped = 0;
        long samples = 0;
        LongAdder fuelRun = new LongAdder();
        boolean partial = false;
        for (int s = 0; s < rounds && !partial; s++) {
            List<Item> items = new ArrayList<>();
            for (int t = 0; t < list.size(); t++) {
                int n = list.get(t).demo().size();
                if (s >= n) {
                    continue;
                }
                for (int m = alive[t].nextSetBit(0); m >= 0; m = alive[t].nextSetBit(m + 1)) {
                    if (matched[t][m] + (n - s) < thresholds[t]) {
                        alive[t].clear(m);
                        skipped += n - s;
                    }
                }
                if (!alive[t].isEmpty()) {
                    items.add(new Item(t, s));
                }
            }
            samples += items.size();
            WorkerPool.Mapped<SampleResult[]> mapped = ctx.distributor() != null
                    ? distributed(ctx, batch, list, items, groups, cache, alive, fresh, timer, fuelRun)
                    : ctx.mapWithProgress(name(), items, i -> list.get(i.task()).id(), i -> {
                Resolved r = resolve(ctx, batch, groups, cache, list.get(i.task()), i.sample(), alive[i.task()], fresh[i.task()]);
                if (!r.wanted().isEmpty()) {
                    long t0 = System.nanoTime();
                    SampleResult[] computed = RemoteWork.scoreSample(batch, list.get(i.task()).demo().get(i.sample()),
                            r.wanted(), r.budget());
                    keep(cache, groups, ctx.sampleKeys(list.get(i.task()).id())[i.sample()], r, computed,
                            System.nanoTime() - t0, fuelRun);
                }
                return r.known();
            }, timer);
            partial = mapped.partial();
            for (int k = 0; k < items.size(); k++) {
                Item i = items.get(k);
                SampleResult[] out = mapped.results().get(k);
                if (out == null) {
                    continue;
                }
                BitSet live = alive[i.task()];
                for (int m = live.nextSetBit(0); m >= 0; m = live.nextSetBit(m + 1)) {
                    results[i.task()][m][i.sample()] = out[m];
                    matched[i.task()][m] += out[m].match() ? 1 : 0;
                }
            }
        }
        List<TaskScores> scores = new ArrayList<>();
        long errors = 0;
        long timeouts = 0;
        Map<String, Long> timeoutsByStrategy = new TreeMap<>();
        for (int t = 0; t < list.size(); t++) {
            Task task = list.get(t);
            Grid[] expected = new Grid[task.demo().size()];
            for (int s = 0; s < expected.length; s++) {
                expected[s] = task.demo().get(s).output();
            }
            for (int m = 0; m < members; m++) {
                for (SampleResult x : results[t][m]) {
                    if (x == null) {
                        continue;
                    }
                    errors += x.status() == Outcome.Status.ERROR ? 1 : 0;
                    if (x.status() == Outcome.Status.TIMEOUT) {
                        timeouts++;
                        timeoutsByStrategy.merge(batch.members().get(m).origin().strategy(), 1L, Long::sum);
                    }
                }
            }
            scores.add(new TaskScores(task.id(), results[t], expected));
        }
        timer.count("samples", samples);
        timer.count("program samples", programSamples);
        timer.count("samples skipped", skipped);
        timer.count("errors", errors);
        timer.count("timeouts", timeouts);
        timer.count("fuel run", fuelRun.sum());
        timeoutsByStrategy.forEach((strategy, n) -> timer.count("timeouts." + strategy, n));
        ctx.countCache(timer, before);
        timer.count("candidates", new Scored(batch, scores, null).candidatesWithAMatch().size());
        return new Scored(batch, scores, ctx.record(timer, partial));
    }

    /**
     * The demo matches a program needs on a task to be kept: the minimum, or, when the task's library list
     * is full, as many as its worst kept program (one with fewer always sorts after all of them).
     */
    static int keepThreshold(PhaseContext ctx, String task) {
        int need = ctx.config().minMatches();
        List<LibraryEntry> kept = ctx.library().entries(task);
        if (kept.size() >= ctx.library().keepPerTask()) {
            LibraryEntry worst = kept.get(kept.size() - 1);
            if (worst.scoreKnown()) {
                need = Math.max(need, worst.matched());
            }
        }
        return need;
    }

    /** The task's fresh-program budget: fuel per cell of its largest demo grid, at least the floor. */
    static long freshBudget(PipelineConfig config, Task task) {
        long cells = 1;
        for (Example ex : task.demo()) {
            cells = Math.max(cells, (long) ex.input().rows() * ex.input().cols());
            cells = Math.max(cells, (long) ex.output().rows() * ex.output().cols());
        }
        long hi = Math.multiplyHigh(config.fuelPerCell(), cells);
        long lo = config.fuelPerCell() * cells;
        return Math.max(config.fuelFloor(), hi != 0 || lo < 0 ? Long.MAX_VALUE : lo);
    }

    /**
     * What item (task, sample {@code s}) still has to run: the {@code alive} members and, with adaptive fuel,
     * their ancestors in the batch (whose fuel sets their budgets), less what the cache has under the
     * member's budget. A member whose parent must run first takes its budget from the parent's fuel.
     */
    private static Resolved resolve(PhaseContext ctx, Batch batch, String[] groups, CacheMap<SampleResult> cache, Task task,
            int s, BitSet alive, long fresh) {
        PipelineConfig config = ctx.config();
        String sampleKey = ctx.sampleKeys(task.id())[s];
        int size = batch.size();
        SampleResult[] known = new SampleResult[size];
        BitSet wanted = new BitSet(size);
        if (!config.adaptiveFuel()) {
            for (int m = alive.nextSetBit(0); m >= 0; m = alive.nextSetBit(m + 1)) {
                CacheMap.Entry<SampleResult> hit = cache.get(groups[m], sampleKey);
                if (hit != null) {
                    known[m] = hit.value();
                } else {
                    wanted.set(m);
                }
            }
            return new Resolved(known, wanted, ScoreBudget.perNode(config.fuel()));
        }
        ScoreBudget budget = new ScoreBudget(config.fuel(), config.fuelFactor(), config.fuelFloor(), new long[size], new int[size]);
        BitSet need = (BitSet) alive.clone();
        int maxDepth = 0;
        for (int m = alive.nextSetBit(0); m >= 0; m = alive.nextSetBit(m + 1)) {
            maxDepth = Math.max(maxDepth, batch.depth(m));
            for (int p = batch.parent(m); p >= 0 && !need.get(p); p = batch.parent(p)) {
                need.set(p);
            }
        }
        for (int depth = 0; depth <= maxDepth; depth++) {
            for (int m = need.nextSetBit(0); m >= 0; m = need.nextSetBit(m + 1)) {
                if (batch.depth(m) != depth) {
                    continue;
                }
                int p = batch.parent(m);
                long b = p < 0 ? fresh : known[p] != null ? budget.fromParent(known[p].fuel()) : ScoreBudget.FROM_PARENT;
                if (b != ScoreBudget.FROM_PARENT) {
                    CacheMap.Entry<SampleResult> hit = cache.get(groups[m], sampleKey);
                    SampleResult under = hit == null ? null : underBudget(hit.value(), b);
                    if (under != null) {
                        known[m] = under;
                        continue;
                    }
                }
                wanted.set(m);
                budget.budgets()[m] = b;
                budget.parents()[m] = b == ScoreBudget.FROM_PARENT ? p : -1;
            }
        }
        return new Resolved(known, wanted, budget);
    }

    /** Puts the computed results into {@code r.known()} and the cache, and their fuel into {@code fuelRun}. */
    private static void keep(CacheMap<SampleResult> cache, String[] groups, String sampleKey, Resolved r, SampleResult[] computed,
            long nanos, LongAdder fuelRun) {
        long perMember = nanos / r.wanted().cardinality();
        for (int m = r.wanted().nextSetBit(0); m >= 0; m = r.wanted().nextSetBit(m + 1)) {
            r.known()[m] = computed[m];
            fuelRun.add(computed[m].fuel());
            cache.put(groups[m], sampleKey, computed[m], perMember);
        }
    }

    /**
     * A cached result as it would be under {@code budget}, or null when it must be run again (a timeout
     * under a smaller budget). A result that used more than the budget is a timeout at the budget.
     */
    static SampleResult underBudget(SampleResult cached, long budget) {
        if (cached.status() == Outcome.Status.TIMEOUT) {
            return cached.fuel() >= budget ? new SampleResult(Outcome.Status.TIMEOUT, false, null, budget) : null;
        }
        return cached.fuel() <= budget ? cached : new SampleResult(Outcome.Status.TIMEOUT, false, null, budget);
    }

    /**
     * The same round on the cluster: the coordinator looks the cache up, sends the items with members left
     * to run (the tasks and the batch's programs travel once, by hash), and caches what comes back.
     */
    private static WorkerPool.Mapped<SampleResult[]> distributed(PhaseContext ctx, Batch batch, List<Task> list, List<Item> items,
            String[] groups, CacheMap<SampleResult> cache, BitSet[] alive, long[] fresh, PhaseTimer timer, LongAdder fuelRun) {
        List<SampleResult[]> results = new ArrayList<>(items.size());
        List<byte[]> sent = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            Item i = items.get(k);
            Resolved r = resolve(ctx, batch, groups, cache, list.get(i.task()), i.sample(), alive[i.task()], fresh[i.task()]);
            results.add(r.known());
            if (!r.wanted().isEmpty()) {
                sent.add(RemoteWork.scoreItem(i.task(), i.sample(), r.wanted(), r.budget()));
                at.add(k);
                resolved.add(r);
            }
        }
        if (sent.isEmpty()) {
            return new WorkerPool.Mapped<>(results, false);
        }
        List<byte[]> parts = List.of(ctx.tasksPart(),
                RemoteWork.programsPart(batch.members().stream().map(Batch.Member::program).toList()));
        WorkerPool.Mapped<byte[]> mapped = ctx.distribute(PhaseName.SCORE, RemoteWork.Kind.SCORE, parts, sent, timer);
        for (int k = 0; k < sent.size(); k++) {
            int index = at.get(k);
            byte[] bytes = mapped.results().get(k);
            if (bytes == null) {
                results.set(index, null);
                continue;
            }
            Resolved r = resolved.get(k);
            RemoteWork.Timed<SampleResult[]> computed = RemoteWork.readScore(bytes, r.wanted(), batch.size());
            Item i = items.get(index);
            keep(cache, groups, ctx.sampleKeys(list.get(i.task()).id())[i.sample()], r, computed.value(), computed.nanos(), fuelRun);
        }
        return new WorkerPool.Mapped<>(results, mapped.partial());
    }
}
