package dev.arclab.cluster;

import com.google.common.hash.Hashing;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import dev.arclab.cache.ResultCache;
import dev.arclab.pipeline.Distributor;
import dev.arclab.pipeline.RemoteWork;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseTimer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This JVM's member of an ARC Lab cluster (Hazelcast). A <em>worker</em> runs work items on its threads;
 * the <em>coordinator</em> (a session: {@code run --cluster}, {@code %cluster join}) joins as a lite
 * member: it holds no partition of the cluster's data (its death loses nothing and moves nothing) and
 * runs no items; it hands chunks of items to the workers as a {@link Distributor}.
 *
 * <p>Chunks go out a few per worker thread at a time; whichever member finishes takes the next, and a
 * member that joins mid-phase starts taking chunks at once. When a member leaves (or is killed) with
 * chunks in flight, those chunks go back to the queue and run elsewhere; each chunk's results are
 * accepted once. The parts (tasks, programs) go once each into the part map, keyed by content hash.
 */
public final class ClusterNode implements Distributor, AutoCloseable {
    static final String EXECUTOR = "arclab";
    static final String THREADS = "arclab.threads";
    /** How long a phase waits for a worker when the cluster has none. */
    static final long NO_WORKER_SECONDS = 60;
    /** How often a chunk may fail on members that stay in the cluster before the phase fails with its error. */
    static final int MAX_FAILURES = 3;
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    /** Its warning that Hazelcast runs without --add-opens (slower internals only) would start every session's output. */
    private static final Logger FACTORY_LOG = Logger.getLogger("com.hazelcast.instance.impl.HazelcastInstanceFactory");

    private final HazelcastInstance hz;
    private final ClusterSettings settings;
    private final boolean worker;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final Set<String> partsPut = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile BiConsumer<String, Integer> chunkListener = (member, chunk) -> { };

    private ClusterNode(HazelcastInstance hz, ClusterSettings settings, boolean worker) {
        this.hz = hz;
        this.settings = settings;
        this.worker = worker;
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                events.add(e);
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                events.add(e);
            }
        });
    }

    /** Starts a worker member: it joins (or forms) the cluster and runs chunks on {@code threads} threads. */
    public static ClusterNode worker(ClusterSettings settings) {
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config(settings, false));
        PartStore.serve(hz);
        return new ClusterNode(hz, settings, true);
    }

    /** Joins as the session's coordinator (a lite member: no data, no items). */
    public static ClusterNode coordinator(ClusterSettings settings) {
        return new ClusterNode(Hazelcast.newHazelcastInstance(config(settings, true)), settings, false);
    }

    /** The Hazelcast configuration of a member: named cluster, listed members, bound interface, no Java objects. */
    static Config config(ClusterSettings s, boolean lite) {
        HAZELCAST_LOG.setLevel(Level.WARNING);
        FACTORY_LOG.setLevel(Level.SEVERE);
        Config c = new Config();
        c.setClusterName(s.name());
        c.setLiteMember(lite);
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.wait.seconds.before.join", "1");
        c.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        defaultProperty(c, "hazelcast.heartbeat.interval.seconds", "1");
        // a killed member is noticed within this time; its chunks then run elsewhere
        defaultProperty(c, "hazelcast.max.no.heartbeat.seconds", "10");
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(s.port() == 0 ? ClusterSettings.FIRST_PORT : s.port()).setPortAutoIncrement(s.port() == 0);
        n.getInterfaces().setEnabled(true).addInterface(s.networkInterface());
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true).setMembers(new ArrayList<>(s.members()));
        c.getMemberAttributeConfig().setAttribute(THREADS, String.valueOf(s.threads()));
        c.getExecutorConfig(EXECUTOR).setPoolSize(s.threads());
        c.getMapConfig(PartStore.MAP).setBackupCount(1).setMaxIdleSeconds(3600);
        // the shared result cache: bounded per worker, least recently used groups (programs) evicted first
        c.getMapConfig(SharedCache.PREFIX + "*").setBackupCount(1).setEvictionConfig(new EvictionConfig()
                .setEvictionPolicy(EvictionPolicy.LRU).setMaxSizePolicy(MaxSizePolicy.USED_HEAP_SIZE)
                .setSize(s.cacheMegabytes()));
        c.getSerializationConfig().getCompactSerializationConfig().addSerializer(new Chunk.Serializer());
        // Java deserialization only for Hazelcast's own allowlist (java.*, com.hazelcast.*): no ARC Lab class is Java-serialized
        c.getSerializationConfig().setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
        return c;
    }

    private static void defaultProperty(Config c, String name, String value) {
        if (System.getProperty(name) == null) {
            c.setProperty(name, value);
        }
    }

    public ClusterSettings settings() {
        return settings;
    }

    public boolean isWorker() {
        return worker;
    }

    /** This member's address, HOST:PORT. */
    public String address() {
        return address(hz.getCluster().getLocalMember());
    }

    private static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    /** A member of the cluster as {@code %cluster} shows it. */
    public record MemberInfo(String address, boolean worker, int threads, boolean local) {
    }

    public List<MemberInfo> members() {
        List<MemberInfo> out = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            out.add(new MemberInfo(address(m), !m.isLiteMember(), threads(m), m.localMember()));
        }
        return out;
    }

    /** Worker members (not lite), in the cluster's order. */
    private List<Member> workers() {
        return hz.getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).toList();
    }

    private static int threads(Member m) {
        String t = m.getAttribute(THREADS);
        try {
            return t == null ? 1 : Math.max(1, Integer.parseInt(t));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Called with (member address, chunk index) each time a chunk's results are accepted (for tests and progress). */
    public void onChunk(BiConsumer<String, Integer> listener) {
        this.chunkListener = listener == null ? (member, chunk) -> { } : listener;
    }

    /** Blocks until the cluster has {@code n} worker members (or the time runs out); returns whether it has. */
    public boolean awaitWorkers(int n, long timeout, TimeUnit unit) throws InterruptedException {
        return awaitMembers(m -> m.stream().filter(MemberInfo::worker).count() >= n, timeout, unit);
    }

    /** Blocks until the members satisfy {@code condition} (or the time runs out); returns whether they do. */
    public boolean awaitMembers(java.util.function.Predicate<List<MemberInfo>> condition, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!condition.test(members())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
        }
        return true;
    }

    private record Done(int chunk, UUID member, String address, byte[] result, Throwable failure) {
    }

    @Override
    public WorkerPool.Mapped<byte[]> map(RemoteWork.Kind kind, List<byte[]> parts, List<byte[]> items,
            AtomicBoolean cancelled, PhaseTimer timer) {
        if (worker) {
            throw new IllegalStateException("a worker member does not hand out work; join as the coordinator");
        }
        List<byte[]> results = new ArrayList<>(java.util.Collections.nCopies(items.size(), (byte[]) null));
        if (items.isEmpty()) {
            return new WorkerPool.Mapped<>(results, false);
        }
        String[] hashes = putParts(parts, timer);
        int chunkSize = chunkSize(items.size());
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < items.size(); from += chunkSize) {
            ranges.add(new int[] {from, Math.min(items.size(), from + chunkSize)});
        }
        ArrayDeque<Integer> pending = new ArrayDeque<>();
        for (int k = 0; k < ranges.size(); k++) {
            pending.add(k);
        }
        boolean[] done = new boolean[ranges.size()];
        int[] failures = new int[ranges.size()];
        Map<UUID, Integer> inFlight = new HashMap<>();
        Map<String, long[]> perMember = new LinkedHashMap<>();
        BlockingQueue<Object> completions = new LinkedBlockingQueue<>();
        IExecutorService executor = hz.getExecutorService(EXECUTOR);
        int accepted = 0;
        long retried = 0;
        long bytesOut = 0;
        long bytesIn = 0;
        long waitingSince = System.nanoTime();
        events.clear();
        while (accepted < ranges.size()) {
            if (!cancelled.get()) {
                for (Member m : workers()) {
                    int slots = 2 * threads(m);
                    while (!pending.isEmpty() && inFlight.getOrDefault(m.getUuid(), 0) < slots) {
                        int c = pending.poll();
                        Chunk chunk = new Chunk(kind.name(), hashes, Chunk.frame(items.subList(ranges.get(c)[0], ranges.get(c)[1])));
                        bytesOut += chunk.items().length;
                        perMember.computeIfAbsent(address(m), a -> new long[5])[3] += chunk.items().length;
                        inFlight.merge(m.getUuid(), 1, Integer::sum);
                        UUID id = m.getUuid();
                        String addr = address(m);
                        executor.submitToMember(chunk, m, new ExecutionCallback<byte[]>() {
                            @Override
                            public void onResponse(byte[] response) {
                                completions.add(new Done(c, id, addr, response, null));
                            }

                            @Override
                            public void onFailure(Throwable t) {
                                completions.add(new Done(c, id, addr, null, t));
                            }
                        });
                    }
                }
            }
            int flying = inFlight.values().stream().mapToInt(Integer::intValue).sum();
            if (flying == 0 && (cancelled.get() || pending.isEmpty())) {
                break;
            }
            Object next;
            try {
                next = completions.poll(flying == 0 ? 200 : 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                cancelled.set(true);
                Thread.currentThread().interrupt();
                continue;
            }
            if (flying == 0) {
                if (System.nanoTime() - waitingSince > TimeUnit.SECONDS.toNanos(NO_WORKER_SECONDS)) {
                    throw new IllegalStateException("cluster " + settings.name() + ": no worker member for "
                            + NO_WORKER_SECONDS + " s (start one with: arclab worker --cluster " + settings.name() + ")");
                }
                continue;
            }
            waitingSince = System.nanoTime();
            if (!(next instanceof Done d)) {
                continue;
            }
            inFlight.merge(d.member(), -1, Integer::sum);
            if (d.failure() != null) {
                boolean stillThere = workers().stream().anyMatch(m -> m.getUuid().equals(d.member()));
                // a member being killed may fail its chunks before the cluster has noticed it is gone: any failure
                // runs the chunk again, but one that fails where members stay up is the work's own fault
                if (stillThere && !isMemberGone(d.failure()) && ++failures[d.chunk()] >= MAX_FAILURES) {
                    throw new IllegalStateException("cluster " + settings.name() + ": a " + kind + " chunk failed "
                            + MAX_FAILURES + " times, last on " + d.address() + ": " + d.failure(), d.failure());
                }
                // the member left (or was killed) with this chunk: it runs again elsewhere
                pending.addFirst(d.chunk());
                retried++;
                continue;
            }
            if (done[d.chunk()]) {
                continue;
            }
            done[d.chunk()] = true;
            accepted++;
            Chunk.Result r = Chunk.Result.read(d.result());
            int from = ranges.get(d.chunk())[0];
            for (int k = 0; k < r.results().size(); k++) {
                results.set(from + k, r.results().get(k));
            }
            bytesIn += d.result().length;
            long[] s = perMember.computeIfAbsent(d.address(), a -> new long[5]);
            s[0] += r.results().size();
            s[1] += r.busyNanos();
            s[2] += r.cpuNanos();
            s[4] += d.result().length;
            timer.measured(d.address(), System.nanoTime(), r.busyNanos(), r.cpuNanos());
            chunkListener.accept(d.address(), d.chunk());
        }
        timer.count("cluster.items", items.size());
        timer.count("cluster.chunks", ranges.size());
        timer.count("cluster.chunks.retried", retried);
        timer.count("cluster.bytes.sent", bytesOut);
        timer.count("cluster.bytes.received", bytesIn);
        for (Map.Entry<String, long[]> e : perMember.entrySet()) {
            String p = "cluster.member." + e.getKey() + ".";
            timer.count(p + "items", e.getValue()[0]);
            timer.count(p + "busyNanos", e.getValue()[1]);
            timer.count(p + "cpuNanos", e.getValue()[2]);
            timer.count(p + "bytes.sent", e.getValue()[3]);
            timer.count(p + "bytes.received", e.getValue()[4]);
        }
        return new WorkerPool.Mapped<>(results, accepted < ranges.size());
    }

    /**
     * The cluster's shared result cache in front of the session's {@code local} one ({@link SharedCache}):
     * results any coordinator of this cluster computed are not computed again, and every result the
     * session uses is also kept in {@code local}.
     */
    @Override
    public ResultCache share(ResultCache local) {
        if (worker) {
            throw new IllegalStateException("a worker member does not run phases; join as the coordinator");
        }
        return local instanceof SharedCache s ? s : new SharedCache(hz, local);
    }

    private static boolean isMemberGone(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String n = c.getClass().getSimpleName();
            if (n.equals("MemberLeftException") || n.equals("TargetNotMemberException")
                    || n.equals("HazelcastInstanceNotActiveException") || n.equals("TargetDisconnectedException")) {
                return true;
            }
        }
        return false;
    }

    /** Items per chunk: the setting, else about four chunks per worker thread, at most 64 items. */
    int chunkSize(int items) {
        if (settings.itemsPerChunk() > 0) {
            return settings.itemsPerChunk();
        }
        int threads = Math.max(1, workers().stream().mapToInt(ClusterNode::threads).sum());
        return (int) Math.max(1, Math.min(64, Math.ceil(items / (4.0 * threads))));
    }

    /** Puts the parts the cluster does not have yet into the part map; returns their hashes. */
    private String[] putParts(List<byte[]> parts, PhaseTimer timer) {
        IMap<String, byte[]> map = hz.getMap(PartStore.MAP);
        String[] hashes = new String[parts.size()];
        long sent = 0;
        for (int k = 0; k < hashes.length; k++) {
            byte[] p = parts.get(k);
            hashes[k] = Hashing.sha256().hashBytes(p).toString();
            if (!partsPut.contains(hashes[k]) || !map.containsKey(hashes[k])) {
                map.set(hashes[k], p);
                partsPut.add(hashes[k]);
                sent += p.length;
            }
        }
        timer.count("cluster.bytes.parts", sent);
        return hashes;
    }

    /** Blocks until this member shuts down (Ctrl-C runs Hazelcast's shutdown hook). */
    public void awaitShutdown() throws InterruptedException {
        java.util.concurrent.CountDownLatch down = new java.util.concurrent.CountDownLatch(1);
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.SHUTDOWN) {
                down.countDown();
            }
        });
        if (hz.getLifecycleService().isRunning()) {
            down.await();
        }
    }

    /** Leaves the cluster (a worker stops taking chunks; the others carry on). */
    @Override
    public void close() {
        hz.shutdown();
    }

    @Override
    public String toString() {
        return (worker ? "worker " : "coordinator ") + address() + " of cluster " + settings.name() + ", "
                + workers().size() + " worker(s): " + Arrays.toString(members().stream().map(MemberInfo::address).toArray());
    }
}
