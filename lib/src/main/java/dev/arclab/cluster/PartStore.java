package dev.arclab.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.arclab.pipeline.RemoteWork;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A worker JVM's decoded parts (tasks, batches, program lists), by content hash: fetched from the
 * cluster's part map the first time a chunk needs one, then reused by every chunk of the iteration.
 * Keeps the most recently used few (a batch is per iteration; the tasks per session).
 */
final class PartStore {
    static final String MAP = "arclab.parts";
    private static final int KEEP = 16;
    static final long WAIT_SECONDS = 30;
    private static volatile PartStore local;

    private final HazelcastInstance hz;
    private final Map<String, Object> decoded = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > KEEP;
        }
    };

    private PartStore(HazelcastInstance hz) {
        this.hz = hz;
    }

    private static final CountDownLatch SERVED = new CountDownLatch(1);

    /** Makes {@code hz} the instance this JVM's chunks read parts through (its worker member). */
    static void serve(HazelcastInstance hz) {
        local = new PartStore(hz);
        SERVED.countDown();
    }

    /**
     * The part store of this JVM's worker member. A worker is a member of the cluster (and may be sent chunks)
     * a moment before {@link #serve} has run: a chunk then waits for it, up to {@link #WAIT_SECONDS}.
     */
    static PartStore local() {
        PartStore s = local;
        if (s == null) {
            try {
                SERVED.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s = local;
            if (s == null) {
                throw new IllegalStateException("this JVM runs no ARC Lab worker member");
            }
        }
        return s;
    }

    RemoteWork.Parts resolver(String[] hashes) {
        return new RemoteWork.Parts() {
            @Override
            public <T> T get(int index, String decodedAs, Function<byte[], T> decode) {
                if (index < 0 || index >= hashes.length) {
                    throw new IllegalArgumentException("chunk has " + hashes.length + " parts, no part " + index);
                }
                return part(hashes[index], decodedAs, decode);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T part(String hash, String decodedAs, Function<byte[], T> decode) {
        String key = hash + "/" + decodedAs;
        Object v = decoded.get(key);
        if (v == null) {
            IMap<String, byte[]> parts = hz.getMap(MAP);
            byte[] bytes = parts.get(hash);
            if (bytes == null) {
                throw new IllegalStateException("part " + hash + " is not in the cluster's part map");
            }
            v = decode.apply(bytes);
            decoded.put(key, v);
        }
        return (T) v;
    }
}
