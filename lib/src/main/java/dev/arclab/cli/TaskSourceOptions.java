package dev.arclab.cli;

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
        return TaskOptions.load(path, lenient, err);
    }
}
