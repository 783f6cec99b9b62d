package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import dev.arclab.pipeline.Candidate;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.PhaseResults.Checked;
import dev.arclab.pipeline.PhaseResults.Saved;
import dev.arclab.pipeline.PhaseResults.Validated;
import dev.arclab.pipeline.SolverLibrary;
import dev.arclab.pipeline.Validation;
import dev.arclab.profile.PhaseTimer;
import java.util.ArrayList;
import java.util.List;

/**
 * The library keeps the best K programs per task by (demo score, cost), without duplicates; the store keeps them too.
 * Counts the tasks that get their first demo-perfect program ({@code newly solved}), per strategy of the program
 * ({@code strategy.NAME.newly solved}).
 */
public final class SavePhase implements Phase<Validated, Saved> {

    @Override
    public PhaseName name() {
        return PhaseName.SAVE;
    }

    private static boolean perfect(SolverLibrary library, String task) {
        return library.best(task).map(b -> b.scoreKnown() && b.score() == 1.0).orElse(false);
    }

    @Override
    public Saved run(Validated validated, PhaseContext ctx) {
        PhaseTimer timer = ctx.timer(name(), 1);
        SolverLibrary library = ctx.library();
        int minMatches = ctx.config().minMatches();
        List<LibraryEntry> added = timer.item("library", () -> {
            List<LibraryEntry> out = new ArrayList<>();
            for (Checked c : validated.checked()) {
                Validation v = c.validation();
                if (v.matched() < minMatches) {
                    continue;
                }
                Candidate cand = c.candidate();
                LibraryEntry e = new LibraryEntry(cand.task(), cand.program().program().withTaskId(cand.task()),
                        v.score(), v.matched(), v.total(), v.fuel(), v.nanos(), cand.originForTask());
                boolean wasPerfect = perfect(library, cand.task());
                if (library.offer(e)) {
                    out.add(e);
                    if (!wasPerfect && perfect(library, cand.task())) {
                        String strategy = e.origin().strategy() == null ? "file" : e.origin().strategy();
                        timer.count("strategy." + strategy + ".newly solved", 1);
                        timer.count("newly solved", 1);
                    }
                }
            }
            return out;
        });
        timer.count("offered", validated.checked().size());
        timer.count("added", added.size());
        ctx.storeLibrary(added);
        ctx.cache().commit();
        return new Saved(List.copyOf(added), validated.checked().size(), library.size(), library.perfectTasks(),
                ctx.record(timer, validated.timing().partial()));
    }
}
