package dev.arclab.cluster;

import com.google.common.hash.Hashing;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.arclab.cache.Bytes;
import dev.arclab.cache.CacheMap;
import dev.arclab.cache.Codec;
import dev.arclab.cache.MapDbCache;
import dev.arclab.cache.MapStats;
import dev.arclab.cache.ResultCache;
import dev.arclab.profile.RunRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cluster's result cache in front of a session's own ({@link MapDbCache}, or in memory): what the
 * phases look up while the session is the cluster's coordinator. A lookup asks the session's cache first;
 * on a miss it asks the cluster (one Hazelcast {@link IMap} per result map, kept by the workers), and a
 * hit there is copied into the session's cache, so the store on disk gets every result the session used,
 * computed or not, and a later single-machine run finds it. Whatever the session computes goes to both.
 *
 * <p>Keys are the session cache's ({@code group|item}, split at the last {@code |}: the groups are
 * programs), and, as in the store, an IMap entry is a whole group: its items (by a 128-bit hash of their
 * name) with their measured costs and their values as bytes (the pipeline's codecs; nothing is
 * Java-serialized). A group is fetched once per
 * phase, on its first miss, and what the phase computed is merged in at the end of the phase ({@link
 * #commit}): one round trip per program looked up and two bulk calls per phase, not one per
 * (program, sample). Two coordinators that write the same group at once may lose some of each other's
 * items; those are computed again when next needed.
 *
 * <p>The workers bound the maps: {@link ClusterSettings#cacheMegabytes()} of heap each, least recently used
 * groups evicted beyond that (see {@link ClusterNode#config}). The map names carry the store's format
 * number, so coordinators with another format of values never read these.
 *
 * <p>{@link #stats()} gives the session cache's maps, then one row per result map for the cluster's part,
 * named {@code shared.NAME}: its hits (looked up after the session's cache missed) and misses, the time those
 * hits saved (their measured costs), the items this session wrote to the cluster, and the bytes it fetched
 * from and wrote to it.
 */
final class SharedCache implements ResultCache {
    static final String PREFIX = "arclab.cache.";

    private final HazelcastInstance hz;
    private final ResultCache local;
    private final Map<String, SharedMap<?>> maps = new ConcurrentHashMap<>();

    SharedCache(HazelcastInstance hz, ResultCache local) {
        this.hz = hz;
        this.local = local;
    }

    /** The IMap of result map {@code name}. */
    static String mapName(String name) {
        return PREFIX + name + ".f" + MapDbCache.FORMAT;
    }

    /** The session's own cache behind this one. */
    ResultCache local() {
        return local;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> CacheMap<V> map(String name, Codec<V> codec) {
        CacheMap<V> own = local.map(name, codec);
        return (CacheMap<V>) maps.computeIfAbsent(name, n -> new SharedMap<>(n, own, codec, hz.getMap(mapName(n))));
    }

    /** Merges what this phase computed into the cluster's maps, then commits the session's cache. */
    @Override
    public void commit() {
        for (SharedMap<?> m : maps.values()) {
            m.flush();
        }
        local.commit();
    }

    @Override
    public List<MapStats> stats() {
        List<MapStats> out = new ArrayList<>(local.stats());
        for (String name : RESULT_MAPS) {
            SharedMap<?> m = maps.get(name);
            out.add(m == null ? new MapStats("shared." + name, 0, 0, 0, 0, 0, 0) : m.stats());
        }
        return out;
    }

    @Override
    public <V> List<V> storedLibrary(Codec<V> codec) {
        return local.storedLibrary(codec);
    }

    @Override
    public <V> void storeLibrary(Map<String, V> entries, Codec<V> codec) {
        local.storeLibrary(entries, codec);
    }

    @Override
    public List<RunRecord> runHistory() {
        return local.runHistory();
    }

    @Override
    public void storeRun(RunRecord run) {
        local.storeRun(run);
    }

    /** Writes what is pending to the cluster; the session's cache stays open (its owner closes it). */
    @Override
    public void close() {
        for (SharedMap<?> m : maps.values()) {
            m.flush();
        }
    }

    /**
     * An item's name within its group as it travels: the 128-bit hash of its text (the pipeline's item names are
     * pairs of grid hashes, 129 characters, longer than the results they name).
     */
    record ItemKey(long high, long low) {
        static ItemKey of(String item) {
            byte[] h = Hashing.murmur3_128().hashString(item, StandardCharsets.UTF_8).asBytes();
            return new ItemKey(ByteBuffer.wrap(h, 0, 8).getLong(), ByteBuffer.wrap(h, 8, 8).getLong());
        }
    }

    /** An item of a group: its measured cost and its value's bytes. */
    record Item(long costNanos, byte[] value) {
    }

    /** A group as it is kept in the cluster: count, then per item its key, cost and value bytes. */
    static byte[] encode(Map<ItemKey, Item> group) {
        Bytes.Out out = new Bytes.Out();
        out.varInt(group.size());
        for (Map.Entry<ItemKey, Item> e : group.entrySet()) {
            out.fixedLong(e.getKey().high()).fixedLong(e.getKey().low()).varLong(e.getValue().costNanos())
                    .varInt(e.getValue().value().length).write(e.getValue().value());
        }
        return out.toArray();
    }

    static Map<ItemKey, Item> decode(byte[] bytes) {
        Map<ItemKey, Item> group = new LinkedHashMap<>();
        if (bytes == null) {
            return group;
        }
        Bytes.In in = new Bytes.In(bytes);
        int n = in.count(1 << 24);
        for (int k = 0; k < n; k++) {
            ItemKey key = new ItemKey(in.fixedLong(), in.fixedLong());
            long cost = in.varLong();
            group.put(key, new Item(cost, in.bytes(in.count(1 << 30))));
        }
        return group;
    }

    /** One result map: the session's map, then the cluster's. */
    static final class SharedMap<V> implements CacheMap<V> {
        private final String name;
        private final CacheMap<V> own;
        private final Codec<V> codec;
        private final IMap<String, byte[]> cluster;
        /** The groups fetched from the cluster this phase (empty: the cluster has none of that group). */
        private final ConcurrentHashMap<String, Map<ItemKey, Item>> fetched = new ConcurrentHashMap<>();
        /** What this phase computed, by group, until {@link #flush}. */
        private final ConcurrentHashMap<String, Map<ItemKey, Item>> pending = new ConcurrentHashMap<>();
        private final LongAdder hits = new LongAdder();
        private final LongAdder misses = new LongAdder();
        private final LongAdder saved = new LongAdder();
        private final LongAdder written = new LongAdder();
        private final LongAdder writtenBytes = new LongAdder();
        private final LongAdder fetchedBytes = new LongAdder();

        SharedMap(String name, CacheMap<V> own, Codec<V> codec, IMap<String, byte[]> cluster) {
            this.name = name;
            this.own = own;
            this.codec = codec;
            this.cluster = cluster;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Entry<V> get(String key) {
            int bar = key.lastIndexOf('|');
            return bar < 0 ? get(key, "") : get(key.substring(0, bar), key.substring(bar + 1));
        }

        @Override
        public Entry<V> get(String group, String item) {
            Entry<V> e = own.get(group, item);
            if (e != null) {
                return e;
            }
            Map<ItemKey, Item> g = fetched.get(group);
            if (g == null) {
                byte[] bytes = cluster.get(group);
                fetchedBytes.add(bytes == null ? 0 : bytes.length);
                g = decode(bytes);
                Map<ItemKey, Item> raced = fetched.putIfAbsent(group, g);
                g = raced == null ? g : raced;
            }
            Item hit = g.get(ItemKey.of(item));
            if (hit == null) {
                misses.increment();
                return null;
            }
            V value = codec.read(new Bytes.In(hit.value()));
            hits.increment();
            saved.add(hit.costNanos());
            own.put(group, item, value, hit.costNanos());
            return new Entry<>(value, hit.costNanos(), true);
        }

        @Override
        public void put(String key, V value, long costNanos) {
            int bar = key.lastIndexOf('|');
            if (bar < 0) {
                put(key, "", value, costNanos);
            } else {
                put(key.substring(0, bar), key.substring(bar + 1), value, costNanos);
            }
        }

        @Override
        public void put(String group, String item, V value, long costNanos) {
            own.put(group, item, value, costNanos);
            pending.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).put(ItemKey.of(item), new Item(costNanos, codec.encode(value)));
        }

        /**
         * Merges the pending items into their groups in the cluster (the groups not fetched this phase are
         * read first, in one call, so their other items are kept) and forgets the fetched groups.
         */
        synchronized void flush() {
            if (pending.isEmpty()) {
                fetched.clear();
                return;
            }
            Set<String> unread = new HashSet<>(pending.keySet());
            unread.removeAll(fetched.keySet());
            Map<String, byte[]> current = unread.isEmpty() ? Map.of() : cluster.getAll(unread);
            current.values().forEach(b -> fetchedBytes.add(b.length));
            Map<String, byte[]> merged = new HashMap<>();
            for (Map.Entry<String, Map<ItemKey, Item>> e : pending.entrySet()) {
                Map<ItemKey, Item> base = fetched.get(e.getKey());
                Map<ItemKey, Item> group = new LinkedHashMap<>(base != null ? base : decode(current.get(e.getKey())));
                group.putAll(e.getValue());
                byte[] bytes = encode(group);
                merged.put(e.getKey(), bytes);
                written.add(e.getValue().size());
                writtenBytes.add(bytes.length);
            }
            cluster.setAll(merged);
            pending.clear();
            fetched.clear();
        }

        @Override
        public MapStats stats() {
            return new MapStats("shared." + name, hits.sum(), 0, misses.sum(), written.sum(), fetchedBytes.sum() + writtenBytes.sum(),
                    saved.sum());
        }
    }
}
