package dev.arclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package index of class path jars, its file (a cache: stale, damaged or missing entries are read again) and the manifest expansion. */
class PackageIndexTest {
    @TempDir
    Path dir;

    /** A jar with these entries (each a few bytes) and, when given, a manifest Class-Path. */
    static Path jar(Path file, String classPath, String... entries) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            for (String e : entries) {
                jar.putNextEntry(new JarEntry(e));
                if (!e.endsWith("/")) {
                    jar.write(e.getBytes(StandardCharsets.UTF_8));
                }
                jar.closeEntry();
            }
        }
        return file;
    }

    @Test
    void aJarsPackagesAreTheFoldersOfItsFiles() throws IOException {
        Path a = jar(dir.resolve("a.jar"), null, "a/b/", "a/b/C.class", "a/b/c/D.class", "Root.class",
                "META-INF/versions/11/x/y/Z.class", "res/data.txt", "empty/");
        assertEquals(Set.of("META-INF", "a.b", "a.b.c", "", "x.y", "res"), PackageIndex.packagesOf(a));
    }

    @Test
    void theFileKeepsTheIndexAndAChangedJarIsReadAgain() throws IOException {
        Path a = jar(dir.resolve("lib/a.jar"), null, "p/A.class");
        Path b = jar(dir.resolve("lib/b.jar"), null, "q/B.class", "q/r/C.class");
        Path file = dir.resolve("index/kernel.packages");
        PackageIndex first = PackageIndex.of(List.of(a, b), file);
        assertEquals(Set.of("META-INF", "p"), first.packages(a.toAbsolutePath()));
        assertTrue(Files.readString(file).startsWith(PackageIndex.HEADER), "written with its header");

        // served from the file while the jar's size and time are those it recorded: a file that says other packages
        // for b (with b's real size and time) is believed, so b was not read again
        FileTime time = Files.getLastModifiedTime(b);
        String bLine = b.toAbsolutePath() + "\t" + Files.size(b) + "\t" + time.toMillis() + "\t";
        String text = Files.readString(file);
        assertTrue(text.contains(bLine + "META-INF q q.r\t0\t\n"), text);
        Files.writeString(file, text.replace(bLine + "META-INF q q.r\t0\t\n", bLine + "from.the.file\t0\t\n"));
        assertEquals(Set.of("from.the.file"), PackageIndex.of(List.of(a, b), file).packages(b.toAbsolutePath()));

        jar(b, null, "s/B.class", "s/t/C.class");
        // a changed time: read again, and the file is rewritten
        Files.setLastModifiedTime(b, FileTime.fromMillis(time.toMillis() + 5000));
        assertEquals(Set.of("META-INF", "s", "s.t"), PackageIndex.of(List.of(a, b), file).packages(b.toAbsolutePath()));
        assertTrue(Files.readString(file).contains("s.t"), Files.readString(file));
    }

    @Test
    void aDamagedOrForeignFileIsMadeAgain() throws IOException {
        Path a = jar(dir.resolve("a.jar"), null, "p/A.class", "Root.class");
        Path file = dir.resolve("kernel.packages");
        Files.writeString(file, "something else\n" + a.toAbsolutePath() + "\t1\t2\tnot.these\t\n");
        assertEquals(Set.of("META-INF", "p", ""), PackageIndex.of(List.of(a), file).packages(a.toAbsolutePath()));
        List<String> lines = Files.readAllLines(file);
        assertEquals(PackageIndex.HEADER, lines.get(0));
        assertTrue(lines.get(1).endsWith("\t. META-INF p\t1\t"), "the root package is written as '.': " + lines.get(1));

        Files.writeString(file, PackageIndex.HEADER + "\n" + a.toAbsolutePath() + "\tnot a number\t2\tp\t\n");
        assertEquals(Set.of("META-INF", "p", ""), PackageIndex.of(List.of(a), file).packages(a.toAbsolutePath()));
        // read back from the file it wrote: the root package too
        assertEquals(Set.of("META-INF", "p", ""), PackageIndex.of(List.of(a), file).packages(a.toAbsolutePath()));
    }

    @Test
    void aFileThatCannotBeWrittenOnlyCostsTheCache() throws IOException {
        Path a = jar(dir.resolve("a.jar"), null, "p/A.class");
        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x").resolve("kernel.packages");
        assertEquals(Set.of("META-INF", "p"), PackageIndex.of(List.of(a), blocked).packages(a.toAbsolutePath()));
        assertEquals(Set.of("META-INF", "p"), PackageIndex.of(List.of(a), null).packages(a.toAbsolutePath()));
    }

    @Test
    void theRootHoldsClassesOnlyWithAClassOrSourceOtherThanModuleInfo() throws IOException {
        Path file = dir.resolve("kernel.packages");
        Path info = jar(dir.resolve("info.jar"), null, "module-info.class", "META-INF/versions/9/module-info.class",
                "LICENSE", "p/A.class");
        Path root = jar(dir.resolve("root.jar"), null, "Root.class", "p/A.class");
        Path versioned = jar(dir.resolve("versioned.jar"), null, "META-INF/versions/11/Root.class", "LICENSE");
        Path source = jar(dir.resolve("source.jar"), null, "Root.java");
        PackageIndex index = PackageIndex.of(List.of(info, root, versioned, source), file);
        assertEquals(Set.of("META-INF", "", "p"), index.packages(info.toAbsolutePath()),
                "the root has files all the same");
        assertFalse(index.rootClasses(info.toAbsolutePath()));
        assertTrue(index.rootClasses(root.toAbsolutePath()));
        assertTrue(index.rootClasses(versioned.toAbsolutePath()));
        assertTrue(index.rootClasses(source.toAbsolutePath()));
        assertTrue(index.rootClasses(dir.resolve("not-indexed.jar")), "unknown: may have some");
        // kept in the file and read back from it
        PackageIndex again = PackageIndex.of(List.of(info, root), file);
        assertFalse(again.rootClasses(info.toAbsolutePath()));
        assertTrue(again.rootClasses(root.toAbsolutePath()));
    }

    @Test
    void foldersAndMissingOrBrokenJarsAreLeftOut() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/p"));
        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        PackageIndex index = PackageIndex.of(List.of(classes.getParent(), dir.resolve("missing.jar"), broken), null);
        assertEquals(Set.of(), index.jars());
        assertNull(index.packages(broken.toAbsolutePath()));
    }

    @Test
    void theManifestClassPathIsKeptInTheFile() throws IOException {
        Path c = jar(dir.resolve("lib/c.jar"), null, "c/C.class");
        Path a = jar(dir.resolve("a.jar"), "lib/c.jar", "a/A.class");
        Path file = dir.resolve("kernel.packages");
        assertEquals(List.of(a, c), PackageIndex.of(List.of(a), file).classPath());
        String text = Files.readString(file);
        assertTrue(text.contains("\tMETA-INF a\t0\tlib/c.jar\n"), text);
        // believed while a's size and time are unchanged: the file's Class-Path, not the jar's, is followed
        Path d = jar(dir.resolve("lib/d.jar"), null, "d/D.class");
        Files.writeString(file, text.replace("\tMETA-INF a\t0\tlib/c.jar\n", "\tMETA-INF a\t0\tlib/d.jar\n"));
        assertEquals(List.of(a, d), PackageIndex.of(List.of(a), file).classPath());
    }

    @Test
    void theClassPathIsExpandedAsJavacExpandsIt() throws IOException {
        Path c = jar(dir.resolve("lib/c.jar"), null, "c/C.class");
        Path b = jar(dir.resolve("lib/b.jar"), "c.jar missing.jar", "b/B.class");
        Path a = jar(dir.resolve("a.jar"), "lib/b.jar lib/c.jar", "a/A.class");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(List.of(classes, a, b, c).stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                PackageIndex.expand(List.of(classes, a, c)), "each once, in order, missing ones left out");
    }
}
