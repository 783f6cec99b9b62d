package dev.arclab.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.pipeline.PhaseResults.TaskPrediction;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Outcome;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Submission;
import dev.arclab.task.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** predict: the second attempt is a different answer, and programs with no grid to give make way. */
class PredictPhaseTest {

    static final String TASK = "74dd1130";
    /** Right: the task is a transposition. */
    static final String RIGHT = "def solve_74dd1130(I):\n    O = dmirror(I)\n    return O\n";
    /** The same answer by a longer way. */
    static final String SAME = "def solve_74dd1130(I):\n    x1 = dmirror(I)\n    x2 = dmirror(x1)\n    O = dmirror(x2)\n    return O\n";
    /** Another answer (wrong). */
    static final String OTHER = "def solve_74dd1130(I):\n    O = vmirror(I)\n    return O\n";
    /** No grid at all: a colour. */
    static final String NO_GRID = "def solve_74dd1130(I):\n    x1 = first(I)\n    O = first(x1)\n    return O\n";

    /** Leaves the test input as it was (every demo of the task changes its input). */
    static final String UNCHANGED = "def solve_74dd1130(I):\n    x1 = dmirror(I)\n    O = dmirror(x1)\n    return O\n";

    record Entry(String text, double score, long fuel) {
    }

    private static TaskPrediction predict(Entry... entries) {
        try (Pipeline p = new Pipeline(ScoreBudgetTest.oneTask(), PipelineTest.config(1))) {
            ProgramParser parser = new ProgramParser(p.nodeTable());
            for (Entry e : entries) {
                Program prog = parser.parseProgram(e.text()).withTaskId(TASK);
                assertTrue(p.library().offer(new LibraryEntry(TASK, prog, e.score(), 0, 0, e.fuel(), 0, Origin.file("test"))));
            }
            Predicted predicted = p.predict();
            assertEquals(1, predicted.tasks().size());
            return predicted.tasks().get(0);
        }
    }

    private static Grid answer(String text, Task task) {
        Outcome o = new Interpreter().run(new ProgramParser().parseProgram(text), task.test().get(0).input());
        return (Grid) ((Outcome.Ok) o).value();
    }

    private static String hash(String text) {
        return new ProgramParser().parseProgram(text).hash().hex();
    }

    @Test
    void theSecondAttemptSkipsProgramsThatAgreeWithTheFirstAndThoseWithNoGrid() {
        Task task = ScoreBudgetTest.oneTask().tasks().get(0);
        // library order (score, then fuel): NO_GRID, RIGHT, SAME, OTHER
        TaskPrediction t = predict(new Entry(NO_GRID, 1.0, 5), new Entry(RIGHT, 1.0, 10), new Entry(SAME, 1.0, 30),
                new Entry(OTHER, 0.5, 10));
        Grid[] attempts = t.attempts().get(0);
        assertEquals(task.test().get(0).output(), attempts[0], "the first grid given, not a placeholder for NO_GRID");
        assertEquals(answer(OTHER, task), attempts[1], "SAME repeats the first attempt: the second is OTHER's");
        assertNotEquals(attempts[0], attempts[1]);
        assertEquals(List.of(hash(RIGHT), hash(OTHER)), t.programs());
        assertTrue(t.correct().get(0));
    }

    @Test
    void answersThatBreakARuleEveryDemoKeepsComeLast() {
        Task task = ScoreBudgetTest.oneTask().tasks().get(0);
        TaskPrediction t = predict(new Entry(UNCHANGED, 1.0, 5), new Entry(RIGHT, 1.0, 10), new Entry(OTHER, 0.5, 10));
        assertEquals(task.test().get(0).output(), t.attempts().get(0)[0], "UNCHANGED leaves the input as it was");
        assertEquals(answer(OTHER, task), t.attempts().get(0)[1]);
        assertEquals(List.of(hash(RIGHT), hash(OTHER)), t.programs());
        TaskPrediction only = predict(new Entry(UNCHANGED, 1.0, 5));
        assertEquals(task.test().get(0).input(), only.attempts().get(0)[0], "with nothing else, it is still an answer");
    }

    @Test
    void withOnlyOneAnswerAmongThePrograms() {
        TaskPrediction t = predict(new Entry(RIGHT, 1.0, 10), new Entry(SAME, 1.0, 30));
        Grid[] attempts = t.attempts().get(0);
        assertSame(attempts[0], attempts[1], "no other answer: the first is given twice");
        assertEquals(List.of(hash(RIGHT)), t.programs());
        TaskPrediction none = predict(new Entry(NO_GRID, 1.0, 5));
        assertEquals(Submission.PLACEHOLDER, none.attempts().get(0)[0]);
        assertEquals(Submission.PLACEHOLDER, none.attempts().get(0)[1]);
        assertTrue(none.programs().isEmpty());
        assertEquals(false, none.correct().get(0));
    }
}
