package dev.arclab.cache;

/**
 * One map of the result cache. Every entry keeps the cost measured when its value was computed, so a
 * hit reports the time it saved honestly and never makes a program look faster (design lessons 3, 5).
 * Implementations count hits by origin (this process or an earlier one, from disk) and misses.
 */
public interface CacheMap<V> {

    /** A cached value with the cost measured when it was computed, and whether it came from disk. */
    record Entry<V>(V value, long costNanos, boolean fromDisk) {
    }

    String name();

    /** The entry for {@code key}, or null on a miss; counts the hit or miss. */
    Entry<V> get(String key);

    /** Stores a value computed at a measured cost. */
    void put(String key, V value, long costNanos);

    /**
     * {@code get(group + "|" + item)}: the same entry, for callers that hold the two parts (the pipeline
     * keeps its program and sample key strings, so a store can look them up without building or
     * hashing a new key string each time).
     */
    default Entry<V> get(String group, String item) {
        return get(group + "|" + item);
    }

    /** {@code put(group + "|" + item, value, costNanos)}. */
    default void put(String group, String item, V value, long costNanos) {
        put(group + "|" + item, value, costNanos);
    }

    MapStats stats();
}
