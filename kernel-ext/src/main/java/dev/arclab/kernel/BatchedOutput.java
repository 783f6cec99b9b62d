package dev.arclab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cell's stdout and stderr, sent to the front end in batches instead of one message per {@code println}: text
 * waits until {@link #FLUSH_MILLIS} have passed or {@link #FLUSH_BYTES} are pending (whichever comes first), then
 * goes out as one stream message; the order of stdout and stderr text is kept. Nothing is dropped silently: past
 * {@code limitBytes} in one cell the rest is counted, not sent, and {@link #close()} says how much was left out.
 */
final class BatchedOutput implements AutoCloseable {
    /** Pending text goes out at least this often. */
    static final long FLUSH_MILLIS = 50;
    /** Pending text goes out at once when this much is waiting. */
    static final int FLUSH_BYTES = 64 * 1024;
    /** The default limit of one cell's output (bytes); {@code -Darclab.maxCellOutput=BYTES} changes it. */
    static final long DEFAULT_LIMIT = 64L * 1024 * 1024;

    /** Where batches go: the stream's name ("stdout" or "stderr") and its text. */
    interface Sink {
        void send(String stream, String text);
    }

    private final Sink sink;
    private final long limitBytes;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> tick;
    private final PrintStream out;
    private final PrintStream err;
    private String pendingStream;
    private long sentBytes;
    private long droppedBytes;
    private boolean closed;

    BatchedOutput(Sink sink) {
        this(sink, Long.getLong("arclab.maxCellOutput", DEFAULT_LIMIT));
    }

    BatchedOutput(Sink sink, long limitBytes) {
        this.sink = sink;
        this.limitBytes = limitBytes;
        this.out = new PrintStream(new Stream("stdout"), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Stream("stderr"), true, StandardCharsets.UTF_8);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arclab-output-batcher");
            t.setDaemon(true);
            return t;
        });
        this.tick = timer.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    private final class Stream extends OutputStream {
        private final String name;

        Stream(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            append(name, b, off, len);
        }
    }

    private synchronized void append(String stream, byte[] b, int off, int len) {
        if (closed) {
            return;
        }
        long room = limitBytes - sentBytes - pending.size();
        if (room < len) {
            droppedBytes += len - Math.max(0, room);
            len = (int) Math.max(0, room);
            if (len == 0) {
                return;
            }
        }
        if (pendingStream != null && !pendingStream.equals(stream)) {
            flush();
        }
        pendingStream = stream;
        pending.write(b, off, len);
        if (pending.size() >= FLUSH_BYTES) {
            flush();
        }
    }

    /** Sends what is pending now (whole characters only: a split UTF-8 sequence waits for its end). */
    synchronized void flush() {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        int whole = closed ? bytes.length : wholeUtf8Length(bytes);
        if (whole == 0) {
            return;
        }
        pending.reset();
        pending.write(bytes, whole, bytes.length - whole);
        sentBytes += whole;
        sink.send(pendingStream, new String(bytes, 0, whole, StandardCharsets.UTF_8));
    }

    /** The length of the longest prefix that ends on a character boundary. */
    static int wholeUtf8Length(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xFF;
            if ((c & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead byte
            }
            int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }

    /** Bytes left out because the cell passed its limit. */
    synchronized long droppedBytes() {
        return droppedBytes;
    }

    /** Sends what is pending, stops the timer and, if output was left out, says so on stderr. */
    @Override
    public void close() {
        tick.cancel(false);
        timer.shutdownNow();
        synchronized (this) {
            out.flush();
            err.flush();
            closed = true;
            flush();
            if (droppedBytes > 0) {
                sink.send("stderr", String.format(java.util.Locale.ROOT,
                        "%n[ARC Lab: %,d bytes of output were left out: one cell shows at most %,d bytes"
                                + " (-Darclab.maxCellOutput=BYTES in the kernelspec's argv changes it)]%n",
                        droppedBytes, limitBytes));
            }
        }
    }
}
