package dev.arclab.magics;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings of one notebook session, shared by magics and by plain Java in cells.
 *
 * <p>{@code %threads}, {@code %seed} and {@code %home} set these fields; later magics read them when they call
 * into the engine, and a cell can do the same with {@code Session.current()}. There is one session per JVM
 * (per kernel).
 *
 * <ul>
 *   <li>threads: size of the worker pool, default all cores ({@link Runtime#availableProcessors()});</li>
 *   <li>seed: seed of every random choice (generation, mutation), default 0;</li>
 *   <li>home: folder for the cache and the solver library, default {@code $ARCLAB_HOME}, else
 *       {@code ~/.arclab}.</li>
 * </ul>
 */
public final class Session {
    private static final Session CURRENT = new Session();

    private int threads;
    private long seed;
    private Path home;

    Session() {
        reset();
    }

    /** The session of this kernel. */
    public static Session current() {
        return CURRENT;
    }

    /** Puts every field back to its default. */
    public synchronized Session reset() {
        threads = defaultThreads();
        seed = 0L;
        home = defaultHome();
        return this;
    }

    public synchronized int threads() {
        return threads;
    }

    /** Sets the worker pool size; {@code n} must be at least 1. */
    public synchronized Session threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        threads = n;
        return this;
    }

    public synchronized long seed() {
        return seed;
    }

    public synchronized Session seed(long s) {
        seed = s;
        return this;
    }

    public synchronized Path home() {
        return home;
    }

    /** Sets the home folder (made absolute; a leading {@code ~} is the user's home). */
    public synchronized Session home(Path dir) {
        home = resolve(Objects.requireNonNull(dir, "home").toString());
        return this;
    }

    /** All cores of this machine. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@code $ARCLAB_HOME} if set and not blank, else {@code ~/.arclab}. */
    public static Path defaultHome() {
        String env = System.getenv("ARCLAB_HOME");
        if (env != null && !env.isBlank()) {
            return resolve(env.trim());
        }
        return Path.of(System.getProperty("user.home"), ".arclab").toAbsolutePath().normalize();
    }

    static Path resolve(String path) {
        String p = path;
        if (p.equals("~")) {
            p = System.getProperty("user.home");
        } else if (p.startsWith("~/")) {
            p = System.getProperty("user.home") + p.substring(1);
        }
        return Path.of(p).toAbsolutePath().normalize();
    }

    @Override
    public synchronized String toString() {
        return "Session[threads=" + threads + ", seed=" + seed + ", home=" + home + "]";
    }
}
