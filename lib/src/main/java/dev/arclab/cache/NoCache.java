package dev.arclab.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final Map<String, None<?>> maps = RESULT_MAPS.stream().collect(
            java.util.stream.Collectors.toMap(n -> n, None::new, (a, b) -> a, LinkedHashMap::new));

    @Override
    @SuppressWarnings("unchecked")
    public <V> CacheMap<V> map(String name, Codec<V> codec) {
        CacheMap<?> m = maps.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no result map '" + name + "'; the maps are " + String.join(", ", RESULT_MAPS));
        }
        return (CacheMap<V>) m;
    }

    @Override
    public List<MapStats> stats() {
        List<MapStats> out = new ArrayList<>();
        for (None<?> m : maps.values()) {
            out.add(m.stats());
        }
        return out;
    }

    @Override
    public void commit() {
    }
}
