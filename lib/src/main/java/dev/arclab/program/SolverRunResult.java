package dev.arclab.program;

import com.google.gson.stream.JsonWriter;
import dev.arclab.dsl.Dsl;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The results of running solvers on their tasks: one {@link TaskResult} per task that has a solver,
 * in task-id order whatever the thread count or scheduling.
 *
 * @param tasks              per-task results, sorted by task id
 * @param tasksWithoutSolver ids of the loaded tasks with no solver (skipped), sorted
 * @param solversWithoutTask ids of solvers whose task was not loaded, sorted
 * @param threads            worker threads used
 * @param fuelBudget         fuel budget of each run
 * @param wallNanos          wall time of the whole run
 * @param partial            true when the run was interrupted: only finished tasks are listed
 */
public record SolverRunResult(List<TaskResult> tasks, List<String> tasksWithoutSolver, List<String> solversWithoutTask,
                              int threads, long fuelBudget, long wallNanos, boolean partial) {

    public SolverRunResult {
        tasks = List.copyOf(tasks);
        tasksWithoutSolver = List.copyOf(tasksWithoutSolver);
        solversWithoutTask = List.copyOf(solversWithoutTask);
    }

    public int solvedCount() {
        int n = 0;
        for (TaskResult t : tasks) {
            n += t.solved() ? 1 : 0;
        }
        return n;
    }

    public int pairsMatched() {
        int n = 0;
        for (TaskResult t : tasks) {
            n += t.pairsMatched();
        }
        return n;
    }

    public int pairsChecked() {
        int n = 0;
        for (TaskResult t : tasks) {
            n += t.pairsChecked();
        }
        return n;
    }

    /** {@code N out of M tasks solved (P of Q pairs)}, M counting the tasks that have a solver. */
    public String summaryLine() {
        return solvedCount() + " out of " + tasks.size() + " tasks solved (" + pairsMatched() + " of " + pairsChecked()
                + " pairs)";
    }

    /**
     * The text report: one line per task not solved (id, status, the failing pairs and why), notes on
     * skipped tasks, and as its last line the {@link #summaryLine()}.
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (TaskResult t : tasks) {
            if (t.solved()) {
                continue;
            }
            sb.append(t.taskId()).append(' ').append(String.format(Locale.ROOT, "%-7s", t.status().label()));
            String sep = " ";
            for (PairResult p : t.pairs()) {
                if (p.status() == PairResult.Status.MATCH || p.status() == PairResult.Status.UNCHECKED) {
                    continue;
                }
                sb.append(sep).append(p.where()).append(' ').append(p.status().label());
                if (p.variable() != null) {
                    sb.append(" at ").append(p.variable());
                    if (p.line() > 0) {
                        sb.append(" (line ").append(p.line()).append(')');
                    }
                }
                if (p.message() != null) {
                    sb.append(": ").append(oneLine(p.message()));
                }
                sep = "; ";
            }
            sb.append('\n');
        }
        if (partial) {
            sb.append("interrupted: only the ").append(tasks.size()).append(" tasks that finished are counted\n");
        }
        if (!tasksWithoutSolver.isEmpty()) {
            sb.append(tasksWithoutSolver.size()).append(tasksWithoutSolver.size() == 1 ? " task" : " tasks")
                    .append(" without a solver skipped\n");
        }
        if (!solversWithoutTask.isEmpty()) {
            sb.append(solversWithoutTask.size()).append(solversWithoutTask.size() == 1 ? " solver" : " solvers")
                    .append(" for tasks not loaded: ")
                    .append(String.join(", ", solversWithoutTask.stream().limit(10).map(String::valueOf).toList()))
                    .append(solversWithoutTask.size() > 10 ? ", ..." : "").append('\n');
        }
        return sb.append(summaryLine()).append('\n').toString();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** The same results without timings: equal for two runs exactly when their outcomes and fuel agree. */
    public List<TaskResult> outcomes() {
        return tasks.stream().map(TaskResult::withoutTime).toList();
    }

    /** Writes the results, pair by pair, as JSON (pretty-printed). */
    public void writeJson(Writer out) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.setIndent("  ");
        w.beginObject();
        w.name("dslVersion").value(Dsl.VERSION);
        w.name("threads").value(threads);
        w.name("fuelBudget").value(fuelBudget);
        w.name("wallNanos").value(wallNanos);
        w.name("partial").value(partial);
        w.name("summary").value(summaryLine());
        w.name("solved").value(solvedCount());
        w.name("tasks").value(tasks.size());
        w.name("pairsMatched").value(pairsMatched());
        w.name("pairsChecked").value(pairsChecked());
        w.name("tasksWithoutSolver");
        strings(w, tasksWithoutSolver);
        w.name("solversWithoutTask");
        strings(w, solversWithoutTask);
        w.name("results").beginArray();
        for (TaskResult t : tasks) {
            w.beginObject();
            w.name("task").value(t.taskId());
            w.name("program").value(t.program().hex());
            w.name("status").value(t.status().label());
            w.name("pairs").beginArray();
            for (PairResult p : t.pairs()) {
                w.beginObject();
                w.name("split").value(p.split().label());
                w.name("index").value(p.index());
                w.name("status").value(p.status().label());
                w.name("checked").value(p.checked());
                w.name("fuel").value(p.fuel());
                w.name("nanos").value(p.nanos());
                if (p.variable() != null) {
                    w.name("variable").value(p.variable());
                }
                if (p.line() > 0) {
                    w.name("line").value(p.line());
                }
                if (p.message() != null) {
                    w.name("message").value(p.message());
                }
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.endObject();
        w.flush();
    }

    private static void strings(JsonWriter w, List<String> items) throws IOException {
        w.beginArray();
        for (String s : items) {
            w.value(s);
        }
        w.endArray();
    }
}
