package dev.arclab.task;

import dev.arclab.dsl.Grid;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The bundled tasks pre-parsed into one binary resource ({@value TaskLoader#BUNDLED_PACK}), made at build time
 * ({@link #main}, run by Maven in {@code process-classes}) from the JSON files it stands for, so that
 * {@link TaskLoader#bundled()} reads one small stream at a start instead of parsing 400 JSON files (most of a short
 * command's start, and of a kernel's first {@code %tasks}). It gives exactly the tasks the JSON gives (a test compares
 * every one); a pack that is damaged, cut short, of another format version, or made from other JSON than the files
 * beside it (its {@link SourceDigest}) is refused with the reason ({@link Unusable}), and the loader parses the JSON.
 * User task folders and files are always read as JSON.
 *
 * <p>Format (big-endian): the magic {@code ARCTASKS}, the format version (int), the {@link SourceDigest} of the JSON it
 * was made from (files: int, bytes: long, CRC-32 of their contents in order: int), the number of tasks (int), then per
 * task its id (a length byte and ASCII), its demo pair count and test pair count (a byte each) and its pairs: the input
 * grid, then (test pairs: after a byte 1, or a byte 0 when unknown) the output grid; a grid is its rows and columns (a
 * byte each, 1..30) and one byte per cell (0..9), row by row. Last, the CRC-32 of everything before it (int).
 */
public final class TaskPack {
    /** Bumped whenever the layout changes: a pack of another version is refused (and the JSON parsed). */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "ARCTASKS".getBytes(StandardCharsets.US_ASCII);

    private TaskPack() {
    }

    /** Why a pack cannot be used: damaged, truncated, another version, or made from other JSON. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String why) {
            super(why);
        }
    }

    /**
     * What identifies the JSON a pack was made from: the number of files (the index first, then each task file in
     * index order), their total bytes, and the CRC-32 of their sizes and CRC-32s in that order. A file's size and CRC-32
     * are what a jar's directory records for it, so that the JVM's start does not read 400 entries to check the pack
     * ({@link #ofJar}); from a folder they are computed from the contents ({@link #of}), to the same digest.
     */
    public record SourceDigest(int files, long bytes, int crc) {
        /**
         * The digest of the bundled set's JSON as {@code read} gives it: {@code read} maps a resource name
         * ({@link TaskLoader#BUNDLED_DIR}{@code index.txt}, {@code ...<id>.json}) to its bytes.
         */
        static SourceDigest of(Function<String, byte[]> read) {
            Builder b = new Builder();
            byte[] index = read.apply(TaskLoader.BUNDLED_DIR + "index.txt");
            b.add(index);
            for (String id : TaskLoader.bundledIds(index)) {
                b.add(read.apply(TaskLoader.BUNDLED_DIR + id + ".json"));
            }
            return b.digest();
        }

        /**
         * The digest of the bundled set's JSON in a jar, from the sizes and CRC-32s its directory records (only
         * {@code index.txt} is read).
         *
         * @throws IOException if an entry is missing or records no size or CRC
         */
        static SourceDigest ofJar(ZipFile jar) throws IOException {
            Builder b = new Builder();
            ZipEntry indexEntry = entry(jar, TaskLoader.BUNDLED_DIR + "index.txt");
            byte[] index;
            try (InputStream in = jar.getInputStream(indexEntry)) {
                index = in.readAllBytes();
            }
            b.add(index);
            for (String id : TaskLoader.bundledIds(index)) {
                ZipEntry e = entry(jar, TaskLoader.BUNDLED_DIR + id + ".json");
                b.add(e.getSize(), (int) e.getCrc());
            }
            return b.digest();
        }

        private static ZipEntry entry(ZipFile jar, String name) throws IOException {
            ZipEntry e = jar.getEntry(name);
            if (e == null || e.getSize() < 0 || e.getCrc() < 0) {
                throw new IOException(jar.getName() + " has no entry " + name + " with its size and CRC");
            }
            return e;
        }

        private static final class Builder {
            private final CRC32 crc = new CRC32();
            private final ByteBuffer entry = ByteBuffer.allocate(12);
            private int files;
            private long bytes;

            void add(byte[] contents) {
                CRC32 c = new CRC32();
                c.update(contents);
                add(contents.length, (int) c.getValue());
            }

            void add(long size, int fileCrc) {
                entry.clear();
                entry.putLong(size).putInt(fileCrc);
                crc.update(entry.array());
                files++;
                bytes += size;
            }

            SourceDigest digest() {
                return new SourceDigest(files, bytes, (int) crc.getValue());
            }
        }
    }

    /** The pack of {@code tasks}, made from the JSON that {@code source} identifies. */
    public static byte[] write(List<Task> tasks, SourceDigest source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(source.files());
            out.writeLong(source.bytes());
            out.writeInt(source.crc());
            out.writeInt(tasks.size());
            for (Task t : tasks) {
                byte[] id = t.id().getBytes(StandardCharsets.US_ASCII); // a valid id is ASCII, 1..128 characters
                out.writeByte(id.length);
                out.write(id);
                out.writeByte(count(t.demo().size(), t.id()));
                out.writeByte(count(t.test().size(), t.id()));
                for (Example e : t.demo()) {
                    grid(out, e.input(), t.id());
                    grid(out, e.output(), t.id());
                }
                for (Example e : t.test()) {
                    grid(out, e.input(), t.id());
                    out.writeByte(e.hasOutput() ? 1 : 0);
                    if (e.hasOutput()) {
                        grid(out, e.output(), t.id());
                    }
                }
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static int count(int n, String id) {
        if (n < 1 || n > 255) {
            throw new IllegalArgumentException("task " + id + ": " + n + " pairs cannot be packed (1..255)");
        }
        return n;
    }

    private static void grid(DataOutputStream out, Grid g, String id) throws IOException {
        if (g.rows() < 1 || g.rows() > TaskParser.MAX_SIDE || g.cols() < 1 || g.cols() > TaskParser.MAX_SIDE) {
            throw new IllegalArgumentException("task " + id + ": a " + g.rows() + "x" + g.cols() + " grid cannot be packed");
        }
        out.writeByte(g.rows());
        out.writeByte(g.cols());
        for (int c : g.cells()) {
            if (c < 0 || c > 9) {
                throw new IllegalArgumentException("task " + id + ": colour " + c + " cannot be packed");
            }
            out.writeByte(c);
        }
    }

    /**
     * The tasks of a pack, if it is whole (its CRC), of this format {@link #VERSION}, made from the JSON that
     * {@code expected} identifies, and every grid and id in it is valid.
     *
     * @throws Unusable saying why it is not
     */
    public static List<Task> read(byte[] pack, SourceDigest expected) throws Unusable {
        int headerBytes = MAGIC.length + 4 + 4 + 8 + 4 + 4;
        if (pack.length < headerBytes + 4) {
            throw new Unusable("cut short: " + pack.length + " bytes");
        }
        if (!Arrays.equals(pack, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Unusable("not a task pack (no ARCTASKS at its start)");
        }
        CRC32 crc = new CRC32();
        crc.update(pack, 0, pack.length - 4);
        ByteBuffer in = ByteBuffer.wrap(pack);
        if (in.getInt(pack.length - 4) != (int) crc.getValue()) {
            throw new Unusable("damaged or cut short: its CRC-32 does not match its contents");
        }
        in.limit(pack.length - 4).position(MAGIC.length);
        try {
            int version = in.getInt();
            if (version != VERSION) {
                throw new Unusable("format version " + version + ", this code reads " + VERSION);
            }
            SourceDigest made = new SourceDigest(in.getInt(), in.getLong(), in.getInt());
            if (!made.equals(expected)) {
                throw new Unusable("stale: made from other JSON (" + made + ") than the files beside it (" + expected + ")");
            }
            int n = in.getInt();
            if (n < 0 || n > pack.length) {
                throw new Unusable("bad task count " + n);
            }
            List<Task> tasks = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                byte[] id = new byte[in.get() & 0xff];
                in.get(id);
                String taskId = new String(id, StandardCharsets.US_ASCII);
                if (!Task.isValidId(taskId)) {
                    throw new Unusable("bad task id at task " + k);
                }
                int demos = in.get() & 0xff;
                int tests = in.get() & 0xff;
                if (demos < 1 || tests < 1) {
                    throw new Unusable("task " + taskId + ": no demo or no test pairs");
                }
                List<Example> demo = new ArrayList<>(demos);
                for (int i = 0; i < demos; i++) {
                    Grid input = grid(in, taskId);
                    demo.add(new Example(input, grid(in, taskId)));
                }
                List<Example> test = new ArrayList<>(tests);
                for (int i = 0; i < tests; i++) {
                    Grid input = grid(in, taskId);
                    int known = in.get();
                    if (known != 0 && known != 1) {
                        throw new Unusable("task " + taskId + ": bad output flag " + known);
                    }
                    test.add(new Example(input, known == 1 ? grid(in, taskId) : null));
                }
                tasks.add(new Task(taskId, demo, test));
            }
            if (in.hasRemaining()) {
                throw new Unusable(in.remaining() + " bytes left over after the last task");
            }
            return tasks;
        } catch (BufferUnderflowException e) {
            throw new Unusable("cut short in the middle of a task");
        }
    }

    private static Grid grid(ByteBuffer in, String id) throws Unusable {
        int rows = in.get() & 0xff;
        int cols = in.get() & 0xff;
        if (rows < 1 || rows > TaskParser.MAX_SIDE || cols < 1 || cols > TaskParser.MAX_SIDE) {
            throw new Unusable("task " + id + ": bad grid size " + rows + "x" + cols);
        }
        int[] cells = new int[rows * cols];
        if (in.remaining() < cells.length) {
            throw new BufferUnderflowException();
        }
        // straight from the array: a start runs this loop in the interpreter, where a call per cell would cost
        byte[] b = in.array();
        int at = in.position();
        int bad = 0;
        for (int i = 0; i < cells.length; i++) {
            int c = b[at + i];
            bad |= c | (9 - c); // negative if c < 0 or c > 9
            cells[i] = c;
        }
        if (bad < 0) {
            throw new Unusable("task " + id + ": a colour outside 0..9");
        }
        in.position(at + cells.length);
        return Grid.wrap(rows, cols, cells);
    }

    /**
     * Makes the pack of the bundled tasks in a build's class folder: {@code TaskPack CLASSES_DIR} reads
     * {@code CLASSES_DIR/}{@value TaskLoader#BUNDLED_DIR} (parsed strictly, as {@link TaskLoader#bundled()} parses it
     * without a pack) and writes {@code CLASSES_DIR/}{@value TaskLoader#BUNDLED_PACK} (a temporary file, then a
     * rename). Maven runs it after compiling ({@code lib/pom.xml}, {@code process-classes}).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TaskPack CLASSES_DIR (writes CLASSES_DIR/" + TaskLoader.BUNDLED_PACK + ")");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Function<String, byte[]> read = name -> {
            try {
                return Files.readAllBytes(root.resolve(name));
            } catch (IOException e) {
                throw new TaskLoadException("cannot read " + root.resolve(name) + ": " + e);
            }
        };
        List<Task> tasks = TaskLoader.parseBundledJson(read).tasks();
        byte[] pack = write(tasks, SourceDigest.of(read));
        Path out = root.resolve(TaskLoader.BUNDLED_PACK);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, pack);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("TaskPack: " + tasks.size() + " bundled tasks, " + pack.length + " bytes: " + out);
    }
}
