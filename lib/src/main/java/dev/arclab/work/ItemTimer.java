package dev.arclab.work;

import java.util.function.Supplier;

/** Times one work item of a task ({@code profile.PhaseTimer} is one); {@link #NONE} just runs it. */
public interface ItemTimer {
    /** Runs nothing but the work. */
    ItemTimer NONE = new ItemTimer() {
        @Override
        public <T> T item(String task, Supplier<T> work) {
            return work.get();
        }
    };

    /** Runs {@code work} as one item of {@code task}, timing it. */
    <T> T item(String task, Supplier<T> work);
}
