package dev.arclab.pipeline;

/**
 * Where a program came from: loaded from a solver file, found by the pipeline (for a task other than
 * the one its parent solved, or as it was), or made by mutating a parent. {@code parent} is the parent
 * program's hash (hex) for mutants; {@code detail} says what changed or which file and line.
 */
public record Origin(Kind kind, String parent, String detail) {

    public enum Kind {
        FILE, FOUND, MUTANT
    }

    public static Origin file(String where) {
        return new Origin(Kind.FILE, null, where);
    }

    public static Origin mutant(String parentHash, String change) {
        return new Origin(Kind.MUTANT, parentHash, change);
    }

    public static Origin found(String detail) {
        return new Origin(Kind.FOUND, null, detail);
    }

    @Override
    public String toString() {
        switch (kind) {
            case FILE:
                return "file " + detail;
            case MUTANT:
                return "mutant of " + parent.substring(0, Math.min(12, parent.length())) + " (" + detail + ")";
            default:
                return "found " + detail;
        }
    }
}
