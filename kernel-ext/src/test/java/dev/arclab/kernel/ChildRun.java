package dev.arclab.kernel;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the end-to-end tests (KernelIT, KagglePackageIT) share: a command run to its end with its output (stdout and
 * stderr together, through a log file so that a chatty child never blocks), killed with its children after a
 * timeout; and the failsafe properties that say where the jars and scripts are.
 */
public record ChildRun(int exit, String output) {

    /** Runs {@code command}; {@code environment} edits the child's environment (put, remove, or clear it). */
    public static ChildRun run(List<String> command, Consumer<Map<String, String>> environment, Path logDir,
            Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        environment.accept(pb.environment());
        Path log = Files.createTempFile(logDir, "run", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new ChildRun(-1, "timed out after " + timeout + ":\n" + Files.readString(log));
        }
        return new ChildRun(p.exitValue(), Files.readString(log));
    }

    /** A system property that the failsafe configuration sets (kernel-ext/pom.xml). */
    public static String property(String name) {
        String v = System.getProperty(name);
        assertNotNull(v, "system property " + name + " (set by the failsafe configuration)");
        return v;
    }
}
