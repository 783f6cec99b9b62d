package dev.arclab.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared result cache's pieces that need no cluster: how a group travels, and how the workers bound it. */
class SharedCacheTest {

    @Test
    void aGroupTravelsAsItsItemsCostsAndValueBytes() {
        Map<SharedCache.ItemKey, SharedCache.Item> group = new LinkedHashMap<>();
        group.put(SharedCache.ItemKey.of("in>out"), new SharedCache.Item(1234, new byte[] {1, 2, 3}));
        group.put(SharedCache.ItemKey.of(""), new SharedCache.Item(0, new byte[0]));
        group.put(SharedCache.ItemKey.of("a|b"), new SharedCache.Item(Long.MAX_VALUE, new byte[] {-1}));
        assertEquals(3, group.size(), "three names, three keys");
        Map<SharedCache.ItemKey, SharedCache.Item> back = SharedCache.decode(SharedCache.encode(group));
        assertEquals(List.copyOf(group.keySet()), List.copyOf(back.keySet()));
        assertEquals(SharedCache.ItemKey.of("in>out"), back.keySet().iterator().next());
        for (SharedCache.ItemKey k : group.keySet()) {
            assertEquals(group.get(k).costNanos(), back.get(k).costNanos(), k.toString());
            assertArrayEquals(group.get(k).value(), back.get(k).value(), k.toString());
        }
        assertEquals(Map.of(), SharedCache.decode(null));
    }

    @Test
    void everyResultMapIsBoundedPerWorkerLeastRecentlyUsedFirstWithABackup() {
        ClusterSettings s = ClusterSettings.local().withCacheMegabytes(48);
        for (String name : dev.arclab.cache.ResultCache.RESULT_MAPS) {
            MapConfig m = ClusterNode.config(s, false).getMapConfig(SharedCache.mapName(name));
            EvictionConfig e = m.getEvictionConfig();
            assertEquals(EvictionPolicy.LRU, e.getEvictionPolicy(), name);
            assertEquals(MaxSizePolicy.USED_HEAP_SIZE, e.getMaxSizePolicy(), name);
            assertEquals(48, e.getSize(), name);
            assertEquals(1, m.getBackupCount(), name);
        }
    }
}
