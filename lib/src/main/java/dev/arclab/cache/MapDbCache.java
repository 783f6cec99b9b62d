package dev.arclab.cache;

import dev.arclab.profile.RunRecord;
import dev.arclab.profile.RunRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

/**
 * The persistent result cache: one MapDB file ({@code cache.db} in the home folder) with transactions
 * and memory-mapped I/O, holding canonical texts, validations, score results and near-miss measures
 * (see {@link GroupedMap}), the solver library and the run history. Obtain it through
 * {@link Caches#open}, which keeps one handle per file per JVM and closes it on shutdown.
 *
 * <p>Everything put is made durable by {@link #commit()} (the pipeline commits at the end of every
 * phase); a process killed at any moment loses only what it put since its last commit. After a commit
 * the store evicts the least recently used groups (programs) while its entries take more than the size
 * limit. {@link #close()} only commits: the handle stays open for the other users of this JVM;
 * {@link #shutdown()} closes it for good.
 *
 * <p>Statistics distinguish hits on entries written by this session (one open of the file) from hits on
 * entries an earlier session wrote (from disk), and add up the measured cost stored with each hit.
 */
public final class MapDbCache implements ResultCache {
    /** The file's name in the home folder. */
    public static final String FILE_NAME = "cache.db";
    /**
     * Format of the records: 2 = every record sealed with a checksum ({@link Sealed}). Files of format 1
     * (the same records without checksums) are still read and written as they are; a file with another
     * format is moved aside.
     */
    public static final long FORMAT = 2;
    /** The format before records carried checksums. */
    static final long UNSEALED_FORMAT = 1;
    /**
     * How large the file may grow against the size limit before it is compacted automatically, after a
     * commit: {@value #FILE_FACTOR} times the limit plus {@value #FILE_SLACK} bytes (MapDB grows the
     * file in 1 MB steps and keeps freed space for reuse, so the file is larger than its live entries).
     */
    public static final long FILE_FACTOR = 2;
    public static final long FILE_SLACK = 2L << 20;
    /** The result maps, in {@link #stats()} order; {@code library} and {@code history} follow in {@link #allStats()}. */
    public static final List<String> RESULT_MAPS = ResultCache.RESULT_MAPS;
    public static final List<String> MAPS = List.of("canonical", "validation", "score", "differs", "library", "history");
    /** Groups held in memory beyond this are dropped after a commit (they are read again when used). */
    static final long MEMORY_BUDGET = 256L << 20;

    private static final boolean DEBUG = Boolean.getBoolean("arclab.cache.debug");
    /**
     * For the crash tests: runs inside {@link #commit()} when the batch is written to MapDB's log but
     * not yet committed, so a test can kill the process at exactly that point.
     */
    static volatile Runnable beforeMapDbCommit;
    private final CacheOptions options;
    private final Path file;
    private final Consumer<String> messages;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** The result maps, without codecs until their user opens them ({@link #map}). */
    private final List<GroupedMap<?>> results = RESULT_MAPS.stream().<GroupedMap<?>>map(n -> new GroupedMap<>(n, null, this)).toList();
    private DB db;
    private HTreeMap<String, Long> meta;
    private HTreeMap<String, byte[]> library;
    private BTreeMap<Long, byte[]> history;
    private long libraryBytes;
    private long historyBytes;
    /** Writes until the next commit carry this tick; it grows by one per commit and never goes back. */
    private long tick;
    /** The first tick of this session: entries with an older tick were written by an earlier session. */
    private long sessionStart;
    private long session;
    private long evicted;
    private long[][] lifeAtLastCommit;
    private final Map<String, Long> written = new java.util.HashMap<>();
    private boolean libraryDirty;
    private boolean historyDirty;
    private volatile boolean closed;
    /** Whether records carry checksums (format 2); files of format 1 are kept as they are. */
    private boolean sealed = true;
    /** Why the file cannot be written this session (null while it can): from then on results stay in memory. */
    private volatile String unwritable;
    /** Data file size after the last automatic compaction (0: none yet this session). */
    private long sizeAfterCompaction;
    /** Set while an automatic compaction runs (its own commit must not start another). */
    private boolean compacting;

    private MapDbCache(CacheOptions options, Consumer<String> messages) {
        this.options = options;
        this.file = options.file();
        this.messages = messages;
    }

    /**
     * Opens the file of {@code options}, moving a file that cannot be opened (corrupt, not a MapDB file,
     * another format) aside with a message saying where, and starting a new one.
     *
     * @throws DBException.FileLocked when another process has the file open
     * @throws IOException when the folder cannot be made or the file cannot be moved aside
     */
    static MapDbCache open(CacheOptions options, Consumer<String> messages) throws IOException {
        return open(options, messages, true);
    }

    /**
     * {@link #open(CacheOptions, Consumer)}, or with {@code moveAside} false, for commands that only look
     * at the store: a file that cannot be opened is left where it is and a
     * {@link StoreUnavailableException} says why.
     */
    static MapDbCache open(CacheOptions options, Consumer<String> messages, boolean moveAside) throws IOException {
        StoreFile.check(options.file());
        Files.createDirectories(options.home());
        MapDbCache c = new MapDbCache(options, messages);
        StoreFile.deleteLeftovers(c.file);
        boolean existed = Files.exists(c.file);
        long size = existed ? Files.size(c.file) : -1;
        if (existed && Files.exists(StoreFile.repairMarker(c.file))) {
            c.repairOnOpen();
        }
        try {
            StoreFaults.at(StoreFaults.Point.OPEN);
            c.attach(openDb(c.file));
        } catch (DBException.FileLocked e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError v) {
                throw v;
            }
            if (lockedByOther(e)) {
                throw new DBException.FileLocked(c.file, e instanceof Exception ex ? ex : new RuntimeException(e));
            }
            if (StoreFile.permissionDenied(e)) {
                throw new StoreUnavailableException("permission denied: " + c.file + " cannot be opened for writing by this "
                        + "user; it is left as it is", e);
            }
            if (!existed) {
                // nothing was there to move aside: what MapDB began to write is removed
                StoreFile.deleteQuietly(c.file);
                StoreFile.deleteWals(c.file);
                throw new StoreUnavailableException("a new store could not be created at " + c.file + " ("
                        + StoreFile.reason(e) + ")", e);
            }
            // MapDB may have grown a short file to its first mapped page with zeros: give it back its size
            if (size >= 0 && Files.exists(c.file) && Files.size(c.file) > size) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(c.file,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    ch.truncate(size);
                }
            }
            if (!moveAside) {
                throw new StoreUnavailableException(c.file + " cannot be opened (" + describe(e) + "); it is left as it "
                        + "is: 'arclab cache verify' moves it aside and starts a new store", e);
            }
            Path aside = c.moveAside();
            messages.accept("cache: " + c.file + " could not be opened (" + describe(e) + "); moved it to " + aside
                    + " and started a new cache");
            c.attach(openDb(c.file));
        }
        return c;
    }

    /**
     * A session before this one could not write the file (a full disk, an I/O error), which may have left
     * MapDB's own structures damaged: the readable records are copied into a new file (as by
     * {@link #compact()}) before the store is used. When even that fails, the open goes on as usual
     * (and moves the file aside if it cannot be opened).
     */
    private void repairOnOpen() {
        try {
            attach(openDb(file));
            long damaged = corruptEntries();
            Compaction c = compact();
            messages.accept("cache: " + file + " was not fully written by an earlier session; repaired it ("
                    + (damaged + corruptEntries()) + " damaged records left out, " + StoreFile.size(c.bytesBefore())
                    + " -> " + StoreFile.size(c.bytesAfter()) + ")");
            db.close();
            closed = true;
            Files.deleteIfExists(StoreFile.repairMarker(file));
        } catch (IOException | RuntimeException e) {
            try {
                if (db != null && !db.isClosed()) {
                    db.close();
                }
            } catch (RuntimeException ignored) {
                // the open below reports what is wrong
            }
        } finally {
            closed = false;
            db = null;
        }
    }

    private static boolean lockedByOther(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DBException.FileLocked || t instanceof java.nio.channels.OverlappingFileLockException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 160 ? m.substring(0, 160) + "..." : m));
    }

    /** Whether this session still writes the file; false once a write failed (results then stay in memory). */
    public boolean writable() {
        return unwritable == null;
    }

    /**
     * A write to the file failed: says so once, marks the file for repair at the next open, rolls MapDB
     * back to the last commit, and keeps this session's results in memory from here on (hits still work,
     * nothing more is written). What was committed before stays in the file.
     */
    private void degrade(Throwable e) {
        if (unwritable != null) {
            return;
        }
        unwritable = StoreFile.reason(e);
        messages.accept("cache: could not write " + file + " (" + unwritable + "); this session goes on with its results in "
                + "memory and saves no more of them; what was saved before is kept, and the file is checked and repaired "
                + "when it is next opened");
        StoreFile.markForRepair(file);
        try {
            db.rollback();
        } catch (RuntimeException ignored) {
            // the file stays at its last commit either way
        }
    }

    byte[] seal(byte[] payload) {
        return sealed ? Sealed.seal(payload) : payload;
    }

    byte[] unseal(byte[] record) {
        return sealed ? Sealed.open(record) : record;
    }

    private static DB openDb(Path file) {
        return DBMaker.fileDB(file.toFile()).transactionEnable().fileMmapEnableIfSupported().make();
    }

    /** Binds the maps of a freshly opened DB, checks its format and starts a session. Closes it on failure. */
    private void attach(DB opened) {
        try {
            boolean empty = !opened.getAllNames().iterator().hasNext();
            HTreeMap<String, Long> m = opened.hashMap("meta", Serializer.STRING, Serializer.LONG).createOrOpen();
            Long format = m.get("format");
            if (format == null && !empty) {
                throw new DBException.WrongFormat("a MapDB file without ARC Lab's records: " + opened.getAllNames());
            }
            if (format != null && format != FORMAT && format != UNSEALED_FORMAT) {
                throw new DBException.WrongFormat("ARC Lab cache format " + format + ", this version reads " + FORMAT);
            }
            sealed = format == null || format == FORMAT;
            boolean created = format == null;
            if (created) {
                m.put("format", FORMAT);
            }
            for (String name : RESULT_MAPS) {
                GroupedMap<?> g = result(name);
                g.attach(opened.hashMap(name + ".index", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).createOrOpen(),
                        opened.hashMap(name + ".chunks", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).createOrOpen(),
                        m.getOrDefault(name + ".entries", 0L), m.getOrDefault(name + ".bytes", 0L));
            }
            library = opened.hashMap("library", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
            history = opened.treeMap("history", Serializer.LONG, Serializer.BYTE_ARRAY).createOrOpen();
            libraryBytes = m.getOrDefault("library.bytes", 0L);
            historyBytes = m.getOrDefault("history.bytes", 0L);
            evicted = m.getOrDefault("evicted", 0L);
            session = m.getOrDefault("sessions", 0L) + 1;
            tick = m.getOrDefault("tick", 0L) + 1;
            sessionStart = tick;
            if (created) {
                // a new file gets its format and collections at once; an existing one is not written
                // until this session has something to commit (a MapDB commit costs ~10 ms even when empty)
                m.put("sessions", session);
                opened.commit();
            }
            db = opened;
            meta = m;
            written.clear();
            written.put("sessions", created ? session : -1L);
            lifeAtLastCommit = new long[results.size()][];
            for (int k = 0; k < results.size(); k++) {
                lifeAtLastCommit[k] = results.get(k).counters();
            }
        } catch (RuntimeException | Error e) {
            try {
                opened.close();
            } catch (RuntimeException | Error ignored) {
                // already failing: the first error is the one to report
            }
            throw e;
        }
    }

    private Path moveAside() throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(FILE_NAME + ".broken-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(FILE_NAME + ".broken-" + stamp + "-" + n);
        }
        if (Files.exists(file)) {
            Files.move(file, aside);
        }
        for (Path wal : walFiles()) {
            Files.move(wal, aside.resolveSibling(aside.getFileName() + wal.getFileName().toString().substring(FILE_NAME.length())));
        }
        return aside;
    }

    /** The write-ahead log files beside the store ({@code cache.db.wal.N}). */
    private List<Path> walFiles() throws IOException {
        try (Stream<Path> s = Files.list(file.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith(FILE_NAME + ".wal.")).sorted().toList();
        }
    }

    private Path compactFile() {
        return file.resolveSibling(FILE_NAME + ".compact");
    }

    GroupedMap<?> result(String name) {
        return results.get(RESULT_MAPS.indexOf(name));
    }

    // ---- locking -------------------------------------------------------------------------------

    void readLock() {
        lock.readLock().lock();
        if (closed) {
            lock.readLock().unlock();
            throw new IllegalStateException("the cache " + file + " is closed; open it again with Caches.open");
        }
    }

    void readUnlock() {
        lock.readLock().unlock();
    }

    private void writeLock() {
        lock.writeLock().lock();
        if (closed) {
            lock.writeLock().unlock();
            throw new IllegalStateException("the cache " + file + " is closed; open it again with Caches.open");
        }
    }

    private void writeUnlock() {
        lock.writeLock().unlock();
    }

    long sessionStart() {
        return sessionStart;
    }

    String keyPrefix() {
        return options.keyPrefix();
    }

    // ---- the result maps -----------------------------------------------------------------------

    /** @throws IllegalArgumentException when {@code name} is not one of {@link #RESULT_MAPS} or is open with another codec */
    @Override
    public <V> CacheMap<V> map(String name, Codec<V> codec) {
        if (!RESULT_MAPS.contains(name)) {
            throw new IllegalArgumentException("no result map '" + name + "'; the store's are " + String.join(", ", RESULT_MAPS));
        }
        return result(name).open(codec);
    }

    /**
     * Makes everything put so far durable, then evicts the least recently used groups while the entries
     * take more than the size limit. When nothing was put since the last commit it does nothing (a MapDB
     * commit costs ~10 ms even when empty); the last-use times of groups that were only read are then
     * written with the next commit that has something to write. A failed commit is reported and rolled
     * back (what was put since the last commit is then only lost from disk); it does not throw.
     */
    @Override
    public void commit() {
        commit(false);
    }

    private void commit(boolean force) {
        writeLock();
        try {
            if (unwritable != null) {
                return;
            }
            boolean dirty = force || libraryDirty || historyDirty;
            for (GroupedMap<?> g : results) {
                dirty |= g.hasPending();
            }
            if (!dirty) {
                return;
            }
            libraryDirty = false;
            historyDirty = false;
            long t0 = System.nanoTime();
            for (GroupedMap<?> g : results) {
                g.flush(tick);
            }
            long t1 = System.nanoTime();
            writeCounters();
            Runnable hook = beforeMapDbCommit;
            if (hook != null) {
                hook.run();
            }
            StoreFaults.at(StoreFaults.Point.COMMIT);
            db.commit();
            if (DEBUG) {
                System.err.printf("cache commit: flush %.3f s, MapDB commit %.3f s%n", (t1 - t0) / 1e9,
                        (System.nanoTime() - t1) / 1e9);
            }
            tick++;
            if (totalBytes() > options.sizeLimitBytes()) {
                evict();
                writeCounters();
                StoreFaults.at(StoreFaults.Point.COMMIT);
                db.commit();
                tick++;
            }
            for (GroupedMap<?> g : results) {
                g.trimMemory(MEMORY_BUDGET / results.size());
            }
        } catch (RuntimeException | AssertionError e) {
            // The items flushed before the failure are still held in memory by their groups: this
            // session keeps them as hits, and writes nothing more. (MapDB checks its free-space lists with
            // assert statements: on a damaged file, with assertions on, a commit ends in an AssertionError.)
            degrade(e);
            return;
        } finally {
            writeUnlock();
        }
        compactIfTooLarge();
    }

    /**
     * Keeps the file within {@link #FILE_FACTOR} times the size limit plus {@link #FILE_SLACK}: beyond,
     * it is compacted (unless it has not grown by half since this session last compacted it, which
     * means its live entries need that much).
     */
    private void compactIfTooLarge() {
        if (compacting) {
            return;
        }
        long bound = FILE_FACTOR * options.sizeLimitBytes() + FILE_SLACK;
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return;
        }
        if (size <= bound || (sizeAfterCompaction > 0 && size < sizeAfterCompaction * 3 / 2)) {
            return;
        }
        compacting = true;
        try {
            compact();
            sizeAfterCompaction = Files.size(file);
        } catch (IOException | RuntimeException e) {
            degrade(e);
        } finally {
            compacting = false;
        }
    }

    /** Data file bytes the size limit allows before an automatic compaction. */
    public long fileBound() {
        return FILE_FACTOR * options.sizeLimitBytes() + FILE_SLACK;
    }

    private void writeCounters() {
        for (int k = 0; k < results.size(); k++) {
            GroupedMap<?> g = results.get(k);
            putMeta(g.name() + ".entries", g.entries());
            putMeta(g.name() + ".bytes", g.bytes());
            long[] now = g.counters();
            String[] names = {".life.hits", ".life.diskHits", ".life.misses", ".life.savedNanos"};
            for (int j = 0; j < names.length; j++) {
                long d = now[j] - lifeAtLastCommit[k][j];
                if (d != 0) {
                    meta.merge(g.name() + names[j], d, Long::sum);
                }
            }
            lifeAtLastCommit[k] = now;
        }
        putMeta("library.bytes", libraryBytes);
        putMeta("history.bytes", historyBytes);
        putMeta("evicted", evicted);
        putMeta("tick", tick);
        putMeta("sessions", session);
    }

    /** Puts a counter when it changed (each MapDB put is a write to the log). */
    private void putMeta(String key, long value) {
        Long old = written.put(key, value);
        if (old == null || old != value) {
            meta.put(key, value);
        }
    }

    private void reloadCounters() {
        for (GroupedMap<?> g : results) {
            g.attach(indexOf(g), chunksOf(g), meta.getOrDefault(g.name() + ".entries", 0L),
                    meta.getOrDefault(g.name() + ".bytes", 0L));
        }
        libraryBytes = meta.getOrDefault("library.bytes", 0L);
        historyBytes = meta.getOrDefault("history.bytes", 0L);
    }

    private HTreeMap<byte[], byte[]> indexOf(GroupedMap<?> g) {
        return db.hashMap(g.name() + ".index", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).open();
    }

    private HTreeMap<byte[], byte[]> chunksOf(GroupedMap<?> g) {
        return db.hashMap(g.name() + ".chunks", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).open();
    }

    /** Bytes of all entries (keys and values of every map), what the size limit applies to. */
    private long totalBytes() {
        long b = libraryBytes + historyBytes;
        for (GroupedMap<?> g : results) {
            b += g.bytes();
        }
        return b;
    }

    /** Least recently used groups first, until the entries take 90% of the limit. */
    private void evict() {
        List<GroupedMap.Victim> all = new ArrayList<>();
        for (GroupedMap<?> g : results) {
            g.unload();
            all.addAll(g.groups());
        }
        all.sort(Comparator.comparingLong(GroupedMap.Victim::lastUse).thenComparing(v -> -v.bytes()));
        long total = totalBytes();
        long target = options.sizeLimitBytes() / 10 * 9;
        for (GroupedMap.Victim v : all) {
            if (total <= target) {
                break;
            }
            long freed = v.map().evict(v.key());
            if (freed > 0) {
                total -= freed;
                evicted++;
            }
        }
    }

    // ---- library and history -------------------------------------------------------------------

    @Override
    public <V> List<V> storedLibrary(Codec<V> codec) {
        readLock();
        try {
            List<V> out = new ArrayList<>();
            java.util.TreeMap<String, byte[]> sorted = new java.util.TreeMap<>();
            for (Map.Entry<String, byte[]> e : GroupedMap.readable(library, new java.util.concurrent.atomic.LongAdder())) {
                sorted.put(e.getKey(), e.getValue());
            }
            for (byte[] value : sorted.values()) {
                try {
                    out.add(codec.read(new Bytes.In(unseal(value))));
                } catch (RuntimeException ex) {
                    // an unreadable entry is left out
                }
            }
            return out;
        } finally {
            readUnlock();
        }
    }

    /** Keeps each entry (an entry already kept stays as it was). */
    @Override
    public <V> void storeLibrary(Map<String, V> entries, Codec<V> codec) {
        if (entries.isEmpty()) {
            return;
        }
        if (unwritable != null) {
            return;
        }
        readLock();
        try {
            for (Map.Entry<String, V> e : entries.entrySet()) {
                String key = e.getKey();
                byte[] value = seal(codec.encode(e.getValue()));
                StoreFaults.at(StoreFaults.Point.WRITE);
                if (library.putIfAbsent(key, value) == null) {
                    synchronized (this) {
                        libraryBytes += key.length() + value.length;
                        libraryDirty = true;
                    }
                }
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                degrade(e);
            }
        } finally {
            readUnlock();
        }
    }

    @Override
    public List<RunRecord> runHistory() {
        readLock();
        try {
            List<RunRecord> out = new ArrayList<>();
            for (Map.Entry<Long, byte[]> e : StoreFile.readable(history)) {
                try (InflaterInputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(unseal(e.getValue())))) {
                    out.add(RunRecords.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (IOException | RuntimeException ex) {
                    // an unreadable record is left out
                }
            }
            return out;
        } finally {
            readUnlock();
        }
    }

    /** Keeps a run record (its JSON, deflated) after the ones kept before. */
    @Override
    public void storeRun(RunRecord run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(RunRecords.toJson(run).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] value = seal(bytes.toByteArray());
        writeLock();
        try {
            if (unwritable != null) {
                return;
            }
            Long last = history.isEmpty() ? null : history.lastKey();
            StoreFaults.at(StoreFaults.Point.WRITE);
            history.put(last == null ? 1L : last + 1, value);
            historyBytes += 8 + value.length;
            historyDirty = true;
        } catch (RuntimeException e) {
            degrade(e);
        } finally {
            writeUnlock();
        }
    }

    // ---- statistics ----------------------------------------------------------------------------

    /** Statistics of the result maps (canonical, validation, score, differs) for this session. */
    @Override
    public List<MapStats> stats() {
        return results.stream().map(GroupedMap::stats).toList();
    }

    /** {@link #stats()} plus the library and the history (entries and bytes only). */
    public List<MapStats> allStats() {
        readLock();
        try {
            List<MapStats> out = new ArrayList<>(stats());
            out.add(new MapStats("library", 0, 0, 0, library.sizeLong(), libraryBytes, 0));
            out.add(new MapStats("history", 0, 0, 0, history.sizeLong(), historyBytes, 0));
            return out;
        } finally {
            readUnlock();
        }
    }

    /**
     * Hits, disk hits, misses and time saved of every result map over all sessions that committed to
     * this file (this one up to its last commit), with the current entries and bytes.
     */
    public List<MapStats> lifetimeStats() {
        readLock();
        try {
            List<MapStats> out = new ArrayList<>();
            for (GroupedMap<?> g : results) {
                String n = g.name();
                out.add(new MapStats(n, meta.getOrDefault(n + ".life.hits", 0L), meta.getOrDefault(n + ".life.diskHits", 0L),
                        meta.getOrDefault(n + ".life.misses", 0L), g.entries(), g.bytes(),
                        meta.getOrDefault(n + ".life.savedNanos", 0L)));
            }
            return out;
        } finally {
            readUnlock();
        }
    }

    public Path file() {
        return file;
    }

    public CacheOptions options() {
        return options;
    }

    /** Which open of the file this is (1 for the session that created it). */
    public long session() {
        return session;
    }

    /** Groups evicted for the size limit, over the file's life. */
    public long evictedGroups() {
        return evicted;
    }

    /** Entries that could not be decoded this session (each counted as a miss and computed again). */
    public long corruptEntries() {
        long n = 0;
        for (GroupedMap<?> g : results) {
            n += g.corruptItems();
        }
        return n;
    }

    /** Bytes of the file and its write-ahead log on disk. */
    public long fileBytes() {
        try {
            long n = Files.exists(file) ? Files.size(file) : 0;
            for (Path p : walFiles()) {
                n += Files.size(p);
            }
            return n;
        } catch (IOException e) {
            return -1;
        }
    }

    public boolean isOpen() {
        return !closed;
    }

    // ---- maintenance ---------------------------------------------------------------------------

    /**
     * Empties one map ({@code canonical}, {@code validation}, {@code score}, {@code differs},
     * {@code library}, {@code history}) or all of them ({@code all}), and commits.
     *
     * @throws IllegalArgumentException naming the maps when {@code map} is not one
     */
    public void clear(String map) {
        if (!map.equals("all") && !MAPS.contains(map)) {
            throw new IllegalArgumentException("no map '" + map + "'; the maps are " + String.join(", ", MAPS) + " (or all)");
        }
        try {
            clearOnce(map);
        } catch (RuntimeException e) {
            // damaged records or structures: roll back, copy what is readable into a new file, try again
            try {
                db.rollback();
            } catch (RuntimeException ignored) {
                // the file is at its last commit either way
            }
            reloadCounters();
            try {
                compact();
            } catch (IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            clearOnce(map);
        }
    }

    private void clearOnce(String map) {
        writeLock();
        try {
            for (GroupedMap<?> g : results) {
                if (map.equals("all") || map.equals(g.name())) {
                    g.clear();
                    for (String s : List.of(".life.hits", ".life.diskHits", ".life.misses", ".life.savedNanos")) {
                        meta.remove(g.name() + s);
                    }
                }
            }
            if (map.equals("all") || map.equals("library")) {
                library.clear();
                libraryBytes = 0;
            }
            if (map.equals("all") || map.equals("history")) {
                history.clear();
                historyBytes = 0;
            }
            writeCounters();
            StoreFaults.at(StoreFaults.Point.COMMIT);
            db.commit();
            tick++;
        } finally {
            writeUnlock();
        }
    }

    /** What {@link #verify()} found: records checked and damaged, and the compaction that repaired them (or null). */
    public record Verification(long checked, long damaged, Compaction repair) {
    }

    /**
     * Checks every committed record (checksum and decoding) of every map; when some are damaged, the
     * file is rewritten with the intact ones ({@link #compact()}), so the damage is gone.
     */
    public Verification verify() throws IOException {
        commit(true);
        long checked = 0;
        long damaged = 0;
        readLock();
        try {
            for (GroupedMap<?> g : results) {
                long[] r = g.verify();
                checked += r[0];
                damaged += r[1];
            }
            java.util.concurrent.atomic.LongAdder bad = new java.util.concurrent.atomic.LongAdder();
            for (Map.Entry<String, byte[]> e : GroupedMap.readable(library, bad)) {
                checked++;
                damaged += sealed && !Sealed.intact(e.getValue()) ? 1 : 0;
            }
            for (Map.Entry<Long, byte[]> e : StoreFile.readable(history)) {
                checked++;
                damaged += sealed && !Sealed.intact(e.getValue()) ? 1 : 0;
            }
            damaged += bad.sum();
        } finally {
            readUnlock();
        }
        Compaction repair = damaged > 0 ? compact() : null;
        if (repair != null) {
            Files.deleteIfExists(StoreFile.repairMarker(file));
        }
        return new Verification(checked, damaged, repair);
    }

    /** File sizes before and after a compaction. */
    public record Compaction(long bytesBefore, long bytesAfter) {
    }

    /**
     * Rewrites the file with only its live entries (MapDB 3.1's own compaction does nothing with
     * transactions): commits, copies everything into {@code cache.db.compact}, closes both, moves the
     * copy over the file and reopens it. The handle stays the same object. A crash before the move
     * leaves the old file as it was; the half-written copy is deleted at the next open.
     */
    public Compaction compact() throws IOException {
        commit(true);
        writeLock();
        try {
            long before = fileBytes();
            Path tmp = compactFile();
            Files.deleteIfExists(tmp);
            DB out = null;
            try {
                out = DBMaker.fileDB(tmp.toFile()).transactionEnable().fileMmapEnableIfSupported().make();
                java.util.concurrent.atomic.LongAdder damaged = new java.util.concurrent.atomic.LongAdder();
                HTreeMap<String, Long> m = out.hashMap("meta", Serializer.STRING, Serializer.LONG).createOrOpen();
                for (Map.Entry<String, Long> e : GroupedMap.readable(meta, damaged)) {
                    m.put(e.getKey(), e.getValue());
                }
                m.put("format", sealed ? FORMAT : UNSEALED_FORMAT);
                for (GroupedMap<?> g : results) {
                    long[] nb = g.copyTo(out.hashMap(g.name() + ".index", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).createOrOpen(),
                            out.hashMap(g.name() + ".chunks", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).createOrOpen());
                    m.put(g.name() + ".entries", nb[0]);
                    m.put(g.name() + ".bytes", nb[1]);
                }
                HTreeMap<String, byte[]> lib = out.hashMap("library", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
                long libBytes = 0;
                for (Map.Entry<String, byte[]> e : GroupedMap.readable(library, damaged)) {
                    if (!sealed || Sealed.intact(e.getValue())) {
                        lib.put(e.getKey(), e.getValue());
                        libBytes += e.getKey().length() + e.getValue().length;
                    }
                }
                BTreeMap<Long, byte[]> hist = out.treeMap("history", Serializer.LONG, Serializer.BYTE_ARRAY).createOrOpen();
                long histBytes = 0;
                for (Map.Entry<Long, byte[]> e : StoreFile.readable(history)) {
                    if (!sealed || Sealed.intact(e.getValue())) {
                        hist.put(e.getKey(), e.getValue());
                        histBytes += 8 + e.getValue().length;
                    }
                }
                m.put("library.bytes", libBytes);
                m.put("history.bytes", histBytes);
                m.put("sessions", session);
                m.put("tick", tick - 1);
                out.commit();
                out.close();
            } catch (RuntimeException e) {
                // nothing half-written is left behind: the old file stays as it was
                try {
                    if (out != null && !out.isClosed()) {
                        out.close();
                    }
                } catch (RuntimeException ignored) {
                    // the copy is deleted below
                }
                StoreFile.deleteQuietly(tmp);
                StoreFile.deleteWals(tmp);
                throw new IOException("compacting " + file + " failed (" + StoreFile.reason(e) + "); the file is left as it was",
                        e);
            }
            db.close();
            closed = true;
            for (Path wal : walFiles()) {
                Files.delete(wal);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long keepSessionStart = sessionStart;
            attach(openDb(file));
            // the reopen counted as a new session; this is still the same one
            sessionStart = keepSessionStart;
            session--;
            closed = false;
            return new Compaction(before, fileBytes());
        } finally {
            writeUnlock();
        }
    }

    /** Commits; the handle stays open for the rest of the JVM (see {@link #shutdown()}). */
    @Override
    public void close() {
        if (!closed) {
            commit();
        }
    }

    /** Commits and closes the file; this handle cannot be used afterwards. Caches.open gives a new one. */
    public void shutdown() {
        if (closed) {
            return;
        }
        commit(true);
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                db.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
        Caches.forget(this);
    }

    @Override
    public String toString() {
        return "MapDbCache[" + file + ", session " + session + "]";
    }
}
