package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.pipeline.PhaseResults.TaskPrediction;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.program.Outcome;
import dev.arclab.task.Consistency;
import dev.arclab.task.Example;
import dev.arclab.task.Submission;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two attempts per test input from the task's saved programs, best first; accuracy where outputs are known; a
 * Kaggle submission (placeholder grids where no program gave a grid). The only phase that reads test
 * outputs ({@link PhaseContext#tasks()}).
 *
 * <p>The first attempt is the best program's answer; the second is the answer of the next program, in the
 * library's order, that answers <em>something else</em>: two programs that agree on the test input (the library
 * often holds several ways to the same answer) would spend the second attempt on a copy of the first. A program
 * that fails on a test input, or answers with no valid grid, gives way to the next one; an answer that breaks a rule
 * every demo pair keeps ({@link Consistency}: the input left as it was where every demo changed it, a colour no demo
 * added, another shape) gives way to those that keep them. Each test input is decided on its own, so the programs
 * behind the attempts may differ between a task's test inputs.
 */
public final class PredictPhase implements Phase<Phase.Start, Predicted> {

    @Override
    public PhaseName name() {
        return PhaseName.PREDICT;
    }

    @Override
    public Predicted run(Phase.Start input, PhaseContext ctx) {
        PhaseTimer timer = ctx.timer(name(), ctx.config().threads());
        List<Task> list = ctx.tasks().tasks();
        WorkerPool.Mapped<TaskPrediction> mapped = ctx.mapWithProgress(name(), list, Task::id, t -> attempts(ctx, t), timer);
        Submission submission = Submission.forTasks(ctx.tasks());
        List<TaskPrediction> out = new ArrayList<>();
        int known = 0;
        int predicted = 0;
        for (int k = 0; k < list.size(); k++) {
            TaskPrediction p = mapped.results().get(k);
            if (p == null) {
                continue;
            }
            out.add(p);
            Task t = list.get(k);
            for (int i = 0; i < t.test().size(); i++) {
                submission.put(t.id(), i, p.attempts().get(i)[0], p.attempts().get(i)[1]);
                known += t.test().get(i).hasOutput() ? 1 : 0;
                predicted += p.correct().get(i) ? 1 : 0;
            }
        }
        timer.count("test inputs with known output", known);
        timer.count("predicted", predicted);
        return new Predicted(List.copyOf(out), submission, known, predicted, ctx.record(timer, mapped.partial()));
    }

    /** The two attempts on each of {@code t}'s test inputs, and the programs that gave them. */
    static TaskPrediction attempts(PhaseContext ctx, Task t) {
        List<LibraryEntry> ranked = ctx.library().entries(t.id());
        Consistency rules = t.demo().isEmpty() ? null : Consistency.of(t);
        Set<String> used = new LinkedHashSet<>();
        List<Grid[]> attempts = new ArrayList<>();
        List<Boolean> correct = new ArrayList<>();
        for (Example ex : t.test()) {
            // each program's answer (null: none valid), run in the library's order until two answers keep the rules
            List<Grid> answers = new ArrayList<>();
            int keeping = 0;
            Grid firstKeeping = null;
            for (int k = 0; k < ranked.size() && keeping < 2; k++) {
                Outcome o = ctx.interpreter().run(ranked.get(k).program(), ex.input());
                Grid g = o instanceof Outcome.Ok ok && ok.value() instanceof Grid grid && Submission.isValidAttempt(grid) ? grid : null;
                answers.add(g);
                if (g != null && (rules == null || rules.admits(ex.input(), g)) && (firstKeeping == null || !g.equals(firstKeeping))) {
                    firstKeeping = firstKeeping == null ? g : firstKeeping;
                    keeping++;
                }
            }
            int[] from = {-1, -1};
            // answers that keep the demos' rules first, then the others; the second attempt differs from the first
            for (boolean keepsRules : new boolean[] {true, false}) {
                for (int k = 0; k < answers.size() && from[1] < 0; k++) {
                    Grid g = answers.get(k);
                    if (g == null || (rules != null && rules.admits(ex.input(), g)) != keepsRules) {
                        continue;
                    }
                    if (from[0] < 0) {
                        from[0] = k;
                    } else if (!g.equals(answers.get(from[0]))) {
                        from[1] = k;
                    }
                }
            }
            Grid[] a = {from[0] < 0 ? Submission.PLACEHOLDER : answers.get(from[0]), null};
            a[1] = from[1] < 0 ? a[0] : answers.get(from[1]);
            for (int k : from) {
                if (k >= 0) {
                    used.add(ranked.get(k).hash());
                }
            }
            attempts.add(a);
            correct.add(ex.hasOutput() && !ranked.isEmpty() && (a[0].equals(ex.output()) || a[1].equals(ex.output())));
        }
        return new TaskPrediction(t.id(), List.copyOf(used), attempts, correct);
    }
}
