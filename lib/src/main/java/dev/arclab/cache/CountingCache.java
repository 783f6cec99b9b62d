package dev.arclab.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A cache that keeps no bytes ({@link MemoryCache}, {@link NoCache}): one counting map per name of
 * {@link ResultCache#RESULT_MAPS}, values kept as objects (no codec), nothing to commit.
 */
abstract class CountingCache implements ResultCache {
    private final Map<String, CacheMap<?>> maps = new LinkedHashMap<>();

    CountingCache(Function<String, CacheMap<?>> make) {
        for (String name : RESULT_MAPS) {
            maps.put(name, make.apply(name));
        }
    }

    /** @throws IllegalArgumentException naming the maps when there is none of that name */
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
        for (CacheMap<?> m : maps.values()) {
            out.add(m.stats());
        }
        return out;
    }

    @Override
    public void commit() {
    }
}
