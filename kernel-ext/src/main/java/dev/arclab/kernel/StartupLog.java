package dev.arclab.kernel;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Milestones of the kernel's start, with the milliseconds since the JVM started, on the kernel's stderr (Jupyter's
 * log), with the CPU time of the thread so far, when the system property {@code arclab.kernel.startupLog} is {@code true}:
 * {@code java -Darclab.kernel.startupLog=true ... dev.arclab.kernel.Main}. Off, it costs a boolean test. Lines go to the
 * stderr the process started with, never into a cell's output.
 */
final class StartupLog {
    static final boolean ON = Boolean.getBoolean("arclab.kernel.startupLog");
    private static final PrintStream ERR = System.err;
    /** When the JVM started (the process's start time from the system is only as exact as a second). */
    private static final long PROCESS_START_MILLIS = ON
            ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() : 0;

    private StartupLog() {
    }

    /** Logs that {@code what} happened now (on which thread, too). */
    static void mark(String what) {
        if (ON) {
            long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            ERR.println(String.format(Locale.ROOT, "arclab startup: %6d ms  %-22s %-34s (this thread's CPU: %d ms)",
                    System.currentTimeMillis() - PROCESS_START_MILLIS, Thread.currentThread().getName(), what, cpu));
        }
    }
}
