package dev.arclab.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mapdb.BTreeMap;
import org.mapdb.DBException;

/**
 * The store's file as the file system sees it: checks before opening (a dangling link, permissions),
 * the repair marker, leftovers of an interrupted compaction, and the words for what went wrong.
 */
final class StoreFile {
    private StoreFile() {
    }

    /**
     * Refuses, with a message naming the file, a store that must be left alone: a dangling symbolic
     * link, or a file (or, for a new file, a folder) this user cannot write.
     */
    static void check(Path file) {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException e) {
                target = "?";
            }
            throw new StoreUnavailableException(file + " is a symbolic link to " + target + ", which does not exist; "
                    + "it is left as it is");
        }
        if (Files.exists(file)) {
            if (Files.isRegularFile(file) && (!Files.isReadable(file) || !Files.isWritable(file))) {
                throw new StoreUnavailableException("permission denied: " + file + " is not "
                        + (Files.isReadable(file) ? "writable" : "readable") + " by this user; it is left as it is");
            }
        } else {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && Files.isDirectory(dir) && !Files.isWritable(dir)) {
                throw new StoreUnavailableException("permission denied: cannot create " + file + " (the folder is not "
                        + "writable by this user)");
            }
        }
    }

    /** Whether {@code e} (or a cause) says access was denied. */
    static boolean permissionDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("Permission denied") || m.contains("Read-only file system"))) {
                return true;
            }
        }
        return false;
    }

    /** Why a write failed, in a few words: the file system's reason when one is given. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("No space left on device")) {
                return "no space left on device";
            }
            if (t instanceof AccessDeniedException) {
                return "permission denied: " + m;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DBException.VolumeEOF || t instanceof DBException.VolumeIOError
                    || t instanceof DBException.VolumeMaxSizeExceeded) {
                return "the file could not grow, is the disk full? " + describe(t);
            }
        }
        return describe(e);
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 160 ? m.substring(0, 160) + "..." : m));
    }

    /** {@code cache.db.repair}: present while the store needs checking at its next open. */
    static Path repairMarker(Path file) {
        return file.resolveSibling(file.getFileName() + ".repair");
    }

    /** Leaves the repair marker (an empty file: it needs no disk blocks); a failure is ignored. */
    static void markForRepair(Path file) {
        try {
            Path m = repairMarker(file);
            if (!Files.exists(m)) {
                Files.createFile(m);
            }
        } catch (IOException | RuntimeException e) {
            // the next open finds the damage at its first commit instead
        }
    }

    /** Removes what an interrupted compaction left: {@code cache.db.compact} and its write-ahead logs. */
    static void deleteLeftovers(Path file) {
        Path compact = file.resolveSibling(file.getFileName() + ".compact");
        deleteQuietly(compact);
        deleteWals(compact);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // left behind; the next open tries again
        }
    }

    /** Deletes {@code file.wal.N}. */
    static void deleteWals(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file.getFileName() + ".wal.";
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                deleteQuietly(p);
            }
        } catch (IOException | RuntimeException e) {
            // nothing to delete
        }
    }

    /** The entries of a MapDB tree map that can be read, stopping at damage in its structure. */
    static <K, V> List<Map.Entry<K, V>> readable(BTreeMap<K, V> map) {
        List<Map.Entry<K, V>> out = new ArrayList<>();
        try {
            Iterator<Map.Entry<K, V>> it = map.entryIterator();
            while (it.hasNext()) {
                Map.Entry<K, V> e = it.next();
                out.add(Map.entry(e.getKey(), e.getValue()));
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // what was read before the damage stays
        }
        return out;
    }

    static String size(long bytes) {
        return CacheOptions.formatSize(bytes);
    }

    /** Whether {@code p} exists as itself (a link is not followed). */
    static boolean present(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
