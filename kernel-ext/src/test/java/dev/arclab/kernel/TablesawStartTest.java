package dev.arclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tablesaw's set-up with its class path scan narrowed to the jars of {@code tech.tablesaw.io}: the same readers and writers. */
class TablesawStartTest {
    /** What Tablesaw's {@code Table} asks ClassGraph for when it is initialized, with {@code java.class.path} as it is now. */
    private static Set<String> readersAndWriters() {
        try (ScanResult r = new ClassGraph().enableAllInfo().acceptPackages("tech.tablesaw.io").scan()) {
            Set<String> names = new TreeSet<>(r.getClassesImplementing("tech.tablesaw.io.DataReader").getNames());
            names.addAll(r.getClassesImplementing("tech.tablesaw.io.DataWriter").getNames());
            return names;
        }
    }

    @Test
    void theNarrowedScanFindsWhatTheWholeClassPathScanFinds() {
        String classPath = System.getProperty("java.class.path");
        PackageIndex index = PackageIndex.of(IndexedFileManager.split(classPath), null);
        List<Path> jars = TablesawStart.ioJars(index);
        assertTrue(jars.size() >= 2 && jars.size() < index.classPath().size() / 4,
                "tablesaw-core and tablesaw-html, not the whole class path: " + jars);
        Set<String> whole = readersAndWriters();
        assertTrue(whole.size() >= 4, whole.toString());
        System.setProperty("java.class.path", jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        try {
            assertEquals(whole, readersAndWriters());
        } finally {
            System.setProperty("java.class.path", classPath);
        }
    }

    @Test
    void theKernelsStartSetsTablesawUpWithItsReadersAndTheClassPathBack() throws Exception {
        String classPath = System.getProperty("java.class.path");
        try (KernelHarness h = new KernelHarness()) {
            assertEquals(400, h.value("TaskLoader.bundled().size()"));
            assertEquals(classPath, System.getProperty("java.class.path"));
            // the HTML reader lives in tablesaw-html, the CSV one in tablesaw-core: both registered
            assertNotNull(tech.tablesaw.api.Table.defaultReaderRegistry.getReaderForExtension("html"));
            assertNotNull(tech.tablesaw.api.Table.defaultReaderRegistry.getReaderForExtension("csv"));
            assertFalse(TablesawStart.ioJars(PackageIndex.of(IndexedFileManager.split(classPath), null)).isEmpty());
        }
    }
}
