package dev.arclab.program;

/** A problem in a solver file, at a 1-based line and column, shown as {@code file:line:column: message}. */
public record ParseError(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
