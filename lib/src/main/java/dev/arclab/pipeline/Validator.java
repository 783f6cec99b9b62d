package dev.arclab.pipeline;

import dev.arclab.dsl.Values;
import dev.arclab.program.Interpreter;
import dev.arclab.program.Outcome;
import dev.arclab.program.Program;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.ArrayList;
import java.util.List;

/** Runs one program alone on the demo pairs of one task: the authoritative demo score and cost. */
public final class Validator {
    private final Interpreter interpreter;

    public Validator(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    /** Demo pairs only: test outputs are never read here. */
    public Validation validate(Program program, Task task) {
        long t0 = System.nanoTime();
        List<Validation.Pair> pairs = new ArrayList<>(task.demo().size());
        long fuel = 0;
        for (Example ex : task.demo()) {
            Outcome o = interpreter.run(program, ex.input());
            fuel += o.fuel();
            if (o instanceof Outcome.Ok ok) {
                pairs.add(new Validation.Pair(o.status(), Values.equal(ok.value(), ex.output()), null));
            } else if (o instanceof Outcome.Error err) {
                pairs.add(new Validation.Pair(o.status(), false, err.variable() + ": " + err.message()));
            } else {
                pairs.add(new Validation.Pair(o.status(), false, "out of fuel"));
            }
        }
        return new Validation(pairs, fuel, System.nanoTime() - t0);
    }
}
