package dev.arclab.pipeline.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.pipeline.Origin;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.Pipeline;
import dev.arclab.pipeline.PipelineConfig;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    static TaskSet tasks() {
        return TaskLoader.bundled().filter(t -> List.of("74dd1130", "9dfd6313", "3c9b0459", "6150a2bd").contains(t.id()));
    }

    /** Proposes one fixed program for the first task it sees and remembers its context. */
    static final class Fixed implements Strategy {
        static final AtomicReference<StrategyContext> SEEN = new AtomicReference<>();
        static final String TEXT = "def solve_x(I):\n    O = rot90(I)\n    return O\n";

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public List<Proposal> propose(StrategyContext ctx) {
            SEEN.set(ctx);
            Program p = new ProgramParser(ctx.table()).parseProgram(TEXT);
            return List.of(new Proposal(p, ctx.tasks().tasks().get(0).id(), Origin.generated("fixed", null, "rot90")));
        }
    }

    @Test
    void eachConfiguredStrategyProposesIntoTheBatchAndIsCountedByName() {
        Strategies.register("fixed", Fixed::new);
        PipelineConfig config = PipelineConfig.defaults().withThreads(1).withTasksPerBatch(2)
                .withStrategies(StrategyShare.parse("mutate,fixed"));
        try (Pipeline p = new Pipeline(tasks(), config)) {
            p.loadLibrary(BundledSolvers.parse());
            Generated g = p.generate();
            var fixed = g.batch().members().stream().filter(m -> m.origin().kind() == Origin.Kind.GENERATED).toList();
            assertEquals(1, fixed.size());
            assertEquals("fixed", fixed.get(0).origin().strategy());
            assertEquals(1, g.timing().counter("strategy.fixed.proposed"));
            long mutate = g.timing().counter("strategy.mutate.proposed");
            assertTrue(mutate >= 2, "the best program of each of the 2 picked tasks at least: " + mutate);
            assertEquals(g.batch().size(), Math.min(g.batch().size(), mutate + 1), "no member that no strategy proposed");
        }
    }

    @Test
    void aStrategySeesNoTestOutputsAndARandomOfItsOwn() {
        Strategies.register("fixed", Fixed::new);
        PipelineConfig config = PipelineConfig.defaults().withThreads(1).withSeed(7).withStrategies(StrategyShare.parse("fixed"));
        try (Pipeline p = new Pipeline(tasks(), config)) {
            p.generate();
            StrategyContext ctx = Fixed.SEEN.get();
            assertFalse(ctx.tasks().isEmpty());
            for (Task t : ctx.tasks()) {
                for (Example ex : t.test()) {
                    assertFalse(ex.hasOutput(), "a test output of " + t.id() + " reached a strategy");
                }
            }
            assertEquals(1, ctx.iteration());
            assertTrue(ctx.deadlineNanos().isEmpty(), "no generate budget configured: no deadline");
            long expected = new java.util.Random(StrategyContext.seed(7, 1, "fixed")).nextLong();
            assertEquals(expected, ctx.random().nextLong());
        }
    }

    @Test
    void mutateReportsItsProgressInMutantsAndStopsAtOnceWhenCancelled() {
        PipelineConfig config = PipelineConfig.defaults().withThreads(1).withTasksPerBatch(4)
                .withMutation(PipelineConfig.DEFAULT_MUTATION, 1000);
        List<dev.arclab.pipeline.Progress> seen = new ArrayList<>();
        try (Pipeline p = new Pipeline(tasks(), config)) {
            p.loadLibrary(BundledSolvers.parse());
            int picked = Math.min(4, p.library().tasks().size());
            p.onProgress(seen::add);
            Generated whole = p.generate();
            List<dev.arclab.pipeline.Progress> mutate = seen.stream().filter(e -> e.phase().equals("generate mutate")).toList();
            int total = picked * 1000;
            assertEquals(new dev.arclab.pipeline.Progress("generate mutate", 0, total), mutate.get(0));
            assertEquals(new dev.arclab.pipeline.Progress("generate mutate", total, total), mutate.get(mutate.size() - 1));
            assertTrue(mutate.size() >= total / MutateStrategy.PROGRESS_EVERY, "reported along the way: " + mutate.size());
            for (int k = 1; k < mutate.size(); k++) {
                assertTrue(mutate.get(k).done() >= mutate.get(k - 1).done(), "done never goes back");
            }
            assertFalse(whole.timing().partial());

            // cancelled after the second report: no mutant made after it, the phase marked partial
            int[] reports = new int[1];
            p.onProgress(e -> {
                if (e.phase().equals("generate mutate") && ++reports[0] == 3) {
                    p.cancel();
                }
            });
            Generated cut = p.generate();
            long mutants = cut.timing().counter("strategy.mutate.proposed") - picked;
            assertTrue(mutants <= 2L * MutateStrategy.PROGRESS_EVERY && mutants > 0, "stopped where cancelled: " + mutants);
            assertTrue(cut.timing().partial());
        }
    }

    @Test
    void seedsDifferByStrategyNameAndIteration() {
        assertNotEquals(StrategyContext.seed(0, 1, "mutate"), StrategyContext.seed(0, 1, "enumerate"));
        assertNotEquals(StrategyContext.seed(0, 1, "mutate"), StrategyContext.seed(0, 2, "mutate"));
        assertEquals(StrategyContext.seed(3, 1, "mutate"), StrategyContext.seed(3, 1, "mutate"));
    }

    @Test
    void anUnknownStrategyIsNamedWithTheKnownOnes() {
        PipelineConfig config = PipelineConfig.defaults().withThreads(1).withStrategies(StrategyShare.parse("nosuch"));
        try (Pipeline p = new Pipeline(tasks(), config)) {
            p.loadLibrary(BundledSolvers.parse());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::generate);
            assertTrue(e.getMessage().contains("'nosuch'") && e.getMessage().contains("mutate"), e.getMessage());
        }
    }

    @Test
    void sharesParseAndBadOnesSayWhatIsWrong() {
        assertEquals(List.of(new StrategyShare("mutate", 0), new StrategyShare("enumerate", 0.5)),
                StrategyShare.parse("mutate, enumerate:0.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StrategyShare.parse("a:x")).getMessage().contains("'a:x'"));
        assertThrows(IllegalArgumentException.class, () -> StrategyShare.parse("a:2"));
        assertThrows(IllegalArgumentException.class, () -> StrategyShare.parse(","));
        List<String> names = new ArrayList<>(Strategies.names());
        assertTrue(names.contains("mutate"));
    }
}
