package dev.arclab.cli;

import dev.arclab.cache.CacheOptions;
import dev.arclab.cache.Caches;
import dev.arclab.cache.MapDbCache;
import dev.arclab.cache.StoreUnavailableException;
import dev.arclab.cache.MapStats;
import dev.arclab.cache.ResultCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arclab cache stats|clear|compact}: look after the store. */
@Command(name = "cache", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "stats|clear|compact|verify",
        description = "Look after the store HOME/cache.db (--home, else $ARCLAB_HOME, else ~/.arclab).",
        subcommands = {CacheCommand.Stats.class, CacheCommand.Clear.class, CacheCommand.Compact.class,
            CacheCommand.Verify.class})
public final class CacheCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("arclab cache: stats, clear, compact or verify is needed");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    /** What the three subcommands share: --home and opening the store. */
    abstract static class StoreCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--home", paramLabel = "DIR", description = "Home of the store (wins over $ARCLAB_HOME; default ~/.arclab).")
        Path home;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CacheOptions options = CacheOptions.at(home == null ? Caches.home() : home);
            if (!Files.exists(options.file())) {
                out.println("no store at " + options.file() + " yet");
                out.flush();
                return Main.OK;
            }
            String bad = checkArguments();
            if (bad != null) {
                err.println("arclab cache " + spec.name() + ": " + bad);
                err.flush();
                return Main.USAGE;
            }
            MapDbCache store;
            try {
                store = Caches.openForMaintenance(options, m -> {
                    err.println(m);
                    err.flush();
                }, movesAside());
            } catch (StoreUnavailableException e) {
                err.println("arclab cache " + spec.name() + ": " + e.getMessage());
                err.flush();
                return Main.FAILED;
            }
            int code;
            try {
                code = run(store, out);
            } catch (IOException | RuntimeException e) {
                out.flush();
                err.println("arclab cache " + spec.name() + ": " + store.file() + ": " + e.getMessage());
                err.flush();
                return Main.FAILED;
            }
            out.flush();
            return code;
        }

        /** A message when the arguments are wrong (checked before the store is opened), else null. */
        String checkArguments() {
            return null;
        }

        /** Whether a store that cannot be opened is moved aside (only {@code verify} repairs). */
        boolean movesAside() {
            return false;
        }

        abstract int run(MapDbCache store, PrintWriter out) throws IOException;
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Per map: entries, bytes, and over all sessions hits (of the same session and from disk), "
                    + "misses and time saved (the measured cost stored with each hit).")
    static final class Stats extends StoreCommand {
        @Override
        int run(MapDbCache store, PrintWriter out) {
            out.printf(Locale.ROOT, "store %s: %s on disk, %d sessions so far (this one included), size limit %s, "
                    + "%d groups evicted so far%n",
                    store.file(), size(store.fileBytes()), store.session(), size(store.options().sizeLimitBytes()),
                    store.evictedGroups());
            out.printf(Locale.ROOT, "%-11s %10s %10s %12s %12s %12s %10s%n", "map", "entries", "bytes", "same-session",
                    "from disk", "misses", "saved s");
            List<MapStats> life = store.lifetimeStats();
            for (MapStats m : life) {
                out.printf(Locale.ROOT, "%-11s %10d %10s %12d %12d %12d %10.3f%n", m.map(), m.entries(), size(m.bytes()),
                        m.sessionHits(), m.diskHits(), m.misses(), m.savedSeconds());
            }
            for (MapStats m : store.allStats().subList(life.size(), store.allStats().size())) {
                out.printf(Locale.ROOT, "%-11s %10d %10s%n", m.map(), m.entries(), size(m.bytes()));
            }
            out.println("hits, misses and time saved are over all sessions; this command's own session adds none");
            return Main.OK;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Empty one map of the store, or all of them.")
    static final class Clear extends StoreCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "MAP", defaultValue = "all",
                description = "canonical, validation, score, differs, library, history or all (default: all).")
        String map;

        @Override
        String checkArguments() {
            if (!map.equals("all") && !MapDbCache.MAPS.contains(map)) {
                return "no map '" + map + "'; the maps are " + String.join(", ", MapDbCache.MAPS) + " (or all)";
            }
            return null;
        }

        @Override
        int run(MapDbCache store, PrintWriter out) {
            store.clear(map);
            out.println("cleared " + (map.equals("all") ? "every map" : "the " + map + " map") + " of " + store.file()
                    + " (run 'cache compact' to give the space back to the file system)");
            return Main.OK;
        }
    }

    @Command(name = "compact", mixinStandardHelpOptions = true,
            description = "Rewrite the store with only its live entries, so the file shrinks after evictions and clears.")
    static final class Compact extends StoreCommand {
        @Override
        int run(MapDbCache store, PrintWriter out) throws IOException {
            MapDbCache.Compaction c = store.compact();
            out.printf(Locale.ROOT, "compacted %s: %s -> %s%n", store.file(), size(c.bytesBefore()), size(c.bytesAfter()));
            return Main.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every record of the store (checksum and decoding) and repair: damaged records are "
                    + "dropped by rewriting the file with the intact ones; a file that cannot be opened is moved aside.")
    static final class Verify extends StoreCommand {
        @Override
        boolean movesAside() {
            return true;
        }

        @Override
        int run(MapDbCache store, PrintWriter out) throws IOException {
            MapDbCache.Verification v = store.verify();
            if (v.damaged() == 0) {
                out.printf(Locale.ROOT, "verified %s: %d records, all intact%n", store.file(), v.checked());
            } else {
                out.printf(Locale.ROOT, "verified %s: %d records, %d damaged; repaired: the damaged ones were dropped "
                        + "(%s -> %s), the rest kept%n", store.file(), v.checked(), v.damaged(),
                        size(v.repair().bytesBefore()), size(v.repair().bytesAfter()));
            }
            return Main.OK;
        }
    }

    static String size(long bytes) {
        return CacheOptions.formatSize(bytes);
    }
}
