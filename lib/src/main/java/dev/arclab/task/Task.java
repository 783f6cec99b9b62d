package dev.arclab.task;

import dev.arclab.dsl.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ARC task: its id, its demonstration pairs (the ARC "train" list) and its test pairs. Value
 * equality over all three. Every demo pair has an output; a test output may be unknown (null).
 *
 * <p>The id names files (a task folder holds {@code <id>.json}), so it is checked: 1 to 128 letters,
 * digits, {@code _} or {@code -}.
 */
public record Task(String id, List<Example> demo, List<Example> test) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public Task {
        checkId(id);
        demo = List.copyOf(demo);
        test = List.copyOf(test);
        for (int i = 0; i < demo.size(); i++) {
            if (!demo.get(i).hasOutput()) {
                throw new IllegalArgumentException("task " + id + ": demo pair " + i + " has no output");
            }
        }
    }

    /** Whether {@code id} can be a task id: 1 to 128 letters, digits, {@code _} or {@code -}. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Returns {@code id} if it is a valid task id, else throws IllegalArgumentException saying why. */
    public static String checkId(String id) {
        Objects.requireNonNull(id, "id");
        if (!isValidId(id)) {
            throw new IllegalArgumentException("invalid task id \"" + id
                    + "\": use 1 to 128 letters, digits, '_' or '-'");
        }
        return id;
    }

    /** The test input grids, in order. */
    public List<Grid> testInputs() {
        List<Grid> out = new ArrayList<>(test.size());
        for (Example e : test) {
            out.add(e.input());
        }
        return List.copyOf(out);
    }

    /** Whether every test pair has a known output. */
    public boolean hasTestOutputs() {
        for (Example e : test) {
            if (!e.hasOutput()) {
                return false;
            }
        }
        return true;
    }

    /** This task with its test outputs forgotten: what a solver may see before {@code predict}. */
    public Task withoutTestOutputs() {
        List<Example> t = new ArrayList<>(test.size());
        for (Example e : test) {
            t.add(e.withoutOutput());
        }
        return new Task(id, demo, t);
    }

    /** A short description, {@code Task[007bbfb7: 5 demo pairs, 1 test input]} (the grids would be too long). */
    @Override
    public String toString() {
        return "Task[" + id + ": " + demo.size() + (demo.size() == 1 ? " demo pair, " : " demo pairs, ")
                + test.size() + (test.size() == 1 ? " test input" : " test inputs")
                + (hasTestOutputs() ? "" : ", test outputs unknown") + "]";
    }

    /** SHA-256 (lower-case hex) of the canonical encoding of the demo pairs; see {@link TaskHashes}. */
    public String demoHash() {
        return TaskHashes.demoHash(this);
    }

    /** SHA-256 (lower-case hex) of the canonical encoding of the whole task; see {@link TaskHashes}. */
    public String contentHash() {
        return TaskHashes.taskHash(this);
    }
}
