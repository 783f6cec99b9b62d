package dev.arclab.search;

import dev.arclab.pipeline.strategy.Proposal;
import dev.arclab.pipeline.strategy.Strategy;
import dev.arclab.pipeline.strategy.StrategyContext;

import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.Origin;
import dev.arclab.pipeline.RemoteWork;
import dev.arclab.pipeline.RemoteWork.FoundProgram;
import dev.arclab.pipeline.RemoteWork.SearchOutcome;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.search.Enumerator.Found;
import dev.arclab.search.Enumerator.Result;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code enumerate} strategy: typed bottom-up enumeration ({@link Enumerator}) on every task that has no
 * demo-perfect program yet. Iteration {@code i} is round {@code i} of the {@link Search.Plan}: its candidate
 * budget per task grows by the plan's factor each iteration, so a run that keeps iterating goes deeper on the tasks
 * still open. Each solution becomes an arc-dsl solver program that score, validate, save and the library treat like
 * any other. Parallel over tasks on the pipeline's pool, or, when the session coordinates a cluster, one work item
 * per task on its workers; deterministic for a candidate budget at any thread or member count.
 */
public final class EnumerateStrategy implements Strategy {

    /** Solutions proposed per task: the cheapest ones. */
    public static final int PROPOSED_PER_TASK = 2;

    private final Search.Plan plan;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    /** CPU nanoseconds of each task's last search, to order the next (shortest first). */
    private final Map<String, Long> lastCpu = new java.util.concurrent.ConcurrentHashMap<>();

    public EnumerateStrategy() {
        this(Search.Plan.defaults());
    }

    public EnumerateStrategy(Search.Plan plan) {
        this.plan = plan;
    }

    @Override
    public String name() {
        return "enumerate";
    }

    @Override
    public boolean timesItsOwnWork() {
        return true;
    }

    @Override
    public boolean needsLibrary() {
        return false;
    }

    @Override
    public List<Proposal> propose(StrategyContext ctx) {
        List<Task> openTasks = new ArrayList<>();
        for (Task t : ctx.tasks().tasks()) {
            Optional<LibraryEntry> best = ctx.library().best(t.id());
            boolean perfect = best.isPresent() && best.get().scoreKnown() && best.get().score() == 1.0;
            if (!perfect && !t.demo().isEmpty()) {
                openTasks.add(t);
            }
        }
        // the tasks whose last search cost least first, as Search.shortestFirst: a deadline then cuts fewer
        openTasks.sort(java.util.Comparator.comparingLong(t -> lastCpu.getOrDefault(t.id(), Long.MAX_VALUE)));
        List<SearchProblem> open = openTasks.stream().map(SearchProblem::of).toList();
        int round = Math.max(0, ctx.iteration() - 1);
        Enumerator.Settings settings = Search.roundSettings(plan, round);
        long deadline = ctx.deadlineNanos().isPresent() ? ctx.deadlineNanos().getAsLong() : Long.MAX_VALUE;
        List<SearchOutcome> results;
        if (ctx.distributor() != null) {
            // the same per-task searches on the cluster's workers (dev.arclab.cluster runs them with outcome(...))
            results = RemoteWork.search(ctx.distributor(), openTasks, settings, deadline, ctx::isCancelled, ctx.timer());
        } else {
            AtomicBoolean stop = new AtomicBoolean();
            Search.Runner runner = Search.onPool(ctx.pool(), ctx.timer(), stop);
            results = Search.round(open, settings, Search.frameSettings(plan, round), runner, deadline,
                    () -> {
                        if (ctx.isCancelled()) {
                            stop.set(true);
                        }
                        return stop.get();
                    }, p -> ctx.progress().report(p.done(), p.total()), round + 1)
                    .stream().map(r -> r == null ? null : outcome(r)).toList();
        }
        // proposals in the tasks' own order, whatever order they were searched in
        Map<String, Integer> position = new java.util.HashMap<>();
        for (Task t : ctx.tasks().tasks()) {
            position.put(t.id(), position.size());
        }
        results = results.stream().filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparingInt(r -> position.get(r.taskId()))).toList();
        ProgramParser parser = new ProgramParser(ctx.table());
        List<Proposal> out = new ArrayList<>();
        long candidates = 0;
        long distinct = 0;
        long cpu = 0;
        long solved = 0;
        long failed = 0;
        for (SearchOutcome r : results) {
            if (r == null) {
                continue;
            }
            failed += r.stop().equals(Enumerator.Stop.FAILED.name()) ? 1 : 0;
            lastCpu.put(r.taskId(), r.cpuNanos());
            candidates += r.candidates();
            distinct += r.distinct();
            cpu += r.cpuNanos();
            solved += r.strong() ? 1 : 0;
            for (FoundProgram f : r.found()) {
                Program program = parser.parseProgram(f.solverText());
                String detail = "cost " + f.cost() + (f.weak() ? ", weak" : "") + ", round " + (round + 1);
                out.add(new Proposal(program, r.taskId(), Origin.generated(name(), null, detail)));
            }
        }
        counts.put("tasks searched", (long) open.size());
        counts.put("tasks solved", solved);
        counts.put("tasks failed", failed);
        counts.put("candidates", candidates);
        counts.put("distinct values", distinct);
        counts.put("cpuNanos", cpu);
        counts.put("candidate budget per task", settings.maxCandidates());
        counts.put("depth", (long) settings.maxCost());
        return out;
    }

    /**
     * A task's search result as the strategy uses it, wherever the search ran: the {@link #PROPOSED_PER_TASK}
     * cheapest solutions as solver text, and the search's counters.
     */
    public static SearchOutcome outcome(Result r) {
        List<FoundProgram> found = new ArrayList<>();
        for (Found f : r.solutions().subList(0, Math.min(PROPOSED_PER_TASK, r.solutions().size()))) {
            found.add(new FoundProgram(f.expr().toSolver(r.taskId()), f.expr().cost(), f.weak()));
        }
        Enumerator.Stats s = r.stats();
        return new SearchOutcome(r.taskId(), found, s.candidates(), s.distinct(), s.cpuNanos(), s.stop().name());
    }

    /** What the last {@link #propose} did: tasks searched and solved, candidates, distinct values, CPU. */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }
}
