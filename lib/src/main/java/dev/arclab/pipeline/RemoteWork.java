package dev.arclab.pipeline;

import dev.arclab.cache.Bytes;
import dev.arclab.cache.CorruptEntryException;
import dev.arclab.dsl.Grid;
import dev.arclab.dsl.Values;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parallel phases' work items as bytes, so that another JVM (a cluster member) can run them: what
 * the coordinator encodes, what a worker runs, and what comes back. A chunk of items names its
 * <em>parts</em> (the demo tasks, the batch's programs as DSL text), which travel once each by content
 * hash; an item is a few indices into them. Programs travel as canonical DSL text and are parsed on
 * the worker (text is data: nothing is ever compiled or deserialized as Java). The computation is the
 * same code a local run uses ({@link #scoreSample}, {@link Validator}, {@link Differs#mean}), so results
 * are identical to a local run's.
 */
public final class RemoteWork {

    /** What a work item does; its name travels in the chunk. */
    public enum Kind {
        /** The batch on one demo sample of one task (the members not cached yet). Parts: tasks, programs. */
        SCORE,
        /** One program alone on its task's demo pairs. Parts: tasks, programs. */
        VALIDATE,
        /** Partial credit of some members on one task, from their produced grids. Parts: tasks. */
        DIFFERS
    }

    /** How a worker gets a chunk's part {@code index}, decoded once per JVM however many chunks use it. */
    public interface Parts {
        <T> T get(int index, String decodedAs, Function<byte[], T> decode);
    }

    private RemoteWork() {
    }

    // ---- parts -------------------------------------------------------------------------------------

    /** The demo pairs of the tasks, in order (test pairs never travel). */
    public static byte[] tasksPart(List<Task> tasks) {
        Bytes.Out out = new Bytes.Out();
        out.varInt(tasks.size());
        for (Task t : tasks) {
            out.string(t.id()).varInt(t.demo().size());
            for (Example ex : t.demo()) {
                ResultCodecs.writeGrid(out, ex.input());
                ResultCodecs.writeGrid(out, ex.output());
            }
        }
        return out.toArray();
    }

    public static List<Task> readTasks(byte[] part) {
        Bytes.In in = new Bytes.In(part);
        int n = in.count(1 << 20);
        List<Task> tasks = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String id = in.string();
            int d = in.count(1 << 16);
            List<Example> demo = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                Grid input = ResultCodecs.readGrid(in);
                demo.add(new Example(input, ResultCodecs.readGrid(in)));
            }
            tasks.add(new Task(id, demo, List.of()));
        }
        return tasks;
    }

    /** Programs as their canonical DSL text, in order. */
    public static byte[] programsPart(List<Program> programs) {
        Bytes.Out out = new Bytes.Out();
        out.varInt(programs.size());
        for (Program p : programs) {
            out.string(p.canonicalText());
        }
        return out.toArray();
    }

    /** Parses the programs of a part (the canonical text parses back to a program with the same hash). */
    public static List<Program> readPrograms(byte[] part) {
        Bytes.In in = new Bytes.In(part);
        int n = in.count(1 << 24);
        ProgramParser parser = new ProgramParser();
        List<Program> programs = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            programs.add(parser.parseProgram(in.string()));
        }
        return programs;
    }

    // ---- items (coordinator side) ------------------------------------------------------------------

    /**
     * A score item: the {@code wanted} members on demo sample {@code sample} of task {@code task}, each
     * node under {@code budget.fuel()} and, with member budgets, each member under its own.
     */
    public static byte[] scoreItem(int task, int sample, BitSet wanted, ScoreBudget budget) {
        Bytes.Out out = new Bytes.Out();
        out.varInt(task).varInt(sample).varLong(budget.fuel());
        long[] words = wanted.toLongArray();
        out.varInt(words.length);
        for (long w : words) {
            out.fixedLong(w);
        }
        out.write(budget.budgets() == null ? 0 : 1);
        if (budget.budgets() != null) {
            out.string(Double.toString(budget.factor())).varLong(budget.floor());
            for (int m = wanted.nextSetBit(0); m >= 0; m = wanted.nextSetBit(m + 1)) {
                // 0 and the parent's index: from the parent's fuel; else the budget plus one.
                if (budget.budgets()[m] == ScoreBudget.FROM_PARENT) {
                    out.varLong(0).varInt(budget.parents()[m]);
                } else {
                    out.varLong(Math.min(budget.budgets()[m], Long.MAX_VALUE - 1) + 1);
                }
            }
        }
        return out.toArray();
    }

    /** A score item without member budgets: {@code fuel} per node. */
    public static byte[] scoreItem(int task, int sample, BitSet wanted, long fuel) {
        return scoreItem(task, sample, wanted, ScoreBudget.perNode(fuel));
    }

    public static byte[] validateItem(int program, int task, long fuel) {
        return new Bytes.Out().varInt(program).varInt(task).varLong(fuel).toArray();
    }

    /** {@code produced[k]}: member {@code members[k]}'s output per demo sample of the task (null: none). */
    public static byte[] differsItem(int task, int[] members, Grid[][] produced) {
        Bytes.Out out = new Bytes.Out();
        out.varInt(task).varInt(members.length);
        for (int k = 0; k < members.length; k++) {
            out.varInt(members[k]).varInt(produced[k].length);
            for (Grid g : produced[k]) {
                out.write(g == null ? 0 : 1);
                if (g != null) {
                    ResultCodecs.writeGrid(out, g);
                }
            }
        }
        return out.toArray();
    }

    // ---- results (coordinator side) ----------------------------------------------------------------

    /** A result decoded, with the wall time the worker spent computing it. */
    public record Timed<T>(T value, long nanos) {
    }

    /** The results of the {@code wanted} members at their indices (others null). */
    public static Timed<SampleResult[]> readScore(byte[] result, BitSet wanted, int batchSize) {
        Bytes.In in = new Bytes.In(result);
        long nanos = in.varLong();
        SampleResult[] out = new SampleResult[batchSize];
        for (int m = wanted.nextSetBit(0); m >= 0; m = wanted.nextSetBit(m + 1)) {
            out[m] = ResultCodecs.SAMPLE.read(in);
        }
        return new Timed<>(out, nanos);
    }

    public static Validation readValidation(byte[] result) {
        return ResultCodecs.VALIDATION.read(new Bytes.In(result));
    }

    /** The measures of the item's members, in the item's order. */
    public static Timed<Differs.Measures[]> readDiffers(byte[] result) {
        Bytes.In in = new Bytes.In(result);
        long nanos = in.varLong();
        Differs.Measures[] out = new Differs.Measures[in.count(1 << 24)];
        for (int k = 0; k < out.length; k++) {
            out[k] = ResultCodecs.MEASURES.read(in);
        }
        return new Timed<>(out, nanos);
    }

    // ---- the work (both sides) ---------------------------------------------------------------------

    /**
     * Per-member fuel budgets of one score item (adaptive fuel): {@code budgets[m]} is member m's total
     * budget, or {@link #FROM_PARENT}: {@code factor} times the fuel of member {@code parents[m]} on the
     * same sample, at least {@code floor} (the parent is then wanted in the same item). {@code fuel} bounds
     * each node. {@code budgets} null: no member budgets.
     */
    public record ScoreBudget(long fuel, double factor, long floor, long[] budgets, int[] parents) {
        public static final long FROM_PARENT = -1;

        /** No member budgets: {@code fuel} per node only. */
        public static ScoreBudget perNode(long fuel) {
            return new ScoreBudget(fuel, 0, 1, null, null);
        }

        /** A mutant's budget from its parent's fuel on the sample. */
        public long fromParent(long parentFuel) {
            double scaled = factor * parentFuel;
            return Math.max(floor, scaled >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) scaled);
        }
    }

    /** The {@code wanted} members of the batch on one demo sample, each node under {@code fuel}. */
    public static SampleResult[] scoreSample(Batch batch, Example ex, BitSet wanted, long fuel) {
        return scoreSample(batch, ex, wanted, ScoreBudget.perNode(fuel));
    }

    /**
     * The {@code wanted} members of the batch on one demo sample: the computation of score, local or
     * remote. With member budgets, parents run before their mutants (whose budgets follow the parents'
     * fuel), sharing the nodes already run.
     */
    public static SampleResult[] scoreSample(Batch batch, Example ex, BitSet wanted, ScoreBudget budget) {
        SampleResult[] out = new SampleResult[batch.size()];
        Batch.Run run = batch.start(ex.input(), budget.fuel(), wanted);
        if (budget.budgets() == null) {
            keep(run.evaluate(wanted, null), wanted, ex, out);
            return out;
        }
        // In levels: members with a budget first, then those whose parent has run, and so on.
        BitSet left = (BitSet) wanted.clone();
        while (!left.isEmpty()) {
            BitSet level = new BitSet(batch.size());
            long[] budgets = new long[batch.size()];
            for (int m = left.nextSetBit(0); m >= 0; m = left.nextSetBit(m + 1)) {
                long b = budget.budgets()[m];
                if (b == ScoreBudget.FROM_PARENT) {
                    int p = budget.parents()[m];
                    if (p < 0 || p >= out.length || !wanted.get(p)) {
                        throw new CorruptEntryException("score item: member " + m + " takes its budget from member " + p
                                + ", which is not run in the same item");
                    }
                    if (out[p] == null) {
                        continue;
                    }
                    b = budget.fromParent(out[p].fuel());
                }
                level.set(m);
                budgets[m] = b;
            }
            if (level.isEmpty()) {
                throw new CorruptEntryException("score item: members " + left + " take their budgets from each other");
            }
            keep(run.evaluate(level, budgets), level, ex, out);
            left.andNot(level);
        }
        return out;
    }

    private static void keep(Batch.Evaluation ev, BitSet members, Example ex, SampleResult[] out) {
        for (int m = members.nextSetBit(0); m >= 0; m = members.nextSetBit(m + 1)) {
            Object v = ev.values()[m];
            Grid produced = SampleResult.keptGrid(v);
            boolean match = v != null && Values.equal(v, ex.output());
            out[m] = new SampleResult(ev.status()[m], match, produced, ev.fuel()[m]);
        }
    }

    /** Runs one item on a worker: {@code parts} are the chunk's parts, {@code item} one of its items. */
    public static byte[] run(Kind kind, Parts parts, byte[] item) {
        Bytes.In in = new Bytes.In(item);
        List<Task> tasks = parts.get(0, "tasks", RemoteWork::readTasks);
        Bytes.Out out = new Bytes.Out();
        switch (kind) {
            case SCORE -> {
                Batch batch = parts.get(1, "batch", b -> new Batch(readPrograms(b).stream()
                        .map(p -> new Batch.Member(p, p.taskId(), Origin.found("cluster"))).toList()));
                Task task = task(tasks, in.varInt());
                int sample = in.varInt();
                if (sample < 0 || sample >= task.demo().size()) {
                    throw new CorruptEntryException("score item: task " + task.id() + " has no demo sample " + sample);
                }
                long fuel = in.varLong();
                long[] words = new long[in.count(1 << 20)];
                for (int k = 0; k < words.length; k++) {
                    words[k] = in.fixedLong();
                }
                BitSet wanted = BitSet.valueOf(words);
                if (wanted.length() > batch.size()) {
                    throw new CorruptEntryException("score item: member " + (wanted.length() - 1) + " of a batch of " + batch.size());
                }
                ScoreBudget budget = ScoreBudget.perNode(fuel);
                if (in.read() != 0) {
                    double factor = Double.parseDouble(in.string());
                    long floor = in.varLong();
                    long[] budgets = new long[batch.size()];
                    int[] parents = new int[batch.size()];
                    for (int m = wanted.nextSetBit(0); m >= 0; m = wanted.nextSetBit(m + 1)) {
                        long b = in.varLong();
                        budgets[m] = b == 0 ? ScoreBudget.FROM_PARENT : b - 1;
                        parents[m] = b == 0 ? in.varInt() : -1;
                    }
                    budget = new ScoreBudget(fuel, factor, floor, budgets, parents);
                }
                long t0 = System.nanoTime();
                SampleResult[] r = scoreSample(batch, task.demo().get(sample), wanted, budget);
                out.varLong(System.nanoTime() - t0);
                for (int m = wanted.nextSetBit(0); m >= 0; m = wanted.nextSetBit(m + 1)) {
                    ResultCodecs.SAMPLE.write(out, r[m]);
                }
            }
            case VALIDATE -> {
                List<Program> programs = parts.get(1, "programs", RemoteWork::readPrograms);
                int p = in.varInt();
                if (p < 0 || p >= programs.size()) {
                    throw new CorruptEntryException("validate item: no program " + p + " of " + programs.size());
                }
                Task task = task(tasks, in.varInt());
                Validation v = new Validator(new Interpreter(in.varLong())).validate(programs.get(p), task);
                ResultCodecs.VALIDATION.write(out, v);
            }
            case DIFFERS -> {
                Task task = task(tasks, in.varInt());
                int n = in.count(1 << 24);
                long t0 = System.nanoTime();
                Differs.Target[] targets = new Differs.Target[task.demo().size()];
                List<Map<Grid, Differs.Measures>> memo = new ArrayList<>();
                for (int s = 0; s < targets.length; s++) {
                    targets[s] = new Differs.Target(task.demo().get(s).output());
                    memo.add(new HashMap<>());
                }
                Differs.Measures[] measures = new Differs.Measures[n];
                for (int k = 0; k < n; k++) {
                    in.varInt();
                    Grid[] produced = new Grid[in.count(1 << 16)];
                    for (int s = 0; s < produced.length; s++) {
                        produced[s] = in.read() == 0 ? null : ResultCodecs.readGrid(in);
                    }
                    measures[k] = Differs.mean(produced, targets, memo);
                }
                out.varLong(System.nanoTime() - t0).varInt(n);
                for (Differs.Measures m : measures) {
                    ResultCodecs.MEASURES.write(out, m);
                }
            }
            default -> throw new IllegalArgumentException("unknown work kind " + kind);
        }
        return out.toArray();
    }

    private static Task task(List<Task> tasks, int index) {
        if (index < 0 || index >= tasks.size()) {
            throw new CorruptEntryException("work item: no task " + index + " of " + tasks.size());
        }
        return tasks.get(index);
    }
}
