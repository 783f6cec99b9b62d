package dev.arclab.cli;

import dev.arclab.task.LoadProblem;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The task source of the commands that run programs ({@code @Mixin TaskOptions tasks;}): {@code --tasks
 * PATH} (the bundled set when absent), {@code --limit N} (the first N by id) and {@code --lenient}.
 */
public final class TaskOptions {
    @Option(names = "--tasks", paramLabel = "PATH",
            description = "Task folder, task file or Kaggle bundle (default: the bundled ARC-AGI-1 training set).")
    Path path;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N tasks (by id).")
    Integer limit;

    @Option(names = "--lenient", description = "Leave out bad files and tasks, listing them on stderr, instead of failing.")
    boolean lenient;

    /** The PATH given, or null for the bundled set. */
    public Path path() {
        return path;
    }

    /** {@code --limit}, or {@code otherwise} when it was not given. */
    public int limit(int otherwise) {
        return limit == null ? otherwise : limit;
    }

    /**
     * Loads the tasks (the first {@code --limit} of them); in lenient mode lists the problems on {@code err}.
     *
     * @throws IllegalArgumentException when {@code --limit} is below 1
     * @throws dev.arclab.task.TaskLoadException when they cannot be loaded (the CLI exits with 1)
     */
    public TaskSet load(PrintWriter err) {
        return first(load(path, lenient, err), limit);
    }

    /** Loads {@code path} (null: the bundled set), strictly or leniently listing the problems on {@code err}. */
    static TaskSet load(Path path, boolean lenient, PrintWriter err) {
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

    /** The first {@code limit} tasks of {@code set} (all of them when null). */
    static TaskSet first(TaskSet set, Integer limit) {
        if (limit == null) {
            return set;
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        if (limit >= set.size()) {
            return set;
        }
        List<Task> first = set.tasks().subList(0, limit);
        return new TaskSet(set.source() + " (first " + limit + ")", first);
    }
}
