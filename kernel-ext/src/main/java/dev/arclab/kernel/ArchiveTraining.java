package dev.arclab.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The training run of the kernel's AppCDS archive ({@code install.sh}: {@code java -XX:ArchiveClassesAtExit=...
 * dev.arclab.kernel.ArchiveTraining}): starts the kernel as Jupyter would (default imports, javac warm-up), runs
 * the kind of first cells people run (a magic, a value from the bundled tasks, a grid shown as a picture) and a completion,
 * then exits. The classes this loads (JShell, javac, jjava, the kernel's and the lab's) are what the archive holds,
 * so that a kernel started with it reaches its first result sooner. It touches no store and writes nothing.
 */
public final class ArchiveTraining {
    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        ArcKernel kernel = ArcKernel.builder().build();
        kernel.onStartup();
        DisplayData tasks = kernel.eval("%tasks"); // rendered: the summary's table (Tablesaw) too
        kernel.awaitStarted();
        Object size = kernel.evalRaw("dev.arclab.task.TaskLoader.bundled().size()");
        DisplayData shown = kernel.eval("Grid.of(new int[][] {{1, 2}, {3, 4}})");
        kernel.complete("Math.ab", 7);
        kernel.onShutdown(false);
        System.out.println("trained on " + size + " tasks (shown: " + (tasks != null) + "), a grid shown: " + (shown != null));
        System.exit(0);
    }
}
