package dev.arclab.cache;

/**
 * Where tests inject faults into the store: every write to MapDB (a record put or removed, a commit)
 * and the opening of the file pass {@link #at}, which runs the installed hook; a hook that throws (as
 * MapDB does when the disk is full: {@code DBException.VolumeIOError}, {@code VolumeEOF}) makes that
 * write fail at exactly that point. No hook is installed outside tests, and then this costs one read
 * of a volatile field per write.
 */
final class StoreFaults {

    /** The kinds of point a hook sees. */
    enum Point {
        /** Before the file is opened (an access check, or MapDB's open). */
        OPEN,
        /** Before one record is put into or removed from MapDB. */
        WRITE,
        /** Before MapDB's commit of the records written since the last one. */
        COMMIT
    }

    /** A hook: may throw to fail the write at this point. */
    @FunctionalInterface
    interface Hook {
        void at(Point point);
    }

    static volatile Hook hook;

    private StoreFaults() {
    }

    static void at(Point point) {
        Hook h = hook;
        if (h != null) {
            h.at(point);
        }
    }
}
