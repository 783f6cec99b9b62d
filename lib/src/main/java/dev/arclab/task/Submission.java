package dev.arclab.task;

import dev.arclab.dsl.Grid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Kaggle ARC Prize {@code submission.json}: for every task, one entry per test input, each with two
 * attempts: {@code {"<id>": [{"attempt_1": G, "attempt_2": G}, ...], ...}}. Start from
 * {@link #forTasks(TaskSet)}, which fills every entry with {@link #PLACEHOLDER} (Kaggle rejects a
 * submission that leaves a test input out), then {@link #put} the predictions and {@link #write} it.
 * Not thread-safe.
 */
public final class Submission {
    /** The grid written for a test input with no prediction: {@code [[0]]}. */
    public static final Grid PLACEHOLDER = Grid.filled(1, 1, 0);

    /** The two attempts for one test input. */
    public record Attempts(Grid attempt1, Grid attempt2) {
        public Attempts {
            Objects.requireNonNull(attempt1, "attempt1");
            Objects.requireNonNull(attempt2, "attempt2");
        }
    }

    private final Map<String, Attempts[]> entries = new TreeMap<>();

    private Submission() {
    }

    /** A submission with one placeholder entry per test input of every task. */
    public static Submission forTasks(TaskSet tasks) {
        Submission s = new Submission();
        Attempts blank = new Attempts(PLACEHOLDER, PLACEHOLDER);
        for (Task t : tasks) {
            Attempts[] a = new Attempts[t.test().size()];
            Arrays.fill(a, blank);
            s.entries.put(Task.checkId(t.id()), a);
        }
        return s;
    }

    /**
     * Sets the attempts for test input {@code testIndex} of a task.
     *
     * @throws IllegalArgumentException if the task or the test index is not in this submission
     */
    public Submission put(String taskId, int testIndex, Grid attempt1, Grid attempt2) {
        Attempts[] a = entries.get(taskId);
        if (a == null) {
            throw new IllegalArgumentException("task " + taskId + " is not in this submission");
        }
        if (testIndex < 0 || testIndex >= a.length) {
            throw new IllegalArgumentException("task " + taskId + " has " + a.length + " test input(s), no index " + testIndex);
        }
        a[testIndex] = new Attempts(attempt1, attempt2);
        return this;
    }

    public Attempts get(String taskId, int testIndex) {
        Attempts[] a = entries.get(taskId);
        if (a == null || testIndex < 0 || testIndex >= a.length) {
            throw new IllegalArgumentException("no entry for task " + taskId + " test input " + testIndex);
        }
        return a[testIndex];
    }

    /** The entries by task id, in id order (an unmodifiable copy). */
    public Map<String, List<Attempts>> entries() {
        Map<String, List<Attempts>> m = new TreeMap<>();
        entries.forEach((k, v) -> m.put(k, List.of(v)));
        return Collections.unmodifiableMap(m);
    }

    /** The submission JSON, one task per line, in id order. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        String sep = "\n";
        for (Map.Entry<String, Attempts[]> e : entries.entrySet()) {
            sb.append(sep).append('"').append(e.getKey()).append("\": [");
            Attempts[] a = e.getValue();
            for (int k = 0; k < a.length; k++) {
                sb.append(k == 0 ? "{" : ", {").append("\"attempt_1\": ");
                TaskWriter.grid(sb, a[k].attempt1());
                sb.append(", \"attempt_2\": ");
                TaskWriter.grid(sb, a[k].attempt2());
                sb.append('}');
            }
            sb.append(']');
            sep = ",\n";
        }
        return sb.append("\n}\n").toString();
    }

    /**
     * Whether {@code g} can be an attempt: 1..30 rows and columns of colours 0..9, as ARC grids are. A
     * program's output outside that (a colour 10, an empty or huge grid) is replaced by the placeholder.
     */
    public static boolean isValidAttempt(Grid g) {
        if (g.rows() < 1 || g.cols() < 1 || g.rows() > 30 || g.cols() > 30) {
            return false;
        }
        for (int c : g.cells()) {
            if (c < 0 || c > 9) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the submission JSON to {@code file} (usually {@code submission.json}) through a temporary file in
     * the same folder that is then renamed over it, so a reader (or a process killed meanwhile) sees the old
     * file or the new one, never half of one.
     */
    public void write(Path file) {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        TaskWriter.writeString(tmp, toJson());
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " (renaming " + tmp.getFileName() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Reads a submission file (attempt grids may be any rectangle of integers).
     *
     * @throws TaskLoadException naming the file, task and JSON path of every problem
     */
    public static Submission read(Path file) {
        String label = file.toString();
        List<LoadProblem> problems = new ArrayList<>();
        Object root = null;
        try {
            root = Json.parse(Files.readString(file));
        } catch (Json.Malformed e) {
            problems.add(new LoadProblem(label, null, e.path, e.what));
        } catch (java.io.IOException e) {
            problems.add(new LoadProblem(label, null, "", "cannot read: " + e));
        }
        Submission s = new Submission();
        if (root != null && !(root instanceof Map)) {
            problems.add(new LoadProblem(label, null, "", "expected {task id: [attempts, ...], ...}, found " + Json.typeOf(root)));
        }
        if (root instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String id = (String) e.getKey();
                TaskParser p = new TaskParser(label, id, problems);
                if (!Task.isValidId(id)) {
                    p.problem(id, "invalid task id: use 1 to 128 letters, digits, '_' or '-'");
                    continue;
                }
                if (!(e.getValue() instanceof List<?> list)) {
                    p.problem(id, "expected a list of attempts, one per test input, found " + Json.typeOf(e.getValue()));
                    continue;
                }
                Attempts[] a = new Attempts[list.size()];
                for (int k = 0; k < list.size(); k++) {
                    String at = Json.index(id, k);
                    if (!(list.get(k) instanceof Map<?, ?> pair)) {
                        p.problem(at, "expected {\"attempt_1\": grid, \"attempt_2\": grid}, found " + Json.typeOf(list.get(k)));
                        continue;
                    }
                    Grid g1 = pair.containsKey("attempt_1") ? p.grid(pair.get("attempt_1"), Json.member(at, "attempt_1"), false) : null;
                    Grid g2 = pair.containsKey("attempt_2") ? p.grid(pair.get("attempt_2"), Json.member(at, "attempt_2"), false) : null;
                    if (!pair.containsKey("attempt_1") || !pair.containsKey("attempt_2")) {
                        p.problem(at, "missing: each entry needs \"attempt_1\" and \"attempt_2\"");
                    }
                    if (g1 != null && g2 != null) {
                        a[k] = new Attempts(g1, g2);
                    }
                }
                s.entries.put(id, a);
            }
        }
        if (!problems.isEmpty()) {
            throw new TaskLoadException(label, problems);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Submission s && entries().equals(s.entries());
    }

    @Override
    public int hashCode() {
        return entries().hashCode();
    }
}
