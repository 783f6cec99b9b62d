package dev.arclab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.cache.Caches;
import dev.arclab.pipeline.PhaseResults.Generated;
import dev.arclab.pipeline.Progress;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {

    @Test
    void threadsAndSeedSetThroughConfigureAreKept() {
        Session s = new Session();
        s.configure(c -> c.withThreads(3).withSeed(11).withTasksPerBatch(4));
        assertEquals(3, s.threads());
        assertEquals(11, s.seed());
        assertEquals(4, s.config().tasksPerBatch());
        s.threads(2);
        assertEquals(2, s.config().threads());
        assertEquals(4, s.config().tasksPerBatch(), "changing threads keeps the other settings");
    }

    @Test
    void theDefaultHomeIsTheCachesHome(@TempDir Path dir) {
        try {
            Caches.setHome(dir);
            assertEquals(dir.toAbsolutePath().normalize(), new Session().home());
        } finally {
            Caches.setHome(null);
        }
    }

    @Test
    void aWatcherSeesEveryPhaseAndItsProgress(@TempDir Path dir) {
        List<String> events = new ArrayList<>();
        Session.watchWith((what, cancel) -> new Session.Watch() {
            @Override
            public void progress(Progress p) {
                events.add(what + ":" + p.phase());
            }

            @Override
            public void finish(boolean cancelled) {
                events.add(what + " done" + (cancelled ? " (cancelled)" : ""));
            }
        });
        try {
            Session s = new Session().threads(1).home(dir);
            s.useMemoryCache();
            TaskSet some = TaskLoader.bundled().filter(t -> List.of("74dd1130", "9dfd6313").contains(t.id()));
            s.tasks(some);
            s.loadBundledSolvers();
            Generated g = s.generate();
            assertTrue(g.batch().size() > 0);
            s.score();
            assertTrue(events.contains("generate done"), events.toString());
            assertTrue(events.contains("score:score"), events.toString());
            assertTrue(events.contains("score done"), events.toString());
            s.reset();
        } finally {
            Session.watchWith(null);
        }
    }
}
