package dev.arclab.magics;

import dev.arclab.lab.Session;
import dev.arclab.pipeline.Progress;

/**
 * How a session's work shows in a notebook: while it runs, its cancel is registered for the stop button
 * ({@link Cancellables}) and a {@link ProgressBar} follows its progress.
 */
final class NotebookWatcher implements Session.Watcher {

    static void install() {
        Session.watchWith(new NotebookWatcher());
    }

    @Override
    public Session.Watch start(String what, Runnable cancel) {
        Cancellables.Registration registration = Cancellables.register(cancel::run);
        ProgressBar bar = ProgressBar.start(what);
        return new Session.Watch() {
            @Override
            public void progress(Progress p) {
                bar.update(p);
            }

            @Override
            public void finish(boolean cancelled) {
                bar.finish(cancelled);
            }

            @Override
            public void close() {
                try {
                    bar.close();
                } finally {
                    registration.close();
                }
            }
        };
    }
}
