package dev.arclab.cluster;

import dev.arclab.pipeline.RemoteWork;
import dev.arclab.search.EnumerateStrategy;
import dev.arclab.search.Enumerator;
import dev.arclab.search.SearchProblem;
import dev.arclab.task.Task;
import dev.arclab.cache.CorruptEntryException;
import java.util.List;

/**
 * A worker's side of the enumerate strategy's searches ({@link RemoteWork.Kind#SEARCH}): one task's
 * enumeration with the settings the coordinator sent, its outcome as bytes. The search is the one a local
 * run makes ({@link Enumerator}, then {@link EnumerateStrategy#outcome}), so the programs found are the
 * same whatever the member count; the deadline is the coordinator's, as time left when the item was made.
 */
final class ClusterSearch {
    private ClusterSearch() {
    }

    static byte[] run(RemoteWork.Parts parts, byte[] item) {
        long start = System.nanoTime();
        List<Task> tasks = parts.get(0, "searchTasks", RemoteWork::readSearchTasks);
        RemoteWork.SearchItem<Enumerator.Settings> it = RemoteWork.SearchItem.read(item, Enumerator.Settings.class);
        if (it.task() < 0 || it.task() >= tasks.size()) {
            throw new CorruptEntryException("search item: no task " + it.task() + " of " + tasks.size());
        }
        long deadline = it.nanosLeft() == Long.MAX_VALUE ? Long.MAX_VALUE : start + it.nanosLeft();
        Enumerator.Result r;
        try {
            r = dev.arclab.search.Search.withinMemory(it.settings(), 1, () -> new Enumerator(SearchProblem.of(tasks.get(it.task())),
                    it.settings()).run(deadline, () -> Thread.currentThread().isInterrupted()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return EnumerateStrategy.outcome(r).encode();
    }
}
