package dev.arclab.bench;

import dev.arclab.dsl.Grid;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Program;
import dev.arclab.program.ProgramParser;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One warm pass of a solver file over every pair (demo and test) of its tasks, in the interpreter alone: the DSL's
 * share of {@code arclab solve --repeat}, without the runner's bookkeeping. {@code solvers}: the bundled solvers, or
 * the programs the enumeration search found (test resource {@code dev/arclab/bench/found-programs.py}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SolverPassBench {

    private final Interpreter interpreter = new Interpreter();
    private final List<Program> programs = new ArrayList<>();
    private final List<Grid> inputs = new ArrayList<>();

    @Param({"bundled", "found"})
    public String solvers;

    @Setup
    public void setUp() throws IOException {
        TaskSet tasks = TaskLoader.bundled();
        Map<String, Program> byTask;
        if (solvers.equals("bundled")) {
            byTask = BundledSolvers.parse().byTaskId();
        } else {
            try (InputStream in = SolverPassBench.class.getResourceAsStream("/dev/arclab/bench/found-programs.py")) {
                byTask = new ProgramParser().parse("found-programs.py", new String(in.readAllBytes(),
                        StandardCharsets.UTF_8)).byTaskId();
            }
        }
        for (Map.Entry<String, Program> e : byTask.entrySet()) {
            Task task = tasks.get(e.getKey());
            List<Example> pairs = new ArrayList<>(task.demo());
            pairs.addAll(task.test());
            for (Example pair : pairs) {
                programs.add(e.getValue());
                inputs.add(pair.input());
            }
        }
    }

    /** Fuel summed over the pass (returned so that nothing is optimised away). */
    @Benchmark
    public long allPairs() {
        long fuel = 0;
        for (int k = 0; k < programs.size(); k++) {
            fuel += interpreter.run(programs.get(k), inputs.get(k)).fuel();
        }
        return fuel;
    }
}
