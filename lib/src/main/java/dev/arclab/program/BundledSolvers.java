package dev.arclab.program;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * ARC Lab's own solver programs, shipped in the jar ({@code dev/arclab/solvers/solvers.py}): the
 * default library of the pipeline and the fixtures of the conformance runner.
 */
public final class BundledSolvers {
    /** The resource path of the bundled solver file. */
    public static final String RESOURCE = "/dev/arclab/solvers/solvers.py";

    private BundledSolvers() {
    }

    /** The text of the bundled solver file. */
    public static String text() {
        try (InputStream in = BundledSolvers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled solvers " + RESOURCE + " are missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled solvers, parsed. */
    public static ParseResult parse() {
        return new ProgramParser().parse("solvers.py (bundled)", text());
    }
}
