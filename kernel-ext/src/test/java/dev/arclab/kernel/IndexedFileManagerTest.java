package dev.arclab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac through the package index sees what it sees through the plain class path: the same classes in every package
 * of every class path entry (this test JVM's class path, the kernel's libraries among it), in the same order; and a
 * cell can name a class of every jar on it.
 */
class IndexedFileManagerTest {
    private static final Set<JavaFileObject.Kind> KINDS = Set.of(JavaFileObject.Kind.CLASS, JavaFileObject.Kind.OTHER);

    @TempDir
    Path dir;

    private static StandardJavaFileManager plain() {
        return ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, StandardCharsets.UTF_8);
    }

    /** Every file of a package, as "binary name (file name)", in the order the file manager lists them. */
    private static List<String> listing(JavaFileManager fm, String pkg, boolean recurse) throws IOException {
        List<String> out = new ArrayList<>();
        for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, pkg, KINDS, recurse)) {
            String name = f.getKind() == JavaFileObject.Kind.CLASS
                    ? fm.inferBinaryName(StandardLocation.CLASS_PATH, f) : f.getName().replaceAll(".*[/!(]", "");
            out.add(name + " (" + f.toUri().toString().replaceAll(".*/", "") + ")");
        }
        return out;
    }

    @Test
    void everyPackageListsAsOnThePlainClassPath() throws IOException {
        List<Path> classPath = IndexedFileManager.split(System.getProperty("java.class.path"));
        try (StandardJavaFileManager plain = plain();
             IndexedFileManager indexed = new IndexedFileManager(plain(), classPath, dir.resolve("test.packages"))) {
            plain.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            assertEquals(PackageIndex.expand(classPath), indexed.classPath());
            Set<String> packages = new TreeSet<>(List.of("java.util", "javax.tools", "", "no.such.pkg"));
            for (Path jar : PackageIndex.of(PackageIndex.expand(classPath), null).jars()) {
                packages.addAll(PackageIndex.packagesOf(jar));
            }
            // the jars' packages, and the folders' (in this test the lab's and the kernel's classes are folders)
            packages.addAll(List.of("dev.arclab.task", "dev.arclab.kernel", "dev.arclab.magics"));
            assertTrue(packages.contains("tech.tablesaw.api") && packages.contains("org.knowm.xchart"), packages.size() + " packages");
            int compared = 0;
            for (String pkg : packages) {
                assertEquals(listing(plain, pkg, false), listing(indexed, pkg, false), "package " + pkg);
                compared++;
            }
            assertTrue(compared > 500, compared + " packages");
            assertEquals(listing(plain, "dev.arclab", true), listing(indexed, "dev.arclab", true));
            assertTrue(indexed.hasLocation(StandardLocation.CLASS_PATH));
            assertNotNull(indexed.getJavaFileForInput(StandardLocation.CLASS_PATH, "tech.tablesaw.api.Table",
                    JavaFileObject.Kind.CLASS));
            assertEquals(null, indexed.getJavaFileForInput(StandardLocation.CLASS_PATH, "java.util.List",
                    JavaFileObject.Kind.CLASS), "java.util is not on the class path");
            assertNotNull(indexed.getFileForInput(StandardLocation.CLASS_PATH, "dev.arclab.magics", "version.properties"));
        }
    }

    @Test
    void aClassPathOptionSetsTheEntriesAgain() throws IOException {
        Path a = PackageIndexTest.jar(dir.resolve("a.jar"), null, "p/A.class");
        Path classes = Files.createDirectories(dir.resolve("classes/q"));
        Files.writeString(classes.resolve("B.class"), "x");
        try (IndexedFileManager indexed = new IndexedFileManager(plain(), List.of(), null)) {
            assertFalse(indexed.hasLocation(StandardLocation.CLASS_PATH));
            assertTrue(indexed.handleOption("-classpath", List.of(a + java.io.File.pathSeparator + classes.getParent()).iterator()));
            assertEquals(List.of(a, classes.getParent()), indexed.classPath());
            assertEquals(List.of("p.A (A.class)"), listing(indexed, "p", false));
            assertEquals(List.of("q.B (B.class)"), listing(indexed, "q", false));
        }
    }

    /** Every file of a package of the given kinds, as "file name (jar)", in the order the file manager lists them. */
    private static List<String> listing(JavaFileManager fm, String pkg, Set<JavaFileObject.Kind> kinds) throws IOException {
        List<String> out = new ArrayList<>();
        for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, pkg, kinds, false)) {
            out.add(f.toUri().toString().replaceAll(".*/", ""));
        }
        return out;
    }

    @Test
    void theUnnamedPackagesClassesAreListedOnlyInJarsWhoseRootHoldsSome() throws IOException {
        Path info = PackageIndexTest.jar(dir.resolve("info.jar"), null, "module-info.class", "LICENSE", "p/A.class");
        Path root = PackageIndexTest.jar(dir.resolve("root.jar"), null, "Root.class", "q/B.class");
        Path other = PackageIndexTest.jar(dir.resolve("other.jar"), null, "r/C.class");
        List<Path> classPath = List.of(info, root, other);
        Set<JavaFileObject.Kind> classes = Set.of(JavaFileObject.Kind.CLASS, JavaFileObject.Kind.SOURCE);
        try (StandardJavaFileManager plain = plain();
             IndexedFileManager indexed = new IndexedFileManager(plain(), classPath, null)) {
            plain.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            assertEquals(List.of("module-info.class", "Root.class"), listing(plain, "", classes));
            assertEquals(List.of("Root.class"), listing(indexed, "", classes), "module-info.class is no class of the package");
            assertEquals(Set.of(root), indexed.listed(), "info.jar and other.jar are not opened");
            // javac's class finder asks for every kind, and takes only classes and sources from the class path
            Set<JavaFileObject.Kind> all = java.util.EnumSet.allOf(JavaFileObject.Kind.class);
            assertEquals(List.of("LICENSE", "module-info.class", "Root.class"), listing(plain, "", all));
            assertEquals(List.of("Root.class"), listing(indexed, "", all));
            assertEquals(Set.of(root), indexed.listed());
            // asked for other files of the root (a resource), every jar with files there is listed
            assertEquals(listing(plain, "", Set.of(JavaFileObject.Kind.OTHER)), listing(indexed, "", Set.of(JavaFileObject.Kind.OTHER)));
            assertEquals(List.of("LICENSE"), listing(indexed, "", Set.of(JavaFileObject.Kind.OTHER)));
            assertEquals(null, indexed.getJavaFileForInput(StandardLocation.CLASS_PATH, "LICENSE", JavaFileObject.Kind.CLASS));
            assertNotNull(indexed.getJavaFileForInput(StandardLocation.CLASS_PATH, "Root", JavaFileObject.Kind.CLASS));
            assertEquals(Set.of(info, root), indexed.listed(), "info.jar listed for its LICENSE");
        }
    }

    @Test
    void theUnnamedPackageOfTheKernelsClassPathListsTheClassesItListsPlainly() throws IOException {
        List<Path> classPath = IndexedFileManager.split(System.getProperty("java.class.path"));
        Set<JavaFileObject.Kind> classes = Set.of(JavaFileObject.Kind.CLASS, JavaFileObject.Kind.SOURCE);
        try (StandardJavaFileManager plain = plain();
             IndexedFileManager indexed = new IndexedFileManager(plain(), classPath, dir.resolve("test.packages"))) {
            plain.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            List<String> expected = listing(plain, "", classes).stream().filter(f -> !f.equals("module-info.class")).toList();
            assertEquals(expected, listing(indexed, "", classes));
            assertEquals(expected, listing(indexed, "", java.util.EnumSet.allOf(JavaFileObject.Kind.class)).stream()
                    .filter(f -> f.endsWith(".class") || f.endsWith(".java")).toList());
            assertTrue(listing(plain, "", classes).contains("module-info.class"), "some jar has one at its root");
            long jars = indexed.listed().stream().filter(PackageIndex::isJar).count();
            assertTrue(jars <= 2, "jars opened for the unnamed package: " + indexed.listed());
        }
    }

    /** One public top-level class of each jar of the class path (by name, not loaded or initialized). */
    private static TreeMap<String, String> aPublicClassOfEachJar() throws IOException {
        TreeMap<String, String> byJar = new TreeMap<>();
        ClassLoader loader = IndexedFileManagerTest.class.getClassLoader();
        for (Path jar : PackageIndex.expand(IndexedFileManager.split(System.getProperty("java.class.path")))) {
            if (!PackageIndex.isJar(jar)) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    String n = entries.nextElement().getName();
                    if (!n.endsWith(".class") || n.contains("$") || n.startsWith("META-INF/") || !n.contains("/")
                            || n.endsWith("module-info.class") || n.endsWith("package-info.class")) {
                        continue;
                    }
                    String name = n.substring(0, n.length() - 6).replace('/', '.');
                    try {
                        Class<?> c = Class.forName(name, false, loader);
                        if (Modifier.isPublic(c.getModifiers()) && c.getEnclosingClass() == null) {
                            byJar.put(jar.getFileName().toString(), name);
                            break;
                        }
                    } catch (ClassNotFoundException | LinkageError e) {
                        // not loadable here (an optional dependency missing): try another
                    }
                }
            }
        }
        return byJar;
    }

    @Test
    void aCellCanNameAClassOfEveryJarOnTheClassPath() throws IOException {
        TreeMap<String, String> classes = aPublicClassOfEachJar();
        assertTrue(classes.keySet().stream().anyMatch(j -> j.startsWith("tablesaw-core"))
                && classes.keySet().stream().anyMatch(j -> j.startsWith("xchart"))
                && classes.keySet().stream().anyMatch(j -> j.startsWith("hazelcast")), classes.toString());
        try (KernelHarness h = new KernelHarness()) {
            for (var e : classes.entrySet()) {
                assertEquals(e.getValue(), h.value(e.getValue() + ".class.getName()"), "from " + e.getKey());
            }
            // and the lab's own API, through the default imports
            assertEquals(400, h.value("TaskLoader.bundled().size()"));
        }
    }
}
