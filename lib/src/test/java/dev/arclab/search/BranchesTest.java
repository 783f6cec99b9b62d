package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Outcome;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Two pieces, each right on some demos, joined by a condition on the input: branch(cond, A, B). */
class BranchesTest {

    private static final UnaryOperator<Grid> HALF = g -> (Grid) (g.rows() > g.cols() ? Dsl.call("tophalf", g) : Dsl.call("lefthalf", g));

    private static Task task(String id, int[][] demoShapes, int[] testShape) {
        List<Example> demo = new ArrayList<>();
        int seed = 1;
        for (int[] s : demoShapes) {
            Grid g = SearchFixtures.varied(s[0], s[1], seed++);
            demo.add(new Example(g, HALF.apply(g)));
        }
        Grid test = SearchFixtures.varied(testShape[0], testShape[1], 99);
        return new Task(id, demo, List.of(new Example(test, HALF.apply(test))));
    }

    @Test
    void tallInputsTakeTheTopHalfAndWideOnesTheLeftHalf() {
        Task t = task("b0000001", new int[][] {{6, 4}, {4, 8}, {8, 6}, {5, 9}}, new int[] {10, 6});
        Enumerator.Result r = new Enumerator(SearchProblem.of(t), Enumerator.Settings.defaults().withMaxCost(2))
                .run(Long.MAX_VALUE, () -> false);
        assertTrue(r.solved(), r.stats().toString());
        assertFalse(r.strong(), "a branch is a guess on the test input: weak");
        Enumerator.Found f = r.solutions().get(0);
        assertEquals("branch(portrait(I), tophalf(I), lefthalf(I))", f.expr().toString());
        assertEquals(t.test().get(0).output(), f.testOutputs().get(0));
        // the program text runs in the interpreter like any solver and reproduces every demo output
        Program program = new ProgramParser().parseProgram(f.expr().toSolver(t.id()));
        Interpreter interpreter = new Interpreter();
        for (Example ex : t.demo()) {
            Outcome o = interpreter.run(program, ex.input());
            assertTrue(o instanceof Outcome.Ok ok && ex.output().equals(ok.value()), f.expr().toSolver(t.id()));
        }
    }

    @Test
    void theSecondAttemptSendsTheTestInputTheOtherWay() {
        // every demo is tall or wide, the test input square: portrait(I) sends it to the left half, and a second
        // condition that splits the demos alike (greater(height(I), FIVE)) to the top half
        Task t = task("b0000002", new int[][] {{6, 4}, {4, 8}, {8, 6}}, new int[] {6, 6});
        Enumerator.Result r = new Enumerator(SearchProblem.of(t), Enumerator.Settings.defaults().withMaxCost(2))
                .run(Long.MAX_VALUE, () -> false);
        List<Grid> answers = r.solutions().stream().map(f -> f.testOutputs().get(0)).toList();
        Grid test = t.test().get(0).input();
        assertTrue(answers.contains((Grid) Dsl.call("tophalf", test)), answers.toString());
        assertTrue(answers.contains((Grid) Dsl.call("lefthalf", test)), answers.toString());
    }

    @Test
    void noBranchWhenOnePieceCoversNothingTheOtherMisses() {
        Branches b = new Branches(new Grid[] {Grid.of(new int[][] {{1}}), Grid.of(new int[][] {{2}})}, 3);
        assertTrue(b.find(new Grid[] {Grid.of(new int[][] {{1}}), Grid.of(new int[][] {{2}}), Grid.of(new int[][] {{3}})},
                List.of()).isEmpty());
    }
}
