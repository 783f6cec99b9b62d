package dev.arclab.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * JShell's file manager with a class path that opens only the jars a compile needs. javac looks every package it
 * resolves up on every class path entry, so its first compile (the default imports) opened all 56 jars of the
 * kernel's class path (~48,000 entries, each jar read into a zip file system and walked), about a third of that
 * compile. Here each class path entry is a location of its own on the standard file manager, in class path order, and
 * a jar is asked (and so opened) only for the packages it has ({@link PackageIndex}); folders are always asked.
 * What javac finds is the same as with the plain class path: the same entries, in the same order, with the manifests'
 * {@code Class-Path} expanded as javac expands them. The unnamed package is filled in at the first compile: for classes
 * and sources (and for javac's class finder, which takes only those from it) it is listed only in the jars whose root
 * holds any ({@link PackageIndex#rootClasses}; most hold only {@code module-info.class}, which the class finder skips,
 * and licence or configuration files), so that the first compile opens the jars of the packages it names, not all 30
 * jars with a {@code module-info.class}.
 *
 * <p>The class path starts as {@code java.class.path}; JShell's {@code addToClasspath} (the {@code %classpath} and
 * {@code %maven} magics) sets it again with {@code -classpath}, which is handled here the same way (new jars are
 * indexed then). Everything but the class path goes to the standard file manager as it is.
 */
final class IndexedFileManager extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    /**
     * A class path entry: its own location on the standard file manager, its packages (null: a folder, always asked),
     * and whether its root holds classes ({@link PackageIndex#rootClasses}).
     */
    private record Slot(Path path, Location location, Set<String> packages, boolean rootClasses) {
        /**
         * Whether listing {@code kinds} of a package may find anything here that the caller uses. The unnamed package of
         * a jar whose root holds no classes or sources is not listed for classes and sources, nor for javac's class
         * finder, which asks for every kind (it fills a package in at the first lookup) and takes only classes and
         * sources from the class path (other files go to its {@code extraFileActions}, which does nothing in javac; and
         * it skips {@code module-info.class}, not a class name).
         */
        boolean mayList(String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse) {
            if (packageName.isEmpty() && !recurse && packages != null && !rootClasses
                    && (CLASSES.containsAll(kinds) || kinds.containsAll(ALL_KINDS))) {
                return false; // nothing at the root but module-info.class and other files
            }
            return mayHave(packageName, recurse);
        }

        boolean mayHave(String packageName, boolean recurse) {
            if (packages == null) {
                return true;
            }
            if (!recurse) {
                return packages.contains(packageName);
            }
            if (packageName.isEmpty()) {
                return true;
            }
            String prefix = packageName + ".";
            return packages.stream().anyMatch(p -> p.equals(packageName) || p.startsWith(prefix));
        }
    }

    private static final Set<JavaFileObject.Kind> CLASSES = EnumSet.of(JavaFileObject.Kind.CLASS, JavaFileObject.Kind.SOURCE);
    /** What javac's class finder asks a package's listing for. */
    private static final Set<JavaFileObject.Kind> ALL_KINDS = EnumSet.allOf(JavaFileObject.Kind.class);

    private final Path indexFile;
    private volatile List<Slot> slots = List.of();
    private volatile PackageIndex index;
    /** The class path entries javac has listed a package of (so opened), for the start-up log and tests. */
    private final Set<Path> opened = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Wraps {@code standard}, with the class path {@code classPath} (expanded as javac expands it); the index is kept in
     * {@code indexFile} (null: in memory only).
     */
    IndexedFileManager(StandardJavaFileManager standard, List<Path> classPath, Path indexFile) {
        super(standard);
        this.indexFile = indexFile;
        setClassPath(classPath);
    }

    /** JShell's mapping for {@code JShell.Builder.fileManager}: the class path of this JVM, the index in its default file. */
    static StandardJavaFileManager wrap(StandardJavaFileManager standard) {
        return new IndexedFileManager(standard, split(System.getProperty("java.class.path", "")), PackageIndex.defaultFile());
    }

    static List<Path> split(String classPath) {
        List<Path> out = new ArrayList<>();
        for (String s : classPath.split(File.pathSeparator)) {
            if (!s.isEmpty()) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    private synchronized void setClassPath(Collection<Path> entries) {
        PackageIndex index = PackageIndex.of(List.copyOf(entries), indexFile);
        List<Path> expanded = index.classPath();
        List<Slot> out = new ArrayList<>();
        try {
            for (Path p : expanded) {
                Location location = StandardLocation.locationFor("arclab.classpath:" + p);
                fileManager.setLocationFromPaths(location, List.of(p));
                out.add(new Slot(p, location, index.packages(p), index.rootClasses(p)));
            }
            // nothing on the plain class path: every lookup goes through the slots
            fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        slots = List.copyOf(out);
        this.index = index;
        StartupLog.mark("class path indexed (" + out.size() + " entries)");
    }

    /** The class path entries javac has listed a package of so far (a jar is opened then), in no order. */
    Set<Path> listed() {
        return Set.copyOf(opened);
    }

    /** The index of the class path as it is now. */
    PackageIndex index() {
        return index;
    }

    /** The entries of the class path, in order (manifests expanded). */
    List<Path> classPath() {
        return slots.stream().map(Slot::path).toList();
    }

    private static boolean isClassPathOption(String name) {
        return name.equals("-classpath") || name.equals("-cp") || name.equals("--class-path") || name.equals("--classpath");
    }

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        if (isClassPathOption(current)) {
            setClassPath(split(remaining.next()));
            return true;
        }
        return super.handleOption(current, remaining);
    }

    @Override
    public int isSupportedOption(String option) {
        return isClassPathOption(option) ? 1 : super.isSupportedOption(option);
    }

    @Override
    public boolean hasLocation(Location location) {
        return location == StandardLocation.CLASS_PATH ? !slots.isEmpty() : super.hasLocation(location);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return super.list(location, packageName, kinds, recurse);
        }
        List<JavaFileObject> out = new ArrayList<>();
        for (Slot s : slots) {
            if (s.mayList(packageName, kinds, recurse)) {
                if (opened.add(s.path())) {
                    StartupLog.mark("javac lists " + s.path().getFileName() + " (package \"" + packageName + "\" " + kinds + ")");
                }
                for (JavaFileObject f : fileManager.list(s.location(), packageName, kinds, recurse)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /**
     * javac's jar and folder file objects know their binary name themselves (a jar entry's path in the jar, a class file's
     * path under its folder), so the standard file manager infers it (its empty class path is not asked).
     */
    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return super.inferBinaryName(location, file);
    }

    @Override
    public boolean contains(Location location, FileObject file) throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return super.contains(location, file);
        }
        for (Slot s : slots) {
            if (fileManager.contains(s.location(), file)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind)
            throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return super.getJavaFileForInput(location, className, kind);
        }
        int dot = className.lastIndexOf('.');
        String packageName = dot < 0 ? "" : className.substring(0, dot);
        boolean moduleInfo = className.equals("module-info");
        for (Slot s : slots) {
            if (moduleInfo ? s.mayHave(packageName, false) : s.mayList(packageName, Set.of(kind), false)) {
                JavaFileObject f = fileManager.getJavaFileForInput(s.location(), className, kind);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    @Override
    public FileObject getFileForInput(Location location, String packageName, String relativeName) throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return super.getFileForInput(location, packageName, relativeName);
        }
        String path = (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + relativeName;
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
        for (Slot s : slots) {
            if (s.mayHave(folder, false)) {
                FileObject f = fileManager.getFileForInput(s.location(), packageName, relativeName);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- StandardJavaFileManager

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        if (location == StandardLocation.CLASS_PATH) {
            List<Path> paths = new ArrayList<>();
            if (files != null) {
                files.forEach(f -> paths.add(f.toPath()));
            }
            setClassPath(paths);
        } else {
            fileManager.setLocation(location, files);
        }
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        if (location == StandardLocation.CLASS_PATH) {
            setClassPath(paths == null ? List.of() : List.copyOf(paths));
        } else {
            fileManager.setLocationFromPaths(location, paths);
        }
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        if (location == StandardLocation.CLASS_PATH) {
            return slots.stream().map(s -> s.path().toFile()).toList();
        }
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        if (location == StandardLocation.CLASS_PATH) {
            return classPath();
        }
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory f) {
        fileManager.setPathFactory(f);
    }
}
