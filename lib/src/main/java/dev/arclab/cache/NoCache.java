package dev.arclab.cache;

import dev.arclab.pipeline.CacheMap;
import dev.arclab.pipeline.Differs;
import dev.arclab.pipeline.MapStats;
import dev.arclab.pipeline.ResultCache;
import dev.arclab.pipeline.SampleResult;
import dev.arclab.pipeline.Validation;
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

    private final None<String> canonical = new None<>("canonical");
    private final None<Validation> validations = new None<>("validation");
    private final None<SampleResult> scores = new None<>("score");
    private final None<Differs.Measures> differs = new None<>("differs");

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
