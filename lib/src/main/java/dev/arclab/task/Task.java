package dev.arclab.task;

import java.util.List;
import java.util.Objects;

/** An ARC task: its id, its demonstration pairs (the ARC "train" list) and its test pairs. */
public record Task(String id, List<Example> demo, List<Example> test) {
    public Task {
        Objects.requireNonNull(id, "id");
        demo = List.copyOf(demo);
        test = List.copyOf(test);
    }
}
