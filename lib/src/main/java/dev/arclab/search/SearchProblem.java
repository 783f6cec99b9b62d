package dev.arclab.search;

import dev.arclab.dsl.Grid;
import dev.arclab.task.Example;
import dev.arclab.task.Task;
import java.util.List;

/**
 * What the search may see of a task: the demo pairs and the test INPUTS. Test outputs never enter a problem,
 * so nothing in the search can read them before predict.
 */
public record SearchProblem(String taskId, List<Grid> demoInputs, List<Grid> demoOutputs, List<Grid> testInputs) {

    public SearchProblem {
        demoInputs = List.copyOf(demoInputs);
        demoOutputs = List.copyOf(demoOutputs);
        testInputs = List.copyOf(testInputs);
        if (demoInputs.size() != demoOutputs.size() || demoInputs.isEmpty()) {
            throw new IllegalArgumentException("task " + taskId + ": a search needs demo pairs with outputs");
        }
    }

    /** The demo pairs and test inputs of a task; its test outputs are not read. */
    public static SearchProblem of(Task task) {
        List<Grid> in = task.demo().stream().map(Example::input).toList();
        List<Grid> out = task.demo().stream().map(Example::output).toList();
        return new SearchProblem(task.id(), in, out, task.testInputs());
    }

    /** The same task in another frame: every input and demo output turned or mirrored by {@code s}. */
    public SearchProblem transformed(Symmetry s) {
        if (s == Symmetry.IDENTITY) {
            return this;
        }
        return new SearchProblem(taskId, demoInputs.stream().map(s::apply).toList(), demoOutputs.stream().map(s::apply).toList(),
                testInputs.stream().map(s::apply).toList());
    }

    /** Whether another problem has the same demo and test inputs, in the same order (its outputs may differ). */
    public boolean sameInputs(SearchProblem other) {
        return demoInputs.equals(other.demoInputs) && testInputs.equals(other.testInputs);
    }

    /** Demo inputs then test inputs: the examples a candidate is evaluated on. */
    public Grid[] inputs() {
        Grid[] all = new Grid[demoInputs.size() + testInputs.size()];
        for (int k = 0; k < all.length; k++) {
            all[k] = k < demoInputs.size() ? demoInputs.get(k) : testInputs.get(k - demoInputs.size());
        }
        return all;
    }

    public int demoCount() {
        return demoInputs.size();
    }
}
