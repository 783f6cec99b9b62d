package dev.arclab.bench;

import dev.arclab.dsl.Grid;
import dev.arclab.program.BundledSolvers;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Program;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import dev.arclab.task.TaskLoader;
import dev.arclab.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One warm pass of the bundled solvers over every pair (demo and test) of their tasks, in the interpreter
 * alone: the DSL's share of {@code arclab solve --repeat}, without the runner's bookkeeping.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SolverPassBench {

    private final Interpreter interpreter = new Interpreter();
    private final List<Program> programs = new ArrayList<>();
    private final List<Grid> inputs = new ArrayList<>();

    @Setup
    public void setUp() {
        TaskSet tasks = TaskLoader.bundled();
        for (Map.Entry<String, Program> e : BundledSolvers.parse().byTaskId().entrySet()) {
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
