package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import dev.arclab.pipeline.Candidate;
import dev.arclab.pipeline.PhaseResults.Filtered;
import dev.arclab.pipeline.PhaseResults.Scored;
import dev.arclab.profile.PhaseTimer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Keeps unique (task, canonical program) candidates with at least {@code minMatches} demo matches. */
public final class FilterPhase implements Phase<Scored, Filtered> {

    @Override
    public PhaseName name() {
        return PhaseName.FILTER;
    }

    @Override
    public Filtered run(Scored scored, PhaseContext ctx) {
        PhaseTimer timer = ctx.timer(name(), 1);
        List<Candidate> all = scored.candidatesWithAMatch();
        int minMatches = ctx.config().minMatches();
        List<Candidate> kept = timer.item("filter", () -> {
            Set<String> seen = new LinkedHashSet<>();
            List<Candidate> out = new ArrayList<>();
            for (Candidate c : all) {
                if (c.matched() >= minMatches && seen.add(c.task() + "|" + c.hash())) {
                    out.add(c);
                }
            }
            return out;
        });
        timer.count("candidates", all.size());
        timer.count("kept", kept.size());
        timer.count("unique programs", kept.stream().map(Candidate::hash).distinct().count());
        return new Filtered(List.copyOf(kept), all.size(), ctx.record(timer, scored.timing().partial()));
    }
}
