package dev.arclab.cli;

import dev.arclab.program.Interpreter;
import dev.arclab.program.ParseError;
import dev.arclab.program.ParseResult;
import dev.arclab.program.ProgramParser;
import dev.arclab.program.SolverRun;
import dev.arclab.program.SolverRunResult;
import dev.arclab.program.TaskResult;
import dev.arclab.report.Bench;
import dev.arclab.task.Task;
import dev.arclab.task.TaskSet;
import dev.arclab.work.WorkerPool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code solve}: runs the solvers of a solver file on their tasks and prints which tasks they solve,
 * ending with {@code N out of M tasks solved (P of Q pairs)}. Exit code 0 whatever the score; 2 for
 * bad arguments; 1 when the solver file or the tasks cannot be read.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Run solver programs (arc-dsl format) on their tasks and report which tasks they solve.")
public final class SolveCommand implements Callable<Integer> {

    private final Function<Path, List<Task>> loader;

    @Spec
    CommandSpec spec;

    @Option(names = "--strict", description = "Exit 1 (before running anything) when any solver cannot be parsed, "
            + "so CI can tell.")
    boolean strict;

    @Option(names = "--solvers", required = true, paramLabel = "FILE",
            description = "Solver file: functions def solve_<taskid>(I): ... return O.")
    Path solvers;

    @Mixin
    TaskOptions taskOptions;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write per-pair results as JSON to OUT.")
    Path json;

    /**
     * {@code --repeat R}: run everything R times in this JVM (the first as warm-up) and report min/median/max
     * wall time; {@code --warmup W}: W untimed warm-up runs first, then R timed runs.
     */
    @Mixin
    BenchOptions bench;

    @Option(names = "--fuel", paramLabel = "N",
            description = "Fuel budget per program run (default: ${DEFAULT-VALUE}).")
    long fuel = Interpreter.DEFAULT_FUEL;

    /** The command with the standard task loading of {@link TaskOptions} ({@code --tasks}, {@code --limit}, {@code --lenient}). */
    public SolveCommand() {
        this.loader = null;
    }

    /**
     * @param loader loads the tasks at a path; it is given null when {@code --tasks} is absent, meaning
     *               its default data set. It reports unreadable input by throwing.
     */
    public SolveCommand(Function<Path, List<Task>> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public Integer call() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > dev.arclab.pipeline.PipelineConfig.MAX_THREADS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be in 1.."
                    + dev.arclab.pipeline.PipelineConfig.MAX_THREADS + ", got " + n);
        }
        if (taskOptions.limit != null && taskOptions.limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, got " + taskOptions.limit);
        }
        int repeat = Main.checked(spec, () -> bench.repeat(1));
        Integer warmup = bench.warmupGiven() ? Main.checked(spec, () -> bench.warmup(0)) : null;
        if (fuel < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fuel must be positive, got " + fuel);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        ParseResult parsed;
        try {
            parsed = new ProgramParser().parse(solvers);
        } catch (dev.arclab.task.TextFiles.Unreadable e) {
            err.println("cannot read solver file: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("cannot read solver file " + solvers + ": " + describe(e));
            err.flush();
            return 1;
        }
        for (ParseError e : parsed.errors()) {
            err.println(e);
        }
        if (parsed.hasErrors()) {
            err.println(parsed.errors().size() + " solver" + (parsed.errors().size() == 1 ? "" : "s")
                    + " could not be parsed and will not run");
            if (strict) {
                err.println("--strict: stopping because solvers could not be parsed");
                err.flush();
                return 1;
            }
        }
        err.flush();

        List<Task> loaded;
        try {
            loaded = loader == null ? taskOptions.load(err).tasks()
                    : TaskOptions.first(new TaskSet("tasks", loader.apply(taskOptions.path())), taskOptions.limit).tasks();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (RuntimeException e) {
            Path tasks = taskOptions.path();
            err.println("cannot read tasks" + (tasks == null ? "" : " from " + tasks) + ": " + describe(e));
            err.flush();
            return 1;
        }

        SolverRun runner = new SolverRun(new Interpreter(fuel), n);
        SolverRunResult result;
        if (repeat > 1 || warmup != null) {
            // Without --warmup, the first of the R runs is the warm-up (as before).
            int warmups = warmup != null ? warmup : 1;
            int timed = warmup != null ? repeat : repeat - 1;
            // One plan and one pool for every pass: a pass times running the programs, not sorting the tasks or
            // starting threads.
            SolverRun.Plan plan = SolverRun.plan(parsed.byTaskId(), loaded);
            List<SolverRunResult> runs = new ArrayList<>();
            List<SolverRunResult> measured;
            try (WorkerPool pool = new WorkerPool(n)) {
                measured = Bench.repeat(warmups, timed, () -> {
                    SolverRunResult r = runner.run(plan, pool);
                    runs.add(r);
                    return r;
                });
            }
            List<TaskResult> firstOutcomes = runs.get(0).outcomes();
            boolean consistent = runs.stream().allMatch(r -> r.outcomes().equals(firstOutcomes));
            Bench.Measured m = Bench.Measured.ofNanos("solve", warmups, measured.stream().map(SolverRunResult::wallNanos).toList(), null);
            out.println(m.line() + (consistent ? "" : " (outcomes differed between runs!)"));
            result = measured.get(measured.size() - 1);
        } else {
            result = runner.run(parsed.byTaskId(), loaded);
        }
        if (json != null) {
            try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                result.writeJson(w);
            } catch (IOException | RuntimeException e) {
                err.println("cannot write " + json + ": " + describe(e));
                err.flush();
                return 1;
            }
        }
        out.print(result.report());
        out.flush();
        return 0;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
