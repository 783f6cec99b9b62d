package dev.arclab.kernel;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Milestones of the kernel's start, with the milliseconds since the JVM started, on the kernel's stderr (Jupyter's
 * log), with the CPU time of the thread so far and of the whole process (every thread, the JIT's and GC's too), when the system property {@code arclab.kernel.startupLog} is {@code true}:
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
            long process = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
            ERR.println(String.format(Locale.ROOT,
                    "arclab startup: %6d ms  %-22s %-34s (this thread's CPU: %d ms, the process's: %d ms)",
                    System.currentTimeMillis() - PROCESS_START_MILLIS, Thread.currentThread().getName(), what, cpu, process));
        }
    }

    /**
     * Logs the CPU time of the process's threads so far, by name (JIT compiler and GC threads too, summed per kind), from
     * Linux's {@code /proc/self/task}; nothing elsewhere. Where a start's CPU went.
     */
    static void threads(String when) {
        if (!ON) {
            return;
        }
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return;
        }
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (java.nio.file.DirectoryStream<java.nio.file.Path> ds = java.nio.file.Files.newDirectoryStream(tasks)) {
            for (java.nio.file.Path t : ds) {
                try {
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[0-9]+$", "#");
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum); // utime + stime
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return;
        }
        StringBuilder sb = new StringBuilder("arclab startup: CPU by thread " + when + " (ms, living threads):");
        ticks.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() > 0)
                .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue() * 10));
        ERR.println(sb);
    }
}
