package dev.arclab.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sets Tablesaw up (the first table, e.g. of {@code %tasks}) without scanning the whole class path. Tablesaw's
 * {@code Table} class, when it is initialized, asks ClassGraph for the readers and writers in the packages
 * {@code tech.tablesaw.io...}, and ClassGraph reads every jar of {@code java.class.path} to find them: the kernel's 57
 * jars, ~0.8 s of CPU on a cold JVM, while only Tablesaw's own jars hold such packages. Here {@code Table} is initialized
 * once, early, with {@code java.class.path} narrowed for that moment to the jars the {@link PackageIndex} says hold
 * {@code tech.tablesaw.io} packages: the same readers and writers (the scan looks at those packages only), ~0.25 s.
 *
 * <p>Called once by the kernel's start, after JShell was built (JShell reads {@code java.class.path} while it is built,
 * and keeps it for {@code %classpath}), while the kernel's sockets are still being set up; cells wait until it is done
 * ({@code Evaluator.holdCellsUntil}), so no cell sees the narrowed property, which is set back at once. If another
 * thread initializes {@code Table} first, that one scans the whole class path as before.
 */
final class TablesawStart {
    static final String TABLE = "tech.tablesaw.api.Table";
    private static final String IO_PACKAGE = "tech.tablesaw.io";

    private TablesawStart() {
    }

    /** The jars of the index that hold {@code tech.tablesaw.io} or a package in it, in class path order. */
    static List<Path> ioJars(PackageIndex index) {
        return index.classPath().stream()
                .filter(p -> {
                    var packages = index.packages(p);
                    return packages != null && packages.stream()
                            .anyMatch(n -> n.equals(IO_PACKAGE) || n.startsWith(IO_PACKAGE + "."));
                })
                .toList();
    }

    /**
     * Initializes Tablesaw's {@code Table} class with the class path narrowed to {@link #ioJars}; does nothing when the
     * index is null, holds no such jar, or {@code Table} cannot be loaded (the first table then sets Tablesaw up as
     * usual). Returns the jars it narrowed the scan to (empty when it did nothing).
     */
    static synchronized List<Path> initialize(PackageIndex index, ClassLoader loader) {
        if (index == null) {
            return List.of();
        }
        List<Path> jars = ioJars(index);
        if (jars.isEmpty()) {
            return List.of();
        }
        String saved = System.getProperty("java.class.path");
        System.setProperty("java.class.path", jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        try {
            Class.forName(TABLE, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        } finally {
            System.setProperty("java.class.path", saved);
        }
        return jars;
    }
}
