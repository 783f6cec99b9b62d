package dev.arclab.cli;

import dev.arclab.cache.CacheOptions;
import dev.arclab.cache.Caches;
import dev.arclab.lab.Session;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where results are kept ({@code @Mixin StoreOptions store;}): {@code --home}, {@code --no-store}, {@code --cache-limit}. */
public final class StoreOptions {
    @Option(names = "--home", paramLabel = "DIR", description = "Home of the store cache.db (wins over $ARCLAB_HOME; default ~/.arclab).")
    Path home;

    @Option(names = "--no-store", description = "Keep results in memory only: nothing is read from or written to the store.")
    boolean noStore;

    @Option(names = "--cache-limit", paramLabel = "SIZE", description = "Size limit of the store, e.g. 500M or 2G "
            + "(default 2G); least recently used entries are evicted beyond it.")
    String cacheLimit;

    /** {@code --home}, else {@link Caches#home()}. */
    public Path home() {
        return home == null ? Caches.home() : home;
    }

    public boolean noStore() {
        return noStore;
    }

    /**
     * The store's options: its home and size limit.
     *
     * @throws IllegalArgumentException when {@code --cache-limit} is not a size
     */
    public CacheOptions cacheOptions() {
        CacheOptions o = CacheOptions.at(home());
        if (cacheLimit != null) {
            try {
                o = o.withSizeLimit(CacheOptions.parseSize(cacheLimit));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--cache-limit: " + e.getMessage());
            }
        }
        return o;
    }

    /**
     * Gives {@code session} the store of {@code options} ({@link #cacheOptions()}; messages to {@code err}), or a
     * private memory cache with {@code --no-store}.
     */
    public Session openIn(Session session, CacheOptions options, PrintWriter err) {
        if (noStore) {
            return session.useMemoryCache();
        }
        return session.openStore(options, m -> {
            err.println(m);
            err.flush();
        });
    }
}
