package dev.arclab.pipeline;

import dev.arclab.program.Interpreter;
import dev.arclab.program.Outcome;
import dev.arclab.program.PairResult;
import dev.arclab.program.Program;
import dev.arclab.program.SolverRun;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.List;

/** Runs one program alone on the demo pairs of one task (with the conformance runner): the authoritative demo score and cost. */
public final class Validator {
    private final Interpreter interpreter;

    public Validator(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    /** Demo pairs only: test outputs are never read here. Runs through the conformance runner's {@link SolverRun#runDemo}. */
    public Validation validate(Program program, Task task) {
        long t0 = System.nanoTime();
        List<Validation.Pair> pairs = new ArrayList<>(task.demo().size());
        long fuel = 0;
        for (PairResult r : SolverRun.runDemo(program, task, interpreter)) {
            fuel += r.fuel();
            pairs.add(switch (r.status()) {
                case MATCH, MISMATCH, UNCHECKED -> new Validation.Pair(Outcome.Status.OK, r.status() == PairResult.Status.MATCH, null);
                case ERROR -> new Validation.Pair(Outcome.Status.ERROR, false, r.variable() + ": " + r.message());
                case TIMEOUT -> new Validation.Pair(Outcome.Status.TIMEOUT, false, "out of fuel");
            });
        }
        return new Validation(pairs, fuel, System.nanoTime() - t0);
    }
}
