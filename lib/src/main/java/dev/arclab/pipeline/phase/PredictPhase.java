package dev.arclab.pipeline.phase;

import dev.arclab.profile.PhaseName;
import dev.arclab.dsl.Grid;
import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.PhaseResults.Predicted;
import dev.arclab.pipeline.PhaseResults.TaskPrediction;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.program.Outcome;
import dev.arclab.task.Example;
import dev.arclab.task.Submission;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The two best saved programs of each task on its test inputs; accuracy where outputs are known; a
 * Kaggle submission (placeholder grids where no program gave a grid). The only phase that reads test
 * outputs ({@link PhaseContext#tasks()}).
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
        WorkerPool.Mapped<TaskPrediction> mapped = ctx.mapWithProgress(name(), list, Task::id, t -> {
            List<LibraryEntry> best = ctx.library().entries(t.id());
            List<LibraryEntry> two = best.subList(0, Math.min(2, best.size()));
            List<Grid[]> attempts = new ArrayList<>();
            List<Boolean> correct = new ArrayList<>();
            for (Example ex : t.test()) {
                Grid[] a = {Submission.PLACEHOLDER, Submission.PLACEHOLDER};
                for (int k = 0; k < two.size(); k++) {
                    Outcome o = ctx.interpreter().run(two.get(k).program(), ex.input());
                    if (o instanceof Outcome.Ok ok && ok.value() instanceof Grid g && Submission.isValidAttempt(g)) {
                        a[k] = g;
                    }
                }
                if (two.size() == 1) {
                    a[1] = a[0];
                }
                attempts.add(a);
                correct.add(ex.hasOutput() && !two.isEmpty() && (a[0].equals(ex.output()) || a[1].equals(ex.output())));
            }
            return new TaskPrediction(t.id(), two.stream().map(LibraryEntry::hash).toList(), attempts, correct);
        }, timer);
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
}
