package dev.arclab.program;

import dev.arclab.dsl.Values;
import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.work.WorkerPool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The conformance runner: runs each solver {@code solve_<id>} on every demo and test pair of task
 * {@code <id>} (test pairs with a known output are checked, the others only run) and reports which
 * tasks it solves. Tasks are the work items of one bounded pool (the {@link WorkerPool} the pipeline uses too); results come back in task-id order,
 * and (except for timings) do not depend on the thread count or on scheduling. Tasks without a
 * solver are skipped and counted.
 */
public final class SolverRun {

    private final Interpreter interpreter;
    private final int threads;

    /** A runner with {@code threads} workers and the default fuel budget. */
    public SolverRun(int threads) {
        this(new Interpreter(), threads);
    }

    public SolverRun(Interpreter interpreter, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.interpreter = interpreter;
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    /** Runs with a pool of this runner's threads, made for the run and closed after it. */
    public SolverRunResult run(Map<String, Program> solvers, Collection<Task> tasks) {
        try (WorkerPool pool = new WorkerPool(threads)) {
            return run(solvers, tasks, pool);
        }
    }

    /**
     * Runs on a pool the caller owns (the pipeline's one pool, say); it is not closed. If the calling thread is
     * interrupted, the tasks not yet started are skipped and the result is marked partial.
     */
    public SolverRunResult run(Map<String, Program> solvers, Collection<Task> tasks, WorkerPool pool) {
        long start = System.nanoTime();
        return run(plan(solvers, tasks), pool, start);
    }

    /**
     * What a run covers, worked out once from the solvers and the tasks: the tasks that have a solver, sorted by id, with
     * their programs, and the ids on either side without the other. Passes of the same plan ({@code solve --repeat})
     * only run the programs.
     *
     * @param tasks         the tasks with a solver, by id
     * @param programs      their solvers, in the same order
     * @param withoutSolver ids of the tasks without a solver, sorted
     * @param withoutTask   ids of the solvers whose task is not there, sorted
     */
    public record Plan(List<Task> tasks, List<Program> programs, List<String> withoutSolver, List<String> withoutTask) {
        public Plan {
            tasks = List.copyOf(tasks);
            programs = List.copyOf(programs);
            withoutSolver = List.copyOf(withoutSolver);
            withoutTask = List.copyOf(withoutTask);
            if (tasks.size() != programs.size()) {
                throw new IllegalArgumentException(tasks.size() + " tasks but " + programs.size() + " programs");
            }
        }
    }

    /** The plan of running {@code solvers} on {@code tasks}. */
    public static Plan plan(Map<String, Program> solvers, Collection<Task> tasks) {
        List<Task> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing(Task::id));
        List<String> withoutSolver = new ArrayList<>();
        TreeSet<String> loaded = new TreeSet<>();
        List<Task> solvable = new ArrayList<>();
        List<Program> programs = new ArrayList<>();
        for (Task task : sorted) {
            loaded.add(task.id());
            Program p = solvers.get(task.id());
            if (p != null) {
                solvable.add(task);
                programs.add(p);
            } else {
                withoutSolver.add(task.id());
            }
        }
        List<String> withoutTask = new ArrayList<>(new TreeSet<>(solvers.keySet()));
        withoutTask.removeAll(loaded);
        return new Plan(solvable, programs, withoutSolver, withoutTask);
    }

    /**
     * One pass of a plan on a pool the caller owns: each task is one item of {@link WorkerPool#mapEach} (a counter
     * increment, no future per task). If the calling thread is interrupted, the tasks not yet started are skipped and
     * the result is marked partial. Its wall time covers the pass only.
     */
    public SolverRunResult run(Plan plan, WorkerPool pool) {
        return run(plan, pool, System.nanoTime());
    }

    private SolverRunResult run(Plan plan, WorkerPool pool, long start) {
        List<Task> tasks = plan.tasks();
        List<Program> programs = plan.programs();
        AtomicBoolean cancelled = new AtomicBoolean();
        WorkerPool.Mapped<TaskResult> mapped = pool.mapEach(tasks.size(),
                i -> runTask(programs.get(i), tasks.get(i), interpreter), cancelled);
        List<TaskResult> results = mapped.partial()
                ? mapped.results().stream().filter(java.util.Objects::nonNull).toList() : mapped.results();
        return new SolverRunResult(results, plan.withoutSolver(), plan.withoutTask(), threads, interpreter.fuel(),
                System.nanoTime() - start, mapped.partial());
    }

    /**
     * Runs the whole thing {@code times} times on one pool (the first run a warm-up when there are
     * more) and checks that every run gave the same outcomes and fuel.
     */
    public RepeatedRun repeat(Map<String, Program> solvers, Collection<Task> tasks, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("repeat needs at least 1 run, got " + times);
        }
        return repeat(solvers, tasks, times > 1 ? 1 : 0, times > 1 ? times - 1 : 1);
    }

    /**
     * {@code warmups} untimed runs, then {@code timed} timed runs, on one pool; checks that every run
     * gave the same outcomes and fuel.
     */
    public RepeatedRun repeat(Map<String, Program> solvers, Collection<Task> tasks, int warmups, int timed) {
        if (warmups < 0 || timed < 1) {
            throw new IllegalArgumentException("repeat needs warm-ups >= 0 and at least 1 timed run, got "
                    + warmups + " and " + timed);
        }
        int times = warmups + timed;
        Plan plan = plan(solvers, tasks);
        try (WorkerPool pool = new WorkerPool(threads)) {
            List<Long> walls = new ArrayList<>();
            SolverRunResult first = null;
            SolverRunResult last = null;
            boolean consistent = true;
            for (int r = 0; r < times; r++) {
                last = run(plan, pool);
                walls.add(last.wallNanos());
                if (first == null) {
                    first = last;
                } else {
                    consistent &= first.outcomes().equals(last.outcomes());
                }
                if (last.partial()) {
                    break;
                }
            }
            return new RepeatedRun(walls, Math.min(warmups, walls.size() - 1), last, consistent);
        }
    }

    /** Runs one solver on every pair of its task, on the calling thread. */
    public static TaskResult runTask(Program program, Task task, Interpreter interpreter) {
        List<PairResult> pairs = new ArrayList<>(task.demo().size() + task.test().size());
        runPairs(program, task.demo(), PairResult.Split.DEMO, interpreter, pairs);
        runPairs(program, task.test(), PairResult.Split.TEST, interpreter, pairs);
        return TaskResult.of(task.id(), program.hash(), pairs);
    }

    /**
     * Runs one program on the demo pairs of its task, on the calling thread, every pair whatever the
     * thread's interrupt status: what the pipeline's validate phase and the conformance run share.
     */
    public static List<PairResult> runDemo(Program program, Task task, Interpreter interpreter) {
        List<PairResult> pairs = new ArrayList<>(task.demo().size());
        runPairs(program, task.demo(), PairResult.Split.DEMO, interpreter, pairs, false);
        return pairs;
    }

    private static void runPairs(Program program, List<Example> examples, PairResult.Split split,
                                 Interpreter interpreter, List<PairResult> out) {
        runPairs(program, examples, split, interpreter, out, true);
    }

    private static void runPairs(Program program, List<Example> examples, PairResult.Split split,
                                 Interpreter interpreter, List<PairResult> out, boolean stopWhenInterrupted) {
        for (int i = 0; i < examples.size(); i++) {
            if (stopWhenInterrupted && Thread.currentThread().isInterrupted()) {
                return; // cancelled: the result is dropped, stop soon
            }
            Example ex = examples.get(i);
            long t0 = System.nanoTime();
            Outcome o = interpreter.run(program, ex.input());
            long nanos = System.nanoTime() - t0;
            boolean checked = ex.hasOutput();
            if (o instanceof Outcome.Ok ok) {
                PairResult.Status s;
                String message = null;
                if (!checked) {
                    s = PairResult.Status.UNCHECKED;
                } else if (Values.equal(ok.value(), ex.output())) {
                    s = PairResult.Status.MATCH;
                } else {
                    s = PairResult.Status.MISMATCH;
                    message = difference(ok.value(), ex.output());
                }
                out.add(new PairResult(split, i, checked, s, message, null, 0, o.fuel(), nanos));
            } else if (o instanceof Outcome.Error e) {
                out.add(new PairResult(split, i, checked, PairResult.Status.ERROR, e.message(), e.variable(),
                        program.sourceLine(e.node()), o.fuel(), nanos));
            } else {
                Outcome.Timeout t = (Outcome.Timeout) o;
                out.add(new PairResult(split, i, checked, PairResult.Status.TIMEOUT, "out of fuel", t.variable(),
                        program.sourceLine(t.node()), o.fuel(), nanos));
            }
        }
    }

    /** How an output differs from the expected grid, in a few words. */
    static String difference(Object got, Grid expected) {
        String want = expected.rows() + "x" + expected.cols();
        if (got instanceof Grid g) {
            if (g.rows() != expected.rows() || g.cols() != expected.cols()) {
                return "got a " + g.rows() + "x" + g.cols() + " grid, expected " + want;
            }
            int diff = 0;
            int[] a = g.cells();
            int[] b = expected.cells();
            for (int k = 0; k < a.length; k++) {
                diff += a[k] != b[k] ? 1 : 0;
            }
            return diff + " of " + a.length + " cells differ";
        }
        return "got " + Values.kindName(got) + " " + Values.shortRepr(got) + ", expected a " + want + " grid";
    }
}
