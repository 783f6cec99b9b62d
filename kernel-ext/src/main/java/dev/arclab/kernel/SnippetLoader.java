package dev.arclab.kernel;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

/**
 * Loads the classes JShell compiles for snippets, and the jars added with {@code %classpath}, in this JVM.
 *
 * <p>Its class loader's parent is the kernel's own class loader, so snippets see the same {@code Session},
 * magics and renderers as the kernel (one copy of each class). Classes are parent-first, as usual.
 */
final class SnippetLoader implements LoaderDelegate {
    /** The class loader of snippet classes and user jars. */
    static final class SnippetClassLoader extends URLClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        private final Map<String, byte[]> bytecodes = new ConcurrentHashMap<>();

        SnippetClassLoader(ClassLoader parent) {
            super("arclab-snippets", new URL[0], parent);
        }

        void declare(String name, byte[] bytes) {
            bytecodes.put(name, bytes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = bytecodes.get(name);
            if (bytes == null) {
                return super.findClass(name);
            }
            return defineClass(name, bytes, 0, bytes.length, (CodeSource) null);
        }

        @Override
        protected void addURL(URL url) {
            super.addURL(url);
        }
    }

    private final SnippetClassLoader loader;
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final List<Path> added = new ArrayList<>();

    SnippetLoader(ClassLoader parent) {
        this.loader = new SnippetClassLoader(parent);
    }

    SnippetClassLoader classLoader() {
        return loader;
    }

    /** Paths added with {@link #addToClasspath}, in order. */
    synchronized List<Path> addedPaths() {
        return new ArrayList<>(added);
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), cbc.bytecodes());
        }
        try {
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> c = loader.loadClass(cbcs[i].name());
                classes.put(cbcs[i].name(), c);
                installed[i] = true;
                // Link now, so that a broken class fails here and not in the middle of the cell.
                c.getDeclaredMethods();
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ClassInstallException("cannot load snippet class: " + e, installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), cbc.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String classpath) {
        for (String part : classpath.split(File.pathSeparator)) {
            if (part.isEmpty()) {
                continue;
            }
            Path p = Path.of(part).toAbsolutePath().normalize();
            try {
                loader.addURL(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad class path entry " + part, e);
            }
            synchronized (this) {
                added.add(p);
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = classes.get(name);
        if (c == null) {
            throw new ClassNotFoundException(name + " not found");
        }
        return c;
    }
}
