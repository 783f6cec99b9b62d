package dev.arclab.kernel;

import java.util.Optional;

/**
 * Ends the kernel when the process that started it (Jupyter) ends, so that a crashed or killed notebook server
 * leaves no kernel behind. Watches {@code $JPY_PARENT_PID} (set by Jupyter) if that process exists, else the
 * parent process.
 */
final class ParentWatchdog {
    private ParentWatchdog() {
    }

    /** Starts watching; returns the pid watched, or empty if there is no parent to watch. */
    static Optional<Long> start() {
        Optional<ProcessHandle> parent = fromEnv().or(() -> ProcessHandle.current().parent());
        parent.ifPresent(p -> {
            p.onExit().thenRun(() -> exit(p.pid()));
            // In Jupyter's log: which process the kernel lives and dies with.
            System.err.println("ARC Lab kernel: watching parent process " + p.pid());
        });
        return parent.map(ProcessHandle::pid);
    }

    private static Optional<ProcessHandle> fromEnv() {
        String pid = System.getenv("JPY_PARENT_PID");
        if (pid == null || pid.isBlank()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid.trim())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void exit(long pid) {
        System.err.println("ARC Lab kernel: parent process " + pid + " ended, exiting.");
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                // halt now
            }
            Runtime.getRuntime().halt(0);
        }, "arclab-watchdog-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }
}
