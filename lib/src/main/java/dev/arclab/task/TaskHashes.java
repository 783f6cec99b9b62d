package dev.arclab.task;

import dev.arclab.dsl.Grid;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Content hashes of tasks: SHA-256 over a canonical binary encoding, so they depend on the grids only,
 * never on JSON key order, whitespace, extra keys or the file a task came from. Caches key on them, so
 * the encoding is frozen: changing it invalidates every cache.
 *
 * <p>Encoding (all integers 4-byte big-endian): a domain tag (the ASCII bytes of {@code "arclab:demo:1"}
 * or {@code "arclab:task:1"}), then for the demo hash: the number of demo pairs and each pair's input and
 * output grid; for the task hash, the same demo part followed by the number of test pairs and, for each,
 * its input grid, a byte 1 and the output grid when it is known, or a byte 0 when it is not. A grid is its
 * row count, its column count and its cells in row-major order.
 *
 * <p>The task id is not part of either hash: they identify content, and the same puzzle under two ids
 * hashes the same. The demo hash is separate because results keyed on it stay valid whatever the test
 * pairs are (and test outputs are never used before {@code predict}).
 */
public final class TaskHashes {
    private static final byte[] DEMO_TAG = "arclab:demo:1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TASK_TAG = "arclab:task:1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private TaskHashes() {
    }

    /** SHA-256 hex of the demo pairs of {@code task}. */
    public static String demoHash(Task task) {
        MessageDigest md = sha256();
        md.update(DEMO_TAG);
        demo(md, task.demo());
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 hex of the whole task: demo pairs, test inputs and the test outputs that are known. */
    public static String taskHash(Task task) {
        MessageDigest md = sha256();
        md.update(TASK_TAG);
        demo(md, task.demo());
        md.update(intBytes(task.test().size()));
        for (Example e : task.test()) {
            grid(md, e.input());
            if (e.hasOutput()) {
                md.update((byte) 1);
                grid(md, e.output());
            } else {
                md.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 hex of one grid (tag {@code "arclab:grid:1"}, then the grid encoding). */
    public static String gridHash(Grid grid) {
        MessageDigest md = sha256();
        md.update("arclab:grid:1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        grid(md, grid);
        return HexFormat.of().formatHex(md.digest());
    }

    private static void demo(MessageDigest md, List<Example> demo) {
        md.update(intBytes(demo.size()));
        for (Example e : demo) {
            grid(md, e.input());
            grid(md, e.output());
        }
    }

    private static void grid(MessageDigest md, Grid g) {
        int[] cells = g.cells();
        ByteBuffer buf = ByteBuffer.allocate(8 + 4 * cells.length);
        buf.putInt(g.rows()).putInt(g.cols());
        for (int c : cells) {
            buf.putInt(c);
        }
        md.update(buf.array());
    }

    private static byte[] intBytes(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
