package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import dev.arclab.cache.CacheMap;
import dev.arclab.cache.MapStats;
import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.Batch;
import dev.arclab.pipeline.Differs;
import dev.arclab.pipeline.PhaseResults.Differed;
import dev.arclab.pipeline.PhaseResults.NearMiss;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.pipeline.PhaseResults.TaskScores;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.pipeline.WorkerPool;
import dev.arclab.profile.PhaseTimer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Partial credit for near misses (members that ran on a task without solving it): cell accuracy,
 * shape, palette overlap and object count, averaged over the demo samples; the best
 * {@code nearMissesPerTask} per task are kept for ranking and parent choice.
 */
public final class DiffersPhase implements Phase<Scored, Differed> {

    @Override
    public PhaseName name() {
        return PhaseName.DIFFERS;
    }

    @Override
    public Differed run(Scored scored, PhaseContext ctx) {
        PhaseTimer timer = ctx.timer(name(), ctx.config().threads());
        List<TaskScores> list = scored.tasks();
        List<MapStats> before = ctx.cache().stats();
        CacheMap<Differs.Measures> cache = ctx.maps().differs();
        String[] groups = scored.batch().members().stream().map(m -> ctx.keyBase() + "|" + Differs.VERSION + "|" + m.hash())
                .toArray(String[]::new);
        WorkerPool.Mapped<List<NearMiss>> mapped = ctx.mapWithProgress(name(), list, TaskScores::task, t -> {
            List<NearMiss> out = new ArrayList<>();
            List<Map<Grid, Differs.Measures>> memo = new ArrayList<>();
            Differs.Target[] targets = null;
            String demoHash = ctx.demoHash(t.task());
            for (int m = 0; m < scored.batch().size(); m++) {
                SampleResult[] r = t.results()[m];
                if (t.matched(m) == r.length) {
                    continue;
                }
                Grid[] produced = new Grid[r.length];
                boolean any = false;
                for (int s = 0; s < r.length; s++) {
                    produced[s] = r[s] == null ? null : r[s].produced();
                    any |= produced[s] != null;
                }
                if (any) {
                    Batch.Member member = scored.batch().members().get(m);
                    CacheMap.Entry<Differs.Measures> hit = cache.get(groups[m], demoHash);
                    Differs.Measures measures;
                    if (hit != null) {
                        measures = hit.value();
                    } else {
                        long t0 = System.nanoTime();
                        if (targets == null) {
                            targets = new Differs.Target[t.expected().length];
                            for (int s = 0; s < targets.length; s++) {
                                memo.add(new HashMap<>());
                                targets[s] = new Differs.Target(t.expected()[s]);
                            }
                        }
                        measures = Differs.mean(produced, targets, memo);
                        cache.put(groups[m], demoHash, measures, System.nanoTime() - t0);
                    }
                    out.add(new NearMiss(t.task(), member, measures));
                }
            }
            out.sort(Comparator.comparingDouble((NearMiss n) -> -n.measures().combined())
                    .thenComparing(n -> n.program().hash()));
            return out;
        }, timer);
        Map<String, List<NearMiss>> best = new TreeMap<>();
        int measured = 0;
        int keep = ctx.config().nearMissesPerTask();
        for (int k = 0; k < list.size(); k++) {
            List<NearMiss> l = mapped.results().get(k);
            if (l == null) {
                continue;
            }
            measured += l.size();
            if (!l.isEmpty() && keep > 0) {
                best.put(list.get(k).task(), List.copyOf(l.subList(0, Math.min(keep, l.size()))));
            }
        }
        ctx.nearMisses(best);
        timer.count("near misses measured", measured);
        ctx.countCache(timer, before);
        return new Differed(best, measured, ctx.record(timer, mapped.partial()));
    }
}
