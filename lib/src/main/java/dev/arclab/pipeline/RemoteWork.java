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
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import dev.arclab.profile.PhaseTimer;
import dev.arclab.work.WorkerPool;

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
        DIFFERS,
        /**
         * One task's enumeration search ({@code dev.arclab.search}) with the settings in the item. Parts: search
         * tasks ({@link #searchTasksPart}: demo pairs and test inputs). The cluster's workers run it, since the
         * search sits above this package: see {@link #search}.
         */
        SEARCH
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
        return writeTasks(tasks, false);
    }

    public static List<Task> readTasks(byte[] part) {
        return readTasks(part, false);
    }

    /** Tasks as bytes: id, demo pairs and, when {@code testInputs}, the test inputs (test outputs never). */
    private static byte[] writeTasks(List<Task> tasks, boolean testInputs) {
        Bytes.Out out = new Bytes.Out();
        out.varInt(tasks.size());
        for (Task t : tasks) {
            out.string(t.id()).varInt(t.demo().size());
            for (Example ex : t.demo()) {
                ResultCodecs.writeGrid(out, ex.input());
                ResultCodecs.writeGrid(out, ex.output());
            }
            if (testInputs) {
                out.varInt(t.test().size());
                for (Example ex : t.test()) {
                    ResultCodecs.writeGrid(out, ex.input());
                }
            }
        }
        return out.toArray();
    }

    private static List<Task> readTasks(byte[] part, boolean testInputs) {
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
            List<Example> test = new ArrayList<>();
            if (testInputs) {
                int t = in.count(1 << 16);
                for (int j = 0; j < t; j++) {
                    test.add(Example.inputOnly(ResultCodecs.readGrid(in)));
                }
            }
            tasks.add(new Task(id, demo, test));
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
            default -> throw new IllegalArgumentException("work kind " + kind + " is not run here (SEARCH: by the cluster's worker)");
        }
        return out.toArray();
    }

    private static Task task(List<Task> tasks, int index) {
        if (index < 0 || index >= tasks.size()) {
            throw new CorruptEntryException("work item: no task " + index + " of " + tasks.size());
        }
        return tasks.get(index);
    }

    // ---- search (the enumerate strategy's per-task searches) ---------------------------------------

    /** The tasks a search sees: id, demo pairs and test INPUTS (test outputs never travel). */
    public static byte[] searchTasksPart(List<Task> tasks) {
        return writeTasks(tasks, true);
    }

    public static List<Task> readSearchTasks(byte[] part) {
        return readTasks(part, true);
    }

    /**
     * A search item: the task's index in the part, the search settings (a record of numbers, booleans,
     * strings and enums, written component by component with their names) and the nanoseconds left before
     * the search's deadline ({@link Long#MAX_VALUE}: none).
     */
    public static byte[] searchItem(int task, Record settings, long nanosLeft) {
        Bytes.Out out = new Bytes.Out();
        out.varInt(task);
        writeRecord(out, settings);
        out.varLong(Math.max(0, nanosLeft));
        return out.toArray();
    }

    /** A search item read back: {@code settingsType} is the record its settings must make. */
    public record SearchItem<R extends Record>(int task, R settings, long nanosLeft) {
        public static <R extends Record> SearchItem<R> read(byte[] item, Class<R> settingsType) {
            Bytes.In in = new Bytes.In(item);
            int task = in.varInt();
            R settings = readRecord(in, settingsType);
            return new SearchItem<>(task, settings, in.varLong());
        }
    }

    /** A program a search found: its solver text, its cost, and whether it is a weak (cell-by-cell) fit. */
    public record FoundProgram(String solverText, int cost, boolean weak) {
    }

    /**
     * What one task's search found and did: the programs, cheapest first, and its counters. The same record
     * whether the search ran in this JVM or on a cluster member.
     */
    public record SearchOutcome(String taskId, List<FoundProgram> found, long candidates, long distinct, long cpuNanos,
            String stop) {
        public SearchOutcome {
            found = List.copyOf(found);
        }

        /** Solved by something other than a weak fit. */
        public boolean strong() {
            return !found.isEmpty() && !found.get(0).weak();
        }

        public byte[] encode() {
            Bytes.Out out = new Bytes.Out();
            out.string(taskId).varInt(found.size());
            for (FoundProgram f : found) {
                out.string(f.solverText()).varInt(f.cost()).write(f.weak() ? 1 : 0);
            }
            out.varLong(candidates).varLong(distinct).varLong(cpuNanos).string(stop);
            return out.toArray();
        }

        public static SearchOutcome read(byte[] bytes) {
            Bytes.In in = new Bytes.In(bytes);
            String id = in.string();
            int n = in.count(1 << 16);
            List<FoundProgram> found = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                found.add(new FoundProgram(in.string(), in.varInt(), in.read() == 1));
            }
            return new SearchOutcome(id, found, in.varLong(), in.varLong(), in.varLong(), in.string());
        }
    }

    /**
     * Runs one search per task on {@code distributor} (a cluster): what the enumerate strategy does instead
     * of running them on the pool. Outcomes come in task order, null where the search did not run (cancelled,
     * or the deadline passed before it was sent); each search itself stops at the deadline as a local one does.
     */
    public static List<SearchOutcome> search(Distributor distributor, List<Task> tasks, Record settings, long deadlineNanos,
            BooleanSupplier cancelled, PhaseTimer timer) {
        long now = System.nanoTime();
        long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - now;
        List<byte[]> items = new ArrayList<>(tasks.size());
        for (int k = 0; k < tasks.size(); k++) {
            items.add(searchItem(k, settings, left));
        }
        AtomicBoolean stop = new AtomicBoolean();
        // no new search goes out once the strategy is cancelled or its deadline has passed
        Thread watch = new Thread(() -> {
            while (!stop.get()) {
                if (cancelled.getAsBoolean() || deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
                    stop.set(true);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "arclab-search-watch");
        watch.setDaemon(true);
        watch.start();
        WorkerPool.Mapped<byte[]> mapped;
        try {
            mapped = distributor.map(Kind.SEARCH, List.of(searchTasksPart(tasks)), items, stop, timer);
        } finally {
            watch.interrupt();
        }
        List<SearchOutcome> out = new ArrayList<>(tasks.size());
        for (byte[] b : mapped.results()) {
            out.add(b == null ? null : SearchOutcome.read(b));
        }
        return out;
    }

    /** Writes a record of numbers, booleans, strings and enums: its component count, then each as name, tag and value. */
    static void writeRecord(Bytes.Out out, Record r) {
        RecordComponent[] cs = r.getClass().getRecordComponents();
        out.varInt(cs.length);
        for (RecordComponent c : cs) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
            }
            out.string(c.getName());
            if (v instanceof Integer i) {
                out.write('i').zigZag(i);
            } else if (v instanceof Long l) {
                out.write('l').zigZag(l);
            } else if (v instanceof Double d) {
                out.write('d').doubleBits(d);
            } else if (v instanceof Boolean b) {
                out.write('b').write(b ? 1 : 0);
            } else if (v instanceof String str) {
                out.write('s').string(str);
            } else if (v instanceof Enum<?> e) {
                out.write('e').string(e.name());
            } else {
                throw new IllegalArgumentException(r.getClass().getSimpleName() + "." + c.getName()
                        + ": only numbers, booleans, strings and enums travel, not " + (v == null ? "null" : v.getClass().getName()));
            }
        }
    }

    /**
     * Reads a record written by {@link #writeRecord} as {@code type}: each component by its name.
     *
     * @throws CorruptEntryException naming the component when one is missing or of another type (the two
     *     sides run different versions of the record)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <R extends Record> R readRecord(Bytes.In in, Class<R> type) {
        int n = in.count(1 << 10);
        Map<String, Object> values = new HashMap<>();
        for (int k = 0; k < n; k++) {
            String name = in.string();
            int tag = in.read();
            Object v = switch (tag) {
                case 'i' -> (int) in.zigZag();
                case 'l' -> in.zigZag();
                case 'd' -> in.doubleBits();
                case 'b' -> in.read() == 1;
                case 's', 'e' -> in.string();
                default -> throw new CorruptEntryException(type.getSimpleName() + "." + name + ": unknown value tag " + tag);
            };
            values.put(name, v);
        }
        RecordComponent[] cs = type.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int k = 0; k < cs.length; k++) {
            Class<?> t = cs[k].getType();
            types[k] = t;
            Object v = values.get(cs[k].getName());
            if (v != null && t.isEnum() && v instanceof String name) {
                v = Enum.valueOf((Class<? extends Enum>) t, name);
            }
            Class<?> boxed = t == int.class ? Integer.class : t == long.class ? Long.class : t == double.class ? Double.class
                    : t == boolean.class ? Boolean.class : t;
            if (v == null || !boxed.isInstance(v)) {
                throw new CorruptEntryException(type.getSimpleName() + "." + cs[k].getName() + ": "
                        + (v == null ? "missing" : "a " + v.getClass().getSimpleName() + ", not " + t.getSimpleName())
                        + " in the item (coordinator and worker run different versions?)");
            }
            args[k] = v;
        }
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }
}
