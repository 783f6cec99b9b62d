package dev.arclab.program;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What parsing a solver file gave: the programs of the functions that parsed, in file order, and one
 * error for each function (or stray top-level line) that did not.
 */
public record ParseResult(String file, List<Program> programs, List<ParseError> errors) {
    public ParseResult {
        programs = List.copyOf(programs);
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The programs by task id, in file order. */
    public Map<String, Program> byTaskId() {
        Map<String, Program> m = new LinkedHashMap<>();
        for (Program p : programs) {
            m.putIfAbsent(p.taskId(), p);
        }
        return Collections.unmodifiableMap(m);
    }
}
