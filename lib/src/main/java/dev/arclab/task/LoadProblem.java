package dev.arclab.task;

import java.util.Objects;

/**
 * One problem found while loading tasks.
 *
 * @param file the file it is in, as given or found (a classpath resource is {@code classpath:...})
 * @param taskId the task it concerns, or null when it concerns the whole file
 * @param path the JSON path of the problem inside the file, e.g. {@code train[2].output[3][1]} (in a Kaggle
 *     bundle it starts with the task id, {@code 007bbfb7.train[2]...}); empty for the whole file
 * @param message what is wrong
 */
public record LoadProblem(String file, String taskId, String path, String message) {
    public LoadProblem {
        Objects.requireNonNull(file, "file");
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
    }

    /** {@code file: task ID: at PATH: message}, leaving out the parts that are unknown. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (taskId != null) {
            sb.append(": task ").append(taskId);
        }
        if (!path.isEmpty()) {
            sb.append(": at ").append(path);
        }
        return sb.append(": ").append(message).toString();
    }
}
