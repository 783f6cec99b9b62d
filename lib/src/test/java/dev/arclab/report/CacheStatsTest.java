package dev.arclab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheStatsTest {

    @Test
    void aClustersSharedCacheIsShownApartAndNotAddedToTheTotalItsLookupsAreTheSessionCachesMisses() {
        Map<String, Long> counters = Map.of("cache.score.hits", 2L, "cache.score.misses", 5L,
                "cache.shared.score.hits", 4L, "cache.shared.score.misses", 1L);
        List<CacheStats> maps = CacheStats.fromCounters(counters);
        assertEquals(List.of("score", "shared.score"), maps.stream().map(CacheStats::map).toList());
        assertEquals(4, maps.get(1).sessionHits());
        CacheStats all = CacheStats.total("all", maps);
        assertEquals(2, all.sessionHits());
        assertEquals(5, all.misses());
    }
}
