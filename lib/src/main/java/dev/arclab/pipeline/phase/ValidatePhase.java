package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import dev.arclab.cache.CacheMap;
import dev.arclab.cache.MapStats;
import dev.arclab.pipeline.Candidate;
import dev.arclab.pipeline.PhaseResults.Canonicalized;
import dev.arclab.pipeline.PhaseResults.Checked;
import dev.arclab.pipeline.PhaseResults.Validated;
import dev.arclab.pipeline.RemoteWork;
import dev.arclab.pipeline.Validation;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.program.Outcome;
import dev.arclab.program.Program;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs each kept program alone on all demo pairs of its task: status, per-pair result, measured cost. */
public final class ValidatePhase implements Phase<Canonicalized, Validated> {

    @Override
    public PhaseName name() {
        return PhaseName.VALIDATE;
    }

    @Override
    public Validated run(Canonicalized canonicalized, PhaseContext ctx) {
        List<Candidate> kept = canonicalized.kept();
        PhaseTimer timer = ctx.timer(name(), ctx.config().threads());
        List<MapStats> before = ctx.cache().stats();
        WorkerPool.Mapped<Validation> mapped = ctx.distributor() != null ? distributed(ctx, kept, timer)
                : ctx.mapWithProgress(name(), kept, Candidate::task,
                        c -> validate(ctx, c.program().program(), ctx.demoTasks().get(c.task())), timer);
        List<Checked> checked = new ArrayList<>();
        long perfect = 0;
        long timeouts = 0;
        Map<String, Long> timeoutsByStrategy = new TreeMap<>();
        for (int k = 0; k < kept.size(); k++) {
            Validation v = mapped.results().get(k);
            if (v != null) {
                checked.add(new Checked(kept.get(k), v));
                perfect += v.perfect() ? 1 : 0;
                for (Validation.Pair pair : v.pairs()) {
                    if (pair.status() == Outcome.Status.TIMEOUT) {
                        timeouts++;
                        timeoutsByStrategy.merge(kept.get(k).program().origin().strategy(), 1L, Long::sum);
                    }
                }
            }
        }
        timer.count("timeouts", timeouts);
        timeoutsByStrategy.forEach((strategy, n) -> timer.count("timeouts." + strategy, n));
        timer.count("programs", checked.size());
        timer.count("demo-perfect", perfect);
        ctx.countCache(timer, before);
        return new Validated(List.copyOf(checked), ctx.record(timer, mapped.partial()));
    }

    /**
     * The same map on the cluster: cache hits stay here, the others go out as (program, task) indices
     * into the tasks and the kept programs' text, which travel once by hash.
     */
    private static WorkerPool.Mapped<Validation> distributed(PhaseContext ctx, List<Candidate> kept, PhaseTimer timer) {
        CacheMap<Validation> cache = ctx.maps().validations();
        List<Task> tasks = ctx.demoTasks().tasks();
        Map<String, Integer> taskIndex = new HashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            taskIndex.put(tasks.get(t).id(), t);
        }
        List<Validation> results = new ArrayList<>(kept.size());
        List<Program> programs = new ArrayList<>();
        List<byte[]> sent = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            Candidate c = kept.get(k);
            Program program = c.program().program();
            CacheMap.Entry<Validation> hit = cache.get(ctx.keyBase() + "|" + program.hash().hex(), ctx.demoHash(c.task()));
            results.add(hit == null ? null : hit.value());
            if (hit == null) {
                sent.add(RemoteWork.validateItem(programs.size(), taskIndex.get(c.task()), ctx.config().fuel()));
                programs.add(program);
                at.add(k);
            }
        }
        WorkerPool.Mapped<byte[]> mapped = ctx.distribute(PhaseName.VALIDATE, RemoteWork.Kind.VALIDATE,
                List.of(ctx.tasksPart(), RemoteWork.programsPart(programs)), sent, timer);
        for (int k = 0; k < sent.size(); k++) {
            byte[] bytes = mapped.results().get(k);
            if (bytes != null) {
                Validation v = RemoteWork.readValidation(bytes);
                Candidate c = kept.get(at.get(k));
                cache.put(ctx.keyBase() + "|" + programs.get(k).hash().hex(), ctx.demoHash(c.task()), v, v.nanos());
                results.set(at.get(k), v);
            }
        }
        return new WorkerPool.Mapped<>(results, mapped.partial());
    }

    /** One program on its task's demo pairs, through the validation cache (also used when loading the library). */
    public static Validation validate(PhaseContext ctx, Program program, Task task) {
        String group = ctx.keyBase() + "|" + program.hash().hex();
        String demoHash = ctx.demoHash(task.id());
        CacheMap<Validation> cache = ctx.maps().validations();
        CacheMap.Entry<Validation> hit = cache.get(group, demoHash);
        if (hit != null) {
            return hit.value();
        }
        Validation v = ctx.validator().validate(program, task);
        cache.put(group, demoHash, v, v.nanos());
        return v;
    }
}
