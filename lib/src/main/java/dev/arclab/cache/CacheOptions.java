package dev.arclab.cache;

import java.util.Locale;

import dev.arclab.dsl.Dsl;
import java.nio.file.Path;

/**
 * How to open the store: its home folder (the file is {@code home/cache.db}), the size limit beyond
 * which the least recently used entries are evicted, and the key prefix, which is part of every key
 * (default: the DSL version, so a store opened for another DSL version misses instead of serving stale
 * results).
 */
public record CacheOptions(Path home, long sizeLimitBytes, String keyPrefix) {
    public static final long DEFAULT_SIZE_LIMIT = 2L << 30;

    public CacheOptions {
        if (home == null) {
            throw new IllegalArgumentException("the cache needs a home folder");
        }
        if (sizeLimitBytes < 1 << 20) {
            throw new IllegalArgumentException("the cache size limit must be at least 1 MB, got " + sizeLimitBytes);
        }
        if (keyPrefix == null) {
            throw new IllegalArgumentException("the key prefix may be empty but not null");
        }
    }

    /** Defaults (2 GB, the DSL version as key prefix) in {@code home}. */
    public static CacheOptions at(Path home) {
        return new CacheOptions(home, DEFAULT_SIZE_LIMIT, Dsl.VERSION);
    }

    /** Defaults in {@link Caches#home()}. */
    public static CacheOptions defaults() {
        return at(Caches.home());
    }

    public CacheOptions withSizeLimit(long bytes) {
        return new CacheOptions(home, bytes, keyPrefix);
    }

    public CacheOptions withHome(Path dir) {
        return new CacheOptions(dir, sizeLimitBytes, keyPrefix);
    }

    public CacheOptions withKeyPrefix(String prefix) {
        return new CacheOptions(home, sizeLimitBytes, prefix);
    }

    /** The store's file. */
    public Path file() {
        return home.resolve(MapDbCache.FILE_NAME);
    }

    /**
     * A size such as {@code 2G}, {@code 500M}, {@code 64k} or a number of bytes (binary units).
     *
     * @throws IllegalArgumentException naming the text when it is not one
     */
    public static long parseSize(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> unit = 1L << 10;
                case 'M' -> unit = 1L << 20;
                case 'G' -> unit = 1L << 30;
                case 'T' -> unit = 1L << 40;
                default -> unit = 1;
            }
        }
        if (unit > 1) {
            t = t.substring(0, t.length() - 1).trim();
        }
        try {
            double v = Double.parseDouble(t);
            if (!(v >= 0) || v * unit > Long.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (long) (v * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 2G, 500M, 64K, 1048576)");
        }
    }

    /** Bytes as {@code 12 B}, {@code 3.4 MB} (what {@link #parseSize} reads back, near enough). */
    public static String formatSize(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1 << 10) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
