package dev.arclab.pipeline;

import dev.arclab.profile.RunRecord;
import java.util.List;

/**
 * Every cacheable step of the pipeline goes through this interface: canonical program text by program
 * hash, validation results by (program hash, task demo-data hash, DSL version), per-(program,
 * sample) score results and per-(program, task) near-miss measures. Keys are built by the pipeline
 * from canonical hashes and include the DSL version and the fuel budget, so a new batch hits what an
 * earlier one computed and a DSL change misses (lessons 1, 11). A key of the form {@code group|item}
 * (everything before the last {@code |}, then the rest) lets a store keep the items of one group
 * together: the pipeline's groups are programs.
 *
 * <p>{@link MemoryCache} keeps them in memory; the persistent store ({@code dev.arclab.cache.MapDbCache})
 * implements the same interface and also keeps the solver library and the run history between sessions.
 */
public interface ResultCache extends AutoCloseable {

    CacheMap<String> canonical();

    CacheMap<Validation> validations();

    CacheMap<SampleResult> scores();

    /** Near-miss measures of a program on a task's demo pairs (the differs phase). */
    CacheMap<Differs.Measures> differs();

    /** Makes everything put so far durable (the end of a phase). */
    void commit();

    /** Statistics of every map, in a fixed order. */
    default List<MapStats> stats() {
        return List.of(canonical().stats(), validations().stats(), scores().stats(), differs().stats());
    }

    /** A program of the solver library as a store keeps it: its task, canonical text and origin. */
    record StoredProgram(String task, String text, Origin origin) {
    }

    /** Every program a persistent store has kept for the library, for {@link Pipeline#restoreLibrary()}; none here. */
    default List<StoredProgram> storedLibrary() {
        return List.of();
    }

    /** Keeps library entries between sessions (a persistent store); nothing here. */
    default void storeLibrary(List<LibraryEntry> entries) {
    }

    /** The runs a persistent store has kept, oldest first; none here. */
    default List<RunRecord> runHistory() {
        return List.of();
    }

    /** Keeps a finished run between sessions (a persistent store); nothing here. */
    default void storeRun(RunRecord run) {
    }

    @Override
    default void close() {
    }
}
