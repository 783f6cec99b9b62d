package dev.arclab.cache;

/** No cache at all: every lookup misses and nothing is kept (the baseline of the cache benchmark). */
public final class NoCache extends CountingCache {

    public NoCache() {
        super(name -> new MemoryCache.MemoryMap<>(name, false));
    }
}
