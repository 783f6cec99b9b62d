package dev.arclab.search;

import dev.arclab.pipeline.strategy.Proposal;
import dev.arclab.pipeline.strategy.Strategy;
import dev.arclab.pipeline.strategy.StrategyContext;

import dev.arclab.pipeline.LibraryEntry;
import dev.arclab.pipeline.Origin;
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
 * any other. Parallel over tasks on the pipeline's pool; deterministic for a candidate budget at any thread count.
 */
public final class EnumerateStrategy implements Strategy {

    private final Search.Plan plan;
    private final Map<String, Long> counts = new LinkedHashMap<>();

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
        List<SearchProblem> open = new ArrayList<>();
        for (Task t : ctx.tasks().tasks()) {
            Optional<LibraryEntry> best = ctx.library().best(t.id());
            boolean perfect = best.isPresent() && best.get().scoreKnown() && best.get().score() == 1.0;
            if (!perfect && !t.demo().isEmpty()) {
                open.add(SearchProblem.of(t));
            }
        }
        int round = Math.max(0, ctx.iteration() - 1);
        Enumerator.Settings settings = Search.roundSettings(plan, round);
        long deadline = ctx.deadlineNanos().isPresent() ? ctx.deadlineNanos().getAsLong() : Long.MAX_VALUE;
        AtomicBoolean stop = new AtomicBoolean();
        Search.Runner runner = Search.onPool(ctx.pool(), ctx.timer(), stop);
        List<Result> results = Search.round(open, settings, Search.frameSettings(plan, round), runner, deadline,
                () -> {
                    if (ctx.isCancelled()) {
                        stop.set(true);
                    }
                    return stop.get();
                }, p -> ctx.progress().report(p.done(), p.total()), round + 1);
        ProgramParser parser = new ProgramParser(ctx.table());
        List<Proposal> out = new ArrayList<>();
        long candidates = 0;
        long distinct = 0;
        long cpu = 0;
        long solved = 0;
        for (int k = 0; k < results.size(); k++) {
            Result r = results.get(k);
            if (r == null) {
                continue;
            }
            candidates += r.stats().candidates();
            distinct += r.stats().distinct();
            cpu += r.stats().cpuNanos();
            solved += r.strong() ? 1 : 0;
            List<Found> found = r.solutions();
            for (int a = 0; a < Math.min(2, found.size()); a++) {
                Found f = found.get(a);
                Program program = parser.parseProgram(f.expr().toSolver(r.taskId()));
                String detail = "cost " + f.expr().cost() + (f.weak() ? ", stacked" : "") + ", round " + (round + 1);
                out.add(new Proposal(program, r.taskId(), Origin.generated(name(), null, detail)));
            }
        }
        counts.put("tasks searched", (long) open.size());
        counts.put("tasks solved", solved);
        counts.put("candidates", candidates);
        counts.put("distinct values", distinct);
        counts.put("cpuNanos", cpu);
        counts.put("candidate budget per task", settings.maxCandidates());
        counts.put("depth", (long) settings.maxCost());
        return out;
    }

    /** What the last {@link #propose} did: tasks searched and solved, candidates, distinct values, CPU. */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }
}
