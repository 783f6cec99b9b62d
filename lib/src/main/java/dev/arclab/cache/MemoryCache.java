package dev.arclab.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The in-memory result cache: lives as long as the object, never from disk; values are kept as objects (no codec). */
public final class MemoryCache extends CountingCache {

    /** A concurrent map with hit/miss counting; one that does not {@code keep} stores nothing (every lookup misses). */
    static final class MemoryMap<V> implements CacheMap<V> {
        private final String name;
        private final boolean keep;
        private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
        private final AtomicLong hits = new AtomicLong();
        private final AtomicLong misses = new AtomicLong();
        private final AtomicLong saved = new AtomicLong();

        MemoryMap(String name, boolean keep) {
            this.name = name;
            this.keep = keep;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Entry<V> get(String key) {
            Entry<V> e = entries.get(key);
            if (e == null) {
                misses.incrementAndGet();
            } else {
                hits.incrementAndGet();
                saved.addAndGet(e.costNanos());
            }
            return e;
        }

        @Override
        public void put(String key, V value, long costNanos) {
            if (keep) {
                entries.putIfAbsent(key, new Entry<>(value, costNanos, false));
            }
        }

        @Override
        public MapStats stats() {
            return new MapStats(name, hits.get(), 0, misses.get(), entries.size(), keep ? -1 : 0, saved.get());
        }
    }

    public MemoryCache() {
        super(name -> new MemoryMap<>(name, true));
    }
}
