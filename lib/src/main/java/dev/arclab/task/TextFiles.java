package dev.arclab.task;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text files a user gives (task files, bundles, solver files) with errors that name the file
 * and say what is wrong: a folder instead of a file, a file past the size limit, or bytes that are not
 * UTF-8, with the byte offset of the first bad one.
 */
public final class TextFiles {

    /**
     * The largest text file read: 64 MB. ARC's largest bundle (ARC-AGI-2 training challenges) is about a
     * tenth of that; a larger file would need several times its size in heap to parse.
     */
    public static final long MAX_BYTES = 64L << 20;

    private TextFiles() {
    }

    /** Why a file cannot be read: the message names the file. */
    public static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }

    /**
     * The UTF-8 text of {@code file}.
     *
     * @throws Unreadable for a folder, a file past {@link #MAX_BYTES}, or bytes that are not UTF-8 (with
     *         the offset of the first bad byte)
     * @throws IOException when the file cannot be read
     */
    public static String readUtf8(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new Unreadable(file + " is a folder, not a file");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new Unreadable(String.format(Locale.ROOT, "%s is too large: %d bytes, past the limit of %d MB", file, size,
                    MAX_BYTES >> 20));
        }
        return decode(file, Files.readAllBytes(file));
    }

    /** Decodes UTF-8, naming {@code file} and the byte offset of the first invalid byte. */
    public static String decode(Path file, byte[] bytes) throws Unreadable {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            throw new Unreadable(String.format(Locale.ROOT, "%s is not UTF-8 text: invalid byte 0x%02X at byte offset %d",
                    file, bytes[at] & 0xff, at));
        }
        r = d.flush(out);
        out.flip();
        return out.toString();
    }
}
