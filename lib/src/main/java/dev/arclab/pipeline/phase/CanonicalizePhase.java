package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import dev.arclab.cache.CacheMap;
import dev.arclab.cache.MapStats;
import dev.arclab.pipeline.Candidate;
import dev.arclab.pipeline.PhaseResults.Canonicalized;
import dev.arclab.pipeline.PhaseResults.Filtered;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.program.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The canonical text of each kept program, cached by program hash. */
public final class CanonicalizePhase implements Phase<Filtered, Canonicalized> {

    @Override
    public PhaseName name() {
        return PhaseName.CANONICALIZE;
    }

    @Override
    public Canonicalized run(Filtered filtered, PhaseContext ctx) {
        Map<String, Program> programs = new LinkedHashMap<>();
        for (Candidate c : filtered.kept()) {
            programs.putIfAbsent(c.hash(), c.program().program());
        }
        List<String> hashes = new ArrayList<>(programs.keySet());
        CacheMap<String> cache = ctx.maps().canonical();
        PhaseTimer timer = ctx.timer(name(), ctx.config().threads());
        List<MapStats> before = ctx.cache().stats();
        WorkerPool.Mapped<String> texts = ctx.mapWithProgress(name(), hashes, h -> programs.get(h).taskId(), h -> {
            CacheMap.Entry<String> hit = cache.get(h);
            if (hit != null) {
                return hit.value();
            }
            long t0 = System.nanoTime();
            String text = programs.get(h).canonicalText();
            cache.put(h, text, System.nanoTime() - t0);
            return text;
        }, timer);
        Map<String, String> out = new LinkedHashMap<>();
        for (int k = 0; k < hashes.size(); k++) {
            if (texts.results().get(k) != null) {
                out.put(hashes.get(k), texts.results().get(k));
            }
        }
        timer.count("programs", hashes.size());
        ctx.countCache(timer, before);
        return new Canonicalized(filtered.kept(), out, ctx.record(timer, texts.partial()));
    }
}
