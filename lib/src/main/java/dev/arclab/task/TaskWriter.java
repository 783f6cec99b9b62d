package dev.arclab.task;

import dev.arclab.dsl.Grid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes tasks back to JSON that {@link TaskLoader} reads into equal tasks: one task file, a folder of
 * task files, or a Kaggle bundle (challenges plus solutions). Output is deterministic: tasks in id order,
 * keys in ARC order, one pair (or one bundle task) per line, grids compact.
 */
public final class TaskWriter {
    private static final Pattern SPLIT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The files of a written Kaggle bundle; {@code solutions} is null when no test output was known. */
    public record KaggleFiles(Path challenges, Path solutions) {
    }

    private TaskWriter() {
    }

    /** A grid as compact JSON: {@code [[0,1],[2,3]]}. */
    public static String gridJson(Grid g) {
        StringBuilder sb = new StringBuilder();
        grid(sb, g);
        return sb.toString();
    }

    /** One task in the ARC task-file format: {@code {"train": [...], "test": [...]}}, ending with a newline. */
    public static String toJson(Task task) {
        StringBuilder sb = new StringBuilder("{\"train\": [");
        pairs(sb, task.demo(), "\n  ");
        sb.append("\n], \"test\": [");
        pairs(sb, task.test(), "\n  ");
        return sb.append("\n]}\n").toString();
    }

    /** Writes one task file. */
    public static void write(Task task, Path file) {
        writeString(file, toJson(task));
    }

    /** Writes {@code <dir>/<id>.json} for each task (creating the folder) and returns the files in id order. */
    public static List<Path> writeFolder(TaskSet tasks, Path dir) {
        createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Task t : tasks) {
            Path f = dir.resolve(Task.checkId(t.id()) + ".json");
            write(t, f);
            out.add(f);
        }
        return out;
    }

    /** The challenges JSON of a Kaggle bundle: every task with its test inputs only. */
    public static String challengesJson(TaskSet tasks) {
        StringBuilder sb = new StringBuilder("{");
        String sep = "\n";
        for (Task t : tasks) {
            sb.append(sep).append('"').append(Task.checkId(t.id())).append("\": {\"train\": [");
            pairs(sb, t.demo(), "");
            sb.append("], \"test\": [");
            pairs(sb, t.testInputs().stream().map(Example::inputOnly).toList(), "");
            sb.append("]}");
            sep = ",\n";
        }
        return sb.append("\n}\n").toString();
    }

    /**
     * The solutions JSON of a Kaggle bundle: {@code {id: [output grid per test input], ...}}.
     *
     * @throws IllegalArgumentException if a test output is unknown
     */
    public static String solutionsJson(TaskSet tasks) {
        StringBuilder sb = new StringBuilder("{");
        String sep = "\n";
        for (Task t : tasks) {
            if (!t.hasTestOutputs()) {
                throw new IllegalArgumentException("task " + t.id() + " has a test output that is not known");
            }
            sb.append(sep).append('"').append(Task.checkId(t.id())).append("\": [");
            for (int k = 0; k < t.test().size(); k++) {
                sb.append(k == 0 ? "" : ", ");
                grid(sb, t.test().get(k).output());
            }
            sb.append(']');
            sep = ",\n";
        }
        return sb.append("\n}\n").toString();
    }

    /**
     * Writes {@code arc-agi_<split>_challenges.json} into {@code dir} (creating it) and, when every test
     * output is known, {@code arc-agi_<split>_solutions.json} beside it.
     *
     * @throws IllegalArgumentException if some test outputs are known and others not, or the split name
     *     is not letters, digits, '_' or '-'
     */
    public static KaggleFiles writeKaggle(TaskSet tasks, Path dir, String split) {
        if (!SPLIT.matcher(split).matches()) {
            throw new IllegalArgumentException("invalid split name \"" + split + "\": use letters, digits, '_' or '-'");
        }
        boolean all = tasks.stream().allMatch(Task::hasTestOutputs);
        boolean none = tasks.stream().noneMatch(t -> t.test().stream().anyMatch(Example::hasOutput));
        if (!all && !none) {
            Task t = tasks.stream().filter(x -> !x.hasTestOutputs()).findFirst().orElseThrow();
            throw new IllegalArgumentException("some test outputs are known and others not (task " + t.id()
                    + "): a solutions file needs them all; write tasks.withoutTestOutputs() to leave them out");
        }
        createDirectories(dir);
        Path c = dir.resolve("arc-agi_" + split + "_challenges.json");
        writeString(c, challengesJson(tasks));
        Path s = null;
        if (all && !tasks.isEmpty()) {
            s = dir.resolve("arc-agi_" + split + "_solutions.json");
            writeString(s, solutionsJson(tasks));
        }
        return new KaggleFiles(c, s);
    }

    private static void pairs(StringBuilder sb, List<Example> pairs, String indent) {
        for (int i = 0; i < pairs.size(); i++) {
            Example e = pairs.get(i);
            sb.append(i == 0 ? "" : ",").append(indent.isEmpty() && i > 0 ? " " : indent).append("{\"input\": ");
            grid(sb, e.input());
            if (e.hasOutput()) {
                sb.append(", \"output\": ");
                grid(sb, e.output());
            }
            sb.append('}');
        }
    }

    static void grid(StringBuilder sb, Grid g) {
        sb.append('[');
        for (int i = 0; i < g.rows(); i++) {
            sb.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < g.cols(); j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(g.at(i, j));
            }
            sb.append(']');
        }
        sb.append(']');
    }

    static void writeString(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
