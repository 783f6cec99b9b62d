package dev.arclab.task;

import java.util.List;

/** Tasks could not be loaded. The message lists every problem; {@link #problems()} has them one by one. */
public class TaskLoadException extends RuntimeException {
    private final transient List<LoadProblem> problems;

    public TaskLoadException(String source, List<LoadProblem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** A problem with the source as a whole (missing path, unreadable folder, ...). */
    public TaskLoadException(String message) {
        super(message);
        this.problems = List.of();
    }

    public List<LoadProblem> problems() {
        return problems;
    }

    private static String message(String source, List<LoadProblem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" loading ").append(source).append(':');
        for (LoadProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
