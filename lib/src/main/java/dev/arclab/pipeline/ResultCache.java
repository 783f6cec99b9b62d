package dev.arclab.pipeline;

import java.util.List;

/**
 * Every cacheable step of the pipeline goes through this interface: canonical program text by program
 * hash, validation results by (program hash, task demo-data hash, DSL version), and per-(program,
 * sample) score results. Keys are built by the pipeline from canonical hashes and include the DSL
 * version, so a new batch hits what an earlier one computed and a DSL change misses (lessons 1, 11).
 * {@link MemoryCache} keeps them in memory; the persistent store implements the same interface.
 */
public interface ResultCache extends AutoCloseable {

    CacheMap<String> canonical();

    CacheMap<Validation> validations();

    CacheMap<SampleResult> scores();

    /** Makes everything put so far durable (the end of a phase). */
    void commit();

    /** Statistics of every map, in a fixed order. */
    default List<MapStats> stats() {
        return List.of(canonical().stats(), validations().stats(), scores().stats());
    }

    @Override
    default void close() {
    }
}
