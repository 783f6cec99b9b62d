package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import dev.arclab.cache.CacheMap;
import dev.arclab.cache.MapStats;
import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.Batch;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PhaseResults.TaskScores;
import dev.arclab.pipeline.RemoteWork;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.program.Outcome;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Runs the batch on every demo sample of every task, parallel over task × sample, each result cached per (program, sample). */
public final class ScorePhase implements Phase<Generated, Scored> {

    /** One work item: demo sample {@code sample} of task {@code task} (indices into the demo tasks). */
    private record Item(int task, int sample) {
    }

    @Override
    public PhaseName name() {
        return PhaseName.SCORE;
    }

    @Override
    public Scored run(Generated generated, PhaseContext ctx) {
        Batch batch = generated.batch();
        List<Task> list = ctx.demoTasks().tasks();
        List<Item> items = new ArrayList<>();
        for (int t = 0; t < list.size(); t++) {
            for (int s = 0; s < list.get(t).demo().size(); s++) {
                items.add(new Item(t, s));
            }
        }
        String[] groups = batch.members().stream().map(m -> ctx.keyBase() + "|" + m.hash()).toArray(String[]::new);
        CacheMap<SampleResult> cache = ctx.maps().scores();
        long fuel = ctx.config().fuel();
        PhaseTimer timer = ctx.timer(name(), ctx.config().threads());
        List<MapStats> before = ctx.cache().stats();
        WorkerPool.Mapped<SampleResult[]> mapped = ctx.distributor() != null
                ? distributed(ctx, batch, list, items, groups, cache, timer)
                : ctx.mapWithProgress(name(), items, i -> list.get(i.task()).id(), i -> {
            Task task = list.get(i.task());
            Example ex = task.demo().get(i.sample());
            String sampleKey = ctx.sampleKeys(task.id())[i.sample()];
            SampleResult[] out = new SampleResult[batch.size()];
            BitSet wanted = wanted(cache, groups, sampleKey, out);
            if (!wanted.isEmpty()) {
                long t0 = System.nanoTime();
                SampleResult[] computed = RemoteWork.scoreSample(batch, ex, wanted, fuel);
                long perMember = (System.nanoTime() - t0) / wanted.cardinality();
                for (int m = wanted.nextSetBit(0); m >= 0; m = wanted.nextSetBit(m + 1)) {
                    out[m] = computed[m];
                    cache.put(groups[m], sampleKey, out[m], perMember);
                }
            }
            return out;
        }, timer);
        List<TaskScores> scores = new ArrayList<>();
        int at = 0;
        long errors = 0;
        long timeouts = 0;
        for (Task task : list) {
            SampleResult[][] r = new SampleResult[batch.size()][task.demo().size()];
            Grid[] expected = new Grid[task.demo().size()];
            for (int s = 0; s < expected.length; s++) {
                expected[s] = task.demo().get(s).output();
                SampleResult[] sample = mapped.results().get(at++);
                for (int m = 0; m < batch.size(); m++) {
                    r[m][s] = sample == null ? null : sample[m];
                    if (sample != null) {
                        errors += sample[m].status() == Outcome.Status.ERROR ? 1 : 0;
                        timeouts += sample[m].status() == Outcome.Status.TIMEOUT ? 1 : 0;
                    }
                }
            }
            scores.add(new TaskScores(task.id(), r, expected));
        }
        timer.count("samples", items.size());
        timer.count("errors", errors);
        timer.count("timeouts", timeouts);
        ctx.countCache(timer, before);
        timer.count("candidates", new Scored(batch, scores, null).candidatesWithAMatch().size());
        return new Scored(batch, scores, ctx.record(timer, mapped.partial()));
    }

    /** Fills {@code out} with the cached results of the sample and returns the members still to run. */
    private static BitSet wanted(CacheMap<SampleResult> cache, String[] groups, String sampleKey, SampleResult[] out) {
        BitSet wanted = new BitSet(out.length);
        for (int m = 0; m < out.length; m++) {
            CacheMap.Entry<SampleResult> hit = cache.get(groups[m], sampleKey);
            if (hit != null) {
                out[m] = hit.value();
            } else {
                wanted.set(m);
            }
        }
        return wanted;
    }

    /**
     * The same map on the cluster: the coordinator looks the cache up, sends the samples with members
     * left to run (the tasks and the batch's programs travel once, by hash), and caches what comes back.
     */
    private static WorkerPool.Mapped<SampleResult[]> distributed(PhaseContext ctx, Batch batch, List<Task> list,
            List<Item> items, String[] groups, CacheMap<SampleResult> cache, PhaseTimer timer) {
        List<SampleResult[]> results = new ArrayList<>(items.size());
        List<byte[]> sent = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        List<BitSet> wants = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            Item i = items.get(k);
            SampleResult[] out = new SampleResult[batch.size()];
            BitSet wanted = wanted(cache, groups, ctx.sampleKeys(list.get(i.task()).id())[i.sample()], out);
            results.add(out);
            if (!wanted.isEmpty()) {
                sent.add(RemoteWork.scoreItem(i.task(), i.sample(), wanted, ctx.config().fuel()));
                at.add(k);
                wants.add(wanted);
            }
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
            BitSet wanted = wants.get(k);
            RemoteWork.Timed<SampleResult[]> r = RemoteWork.readScore(bytes, wanted, batch.size());
            Item i = items.get(index);
            String sampleKey = ctx.sampleKeys(list.get(i.task()).id())[i.sample()];
            long perMember = r.nanos() / wanted.cardinality();
            SampleResult[] out = results.get(index);
            for (int m = wanted.nextSetBit(0); m >= 0; m = wanted.nextSetBit(m + 1)) {
                out[m] = r.value()[m];
                cache.put(groups[m], sampleKey, out[m], perMember);
            }
        }
        return new WorkerPool.Mapped<>(results, mapped.partial());
    }
}
