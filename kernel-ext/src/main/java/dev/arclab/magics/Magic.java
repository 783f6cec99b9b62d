package dev.arclab.magics;

import java.util.List;

/**
 * A line magic ({@code %name args}) of ARC Lab, independent of any kernel library.
 *
 * <p>The kernel adapters ({@code dev.arclab.kernel.ArcLabExtension} for JJava and our kernel,
 * {@link IJavaMagics} for IJava) register each magic of a {@link MagicRegistry} under {@link #name()}; the
 * object that {@link #run} returns is shown as the cell's result through the kernel's renderers (a String shows
 * as text; a {@code null} shows nothing).
 *
 * <p>Most magics extend {@link CommandMagic}, which parses arguments with picocli and answers {@code --help}.
 */
public interface Magic {
    /** The name after {@code %}, e.g. {@code threads}. */
    String name();

    /** One line saying what the magic does. */
    String help();

    /**
     * Runs the magic. Runs on the cell's thread, so a long magic is interrupted like any cell: it should check
     * {@link Thread#interrupted()} or register with {@link Cancellables}.
     *
     * @param args the words after the name, split like a shell does (quotes group words)
     * @return the object to show, or {@code null}
     * @throws MagicException when the arguments are wrong; its message says what was wrong and how to call it
     */
    Object run(List<String> args) throws Exception;

    /**
     * Completions of the argument being typed ({@code prefix}) after the words {@code before}: options and their
     * values. None by default.
     */
    default List<String> complete(List<String> before, String prefix) {
        return List.of();
    }
}
