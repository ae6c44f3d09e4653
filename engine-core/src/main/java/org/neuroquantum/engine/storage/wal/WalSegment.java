package org.neuroquantum.engine.storage.wal;

import java.nio.file.Path;
import org.neuroquantum.engine.storage.wal.WalIo.WalChannel;

/**
 * One segment of the log in memory. The positions are logical (LSN space): the segment's byte at file offset
 * {@code o} is at position {@code base + o}. Fields marked "lock" are guarded by the log's lock; "leader" ones
 * belong to the thread that holds the log's flushing role (or to {@code open}/{@code close}).
 */
final class WalSegment {
    final Path path;
    /** The logical position of the file's byte 0; the first record's LSN is {@code base + 32}. */
    final long base;
    /** lock: the end of the appended bytes (header included). */
    long end;
    /** lock: the LSN of the last record appended to this segment, 0 when none. */
    long lastLsn;
    /** lock: the end of the bytes written to the file (readers see records up to here). */
    long writtenEnd;
    /** lock: the end of the bytes known durable. */
    long syncedEnd;
    /** leader: the channel open for writing, or {@code null}. */
    WalChannel channel;
    /** leader: the file exists and its directory entry has been synced. */
    boolean fileCreated;
    /** truncation: the archiver has taken this segment. */
    boolean archived;

    WalSegment(Path path, long base) {
        this.path = path;
        this.base = base;
    }

    long firstLsn() {
        return base + WalFormat.SEGMENT_HEADER_SIZE;
    }

    @Override
    public String toString() {
        return path.getFileName() + "[" + base + ", " + end + ")";
    }
}
