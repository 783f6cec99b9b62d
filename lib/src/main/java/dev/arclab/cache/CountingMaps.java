package dev.arclab.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The result maps of a cache that keeps no bytes ({@link MemoryCache}, {@link NoCache}): one per name of {@link ResultCache#RESULT_MAPS}. */
final class CountingMaps<M extends CacheMap<?>> {
    private final Map<String, M> maps = new LinkedHashMap<>();

    CountingMaps(Function<String, M> make) {
        for (String name : ResultCache.RESULT_MAPS) {
            maps.put(name, make.apply(name));
        }
    }

    /** @throws IllegalArgumentException naming the maps when there is none of that name */
    @SuppressWarnings("unchecked")
    <V> CacheMap<V> get(String name) {
        M m = maps.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no result map '" + name + "'; the maps are " + String.join(", ", ResultCache.RESULT_MAPS));
        }
        return (CacheMap<V>) m;
    }

    List<MapStats> stats() {
        List<MapStats> out = new ArrayList<>();
        for (M m : maps.values()) {
            out.add(m.stats());
        }
        return out;
    }
}
