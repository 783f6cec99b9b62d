package dev.arclab.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mapdb.DBException;

/**
 * Where notebooks and the command line get the result cache: one handle per store file per JVM, shared
 * by every caller and every re-run of a notebook cell, closed when the JVM shuts down.
 *
 * <pre>{@code
 * ResultCache cache = Caches.open();                        // $ARCLAB_HOME/cache.db, default ~/.arclab
 * ResultCache cache = Caches.open(Path.of("/data/arclab"));  // another home
 * try (Session s = Session.of(tasks, config, cache)) { s.restoreLibrary(); s.loadSolvers(solvers); s.run(); }  // lab.Session
 * }</pre>
 *
 * <p>When another process has the file open, {@code open} says so (naming the file) and returns a
 * private in-memory cache instead, so the caller goes on with correct results that are not saved; it
 * never opens the file read-only or without its lock, which could read half-written state. A file that
 * cannot be opened is moved aside (see {@link MapDbCache}); should even a new file fail, the message
 * says why and the caller gets the in-memory cache as well. Nothing here throws for a bad store.
 */
public final class Caches {
    /** The environment variable naming the home folder. */
    public static final String HOME_VARIABLE = "ARCLAB_HOME";

    private static final Map<Path, ResultCache> OPEN = new HashMap<>();
    private static volatile Path home;
    private static boolean hooked;

    private Caches() {
    }

    /** The home folder: the one set by {@link #setHome}, else {@code $ARCLAB_HOME}, else {@code ~/.arclab}. */
    public static Path home() {
        Path h = home;
        if (h != null) {
            return h;
        }
        String env = System.getenv(HOME_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".arclab");
    }

    /** Sets the home folder for this JVM (wins over {@code $ARCLAB_HOME}); null goes back to the default. */
    public static void setHome(Path dir) {
        home = dir;
    }

    /** The shared cache in {@link #home()}. */
    public static ResultCache open() {
        return open(CacheOptions.defaults());
    }

    /** The shared cache in {@code home}, with default options. */
    public static ResultCache open(Path home) {
        return open(CacheOptions.at(home));
    }

    /** The shared cache of {@code options}; messages go to standard error. */
    public static ResultCache open(CacheOptions options) {
        return open(options, System.err::println);
    }

    /**
     * The shared cache of {@code options.file()}: the handle already open in this JVM if there is one
     * (its options stay those of the first open), else a newly opened {@link MapDbCache}, else (the
     * file is in use by another process, or cannot be made) a private {@link MemoryCache}, after a
     * message to {@code messages}. A private cache is shared as well, and the file is tried again at
     * the next open.
     */
    public static synchronized ResultCache open(CacheOptions options, Consumer<String> messages) {
        Path key = key(options);
        ResultCache c = OPEN.get(key);
        if (c instanceof MapDbCache store && store.isOpen()) {
            if (!store.options().equals(options.withHome(store.options().home()))) {
                messages.accept("cache: " + store.file() + " is already open in this JVM with " + describe(store.options())
                        + "; those options stay in force");
            }
            return store;
        }
        try {
            MapDbCache store = MapDbCache.open(options, messages);
            OPEN.put(key, store);
            hook();
            return store;
        } catch (DBException.FileLocked e) {
            messages.accept("cache: " + options.file() + " is in use by another process; this one continues with a private "
                    + "in-memory cache (its results are not saved to disk)");
        } catch (StoreUnavailableException e) {
            messages.accept("cache: " + e.getMessage() + "; this process continues with a private in-memory cache (its "
                    + "results are not saved to disk)");
        } catch (IOException | RuntimeException e) {
            messages.accept("cache: cannot use " + options.file() + " (" + e + "); this process continues with a private "
                    + "in-memory cache (its results are not saved to disk)");
        }
        if (c == null) {
            c = new MemoryCache();
            OPEN.put(key, c);
        }
        return c;
    }

    /**
     * The store of {@code options} for a maintenance command: the handle open in this JVM, or the file
     * opened now. Unlike {@link #open}, there is no fallback: a store that cannot be used (in use, not
     * readable, damaged beyond opening) throws with a message naming the file, and with
     * {@code moveAside} false a file that cannot be opened is left as it is.
     *
     * @throws StoreUnavailableException why the store cannot be used
     */
    public static synchronized MapDbCache openForMaintenance(CacheOptions options, Consumer<String> messages,
            boolean moveAside) {
        Path key = key(options);
        if (OPEN.get(key) instanceof MapDbCache store && store.isOpen()) {
            return store;
        }
        try {
            MapDbCache store = MapDbCache.open(options, messages, moveAside);
            OPEN.put(key, store);
            hook();
            return store;
        } catch (DBException.FileLocked e) {
            throw new StoreUnavailableException(options.file() + " is in use by another process", e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot use " + options.file() + " (" + e + ")", e);
        }
    }

    /** The MapDB store open in this JVM for {@code home}, if there is one. */
    public static synchronized java.util.Optional<MapDbCache> openStore(Path home) {
        ResultCache c = OPEN.get(key(CacheOptions.at(home)));
        return c instanceof MapDbCache s && s.isOpen() ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    /** Commits and closes every store this JVM opened (done at shutdown; tests use it to start a new session). */
    public static void closeAll() {
        List<ResultCache> all;
        synchronized (Caches.class) {
            all = new ArrayList<>(OPEN.values());
            OPEN.clear();
        }
        for (ResultCache c : all) {
            if (c instanceof MapDbCache s) {
                try {
                    s.shutdown();
                } catch (RuntimeException e) {
                    System.err.println("cache: closing " + s.file() + " failed: " + e);
                }
            }
        }
    }

    static synchronized void forget(MapDbCache store) {
        OPEN.values().removeIf(c -> c == store);
    }

    private static String describe(CacheOptions o) {
        return "size limit " + o.sizeLimitBytes() + " bytes and key prefix '" + o.keyPrefix() + "'";
    }

    private static Path key(CacheOptions options) {
        Path f = options.file().toAbsolutePath().normalize();
        try {
            Path dir = Files.createDirectories(f.getParent());
            return dir.toRealPath().resolve(f.getFileName());
        } catch (IOException e) {
            // fall back on the normalized path
        }
        return f;
    }

    private static synchronized void hook() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Caches::closeAll, "arclab-cache-shutdown"));
        }
    }
}
