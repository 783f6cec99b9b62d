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
import dev.arclab.pipeline.RemoteWork;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.task.Task;
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

    private static void sort(List<NearMiss> out) {
        out.sort(Comparator.comparingDouble((NearMiss n) -> -n.measures().combined()).thenComparing(n -> n.program().hash()));
    }

    /**
     * The produced grids of member {@code m} on a task, or null when it solves the task, produced no grid,
     * or was not run on every sample (score stopped it early there: it could not be kept, and a measure
     * over some samples only must not reach the cache as the measure of all).
     */
    private static Grid[] produced(TaskScores t, int m) {
        SampleResult[] r = t.results()[m];
        if (t.matched(m) == r.length) {
            return null;
        }
        Grid[] produced = new Grid[r.length];
        boolean any = false;
        for (int s = 0; s < r.length; s++) {
            if (r[s] == null) {
                return null;
            }
            produced[s] = r[s].produced();
            any |= produced[s] != null;
        }
        return any ? produced : null;
    }

    /**
     * The same map on the cluster: per task, the cached measures stay here and the produced grids of
     * the other near misses go out (the tasks' expected grids travel once, by hash).
     */
    private static WorkerPool.Mapped<List<NearMiss>> distributed(PhaseContext ctx, Scored scored,
            CacheMap<Differs.Measures> cache, String[] groups, PhaseTimer timer) {
        List<TaskScores> list = scored.tasks();
        List<Task> tasks = ctx.demoTasks().tasks();
        Map<String, Integer> taskIndex = new HashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            taskIndex.put(tasks.get(t).id(), t);
        }
        List<TreeMap<Integer, NearMiss>> byMember = new ArrayList<>(list.size());
        List<byte[]> sent = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        List<int[]> sentMembers = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            TaskScores t = list.get(k);
            String demoHash = ctx.demoHash(t.task());
            TreeMap<Integer, NearMiss> out = new TreeMap<>();
            List<Integer> members = new ArrayList<>();
            List<Grid[]> grids = new ArrayList<>();
            for (int m = 0; m < scored.batch().size(); m++) {
                Grid[] produced = produced(t, m);
                if (produced == null) {
                    continue;
                }
                CacheMap.Entry<Differs.Measures> hit = cache.get(groups[m], demoHash);
                if (hit != null) {
                    out.put(m, new NearMiss(t.task(), scored.batch().members().get(m), hit.value()));
                } else {
                    members.add(m);
                    grids.add(produced);
                }
            }
            byMember.add(out);
            if (!members.isEmpty()) {
                int[] ms = members.stream().mapToInt(Integer::intValue).toArray();
                sent.add(RemoteWork.differsItem(taskIndex.get(t.task()), ms, grids.toArray(new Grid[0][])));
                sentMembers.add(ms);
                at.add(k);
            }
        }
        WorkerPool.Mapped<byte[]> mapped = ctx.distribute(PhaseName.DIFFERS, RemoteWork.Kind.DIFFERS,
                List.of(ctx.tasksPart()), sent, timer);
        for (int k = 0; k < sent.size(); k++) {
            int index = at.get(k);
            byte[] bytes = mapped.results().get(k);
            if (bytes == null) {
                byMember.set(index, null);
                continue;
            }
            RemoteWork.Timed<Differs.Measures[]> r = RemoteWork.readDiffers(bytes);
            int[] ms = sentMembers.get(k);
            String task = list.get(index).task();
            for (int j = 0; j < ms.length; j++) {
                cache.put(groups[ms[j]], ctx.demoHash(task), r.value()[j], r.nanos() / ms.length);
                byMember.get(index).put(ms[j], new NearMiss(task, scored.batch().members().get(ms[j]), r.value()[j]));
            }
        }
        // in member order before sorting, as the local map adds them, so ties fall the same way
        List<List<NearMiss>> results = new ArrayList<>(list.size());
        for (TreeMap<Integer, NearMiss> m : byMember) {
            List<NearMiss> l = m == null ? null : new ArrayList<>(m.values());
            if (l != null) {
                sort(l);
            }
            results.add(l);
        }
        return new WorkerPool.Mapped<>(results, mapped.partial());
    }

    @Override
    public Differed run(Scored scored, PhaseContext ctx) {
        PhaseTimer timer = ctx.timer(name(), ctx.config().threads());
        List<TaskScores> list = scored.tasks();
        List<MapStats> before = ctx.cache().stats();
        CacheMap<Differs.Measures> cache = ctx.maps().differs();
        String[] groups = scored.batch().members().stream().map(m -> ctx.keyBase() + "|" + Differs.VERSION + "|" + m.hash())
                .toArray(String[]::new);
        WorkerPool.Mapped<List<NearMiss>> mapped = ctx.distributor() != null ? distributed(ctx, scored, cache, groups, timer)
                : ctx.mapWithProgress(name(), list, TaskScores::task, t -> {
            List<NearMiss> out = new ArrayList<>();
            List<Map<Grid, Differs.Measures>> memo = new ArrayList<>();
            Differs.Target[] targets = null;
            String demoHash = ctx.demoHash(t.task());
            for (int m = 0; m < scored.batch().size(); m++) {
                Grid[] produced = produced(t, m);
                if (produced != null) {
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
            sort(out);
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
