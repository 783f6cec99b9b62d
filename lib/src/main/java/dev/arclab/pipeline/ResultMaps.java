package dev.arclab.pipeline;

import dev.arclab.cache.CacheMap;
import dev.arclab.cache.Codec;
import dev.arclab.cache.ResultCache;

/**
 * The pipeline's four maps of a result cache, opened with the pipeline's codecs: canonical program text
 * by program hash, validation results by (program, task demo-data hash), per-(program, sample) score
 * results and per-(program, task) near-miss measures. Their names are the store's map names.
 */
public record ResultMaps(CacheMap<String> canonical, CacheMap<Validation> validations, CacheMap<SampleResult> scores,
        CacheMap<Differs.Measures> differs) {

    /** The maps of {@code cache}, opened in the order their statistics are printed. */
    public static ResultMaps of(ResultCache cache) {
        return new ResultMaps(cache.map("canonical", Codec.STRING), cache.map("validation", ResultCodecs.VALIDATION),
                cache.map("score", ResultCodecs.SAMPLE), cache.map("differs", ResultCodecs.MEASURES));
    }
}
