package dev.arclab.task;

import dev.arclab.dsl.Grid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An immutable set of tasks ordered by id, with unique ids. It remembers where it came from
 * ({@link #source()}) and, after a lenient load, the problems that kept files or tasks out
 * ({@link #problems()}). Two task sets are equal when they hold equal tasks, whatever their source.
 */
public final class TaskSet implements Iterable<Task> {
    private final String source;
    private final List<Task> tasks;
    private final Map<String, Task> byId;
    private final List<LoadProblem> problems;

    public TaskSet(String source, Collection<Task> tasks) {
        this(source, tasks, List.of());
    }

    /** @throws IllegalArgumentException if two tasks have the same id */
    public TaskSet(String source, Collection<Task> tasks, List<LoadProblem> problems) {
        this.source = Objects.requireNonNull(source, "source");
        List<Task> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing(Task::id));
        Map<String, Task> m = new LinkedHashMap<>();
        for (Task t : sorted) {
            if (m.put(t.id(), t) != null) {
                throw new IllegalArgumentException("two tasks with id " + t.id() + " in " + source);
            }
        }
        this.tasks = List.copyOf(sorted);
        this.byId = Collections.unmodifiableMap(m);
        this.problems = List.copyOf(problems);
    }

    public static TaskSet of(String source, Task... tasks) {
        return new TaskSet(source, List.of(tasks));
    }

    /** Where the tasks came from: a path, or a name such as the bundled set's. */
    public String source() {
        return source;
    }

    /** The tasks, ordered by id. */
    public List<Task> tasks() {
        return tasks;
    }

    /** The ids, in order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public int size() {
        return tasks.size();
    }

    public boolean isEmpty() {
        return tasks.isEmpty();
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public Optional<Task> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws NoSuchElementException if there is no task with this id */
    public Task get(String id) {
        Task t = byId.get(id);
        if (t == null) {
            throw new NoSuchElementException("no task " + id + " in " + source);
        }
        return t;
    }

    /** The problems of a lenient load (files or tasks left out); empty otherwise. */
    public List<LoadProblem> problems() {
        return problems;
    }

    /** The tasks that pass {@code keep}, same source, no problems. */
    public TaskSet filter(Predicate<Task> keep) {
        return new TaskSet(source, tasks.stream().filter(keep).toList());
    }

    /** The same tasks with their test outputs forgotten. */
    public TaskSet withoutTestOutputs() {
        return new TaskSet(source, tasks.stream().map(Task::withoutTestOutputs).toList(), problems);
    }

    public Stream<Task> stream() {
        return tasks.stream();
    }

    @Override
    public Iterator<Task> iterator() {
        return tasks.iterator();
    }

    public Summary summary() {
        return Summary.of(tasks);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskSet s && tasks.equals(s.tasks);
    }

    @Override
    public int hashCode() {
        return tasks.hashCode();
    }

    @Override
    public String toString() {
        return "TaskSet[" + source + ", " + tasks.size() + " tasks]";
    }

    /**
     * Summary figures of a task set.
     *
     * @param tasks number of tasks
     * @param demoPairs number of demo pairs, over all tasks
     * @param testInputs number of test inputs, over all tasks
     * @param tasksWithSeveralTests tasks with more than one test input
     * @param knownTestOutputs test inputs whose output is known
     * @param minSide the smallest side (rows or columns) of any grid, 0 for no tasks
     * @param maxSide the largest side (rows or columns) of any grid, 0 for no tasks
     */
    public record Summary(int tasks, int demoPairs, int testInputs, int tasksWithSeveralTests,
            int knownTestOutputs, int minSide, int maxSide) {

        static Summary of(List<Task> tasks) {
            int demo = 0;
            int test = 0;
            int several = 0;
            int known = 0;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (Task t : tasks) {
                demo += t.demo().size();
                test += t.test().size();
                if (t.test().size() > 1) {
                    several++;
                }
                List<Grid> grids = new ArrayList<>();
                for (Example e : t.demo()) {
                    grids.add(e.input());
                    grids.add(e.output());
                }
                for (Example e : t.test()) {
                    grids.add(e.input());
                    if (e.hasOutput()) {
                        known++;
                        grids.add(e.output());
                    }
                }
                for (Grid g : grids) {
                    min = Math.min(min, Math.min(g.rows(), g.cols()));
                    max = Math.max(max, Math.max(g.rows(), g.cols()));
                }
            }
            return new Summary(tasks.size(), demo, test, several, known, tasks.isEmpty() ? 0 : min, max);
        }
    }
}
