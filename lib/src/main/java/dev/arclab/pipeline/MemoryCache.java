package dev.arclab.pipeline;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The in-memory result cache: lives as long as the object, never from disk. */
public final class MemoryCache implements ResultCache {

    /** A concurrent map with hit/miss counting. */
    static final class Map<V> implements CacheMap<V> {
        private final String name;
        private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
        private final AtomicLong hits = new AtomicLong();
        private final AtomicLong misses = new AtomicLong();
        private final AtomicLong saved = new AtomicLong();

        Map(String name) {
            this.name = name;
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
            entries.putIfAbsent(key, new Entry<>(value, costNanos, false));
        }

        @Override
        public MapStats stats() {
            return new MapStats(name, hits.get(), 0, misses.get(), entries.size(), -1, saved.get());
        }
    }

    private final Map<String> canonical = new Map<>("canonical");
    private final Map<Validation> validations = new Map<>("validation");
    private final Map<SampleResult> scores = new Map<>("score");
    private final Map<Differs.Measures> differs = new Map<>("differs");

    @Override
    public CacheMap<String> canonical() {
        return canonical;
    }

    @Override
    public CacheMap<Validation> validations() {
        return validations;
    }

    @Override
    public CacheMap<SampleResult> scores() {
        return scores;
    }

    @Override
    public CacheMap<Differs.Measures> differs() {
        return differs;
    }

    @Override
    public void commit() {
    }
}
