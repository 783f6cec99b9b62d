package dev.arclab.cluster;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.arclab.cache.Bytes;
import dev.arclab.pipeline.RemoteWork;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A chunk of work items as it travels to a member: the kind of work, the content hashes of its parts
 * (fetched once per member from the cluster's part map) and the items, framed in one byte array. A
 * plain record with its own compact serializer: nothing in it is Java-serialized. Running it on a
 * worker gives the framed results with the chunk's busy and CPU time.
 */
public record Chunk(String kind, String[] parts, byte[] items) implements Callable<byte[]> {

    /** Frames items: count, then each as length and bytes. */
    static byte[] frame(List<byte[]> items) {
        Bytes.Out out = new Bytes.Out();
        out.varInt(items.size());
        for (byte[] b : items) {
            out.varInt(b.length).write(b);
        }
        return out.toArray();
    }

    static List<byte[]> unframe(Bytes.In in) {
        int n = in.count(1 << 24);
        List<byte[]> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(in.bytes(in.count(1 << 30)));
        }
        return out;
    }

    /** What a worker sends back: busy and CPU nanoseconds of the chunk, then the framed results. */
    record Result(long busyNanos, long cpuNanos, List<byte[]> results) {
        static Result read(byte[] b) {
            Bytes.In in = new Bytes.In(b);
            long busy = in.varLong();
            long cpu = in.varLong();
            return new Result(busy, cpu, unframe(in));
        }
    }

    @Override
    public byte[] call() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        RemoteWork.Kind k = RemoteWork.Kind.valueOf(kind);
        RemoteWork.Parts resolved = PartStore.local().resolver(parts);
        List<byte[]> in = unframe(new Bytes.In(items));
        List<byte[]> out = new ArrayList<>(in.size());
        for (byte[] item : in) {
            out.add(k == RemoteWork.Kind.SEARCH ? ClusterSearch.run(resolved, item) : RemoteWork.run(k, resolved, item));
        }
        byte[] framed = frame(out);
        Bytes.Out result = new Bytes.Out(framed.length + 20);
        result.varLong(System.nanoTime() - t0).varLong(Math.max(0, mx.getCurrentThreadCpuTime() - cpu0)).write(framed);
        return result.toArray();
    }

    /** The chunk's compact serializer: three plain fields. */
    static final class Serializer implements CompactSerializer<Chunk> {
        @Override
        public Chunk read(CompactReader reader) {
            return new Chunk(reader.readString("kind"), reader.readArrayOfString("parts"), reader.readArrayOfInt8("items"));
        }

        @Override
        public void write(CompactWriter writer, Chunk chunk) {
            writer.writeString("kind", chunk.kind());
            writer.writeArrayOfString("parts", chunk.parts());
            writer.writeArrayOfInt8("items", chunk.items());
        }

        @Override
        public String getTypeName() {
            return "arclab.Chunk";
        }

        @Override
        public Class<Chunk> getCompactClass() {
            return Chunk.class;
        }
    }
}
