package dev.arclab.magics;

import dev.arclab.lab.Session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.pipeline.Progress;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Progress bars: shown once, updated in place under one id, throttled, and nothing at all when headless. */
class ProgressBarTest {
    /** A display that records what it is asked to show. */
    static final class Recording implements NotebookDisplay {
        final List<String> calls = new ArrayList<>();
        final List<ProgressBar.View> views = new ArrayList<>();
        boolean available = true;

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public synchronized String show(Object value) {
            calls.add("show");
            views.add((ProgressBar.View) value);
            return "id-1";
        }

        @Override
        public synchronized void update(String id, Object value) {
            calls.add("update " + id);
            views.add((ProgressBar.View) value);
        }
    }

    @AfterEach
    void headlessAgain() {
        NotebookDisplay.use(null);
    }

    @Test
    void showsOnceThenUpdatesInPlaceAtMostFiveTimesASecond() {
        Recording d = new Recording();
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = ProgressBar.on(d, "run", clock::get);
        bar.update(new Progress("score", 0, 1000));
        for (int i = 1; i <= 1000; i++) {
            clock.addAndGet(1_000_000); // 1 ms per item: one second in all
            bar.update(new Progress("score", i, 1000));
        }
        bar.finish(false);
        assertEquals("show", d.calls.get(0));
        assertTrue(d.calls.subList(1, d.calls.size()).stream().allMatch(c -> c.equals("update id-1")),
                d.calls.toString());
        assertTrue(d.calls.size() <= 1 + 5 + 2, "throttled: " + d.calls.size() + " calls for 1000 events in 1 s");
        ProgressBar.View last = d.views.get(d.views.size() - 1);
        assertEquals(1000, last.done());
        assertEquals("done in 1.0 s", last.state());
        assertEquals("run: score 1000/1000 samples, done in 1.0 s", last.line());
        ProgressBar.View middle = d.views.get(2);
        assertEquals("score", middle.phase());
        assertEquals("samples", middle.unit());
        assertFalse(Double.isNaN(middle.etaSeconds()));
        assertTrue(middle.line().contains("ETA"), middle.line());
    }

    @Test
    void countsIterationsAndSaysWhenCancelled() {
        Recording d = new Recording();
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = ProgressBar.on(d, "iterate 3", clock::get);
        for (int it = 0; it < 2; it++) {
            // two strategies generate in one iteration: it is still one iteration
            for (String phase : List.of("generate mutate", "generate enumerate", "score", "canonicalize", "validate",
                    "differs")) {
                bar.update(new Progress(phase, 0, 10));
                clock.addAndGet(300_000_000);
                bar.update(new Progress(phase, 10, 10));
            }
        }
        bar.finish(true);
        ProgressBar.View last = d.views.get(d.views.size() - 1);
        assertEquals(2, last.iteration());
        assertTrue(last.line().startsWith("iterate 3, iteration 2: differs 10/10 tasks"), last.line());
        assertTrue(last.line().endsWith("differs 10/10 tasks, cancelled after 3.6 s: what finished is kept, marked partial"),
                last.line());
        int n = d.calls.size();
        bar.update(new Progress("score", 1, 10));
        bar.close();
        assertEquals(n, d.calls.size(), "nothing after the end");
    }

    @Test
    void headlessShowsNothing() {
        NotebookDisplay.use(null);
        assertSame(NotebookDisplay.HEADLESS, NotebookDisplay.current());
        ProgressBar bar = ProgressBar.start("run");
        assertFalse(bar.active());
        bar.update(new Progress("score", 0, 10));
        bar.finish(false);
        assertEquals(0, bar.updates());

        Recording d = new Recording();
        d.available = false;
        NotebookDisplay.use(d);
        assertFalse(ProgressBar.start("run").active(), "a display without a front end attached is headless too");
    }

    @Test
    void sessionPhasesFeedTheBar() {
        Recording d = new Recording();
        NotebookDisplay.use(d);
        NotebookWatcher.install();
        Session s = new Session().threads(2);
        s.tasks(new TaskSet("first 20", TaskLoader.bundled().tasks().subList(0, 20)));
        s.loadBundledSolvers();
        s.run();
        assertEquals("show", d.calls.get(0));
        assertTrue(d.calls.size() >= 2, d.calls.toString());
        // generate reports its mutants first (the bar shows a first update at once), the last view is the end
        assertEquals("generate mutate", d.views.get(0).phase(), d.views.toString());
        assertEquals("differs", d.views.get(d.views.size() - 1).phase(), d.views.toString());
        assertTrue(d.views.get(d.views.size() - 1).state().startsWith("done in "));
        s.reset();
    }
}
