package org.neuroquantum.spi.wal;

import java.nio.ByteBuffer;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * An append-only log of opaque records, addressed by log sequence numbers (LSNs). The record format (what a
 * record means) is the kernel's; the log's job is ordering, integrity and durability.
 *
 * <h2>LSNs</h2>
 * Every record gets an LSN greater than every earlier record's. LSNs are positive {@code long}s; 0 means
 * "no record".
 *
 * <h2>Durability</h2>
 * {@link #append} makes nothing durable. {@link #force(long)} returns once the record with that LSN and all
 * before it are durable; concurrent forces are batched into one sync (group commit). After a crash, reading
 * yields exactly a prefix of the appended records that includes every forced one. A torn or garbage tail of
 * the last segment is detected by each record's checksum and cut off, never returned.
 *
 * <h2>Segments and archive</h2>
 * The log lives in segment files. When a segment is full (or on {@link #truncateBefore}), the
 * {@link SegmentArchiver} given in the context is called for it before the segment may be deleted.
 *
 * <h2>Threading</h2>
 * Thread-safe: any number of threads may append and force concurrently.
 *
 * <h2>Errors</h2>
 * {@link org.neuroquantum.spi.error.StorageException}: {@code STORAGE_IO}, {@code STORAGE_FULL} (the record
 * was not appended; the log stays usable), {@code STORAGE_CORRUPT} for a bad record anywhere but the tail.
 */
@Evolving
public interface WriteAheadLog extends AutoCloseable {
    /** Appends {@code payload}'s remaining bytes as one record and returns its LSN. */
    long append(ByteBuffer payload);

    /** Blocks until every record up to and including {@code lsn} is durable. */
    void force(long lsn);

    /** The highest LSN known to be durable, or 0. */
    long durableLsn();

    /** The LSN of the last appended record, or 0 when the log is empty. */
    long lastLsn();

    /** Reads records in LSN order, starting at the first record whose LSN is at least {@code fromLsn}. */
    LogReader read(long fromLsn);

    /**
     * Declares that records before {@code lsn} are no longer needed for recovery: segments holding only such
     * records are archived (when an archiver is set) and deleted.
     */
    void truncateBefore(long lsn);

    /** Closes the log without forcing. Idempotent. */
    @Override
    void close();
}
