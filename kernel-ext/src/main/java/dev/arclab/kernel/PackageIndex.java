package dev.arclab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which packages each jar of a class path holds, so that javac opens only the jars of the packages a cell names
 * ({@link IndexedFileManager}) instead of every jar of the kernel's class path (56 of them, ~48,000 entries).
 *
 * <p>A jar's packages are the folders of its files, with {@code META-INF/versions/N/} taken off (so a multi-release
 * jar's versioned classes count for their package); the root is the package {@code ""}. Kept per jar with its size
 * and modification time in a text file (by default beside the kernel's jar, see {@link #defaultFile}): a jar whose
 * size or time changed, or that is not in the file, is read again (with {@link ZipFile}) and the file is rewritten
 * (a temporary file, then a rename). The file is a cache: when it is missing, damaged or cannot be written, the
 * index is made from the jars and kept in memory.
 */
final class PackageIndex {
    /** First line of the file; a file without it is ignored (made again). */
    static final String HEADER = "# arclab package index 3: jar TAB size TAB mtime TAB packages (space-separated) TAB root classes (1/0) TAB manifest Class-Path";
    /** System property: where the index file is (default: beside the kernel's jar). */
    static final String FILE_PROPERTY = "arclab.kernel.packageIndex";

    /**
     * A jar's size and modification time when it was read, its packages, whether its root holds classes or sources
     * ({@link #rootClasses(Path)}), and its manifest's {@code Class-Path} ("" for none).
     */
    record Entry(long size, long modified, Set<String> packages, boolean rootClasses, String classPath) {
    }

    private final Map<Path, Entry> jars;
    private final List<Path> classPath;

    private PackageIndex(Map<Path, Entry> jars, List<Path> classPath) {
        this.jars = jars;
        this.classPath = classPath;
    }

    /**
     * The class path as javac sees it: the entries given to {@link #of}, in order, each jar followed by the jars its
     * manifest's {@code Class-Path} names (relative to the jar's folder, recursively, each once; missing ones left out).
     */
    List<Path> classPath() {
        return classPath;
    }

    /** The packages of {@code jar} (absolute and normalized, as given to {@link #of}); null if it is not indexed. */
    Set<String> packages(Path jar) {
        Entry e = jars.get(jar);
        return e == null ? null : e.packages();
    }

    /**
     * Whether {@code jar}'s root (the package {@code ""}) holds a class or source file that javac could take for a class
     * of the unnamed package: a {@code .class} or {@code .java} file other than {@code module-info.class} (javac's class
     * finder skips that one: not a class name). Most jars' root holds only {@code module-info.class} or licence and
     * configuration files, and javac looks the unnamed package up at its first compile: those jars need not be opened for
     * it. True when {@code jar} is not indexed.
     */
    boolean rootClasses(Path jar) {
        Entry e = jars.get(jar);
        return e == null || e.rootClasses();
    }

    /** The indexed jars. */
    Set<Path> jars() {
        return jars.keySet();
    }

    /**
     * The index of the class path {@code entries}, expanded as javac expands it ({@link #classPath()}): each jar's
     * packages and manifest from {@code file} where its size and time are those recorded, else read from the jar
     * (folders are not indexed); {@code file} is rewritten when anything was read. {@code file} may be null (no cache). A
     * jar that cannot be read is left out of the index (javac then opens it as usual).
     */
    static PackageIndex of(List<Path> entries, Path file) {
        Map<Path, Entry> cached = file == null ? Map.of() : read(file);
        Map<Path, Entry> index = new LinkedHashMap<>();
        List<Path> classPath = new ArrayList<>();
        boolean[] changed = {false};
        Set<Path> seen = new java.util.HashSet<>();
        for (Path e : entries) {
            add(e.toAbsolutePath().normalize(), cached, index, classPath, seen, changed);
        }
        if (file != null && (changed[0] || !cached.keySet().containsAll(index.keySet()))) {
            Map<Path, Entry> all = new LinkedHashMap<>(cached);
            all.putAll(index);
            write(file, all);
        }
        return new PackageIndex(Map.copyOf(index), List.copyOf(classPath));
    }

    private static void add(Path entry, Map<Path, Entry> cached, Map<Path, Entry> index, List<Path> classPath,
                            Set<Path> seen, boolean[] changed) {
        if (!seen.add(entry)) {
            return;
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(entry, BasicFileAttributes.class);
        } catch (IOException e) {
            return; // missing: javac leaves it out too
        }
        classPath.add(entry);
        if (!a.isRegularFile() || !isJar(entry)) {
            return;
        }
        long size = a.size();
        long modified = a.lastModifiedTime().toMillis();
        Entry e = cached.get(entry);
        if (e == null || e.size() != size || e.modified() != modified) {
            try {
                e = read(entry, size, modified);
            } catch (IOException | RuntimeException ex) {
                return; // not a readable zip: left to javac
            }
            changed[0] = true;
        }
        index.put(entry, e);
        if (e.classPath().isBlank()) {
            return;
        }
        Path dir = entry.getParent();
        for (String item : e.classPath().trim().split("\\s+")) {
            try {
                add(dir.resolve(item).normalize(), cached, index, classPath, seen, changed);
            } catch (java.nio.file.InvalidPathException ex) {
                // javac leaves it out too
            }
        }
    }

    static boolean isJar(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    /** The packages (folders of files) in a jar, read with {@link ZipFile}. */
    static Set<String> packagesOf(Path jar) throws IOException {
        return read(jar, 0, 0).packages();
    }

    private static Entry read(Path jar, long size, long modified) throws IOException {
        Set<String> packages = new TreeSet<>();
        boolean rootClasses = false;
        String classPath = "";
        try (JarFile zip = new JarFile(jar.toFile(), false)) {
            Manifest m = zip.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            classPath = cp == null ? "" : cp.trim();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName();
                if (name.startsWith("META-INF/versions/")) {
                    int v = name.indexOf('/', "META-INF/versions/".length());
                    if (v < 0) {
                        continue;
                    }
                    name = name.substring(v + 1);
                }
                int slash = name.lastIndexOf('/');
                packages.add(slash < 0 ? "" : name.substring(0, slash).replace('/', '.'));
                if (slash < 0 && (name.endsWith(".java") || name.endsWith(".class") && !name.equals("module-info.class"))) {
                    rootClasses = true;
                }
            }
        }
        return new Entry(size, modified, Set.copyOf(packages), rootClasses, classPath);
    }

    /** The class path {@code entries} expanded as javac expands it (see {@link #classPath()}), without a cache file. */
    static List<Path> expand(List<Path> entries) {
        return of(entries, null).classPath();
    }

    /**
     * Where the kernel keeps the index: the system property {@value #FILE_PROPERTY} when set, else
     * {@code arclab-kernel.packages} beside the jar the kernel's classes come from; null when they come from a folder
     * (tests: the index is then kept in memory only).
     */
    static Path defaultFile() {
        String set = System.getProperty(FILE_PROPERTY);
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        try {
            java.security.CodeSource source = PackageIndex.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            String name = jar.getFileName().toString();
            return jar.resolveSibling(name.replaceFirst("\\.jar$", "") + ".packages");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static Map<Path, Entry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return Map.of(); // missing or unreadable: made again
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return Map.of();
        }
        Map<Path, Entry> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length != 6 || !(f[4].equals("1") || f[4].equals("0"))) {
                continue; // a damaged line: that jar is read again
            }
            try {
                Set<String> packages = new java.util.HashSet<>();
                if (!f[3].isEmpty()) {
                    for (String name : f[3].split(" ")) {
                        packages.add(name.equals(".") ? "" : name); // the root package is written as "."
                    }
                }
                out.put(Path.of(f[0]), new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), Set.copyOf(packages),
                        f[4].equals("1"), f[5]));
            } catch (RuntimeException e) {
                // a damaged line: that jar is read again
            }
        }
        return out;
    }

    /** Writes the index whole (a temporary file, then a rename); a failure only costs the cache. */
    private static void write(Path file, Map<Path, Entry> index) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        index.forEach((jar, e) -> {
            sb.append(jar).append('\t').append(e.size()).append('\t').append(e.modified()).append('\t');
            // the root package "" is written as "."
            sb.append(String.join(" ", e.packages().stream().map(p -> p.isEmpty() ? "." : p).sorted().toList()));
            sb.append('\t').append(e.rootClasses() ? '1' : '0');
            sb.append('\t').append(e.classPath().replaceAll("\\s+", " ")).append('\n');
        });
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            try {
                // readable by whoever starts the kernel from this install, as the jar is (a temporary file is private)
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its defaults stand
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            StartupLog.mark("package index not saved to " + file + ": " + e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing more to do
                }
            }
        }
    }
}
