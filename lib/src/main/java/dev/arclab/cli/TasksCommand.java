package dev.arclab.cli;

import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.task.TaskSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arclab tasks [PATH]}: loads a task set and prints its summary figures. */
@Command(name = "tasks",
        mixinStandardHelpOptions = true,
        description = {"Load a task set and print a summary: tasks, demo pairs, test inputs, tasks with more "
                + "than one test input, known test outputs, grid side range.",
                "Exits with 1 when the tasks cannot be read (every problem is listed, with file, task and JSON path)."})
public final class TasksCommand implements Callable<Integer> {
    @Mixin
    TaskSourceOptions source;

    @Option(names = {"-l", "--list"},
            description = "Also print one line per task: id, demo pairs, test inputs, largest side, demo hash.")
    boolean list;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TaskSet set = source.load(spec.commandLine().getErr());
        TaskSet.Summary s = set.summary();
        row(out, "source", set.source());
        row(out, "tasks", s.tasks());
        row(out, "demo pairs", s.demoPairs());
        row(out, "test inputs", s.testInputs());
        row(out, "tasks with >1 test input", s.tasksWithSeveralTests());
        row(out, "known test outputs", s.knownTestOutputs());
        row(out, "grid sides", s.tasks() == 0 ? "-" : s.minSide() + ".." + s.maxSide());
        if (list) {
            out.println();
            out.printf("%-12s %5s %5s %5s  %s%n", "id", "demo", "test", "side", "demo hash");
            for (Task t : set) {
                out.printf("%-12s %5d %5d %5d  %s%n", t.id(), t.demo().size(), t.test().size(), largestSide(t),
                        t.demoHash().substring(0, 16));
            }
        }
        out.flush();
        if (set.isEmpty()) {
            spec.commandLine().getErr().println("arclab tasks: no tasks in " + set.source());
            spec.commandLine().getErr().flush();
            return Main.FAILED;
        }
        return Main.OK;
    }

    private static void row(PrintWriter out, String name, Object value) {
        out.printf("%-26s %s%n", name + ":", value);
    }

    private static int largestSide(Task t) {
        int max = 0;
        for (Example e : t.demo()) {
            max = Math.max(max, side(e.input()));
            max = Math.max(max, side(e.output()));
        }
        for (Example e : t.test()) {
            max = Math.max(max, side(e.input()));
            if (e.hasOutput()) {
                max = Math.max(max, side(e.output()));
            }
        }
        return max;
    }

    private static int side(Grid g) {
        return Math.max(g.rows(), g.cols());
    }
}
