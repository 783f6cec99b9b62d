package dev.arclab.cache;

import dev.arclab.cache.Keys.Key;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.mapdb.HTreeMap;

/**
 * One result map of the store. A key {@code group|item} (split at the last {@code |}) is kept with the
 * other items of its group: the pipeline's groups are programs, its items samples or tasks, so one MapDB
 * record holds everything a phase computed for one program (a chunk) instead of one record per sample.
 * MapDB's cost is per record (~20-50k puts/s here), which per-sample records would have made the
 * largest cost of a cold run.
 *
 * <p>On disk: {@code <name>.index} maps the 16-byte group key to the group's index record (last use
 * tick, bytes, items, chunk ticks); {@code <name>.chunks} maps the group key plus a chunk's tick to the
 * chunk: item count, then per item its 16-byte key, the tick it was written at, its measured cost and
 * its encoded value. An item written at a tick older than this session's first tick came from disk.
 *
 * <p>In memory: the groups looked up this session, with their committed items (as slices of the
 * chunks, decoded on each hit) and the items put since the last commit; a group not on disk is
 * remembered as empty, so later misses cost no disk read. Everything is guarded by the store's lock:
 * lookups and puts share it, {@link #flush}, eviction and clearing hold it alone.
 */
final class GroupedMap<V> implements CacheMap<V> {
    /** A group with more chunks than this is rewritten as one chunk at the next commit. */
    static final int MAX_CHUNKS = 8;
    /** The item of a key without {@code |}. */
    private static final Key NO_ITEM = Keys.fast("");

    private final String name;
    /** Bound by the first {@link #open} (the store itself knows only bytes). */
    private volatile Codec<V> codec;
    private final MapDbCache store;
    private HTreeMap<byte[], byte[]> index;
    private HTreeMap<byte[], byte[]> chunks;
    /** The groups this session knows, by their text. */
    private final ConcurrentHashMap<String, Group> loaded = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Key> itemKeys = new ConcurrentHashMap<>();
    private final AtomicLong loadedBytes = new AtomicLong();
    private final LongAdder sessionHits = new LongAdder();
    private final LongAdder diskHits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder saved = new LongAdder();
    private final LongAdder corrupt = new LongAdder();
    private final AtomicLong pendingItems = new AtomicLong();
    private final AtomicLong pendingBytes = new AtomicLong();
    /** Committed items and bytes (keys, chunks and index records), as in the file. */
    private long entries;
    private long bytes;

    /** A committed item: a slice of a chunk. */
    private record Item(byte[] chunk, int off, int len, long tick, long cost) {
    }

    /** An item put since the last commit. */
    private record Pending<V>(V value, byte[] payload, long cost) {
    }

    /** The items of one group this session knows. */
    private static final class Group {
        final Key key;
        /** Replaced (presized) only under the store's exclusive lock. */
        ConcurrentHashMap<Key, Item> items = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Key, Pending<?>> pending = new ConcurrentHashMap<>();
        long[] ticks = new long[0];
        long lastUse;
        long bytes;
        int indexBytes;
        long memory;
        volatile boolean touched;
        boolean onDisk;

        Group(Key key) {
            this.key = key;
        }
    }

    /** A group on disk, for eviction. */
    record Victim(GroupedMap<?> map, byte[] key, long lastUse, long bytes) {
    }

    GroupedMap(String name, Codec<V> codec, MapDbCache store) {
        this.name = name;
        this.codec = codec;
        this.store = store;
    }

    /** This map with its values read and written by {@code with}: bound by the first caller, the same for every later one. */
    @SuppressWarnings("unchecked")
    synchronized <T> GroupedMap<T> open(Codec<T> with) {
        if (codec == null) {
            codec = (Codec<V>) with;
        } else if (codec != with) {
            throw new IllegalArgumentException("the store's map '" + name + "' is open with another codec");
        }
        return (GroupedMap<T>) this;
    }

    /** Binds the map to the MapDB collections of a (re)opened file, with its committed counters. */
    void attach(HTreeMap<byte[], byte[]> index, HTreeMap<byte[], byte[]> chunks, long entries, long bytes) {
        this.index = index;
        this.chunks = chunks;
        this.entries = entries;
        this.bytes = bytes;
        loaded.clear();
        loadedBytes.set(0);
        pendingItems.set(0);
        pendingBytes.set(0);
    }

    @Override
    public String name() {
        return name;
    }

    long entries() {
        return entries;
    }

    long bytes() {
        return bytes;
    }

    boolean hasPending() {
        return pendingItems.get() > 0;
    }

    long corruptItems() {
        return corrupt.sum();
    }

    @Override
    public Entry<V> get(String key) {
        int bar = key.lastIndexOf('|');
        return bar < 0 ? get(key, null) : get(key.substring(0, bar), key.substring(bar + 1));
    }

    @Override
    public void put(String key, V value, long costNanos) {
        int bar = key.lastIndexOf('|');
        if (bar < 0) {
            put(key, null, value, costNanos);
        } else {
            put(key.substring(0, bar), key.substring(bar + 1), value, costNanos);
        }
    }

    /** {@code item} null: a key without {@code |}. */
    @Override
    public Entry<V> get(String group, String item) {
        store.readLock();
        try {
            Group g = group(group);
            Key k = itemKey(item);
            Pending<?> p = g.pending.get(k);
            if (p != null) {
                sessionHits.increment();
                saved.add(p.cost());
                @SuppressWarnings("unchecked")
                V v = (V) p.value();
                return new Entry<>(v, p.cost(), false);
            }
            Item it = g.items.get(k);
            if (it != null) {
                V v;
                try {
                    v = codec.read(new Bytes.In(it.chunk(), it.off(), it.len()));
                } catch (RuntimeException | OutOfMemoryError e) {
                    g.items.remove(k, it);
                    corrupt.increment();
                    misses.increment();
                    return null;
                }
                boolean disk = it.tick() < store.sessionStart();
                (disk ? diskHits : sessionHits).increment();
                saved.add(it.cost());
                g.touched = true;
                return new Entry<>(v, it.cost(), disk);
            }
            misses.increment();
            return null;
        } finally {
            store.readUnlock();
        }
    }

    @Override
    public void put(String group, String item, V value, long costNanos) {
        byte[] payload = codec.encode(value);
        store.readLock();
        try {
            Group g = group(group);
            Key k = itemKey(item);
            if (g.items.containsKey(k)) {
                return;
            }
            if (g.pending.putIfAbsent(k, new Pending<>(value, payload, Math.max(0, costNanos))) == null) {
                pendingItems.incrementAndGet();
                pendingBytes.addAndGet(payload.length + 20);
            }
        } finally {
            store.readUnlock();
        }
    }

    @Override
    public MapStats stats() {
        return new MapStats(name, sessionHits.sum(), diskHits.sum(), misses.sum(), entries + pendingItems.get(),
                bytes + pendingBytes.get(), saved.sum());
    }

    /** Hits, disk hits, misses and saved nanos so far (for the lifetime counters). */
    long[] counters() {
        return new long[] {sessionHits.sum(), diskHits.sum(), misses.sum(), saved.sum()};
    }

    /** The group of that text, read from disk the first time this session looks it up. */
    private Group group(String group) {
        Group g = loaded.get(group);
        return g != null ? g : loaded.computeIfAbsent(group, this::load);
    }

    /**
     * The key of an item text, remembered: the pipeline looks up the same few thousand sample and task
     * keys for every program, and a String keeps its hash code, so this costs a map lookup, not a hash
     * of ~130 characters.
     */
    private Key itemKey(String item) {
        if (item == null) {
            return NO_ITEM;
        }
        Key k = itemKeys.get(item);
        if (k == null) {
            if (itemKeys.size() > 1 << 20) {
                itemKeys.clear();
            }
            k = Keys.fast(item);
            itemKeys.put(item, k);
        }
        return k;
    }

    private Group load(String group) {
        Key key = Keys.hash(name, store.keyPrefix(), group);
        Group g = new Group(key);
        byte[] gb = key.bytes();
        try {
            byte[] rec = index.get(gb);
            if (rec != null) {
                readIndex(g, store.unseal(rec));
                g.onDisk = true;
                for (long t : g.ticks) {
                    try {
                        byte[] c = chunks.get(chunkKey(gb, t));
                        if (c == null) {
                            corrupt.increment();
                            continue;
                        }
                        c = store.unseal(c);
                        readChunk(g, c);
                        g.memory += c.length;
                    } catch (RuntimeException | OutOfMemoryError e) {
                        // one damaged chunk: its items miss, the group's other chunks stand
                        corrupt.increment();
                    }
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // A damaged record: what could be read stays, the rest misses and is computed again.
            corrupt.increment();
        }
        g.memory += 200;
        loadedBytes.addAndGet(g.memory);
        return g;
    }

    private static void readIndex(Group g, byte[] rec) {
        Bytes.In in = new Bytes.In(rec);
        g.lastUse = in.varLong();
        g.bytes = in.varLong();
        in.varInt();
        int n = in.count(1 << 20);
        g.ticks = new long[n];
        for (int k = 0; k < n; k++) {
            g.ticks[k] = in.varLong();
        }
        g.indexBytes = rec.length;
    }

    /** Items of a later chunk replace those of an earlier one. */
    private static void readChunk(Group g, byte[] c) {
        Bytes.In in = new Bytes.In(c);
        int n = in.count(c.length);
        for (int k = 0; k < n; k++) {
            int at = in.position();
            in.skip(16);
            Key key = Key.of(c, at);
            long tick = in.varLong();
            long cost = in.varLong();
            int len = in.count(c.length);
            int off = in.position();
            in.skip(len);
            g.items.put(key, new Item(c, off, len, tick, cost));
        }
    }

    static byte[] chunkKey(byte[] group, long tick) {
        byte[] k = Arrays.copyOf(group, 24);
        for (int j = 0; j < 8; j++) {
            k[16 + j] = (byte) (tick >>> (56 - 8 * j));
        }
        return k;
    }

    /**
     * Writes the items put since the last commit, one chunk per group at {@code tick}, and the index
     * records of the groups written or used since then (their last use becomes {@code tick}). Called
     * under the store's exclusive lock, before MapDB's commit.
     */
    void flush(long tick) {
        for (Group g : loaded.values()) {
            boolean write = false;
            if (!g.pending.isEmpty()) {
                int n = g.pending.size();
                Bytes.Out out = new Bytes.Out(64 + n * 64);
                out.varInt(n);
                byte[] kb = new byte[16];
                Key[] keys = new Key[n];
                int[] offsets = new int[n];
                long[] costs = new long[n];
                int[] lengths = new int[n];
                int k = 0;
                for (Map.Entry<Key, Pending<?>> e : g.pending.entrySet()) {
                    Pending<?> p = e.getValue();
                    e.getKey().put(kb, 0);
                    out.write(kb).varLong(tick).varLong(p.cost()).varInt(p.payload().length);
                    keys[k] = e.getKey();
                    offsets[k] = out.size();
                    costs[k] = p.cost();
                    lengths[k] = p.payload().length;
                    out.write(p.payload());
                    k++;
                }
                byte[] chunk = out.toArray();
                byte[] gb = g.key.bytes();
                StoreFaults.at(StoreFaults.Point.WRITE);
                chunks.put(chunkKey(gb, tick), store.seal(chunk));
                if (g.items.isEmpty()) {
                    g.items = new ConcurrentHashMap<>(n * 4 / 3 + 1);
                }
                for (int j = 0; j < n; j++) {
                    if (g.items.put(keys[j], new Item(chunk, offsets[j], lengths[j], tick, costs[j])) == null) {
                        entries++;
                    }
                }
                g.ticks = Arrays.copyOf(g.ticks, g.ticks.length + 1);
                g.ticks[g.ticks.length - 1] = tick;
                g.bytes += chunk.length + 24;
                bytes += chunk.length + 24;
                g.memory += chunk.length;
                loadedBytes.addAndGet(chunk.length);
                g.pending.clear();
                if (g.ticks.length > MAX_CHUNKS) {
                    consolidate(g, gb, tick);
                }
                write = true;
            }
            if (write || (g.touched && g.lastUse < tick)) {
                g.lastUse = tick;
                writeIndex(g);
            }
            g.touched = false;
        }
        pendingItems.set(0);
        pendingBytes.set(0);
    }

    /** Rewrites a group's chunks as one (each item keeps its tick and cost). */
    private void consolidate(Group g, byte[] gb, long tick) {
        Bytes.Out out = new Bytes.Out(256);
        out.varInt(g.items.size());
        byte[] kb = new byte[16];
        for (Map.Entry<Key, Item> e : g.items.entrySet()) {
            Item it = e.getValue();
            e.getKey().put(kb, 0);
            out.write(kb).varLong(it.tick()).varLong(it.cost()).varInt(it.len()).write(it.chunk(), it.off(), it.len());
        }
        long old = 0;
        for (long t : g.ticks) {
            StoreFaults.at(StoreFaults.Point.WRITE);
            byte[] c = chunks.remove(chunkKey(gb, t));
            old += c == null ? 0 : c.length + 24;
        }
        byte[] chunk = out.toArray();
        StoreFaults.at(StoreFaults.Point.WRITE);
        chunks.put(chunkKey(gb, tick), store.seal(chunk));
        g.items.clear();
        readChunk(g, chunk);
        g.ticks = new long[] {tick};
        g.bytes += chunk.length + 24 - old;
        bytes += chunk.length + 24 - old;
    }

    private void writeIndex(Group g) {
        Bytes.Out out = new Bytes.Out(32);
        out.varLong(g.lastUse).varLong(g.bytes).varInt(g.items.size()).varInt(g.ticks.length);
        for (long t : g.ticks) {
            out.varLong(t);
        }
        byte[] rec = out.toArray();
        StoreFaults.at(StoreFaults.Point.WRITE);
        index.put(g.key.bytes(), store.seal(rec));
        long delta = rec.length - g.indexBytes + (g.onDisk ? 0 : 16);
        g.bytes += delta;
        bytes += delta;
        g.indexBytes = rec.length;
        g.onDisk = true;
    }

    /**
     * The entries of a MapDB map that can be read: a damaged record is left out, and iteration stops at
     * damage in the map's own structure (what was read before stays). Counts what was left out.
     */
    static <K, W> List<Map.Entry<K, W>> readable(HTreeMap<K, W> map, LongAdder damaged) {
        List<Map.Entry<K, W>> out = new ArrayList<>();
        java.util.Iterator<K> keys;
        try {
            keys = map.keySet().iterator();
        } catch (RuntimeException | OutOfMemoryError e) {
            damaged.increment();
            return out;
        }
        while (true) {
            K k;
            try {
                if (!keys.hasNext()) {
                    return out;
                }
                k = keys.next();
            } catch (RuntimeException | OutOfMemoryError e) {
                damaged.increment();
                return out;
            }
            try {
                W v = map.get(k);
                if (v != null) {
                    out.add(Map.entry(k, v));
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                damaged.increment();
            }
        }
    }

    /** Every group on disk with its last use and size (reads the index, not the chunks). */
    List<Victim> groups() {
        List<Victim> out = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : readable(index, corrupt)) {
            long lastUse;
            long size;
            try {
                Bytes.In in = new Bytes.In(store.unseal(e.getValue()));
                lastUse = in.varLong();
                size = in.varLong();
            } catch (RuntimeException | OutOfMemoryError ex) {
                lastUse = -1;
                size = e.getValue().length + 16;
            }
            out.add(new Victim(this, e.getKey(), lastUse, size));
        }
        return out;
    }

    /** Forgets the groups in memory (before an eviction: they are all committed). */
    void unload() {
        loaded.clear();
        loadedBytes.set(0);
    }

    /** Removes a group and its chunks; returns the bytes freed. Under the store's exclusive lock, after {@link #unload}. */
    long evict(byte[] gb) {
        StoreFaults.at(StoreFaults.Point.WRITE);
        byte[] rec = index.remove(gb);
        if (rec == null) {
            return 0;
        }
        long freed = rec.length + 16;
        int items = 0;
        try {
            Bytes.In in = new Bytes.In(store.unseal(rec));
            in.varLong();
            in.varLong();
            items = in.varInt();
            int n = in.count(1 << 20);
            for (int k = 0; k < n; k++) {
                byte[] c = chunks.remove(chunkKey(gb, in.varLong()));
                freed += c == null ? 0 : c.length + 24;
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            corrupt.increment();
        }
        entries = Math.max(0, entries - items);
        bytes = Math.max(0, bytes - freed);
        return freed;
    }

    /** Empties the map on disk and in memory. Under the store's exclusive lock. */
    void clear() {
        index.clear();
        chunks.clear();
        loaded.clear();
        loadedBytes.set(0);
        pendingItems.set(0);
        pendingBytes.set(0);
        entries = 0;
        bytes = 0;
    }

    /** Forgets the groups held in memory when they take more than {@code budget} bytes (they reload on use). */
    void trimMemory(long budget) {
        if (loadedBytes.get() > budget) {
            loaded.clear();
            loadedBytes.set(0);
        }
    }

    /** Forgets uncommitted items and the groups in memory (after a failed commit). */
    void forget() {
        loaded.clear();
        loadedBytes.set(0);
        pendingItems.set(0);
        pendingBytes.set(0);
    }

    /**
     * Checks every committed record of this map: each index record and chunk must match its checksum
     * and decode. Returns {records checked, records damaged}; damage in MapDB's own structure that stops
     * the walk counts as one damaged record.
     */
    long[] verify() {
        LongAdder damaged = new LongAdder();
        long checked = 0;
        for (Map.Entry<byte[], byte[]> e : readable(index, damaged)) {
            checked++;
            Group g = new Group(Key.of(e.getKey(), 0));
            try {
                readIndex(g, store.unseal(e.getValue()));
            } catch (RuntimeException | OutOfMemoryError ex) {
                damaged.increment();
                continue;
            }
            for (long t : g.ticks) {
                checked++;
                try {
                    byte[] c = chunks.get(chunkKey(e.getKey(), t));
                    if (c == null) {
                        throw new CorruptEntryException("a chunk is missing");
                    }
                    readChunk(g, store.unseal(c));
                } catch (RuntimeException | OutOfMemoryError ex) {
                    damaged.increment();
                }
            }
        }
        return new long[] {checked, damaged.sum()};
    }

    /** Copies the committed groups into another file's collections (compaction); returns {entries, bytes}. */
    long[] copyTo(HTreeMap<byte[], byte[]> toIndex, HTreeMap<byte[], byte[]> toChunks) {
        long n = 0;
        long b = 0;
        for (Map.Entry<byte[], byte[]> e : readable(index, corrupt)) {
            byte[] gb = e.getKey();
            byte[] rec = e.getValue();
            Group g = new Group(Key.of(gb, 0));
            try {
                readIndex(g, store.unseal(rec));
                for (long t : g.ticks) {
                    try {
                        byte[] c = chunks.get(chunkKey(gb, t));
                        if (c != null) {
                            readChunk(g, store.unseal(c));
                        }
                    } catch (RuntimeException | OutOfMemoryError ex) {
                        corrupt.increment();
                    }
                }
            } catch (RuntimeException | OutOfMemoryError ex) {
                corrupt.increment();
            }
            if (g.items.isEmpty()) {
                continue;
            }
            long tick = 0;
            for (Item it : g.items.values()) {
                tick = Math.max(tick, it.tick());
            }
            GroupedMap<V> sink = new GroupedMap<>(name, codec, store);
            sink.index = toIndex;
            sink.chunks = toChunks;
            g.ticks = new long[0];
            g.bytes = 0;
            g.indexBytes = 0;
            g.onDisk = false;
            sink.consolidate(g, gb, tick);
            long lastUse = g.lastUse;
            sink.writeIndex(g);
            g.lastUse = lastUse;
            n += g.items.size();
            b += sink.bytes;
        }
        return new long[] {n, b};
    }
}
