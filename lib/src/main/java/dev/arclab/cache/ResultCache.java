package dev.arclab.cache;

import dev.arclab.profile.RunRecord;
import java.util.List;
import java.util.Map;

/**
 * Every cacheable step of the pipeline goes through this interface: named maps of measured results
 * ({@link #map}), a library of kept values and the run history. The store knows only names and bytes:
 * whoever opens a map supplies the codec of its values (the pipeline's maps and codecs are
 * {@code dev.arclab.pipeline.ResultMaps} and {@code ResultCodecs}). Keys are built by the caller from
 * canonical hashes and include the DSL version and the fuel budget, so a new batch hits what an earlier
 * one computed and a DSL change misses (lessons 1, 11). A key of the form {@code group|item}
 * (everything before the last {@code |}, then the rest) lets a store keep the items of one group
 * together: the pipeline's groups are programs.
 *
 * <p>{@link MemoryCache} keeps them in memory; the persistent store ({@link MapDbCache}) implements the
 * same interface and also keeps the library and the run history between sessions.
 */
public interface ResultCache extends AutoCloseable {
    /** The result maps every cache holds, in {@link #stats()} order. */
    List<String> RESULT_MAPS = List.of("canonical", "validation", "score", "differs");

    /**
     * The map {@code name}, its values written and read with {@code codec}; the same map on every call.
     *
     * @throws IllegalArgumentException when {@code name} is not one of {@link #RESULT_MAPS}, or it was opened with another codec
     */
    <V> CacheMap<V> map(String name, Codec<V> codec);

    /** Makes everything put so far durable (the end of a phase). */
    void commit();

    /** Statistics of every result map, in a fixed order. */
    List<MapStats> stats();

    /** Every value a persistent store has kept in its library, decoded with {@code codec} (unreadable ones left out); none here. */
    default <V> List<V> storedLibrary(Codec<V> codec) {
        return List.of();
    }

    /** Keeps values in the library between sessions (a persistent store), by key; a key kept already keeps its value. */
    default <V> void storeLibrary(Map<String, V> entries, Codec<V> codec) {
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
