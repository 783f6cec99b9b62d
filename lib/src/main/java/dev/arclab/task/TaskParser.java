package dev.arclab.task;

import dev.arclab.dsl.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed JSON value (see {@link Json}) as an ARC task and builds it, adding every problem it
 * finds to a list: all bad grids of a task are reported, the first problem of each grid.
 */
final class TaskParser {
    /** The largest side of a grid in a task file. */
    static final int MAX_SIDE = 30;

    private final String file;
    private final String taskId;
    private final List<LoadProblem> problems;

    TaskParser(String file, String taskId, List<LoadProblem> problems) {
        this.file = file;
        this.taskId = taskId;
        this.problems = problems;
    }

    /** The task at {@code path} of a file, or null after adding its problems. */
    Task task(Object node, String path) {
        int before = problems.size();
        if (!(node instanceof Map<?, ?> m)) {
            problem(path, "expected a task: an object with \"train\" and \"test\" lists, found " + Json.typeOf(node));
            return null;
        }
        List<Example> demo = pairs(m, path, "train", true);
        List<Example> test = pairs(m, path, "test", false);
        if (problems.size() > before) {
            return null;
        }
        return new Task(taskId, demo, test);
    }

    private List<Example> pairs(Map<?, ?> task, String path, String key, boolean needOutput) {
        String listPath = Json.member(path, key);
        String what = needOutput ? "demo pairs" : "test pairs";
        if (!task.containsKey(key)) {
            problem(listPath, "missing: a task needs a \"" + key + "\" list of " + what);
            return List.of();
        }
        if (!(task.get(key) instanceof List<?> list)) {
            problem(listPath, "expected a list of " + what + ", found " + Json.typeOf(task.get(key)));
            return List.of();
        }
        if (list.isEmpty()) {
            problem(listPath, "no " + what + ": the list is empty");
            return List.of();
        }
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String pairPath = Json.index(listPath, i);
            if (!(list.get(i) instanceof Map<?, ?> pair)) {
                problem(pairPath, "expected a pair: an object with \"input\""
                        + (needOutput ? " and \"output\"" : "") + ", found " + Json.typeOf(list.get(i)));
                continue;
            }
            Grid in = null;
            Grid outGrid = null;
            String inPath = Json.member(pairPath, "input");
            if (!pair.containsKey("input")) {
                problem(inPath, "missing: every pair needs an input grid");
            } else {
                in = grid(pair.get("input"), inPath);
            }
            String outPath = Json.member(pairPath, "output");
            if (!pair.containsKey("output")) {
                if (needOutput) {
                    problem(outPath, "missing: every demo pair needs an output grid");
                }
            } else {
                outGrid = grid(pair.get("output"), outPath);
            }
            if (in != null) {
                out.add(new Example(in, outGrid));
            }
        }
        return out;
    }

    /** The grid at {@code path}, checked as a task grid (1..30 per side, colours 0..9), or null. */
    Grid grid(Object node, String path) {
        return grid(node, path, true);
    }

    /**
     * The grid at {@code path}, or null after adding one problem. With {@code taskLimits}, sides must be
     * 1..30 and colours 0..9; without, any non-empty rectangle of ints is a grid (submission attempts).
     */
    Grid grid(Object node, String path, boolean taskLimits) {
        if (!(node instanceof List<?> rows)) {
            problem(path, "expected a grid (a list of rows), found " + Json.typeOf(node));
            return null;
        }
        if (rows.isEmpty()) {
            problem(path, "empty grid: a grid needs at least one row");
            return null;
        }
        int cols = -1;
        for (int i = 0; i < rows.size(); i++) {
            String rowPath = Json.index(path, i);
            if (!(rows.get(i) instanceof List<?> row)) {
                problem(rowPath, "expected a row (a list of colours), found " + Json.typeOf(rows.get(i)));
                return null;
            }
            if (row.isEmpty()) {
                problem(rowPath, "empty row: a row needs at least one cell");
                return null;
            }
            if (cols < 0) {
                cols = row.size();
            } else if (row.size() != cols) {
                problem(rowPath, "ragged grid: row " + i + " has " + row.size() + " cells, row 0 has " + cols);
                return null;
            }
        }
        if (taskLimits && (rows.size() > MAX_SIDE || cols > MAX_SIDE)) {
            problem(path, "grid is " + rows.size() + "x" + cols + ", a side is over " + MAX_SIDE
                    + " (task grids are 1.." + MAX_SIDE + " per side)");
            return null;
        }
        int[] cells = new int[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) {
            List<?> row = (List<?>) rows.get(i);
            for (int j = 0; j < cols; j++) {
                Object c = row.get(j);
                String cellPath = Json.index(Json.index(path, i), j);
                if (!(c instanceof Json.Num n) || !n.isInt()) {
                    problem(cellPath, "non-integer cell: expected a colour 0..9, found " + Json.typeOf(c));
                    return null;
                }
                int v = Integer.parseInt(n.text());
                if (taskLimits && (v < 0 || v > 9)) {
                    problem(cellPath, "colour " + v + " outside 0..9");
                    return null;
                }
                cells[i * cols + j] = v;
            }
        }
        return Grid.wrap(rows.size(), cols, cells);
    }

    void problem(String path, String message) {
        problems.add(new LoadProblem(file, taskId, path, message));
    }
}
