package dev.arclab.magics;

import dev.arclab.lab.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The magics every ARC Lab kernel has: {@code %arclab}, {@code %threads}, {@code %seed}, {@code %home}. */
public final class StandardMagics {
    private StandardMagics() {
    }

    /** Adds the standard magics, working on {@code session}, to {@code registry}. */
    public static void addTo(MagicRegistry registry, Session session) {
        registry.add(new CommandMagic(() -> new ArcLab(registry, session)));
        registry.add(new CommandMagic(() -> new Threads(session)));
        registry.add(new CommandMagic(() -> new Seed(session)));
        registry.add(new CommandMagic(() -> new Home(session)));
    }

    /** The version of ARC Lab's kernel extension (the Maven project version), or {@code "dev"}. */
    public static String version() {
        try (InputStream in = StandardMagics.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }

    @Command(name = "arclab", description = "Show ARC Lab's version and session settings, and list the magics.")
    static final class ArcLab extends CommandMagic.Base {
        private final MagicRegistry registry;
        private final Session session;

        ArcLab(MagicRegistry registry, Session session) {
            this.registry = registry;
            this.session = session;
        }

        @Override
        public Object call() {
            StringBuilder sb = new StringBuilder();
            sb.append("ARC Lab ").append(version()).append('\n');
            sb.append(String.format("  home     %s%n", session.home()));
            sb.append(String.format("  threads  %d (of %d cores)%n", session.threads(), Session.defaultThreads()));
            sb.append(String.format("  seed     %d%n", session.seed()));
            sb.append(String.format("  java     %s%n", System.getProperty("java.version")));
            sb.append(session.describe());
            sb.append("Magics:\n");
            int width = 0;
            for (Magic m : registry.all()) {
                width = Math.max(width, m.name().length() + 1);
            }
            for (Magic m : registry.all()) {
                sb.append(String.format("  %-" + width + "s  %s%n", "%" + m.name(), m.help()));
            }
            sb.append("Type %NAME --help for the options of a magic.");
            return sb.toString();
        }
    }

    @Command(name = "threads", description = "Show or set the number of worker threads (default: all cores).")
    static final class Threads extends CommandMagic.Base {
        private final Session session;

        @Parameters(arity = "0..1", paramLabel = "N", description = "Worker threads, at least 1.")
        Integer threads;

        Threads(Session session) {
            this.session = session;
        }

        @Override
        public Object call() {
            if (threads != null) {
                session.threads(threads);
            }
            return "threads = " + session.threads();
        }
    }

    @Command(name = "seed", description = "Show or set the seed of all random choices (default: 0).")
    static final class Seed extends CommandMagic.Base {
        private final Session session;

        @Parameters(arity = "0..1", paramLabel = "S", description = "The seed, a whole number.")
        Long seed;

        Seed(Session session) {
            this.session = session;
        }

        @Override
        public Object call() {
            if (seed != null) {
                session.seed(seed);
            }
            return "seed = " + session.seed();
        }
    }

    @Command(name = "home",
            description = "Show or set the folder of the store (cache, library, runs; default: $ARCLAB_HOME or ~/.arclab).")
    static final class Home extends CommandMagic.Base {
        private final Session session;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "A folder; created at once (an error if it cannot be).")
        String dir;

        Home(Session session) {
            this.session = session;
        }

        @Override
        public Object call() {
            if (dir != null) {
                if (dir.isBlank()) {
                    throw new IllegalArgumentException("DIR is empty");
                }
                Path p = Session.resolve(dir);
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    throw new IllegalArgumentException(p + " exists and is not a folder");
                }
                try {
                    Files.createDirectories(p);
                } catch (java.io.IOException | RuntimeException e) {
                    throw new IllegalArgumentException("cannot use " + p + " as home: cannot create it (" + e + ")");
                }
                if (!Files.isWritable(p)) {
                    throw new IllegalArgumentException("cannot use " + p + " as home: it is not writable");
                }
                session.home(p);
            }
            Path home = session.home();
            return "home = " + home + (Files.isDirectory(home) ? "" : " (does not exist yet)") + "\ncache: "
                    + session.cacheLocation();
        }
    }
}
