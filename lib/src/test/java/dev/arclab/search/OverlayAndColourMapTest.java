package dev.arclab.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.dsl.Dsl;
import dev.arclab.dsl.Grid;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Outcome;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Two finishers: two built grids stacked ({@link Overlay}), and a colour mapping with swaps and chains. */
class OverlayAndColourMapTest {

    private static final Grid[] INPUTS = {
        Grid.of(new int[][] {{0, 1, 0, 0}, {2, 0, 0, 0}, {0, 0, 3, 0}, {0, 0, 0, 0}}),
        Grid.of(new int[][] {{4, 0, 0}, {0, 0, 5}, {0, 0, 0}}),
        Grid.of(new int[][] {{0, 0, 6, 0, 0}, {7, 0, 0, 0, 0}, {0, 0, 0, 0, 0}}),
    };
    private static final Grid TEST = Grid.of(new int[][] {{0, 0, 0}, {8, 0, 0}, {0, 9, 0}});

    private static Task task(String id, UnaryOperator<Grid> rule) {
        List<Example> demo = new ArrayList<>();
        for (Grid g : INPUTS) {
            demo.add(new Example(g, rule.apply(g)));
        }
        return new Task(id, demo, List.of(new Example(TEST, rule.apply(TEST))));
    }

    private static Grid call(String f, Object... args) {
        return (Grid) Dsl.call(f, args);
    }

    /** The found program, parsed and run as any solver, on the test input. */
    private static Grid run(String text, Grid input) {
        Outcome o = new Interpreter().run(new ProgramParser().parseProgram(text), input);
        assertTrue(o instanceof Outcome.Ok, text + " -> " + o);
        return (Grid) ((Outcome.Ok) o).value();
    }

    @Test
    void twoGridsStackedAreFoundBelowTheDepthTheCallWouldNeed() {
        // the input with its half-turn underneath: underpaint(I, asobject(rot180(I))) costs 4 calls to enumerate
        Task t = task("o0000001", g -> call("underpaint", g, Dsl.call("asobject", call("rot180", g))));
        SearchProblem p = SearchProblem.of(t);
        Enumerator.Settings shallow = Enumerator.Settings.defaults().withMaxCost(2).withMaxCandidates(100_000);
        Enumerator.Result r = new Enumerator(p, shallow).run(Long.MAX_VALUE, () -> false);
        assertTrue(r.strong(), "solved by stacking two grids of depth <= 1");
        Expr found = r.solutions().get(0).expr();
        assertEquals("underpaint", found.name(), found.toString());
        String text = found.toSolver(t.id());
        assertEquals(t.test().get(0).output(), run(text, TEST), text);
        assertEquals(t.test().get(0).output(), r.solutions().get(0).testOutputs().get(0));
    }

    @Test
    void threeGridsAreStackedGreedilyAsAWeakSolution() {
        // one colour: the input with its two mirror images painted over it; no pair of built grids makes it, a base
        // with two pieces painted over it does
        Grid[] ins = {
            Grid.of(new int[][] {{1, 0, 0, 0}, {0, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}}),
            Grid.of(new int[][] {{0, 0, 1, 0, 0}, {1, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}}),
            Grid.of(new int[][] {{0, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}}),
        };
        Grid test = Grid.of(new int[][] {{0, 1, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}});
        UnaryOperator<Grid> rule = g -> {
            Grid h = call("hmirror", g);
            Grid v = call("vmirror", g);
            return call("paint", call("paint", g, Dsl.call("merge", Dsl.call("fgpartition", h))),
                    Dsl.call("merge", Dsl.call("fgpartition", v)));
        };
        List<Example> demo = new ArrayList<>();
        for (Grid g : ins) {
            demo.add(new Example(g, rule.apply(g)));
        }
        Task t = new Task("o0000003", demo, List.of(new Example(test, rule.apply(test))));
        // depth 2: the grids of depth 1 are kept as pieces (the last level's are only checked as solutions)
        Enumerator.Settings shallow = Enumerator.Settings.defaults().withMaxCost(2).withMaxCandidates(100_000);
        Enumerator.Result r = new Enumerator(SearchProblem.of(t), shallow).run(Long.MAX_VALUE, () -> false);
        assertTrue(r.solved() && !r.strong(), "a weak solution: " + r.solutions());
        Enumerator.Found f = r.solutions().get(0);
        String text = f.expr().toSolver(t.id());
        assertTrue(text.contains("fgpartition"), text);
        assertEquals(t.test().get(0).output(), run(text, test), text);
        assertEquals(t.test().get(0).output(), f.testOutputs().get(0));
    }

    @Test
    void gridsWithValuesOutsideTheColoursAreNeverBackgroundNorRight() {
        // the search builds such grids (a fill with a computed integer); they must not break the stacking
        assertEquals(3, Overlay.commonest(new int[] {-1, -1, -1, 3, 12, 12, 12, 12}));
        Grid target = Grid.of(new int[][] {{1, 0}, {0, 0}});
        Grid odd = Grid.of(new int[][] {{-1, 0}, {0, 0}});
        Grid right = Grid.of(new int[][] {{1, 5}, {5, 5}});
        Overlay overlay = new Overlay(new Grid[] {target}, 100_000);
        List<Enumerator.Entry> grids = List.of(
                new Enumerator.Entry(Expr.INPUT, new Object[] {odd, odd}, ValueType.GRID),
                new Enumerator.Entry(Expr.call("rot90", Expr.INPUT), new Object[] {right, right}, ValueType.GRID));
        // the odd grid is no top piece (its -1 is neither background nor right) but may lie underneath
        List<Overlay.Stack> found = overlay.find(grids, 6);
        assertEquals(1, found.size());
        assertEquals("underpaint(rot90(I), asobject(I))", found.get(0).expr().toString());
    }

    @Test
    void aTopPieceThatPaintsAWrongCellIsNotStacked() {
        // outputs that are the input plus one cell no built grid has: nothing stacks into them
        Task t = task("o0000002", g -> {
            int[][] rows = new int[g.rows()][g.cols()];
            for (int i = 0; i < g.rows(); i++) {
                for (int j = 0; j < g.cols(); j++) {
                    rows[i][j] = g.at(i, j);
                }
            }
            rows[g.rows() - 1][g.cols() - 1] = 9 - g.at(g.rows() - 1, g.cols() - 1);
            return Grid.of(rows);
        });
        SearchProblem p = SearchProblem.of(t);
        Overlay overlay = new Overlay(p.demoOutputs().toArray(new Grid[0]), 100_000);
        List<Enumerator.Entry> grids = new ArrayList<>();
        for (String f : new String[] {"rot180", "hmirror", "vmirror"}) {
            Object[] vals = new Object[p.inputs().length];
            for (int e = 0; e < vals.length; e++) {
                vals[e] = Dsl.call(f, p.inputs()[e]);
            }
            grids.add(new Enumerator.Entry(Expr.call(f, Expr.INPUT), vals, ValueType.GRID));
        }
        grids.add(new Enumerator.Entry(Expr.INPUT, p.inputs().clone(), ValueType.GRID));
        assertTrue(overlay.find(grids, 6).isEmpty());
    }

    @Test
    void aColourMapWithSwapsAndAChainIsOneFinisher() {
        // 1<->5 and 2<->6 swapped, 3 -> 4 -> 8 chained, 7 kept: two switches and two replaces in the right order
        int[] map = {0, 5, 6, 4, 8, 1, 2, 7, 8, 9};
        UnaryOperator<Grid> recolour = g -> {
            int[][] rows = new int[g.rows()][g.cols()];
            for (int i = 0; i < g.rows(); i++) {
                for (int j = 0; j < g.cols(); j++) {
                    rows[i][j] = map[g.at(i, j)];
                }
            }
            return Grid.of(rows);
        };
        Grid[] ins = {
            Grid.of(new int[][] {{1, 2, 3}, {4, 5, 6}}),
            Grid.of(new int[][] {{6, 5, 4}, {3, 2, 1}}),
            Grid.of(new int[][] {{7, 1, 3}, {2, 4, 0}}),
        };
        Finishers f = new Finishers(new Grid[] {ins[0], ins[1], ins[2], TEST},
                new Grid[] {recolour.apply(ins[0]), recolour.apply(ins[1]), recolour.apply(ins[2])});
        Finishers.Finished found = f.recolour(Expr.INPUT, new Object[] {ins[0], ins[1], ins[2], TEST});
        assertTrue(found != null);
        String text = found.expr().toSolver("c0000001");
        assertEquals(2, text.split("switch\\(").length - 1, text);
        assertEquals(2, text.split("replace\\(").length - 1, text);
        Grid probe = Grid.of(new int[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
        assertEquals(recolour.apply(probe), run(text, probe), text);
        assertEquals(recolour.apply(TEST), found.answers()[0]);
    }

    @Test
    void aColourMapIsWeakWhenATestInputHasAColourNoDemoShowed() {
        Grid in1 = Grid.of(new int[][] {{1, 2}, {2, 1}});
        Grid in2 = Grid.of(new int[][] {{2, 2}, {1, 0}});
        Grid seen = Grid.of(new int[][] {{0, 1}, {2, 2}});
        Grid unseen = Grid.of(new int[][] {{0, 1}, {7, 2}});
        Grid[] outs = {
            (Grid) Dsl.call("replace", in1, 1, 3),
            (Grid) Dsl.call("replace", in2, 1, 3),
        };
        Finishers.Finished ok = new Finishers(new Grid[] {in1, in2, seen}, outs).recolour(Expr.INPUT, new Object[] {in1, in2, seen});
        Finishers.Finished weak = new Finishers(new Grid[] {in1, in2, unseen}, outs)
                .recolour(Expr.INPUT, new Object[] {in1, in2, unseen});
        assertTrue(ok != null && !ok.weak());
        assertTrue(weak != null && weak.weak());
    }

    @Test
    void aThreeCycleOfColoursIsRefused() {
        int[] map = {0, 2, 3, 1, 4, 5, 6, 7, 8, 9};
        Grid in = Grid.of(new int[][] {{1, 2, 3}});
        Grid out = Grid.of(new int[][] {{map[1], map[2], map[3]}});
        Finishers f = new Finishers(new Grid[] {in, in}, new Grid[] {out});
        assertFalse(f.recolour(Expr.INPUT, new Object[] {in, in}) != null);
    }
}
