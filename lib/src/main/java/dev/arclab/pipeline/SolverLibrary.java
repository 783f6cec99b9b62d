package dev.arclab.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The solver library: for every task, the best programs known for it, best first by (demo score,
 * cost), at most {@code keepPerTask} of them and never the same program twice. Programs for tasks not
 * in the loaded set are kept with an unknown score; they can still be picked for batches, and scoring
 * may find that they solve other tasks.
 */
public final class SolverLibrary {
    private final int keepPerTask;
    private final TreeMap<String, List<LibraryEntry>> byTask = new TreeMap<>();

    public SolverLibrary(int keepPerTask) {
        if (keepPerTask < 1) {
            throw new IllegalArgumentException("keepPerTask must be at least 1, got " + keepPerTask);
        }
        this.keepPerTask = keepPerTask;
    }

    public int keepPerTask() {
        return keepPerTask;
    }

    /**
     * Offers a program for its task: it is kept when it is not already there and is among the best
     * {@code keepPerTask}; a worse entry may be dropped to make room. Returns whether it was kept.
     */
    public synchronized boolean offer(LibraryEntry entry) {
        List<LibraryEntry> list = byTask.computeIfAbsent(entry.task(), k -> new ArrayList<>());
        for (LibraryEntry e : list) {
            if (e.program().hash().equals(entry.program().hash())) {
                return false;
            }
        }
        int at = 0;
        while (at < list.size() && LibraryEntry.compareBestFirst(list.get(at), entry) <= 0) {
            at++;
        }
        if (at >= keepPerTask) {
            if (list.isEmpty()) {
                byTask.remove(entry.task());
            }
            return false;
        }
        list.add(at, entry);
        while (list.size() > keepPerTask) {
            list.remove(list.size() - 1);
        }
        return true;
    }

    /** The entries of a task, best first (empty when there are none). */
    public synchronized List<LibraryEntry> entries(String task) {
        List<LibraryEntry> list = byTask.get(task);
        return list == null ? List.of() : List.copyOf(list);
    }

    public synchronized Optional<LibraryEntry> best(String task) {
        List<LibraryEntry> list = byTask.get(task);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** Tasks with at least one program, in id order. */
    public synchronized List<String> tasks() {
        return List.copyOf(byTask.keySet());
    }

    /** Number of programs over all tasks. */
    public synchronized int size() {
        int n = 0;
        for (List<LibraryEntry> l : byTask.values()) {
            n += l.size();
        }
        return n;
    }

    /** Every entry, by task id then best first. */
    public synchronized List<LibraryEntry> all() {
        List<LibraryEntry> out = new ArrayList<>();
        byTask.values().forEach(out::addAll);
        return Collections.unmodifiableList(out);
    }

    /** Tasks whose best program matches every demo pair. */
    public synchronized int perfectTasks() {
        int n = 0;
        for (List<LibraryEntry> l : byTask.values()) {
            n += !l.isEmpty() && l.get(0).scoreKnown() && l.get(0).score() == 1.0 ? 1 : 0;
        }
        return n;
    }

    @Override
    public synchronized String toString() {
        return "SolverLibrary[" + byTask.size() + " tasks, " + size() + " programs, " + perfectTasks()
                + " demo-perfect]";
    }
}
