package dev.arclab.program;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link ProgramParser#parseProgram} when the text is not exactly one valid solver function. */
public final class ProgramSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<ParseError> errors;

    public ProgramSyntaxException(List<ParseError> errors) {
        super(errors.stream().map(ParseError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ParseError> errors() {
        return errors;
    }
}
