package dev.arclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arclab.lab.Budget;
import dev.arclab.task.Submission;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --budget} and {@code run --submission}: a long run that stops on time and always leaves a valid file. */
class RunBudgetTest {
    @TempDir
    Path dir;

    /** A clock that moves one second on at every read, so the deadline falls after a known number of reads. */
    private static LongSupplier secondPerRead() {
        AtomicLong now = new AtomicLong();
        return () -> now.getAndAdd(1_000_000_000L);
    }

    private static MainTest.Run run(LongSupplier clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand(clock));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new MainTest.Run(code, out.toString(), err.toString());
    }

    /** The file covers every task of the first {@code limit} bundled tasks, one entry per test input. */
    private static void assertCoversEveryTestInput(Path file, int limit) {
        Submission s = Submission.read(file);
        TaskSet tasks = TaskLoader.bundled();
        List<Task> first = tasks.tasks().subList(0, limit);
        assertEquals(first.stream().map(Task::id).sorted().toList(), List.copyOf(s.entries().keySet()));
        for (Task t : first) {
            assertEquals(t.test().size(), s.entries().get(t.id()).size(), t.id());
        }
    }

    private static void assertNoTempFileLeft(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void withoutAnIterationLimitTheBudgetEndsTheRunAndThePredictionsAreWritten() throws Exception {
        Path file = dir.resolve("submission.json");
        MainTest.Run r = run(secondPerRead(), "--limit", "6", "--threads", "1", "--no-store", "--budget", "2m",
                "--submission", file.toString());
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("budget 2m 0s: (\\d+) iterations?, spent").matcher(r.out());
        assertTrue(m.find(), r.out());
        int iterations = Integer.parseInt(m.group(1));
        assertTrue(iterations >= 1, r.out());
        assertTrue(r.out().contains("iteration " + iterations), r.out());
        assertFalse(r.out().contains("iteration " + (iterations + 1)), r.out());
        assertTrue(r.out().contains("\npredict "), "predict runs after the budget is spent\n" + r.out());
        assertCoversEveryTestInput(file, 6);
        assertNoTempFileLeft(dir);
    }

    @Test
    void theDeadlineCancelsTheRunningPhaseAndTheIterationIsReportedCutShort() {
        Path file = dir.resolve("submission.json");
        // reads: the start, the check before iteration 1, then one per scored item: the deadline falls inside score
        MainTest.Run r = run(secondPerRead(), "--limit", "8", "--threads", "1", "--no-store", "--budget", "10s",
                "--submission", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("iteration 1 (cut short by the budget"), r.out());
        assertFalse(r.out().contains("iteration 2"), r.out());
        assertTrue(r.out().contains("budget 10s: 1 iteration, spent"), r.out());
        assertCoversEveryTestInput(file, 8);
    }

    @Test
    void aSpentBudgetRunsNoIterationButStillWritesACompleteSubmission() {
        Path file = dir.resolve("out/submission.json");
        MainTest.Run r = MainTest.run("run", "--limit", "5", "--threads", "1", "--no-store", "--budget", "0s",
                "--submission", file.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("iteration 1"), r.out());
        assertTrue(r.out().contains("budget 0.000s: 0 iterations, spent"), r.out());
        assertCoversEveryTestInput(file, 5);
    }

    @Test
    void theSubmissionIsRewrittenBeforeTheFirstIterationAndAfterEachOne() throws Exception {
        Path file = dir.resolve("submission.json");
        Files.writeString(file, "not json: replaced by the first write");
        MainTest.Run r = MainTest.run("run", "--limit", "5", "--threads", "2", "--no-store", "--iterations", "2",
                "--submission", file.toString());
        assertEquals(0, r.code(), r.err());
        Matcher written = Pattern.compile("(?m)^submission " + Pattern.quote(file.toString()) + ": (\\d+) of 5 tasks").matcher(r.out());
        int writes = 0;
        while (written.find()) {
            writes++;
        }
        assertEquals(3, writes, r.out());
        assertTrue(r.out().indexOf("submission ") < r.out().indexOf("iteration 1"), r.out());
        assertCoversEveryTestInput(file, 5);
        assertNoTempFileLeft(dir);
    }

    @Test
    void aBadBudgetExitsWith2NamingTheValue() {
        MainTest.Run r = MainTest.run("run", "--budget", "5x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("5x"), r.err());
    }

    @Test
    void durationsAreWholeNumbersWithUnits() {
        assertEquals(Duration.ofMinutes(90), Budget.parse("1h30m"));
        assertEquals(Duration.ofSeconds(120), Budget.parse("120s"));
        assertEquals(Duration.ofHours(11), Budget.parse("11h"));
        assertEquals(Duration.ofMillis(500), Budget.parse("500ms"));
        assertEquals(Duration.ofDays(1).plusSeconds(1), Budget.parse("1d1s"));
        for (String bad : List.of("", "5", "h", "1.5h", "-3s", "3s junk")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Budget.parse(bad), bad);
            assertTrue(e.getMessage().contains("duration"), e.getMessage());
        }
    }

    @Test
    void aBudgetIsSpentOnceItsTotalHasPassedOnItsClock() {
        AtomicLong now = new AtomicLong(5);
        Budget b = Budget.start(Duration.ofNanos(10), now::get);
        assertFalse(b.spent());
        now.set(14);
        assertEquals(1, b.remainingNanos());
        assertFalse(b.spent());
        now.set(15);
        assertTrue(b.spent());
        assertEquals("1h 2m 3s", Budget.format(Duration.ofSeconds(3723).toNanos()));
        assertEquals("42s", Budget.format(Duration.ofSeconds(42).toNanos()));
    }
}
