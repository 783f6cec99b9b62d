package dev.arclab.pipeline;

import dev.arclab.cache.ResultCache;
import dev.arclab.work.WorkerPool;
import dev.arclab.profile.PhaseTimer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a phase's work items in other JVMs instead of the local {@link WorkerPool}: what a phase's map
 * of items goes through when the session has joined a cluster ({@code dev.arclab.cluster}). The parts
 * (data every item needs) travel once each, by content hash; results come back in item order, so a
 * phase builds the same result records as from a local map.
 */
public interface Distributor {

    /**
     * Runs {@code kind} on every item and returns each item's result bytes in item order (null where the
     * map was cancelled before the item ran). Counters about the distribution (items, bytes, busy time
     * per member) go to {@code timer}.
     */
    WorkerPool.Mapped<byte[]> map(RemoteWork.Kind kind, List<byte[]> parts, List<byte[]> items, AtomicBoolean cancelled,
            PhaseTimer timer);

    /**
     * The result cache the phases use while this distributor is set: {@code local} itself, or a cache the
     * other machines share in front of it that also keeps in {@code local} every result the session uses.
     */
    default ResultCache share(ResultCache local) {
        return local;
    }
}
