package dev.arclab.cli;

import dev.arclab.task.LoadProblem;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The task-source parameter shared by commands that read tasks ({@code @Mixin TaskSourceOptions tasks;}):
 * an optional PATH, the bundled set when absent, and {@code --lenient}.
 */
public final class TaskSourceOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = {"A folder of task JSON files, one task file, or a Kaggle arc-agi_<split>_challenges.json "
                    + "(its _solutions.json beside it gives the test outputs).",
                    "Default: the bundled ARC-AGI-1 training set (400 tasks)."})
    Path path;

    @Option(names = "--lenient",
            description = "Leave out bad files and tasks, listing them on stderr, instead of failing.")
    boolean lenient;

    /** The PATH given, or null for the bundled set. */
    public Path path() {
        return path;
    }

    public boolean lenient() {
        return lenient;
    }

    /**
     * Loads the tasks; in lenient mode, lists the problems on {@code err}.
     *
     * @throws dev.arclab.task.TaskLoadException when they cannot be loaded (the CLI exits with 1)
     */
    public TaskSet load(PrintWriter err) {
        if (path == null) {
            return TaskLoader.bundled();
        }
        TaskSet s = TaskLoader.load(path, lenient ? TaskLoader.Mode.LENIENT : TaskLoader.Mode.STRICT);
        if (!s.problems().isEmpty()) {
            int n = s.problems().size();
            err.println(n + (n == 1 ? " problem" : " problems") + " in " + s.source()
                    + " (--lenient: the files and tasks concerned are left out):");
            for (LoadProblem p : s.problems()) {
                err.println("  " + p);
            }
            err.flush();
        }
        return s;
    }
}
