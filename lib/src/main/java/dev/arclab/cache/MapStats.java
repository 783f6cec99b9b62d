package dev.arclab.cache;

/**
 * Honest statistics of one cache map: hits served from entries made by this process, hits served from
 * entries an earlier process wrote (disk), misses, entries, bytes, and the time saved, which is the sum
 * of the measured costs stored with the entries that were hit.
 */
public record MapStats(String map, long sessionHits, long diskHits, long misses, long entries, long bytes, long savedNanos) {
    public long hits() {
        return sessionHits + diskHits;
    }

    public double savedSeconds() {
        return savedNanos / 1e9;
    }

    /** The change since an earlier snapshot of the same map (entries and bytes stay absolute). */
    public MapStats since(MapStats before) {
        return new MapStats(map, sessionHits - before.sessionHits, diskHits - before.diskHits, misses - before.misses,
                entries, bytes, savedNanos - before.savedNanos);
    }
}
