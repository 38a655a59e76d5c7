package org.flowpat.controller.spool;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * One segment file, named after the sequence number of its first record. Positions and counters are guarded
 * by the spool's lock.
 * <p>
 * A RandomAccessFile rather than a FileChannel: an interrupted thread closes a FileChannel under every other
 * user of it, and a spool must not break because some caller's thread was interrupted.
 */
final class Segment {
    static final String SUFFIX = ".seg";

    final long firstSequence;
    final Path path;
    private final RandomAccessFile file;
    /** Bytes of whole, valid records: appends go here, reads stop here. */
    long size;
    /** Sequence of the last record, firstSequence - 1 while empty. */
    long lastSequence;

    private Segment(long firstSequence, Path path, RandomAccessFile file) {
        this.firstSequence = firstSequence;
        this.path = path;
        this.file = file;
        this.lastSequence = firstSequence - 1;
    }

    /** Opens an existing segment file for recovery (size and last sequence are set by the scan). */
    static Segment open(long firstSequence, Path path) throws IOException {
        return new Segment(firstSequence, path, new RandomAccessFile(path.toFile(), "rw"));
    }

    /** Creates a new, empty segment file. */
    static Segment create(long firstSequence, Path path) throws IOException {
        RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw");
        f.setLength(0);
        return new Segment(firstSequence, path, f);
    }

    static String fileName(long firstSequence) {
        return String.format("%020d%s", firstSequence, SUFFIX);
    }

    /** The first sequence encoded in a segment file name, or -1 when the name is not a segment's. */
    static long parseFirstSequence(String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.length() != 20 + SUFFIX.length()) {
            return -1;
        }
        try {
            return Long.parseLong(fileName.substring(0, 20));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    long fileLength() throws IOException {
        return file.length();
    }

    void write(long position, byte[] bytes) throws IOException {
        file.seek(position);
        file.write(bytes);
    }

    void readFully(long position, byte[] into) throws IOException {
        file.seek(position);
        file.readFully(into);
    }

    void truncate(long length) throws IOException {
        file.setLength(length);
    }

    /** Forces written bytes to the disk. Safe beside a concurrent write: it does not move the file pointer. */
    void force() throws IOException {
        file.getFD().sync();
    }

    void close() throws IOException {
        file.close();
    }

    @Override
    public String toString() {
        return path.getFileName() + "[" + firstSequence + ".." + lastSequence + ", " + size + " bytes]";
    }
}
