package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.program.BundledSolvers;
import dev.arclab.task.TaskLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseNameTest {

    @Test
    void namesReadBackAndABadOneListsThePhases() {
        for (PhaseName p : PhaseName.values()) {
            assertEquals(p, PhaseName.of(p.id()));
        }
        String m = assertThrows(IllegalArgumentException.class, () -> PhaseName.of("scor")).getMessage();
        assertTrue(m.contains("'scor'") && m.contains("score") && m.contains("predict"), m);
    }

    @Test
    void eachPhaseRecordsItsTimingUnderItsName() {
        var tasks = TaskLoader.bundled().filter(t -> List.of("74dd1130", "9dfd6313").contains(t.id()));
        try (Pipeline p = new Pipeline(tasks, PipelineConfig.defaults().withThreads(1))) {
            p.loadLibrary(BundledSolvers.parse());
            Generated g = p.phase(new GeneratePhase(), Phase.Start.NOW);
            assertEquals(PhaseName.GENERATE.id(), g.timing().phase());
            var s = p.phase(new ScorePhase(), g);
            assertEquals(PhaseName.SCORE.id(), s.timing().phase());
            assertEquals(PhaseName.DIFFERS.id(), p.differs(s).timing().phase());
            assertEquals(List.of("generate", "score", "differs"),
                    p.context().phases().stream().skip(p.context().phases().size() - 3).map(r -> r.phase()).toList());
        }
    }
}
