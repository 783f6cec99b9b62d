package dev.arclab.cache;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** No cache at all: every lookup misses and nothing is kept (the baseline of the cache benchmark). */
public final class NoCache implements ResultCache {

    private static final class None<V> implements CacheMap<V> {
        private final String name;
        private final LongAdder misses = new LongAdder();

        None(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Entry<V> get(String key) {
            misses.increment();
            return null;
        }

        @Override
        public void put(String key, V value, long costNanos) {
        }

        @Override
        public MapStats stats() {
            return new MapStats(name, 0, 0, misses.sum(), 0, 0, 0);
        }
    }

    private final CountingMaps<None<?>> maps = new CountingMaps<>(None::new);

    @Override
    public <V> CacheMap<V> map(String name, Codec<V> codec) {
        return maps.get(name);
    }

    @Override
    public List<MapStats> stats() {
        return maps.stats();
    }

    @Override
    public void commit() {
    }
}
