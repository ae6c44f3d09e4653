package org.neuroquantum.engine.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;
import org.neuroquantum.engine.storage.wal.WalIo.WalChannel;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.metrics.Timer;
import org.neuroquantum.spi.wal.LogReader;
import org.neuroquantum.spi.wal.SegmentArchiver;
import org.neuroquantum.spi.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code file} write-ahead log: records in segment files, group commit, torn-tail recovery. The format is
 * in {@link WalFormat} and {@code docs/file-format.md}; recovery in {@link WalRecovery}.
 *
 * <h2>LSNs</h2>
 * An LSN is the logical byte position of a record's start in the log stream. A segment occupies the stream
 * from its base (its header comes first) to the end of its last record; the next segment starts right there.
 * So LSNs are positive and strictly increasing, and segment headers take up LSN space.
 *
 * <h2>Appending and forcing</h2>
 * {@link #append} copies the record into an in-memory buffer under a lock and returns its LSN; it does no
 * I/O, except that an append finding more than {@code wal.buffer-size} bytes buffered first forces them (so
 * memory stays bounded). {@link #force} is group commit: one forcing thread becomes the leader, takes
 * everything buffered, writes it and syncs it ({@code FileChannel.force(false)}) without holding the lock;
 * forcers arriving meanwhile wait, and the next leader takes all they appended in one batch. A segment is
 * synced before anything is written to the next one, so after a crash only the newest segment can have a
 * torn tail.
 *
 * <h2>Failures</h2>
 * When a write or sync fails, the records not yet known durable stay buffered and the next force writes all
 * of them again before syncing (a failed {@code fsync} may have dropped the dirty pages, so rewriting is the
 * only safe retry). A record is durable whole or not at all; the log stays usable. {@code STORAGE_FULL} when
 * the device is full, {@code STORAGE_IO} otherwise.
 *
 * <h2>Reading</h2>
 * {@link #read} first writes (without syncing) everything appended so far, then reads a snapshot: every
 * record appended before the call, in LSN order. The payload buffer is read-only.
 *
 * <h2>Archive and truncation</h2>
 * {@link #truncateBefore} offers each segment whose records all precede the given LSN (never the segment being
 * appended to, and only once the next segment's first record is durable) to the archiver, then deletes it,
 * oldest first. If the archiver throws, that segment and all newer ones are kept and offered again on the next
 * call. Within one process a segment is offered at most once; after a crash between archiving and deleting it
 * is offered again, so archivers must accept a segment they already hold. Segments are not offered when they
 * fill up, only on truncation.
 *
 * <h2>Threading</h2>
 * Thread-safe. Readers are not, each one belongs to one thread.
 *
 * <p>{@code append} leaves the payload buffer's position unchanged. {@code force} of an LSN never returned by
 * {@code append} (greater than {@link #lastLsn()}) is refused with {@link IllegalArgumentException}. Every
 * method but {@link #close} throws {@link IllegalStateException} after {@code close}.
 */
public final class FileWriteAheadLog implements WriteAheadLog {
    private static final Logger LOG = LoggerFactory.getLogger(FileWriteAheadLog.class);

    /** Size of the buffer chunks records are copied into (a larger record gets a chunk of its own). */
    static final int CHUNK_SIZE = 256 * 1024;
    private static final int MAX_FREE_CHUNKS = 16;

    /** A run of buffered bytes of one segment, starting at logical position {@code pos}. */
    private static final class Chunk {
        final WalSegment segment;
        final long pos;
        final byte[] data;
        int len;
        /** How many of the bytes are written to the file (reset to 0 when a write or sync fails). */
        int writtenLen;
        /** The LSN of the last record in this chunk, 0 when it holds only a segment header. */
        long lastLsn;

        Chunk(WalSegment segment, long pos, byte[] data) {
            this.segment = segment;
            this.pos = pos;
            this.data = data;
        }
    }

    private final Path dir;
    private final WalIo io;
    private final long segmentSize;
    private final long bufferLimit;
    private final SegmentArchiver archiver;

    private final Counter appends;
    private final Counter appendedBytes;
    private final Counter forces;
    private final Counter syncs;
    private final Timer syncTime;
    private final Counter archivedSegments;
    private final Counter archiveFailures;
    private final Counter deletedSegments;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever a leader finishes (successfully or not) and on close. */
    private final Condition flushDone = lock.newCondition();
    private final Object truncateLock = new Object();

    // Guarded by lock.
    private final List<WalSegment> segments;
    private ArrayDeque<Chunk> pending = new ArrayDeque<>();
    private long pendingBytes;
    private final ArrayDeque<byte[]> freeChunks = new ArrayDeque<>();
    private final CRC32C crc = new CRC32C();
    private boolean flushing;
    private boolean closed;
    private long lastLsn;
    /** The LSN of the last record written to a file (durable or not). */
    private long writtenLsn;
    private volatile long durableLsn;

    /** Leader-owned: the segment whose channel is open for writing. */
    private WalSegment writing;

    private FileWriteAheadLog(Path dir, WalIo io, long segmentSize, long bufferLimit, SegmentArchiver archiver,
            Metrics metrics, WalRecovery.Result recovered) {
        this.dir = dir;
        this.io = io;
        this.segmentSize = segmentSize;
        this.bufferLimit = bufferLimit;
        this.archiver = archiver;
        this.appends = metrics.counter("appends");
        this.appendedBytes = metrics.counter("appended-bytes");
        this.forces = metrics.counter("forces");
        this.syncs = metrics.counter("syncs");
        this.syncTime = metrics.timer("sync-time");
        this.archivedSegments = metrics.counter("archived-segments");
        this.archiveFailures = metrics.counter("archive-failures");
        this.deletedSegments = metrics.counter("deleted-segments");
        this.segments = new ArrayList<>(recovered.segments());
        this.lastLsn = recovered.lastLsn();
        this.writtenLsn = recovered.lastLsn();
        this.durableLsn = recovered.lastLsn();
        if (segments.isEmpty()) {
            startSegment(0);
        } else {
            writing = segments.get(segments.size() - 1);
        }
        metrics.gauge("durable-lsn", () -> durableLsn);
        metrics.gauge("last-lsn", this::lastLsn);
        metrics.gauge("segments", () -> {
            lock.lock();
            try {
                return segments.size();
            } finally {
                lock.unlock();
            }
        });
    }

    /**
     * Opens (or creates) the log in {@code dir}, cutting a torn tail off the newest segment.
     *
     * @param segmentSize the most bytes a new segment file may hold, header included
     * @param bufferLimit buffered bytes beyond which an append first forces the log
     * @param archiver called for segments before they are deleted, or {@code null}
     * @throws org.neuroquantum.spi.error.StorageException {@code STORAGE_CORRUPT} when the log is damaged
     *     anywhere but at the tail of its newest segment; {@code STORAGE_FORMAT_MISMATCH} for another format
     *     version; {@code STORAGE_IO} or {@code STORAGE_FULL} when the files cannot be read or written
     */
    static FileWriteAheadLog open(Path dir, long segmentSize, long bufferLimit, SegmentArchiver archiver,
            Metrics metrics, WalIo io) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(metrics, "metrics");
        if (segmentSize < WalFormat.SEGMENT_HEADER_SIZE + WalFormat.RECORD_HEADER_SIZE
                || segmentSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("segment size out of range: " + segmentSize);
        }
        if (bufferLimit < 1) {
            throw new IllegalArgumentException("buffer limit must be positive: " + bufferLimit);
        }
        try {
            io.createDirectories(dir);
        } catch (IOException e) {
            throw WalErrors.io(io, dir, "creating the log directory", e);
        }
        WalRecovery.Result recovered = WalRecovery.recover(io, dir);
        FileWriteAheadLog log = new FileWriteAheadLog(dir, io, segmentSize, bufferLimit, archiver, metrics,
                recovered);
        LOG.info("Opened write-ahead log {}: {} segment(s), last LSN {}", dir, recovered.segments().size(),
                recovered.lastLsn());
        return log;
    }

    /** The largest payload a record can have with this log's segment size. */
    long maxPayload() {
        return segmentSize - WalFormat.SEGMENT_HEADER_SIZE - WalFormat.RECORD_HEADER_SIZE;
    }

    @Override
    public long append(ByteBuffer payload) {
        Objects.requireNonNull(payload, "payload");
        int length = payload.remaining();
        if (length > maxPayload()) {
            throw new IllegalArgumentException("A write-ahead log record of " + length + " bytes does not fit in a "
                    + "segment of " + segmentSize + " bytes (at most " + maxPayload() + " bytes of payload); raise "
                    + "wal.segment-size or split the record");
        }
        while (true) {
            long target;
            lock.lock();
            try {
                ensureOpen();
                if (pendingBytes < bufferLimit || lastLsn <= durableLsn) {
                    return appendLocked(payload, length);
                }
                target = lastLsn;
            } finally {
                lock.unlock();
            }
            // Too much buffered: make it durable before buffering more. Failing here appends nothing.
            force(target);
        }
    }

    private long appendLocked(ByteBuffer payload, int length) {
        int needed = WalFormat.RECORD_HEADER_SIZE + length;
        WalSegment segment = segments.get(segments.size() - 1);
        if (segment.end - segment.base + needed > segmentSize) {
            segment = startSegment(segment.end);
        }
        long lsn = segment.end;
        Chunk chunk = pending.peekLast();
        if (chunk == null || chunk.segment != segment || chunk.data.length - chunk.len < needed) {
            chunk = newChunk(segment, lsn, needed);
        }
        byte[] a = chunk.data;
        int at = chunk.len;
        WalFormat.putInt(a, at, length);
        WalFormat.putLong(a, at + 4, lsn);
        // The durable mark: every record up to this LSN was durable when this one was appended. Recovery uses it
        // to tell a reordered, unsynced tail (cut) from damage to records already durable (refused).
        WalFormat.putLong(a, at + WalFormat.RECORD_MARK_OFFSET, durableLsn);
        payload.get(payload.position(), a, at + WalFormat.RECORD_HEADER_SIZE, length);
        WalFormat.putInt(a, at + WalFormat.RECORD_CRC_OFFSET, WalFormat.recordCrc(crc, a, at, length));
        chunk.len += needed;
        chunk.lastLsn = lsn;
        segment.end += needed;
        segment.lastLsn = lsn;
        lastLsn = lsn;
        pendingBytes += needed;
        appends.increment();
        appendedBytes.add(length);
        return lsn;
    }

    /** Starts a segment at logical position {@code base}: its header is buffered like a record. */
    private WalSegment startSegment(long base) {
        WalSegment segment = new WalSegment(dir.resolve(WalFormat.fileName(base + WalFormat.SEGMENT_HEADER_SIZE)),
                base);
        Chunk chunk = newChunk(segment, base, WalFormat.SEGMENT_HEADER_SIZE);
        WalFormat.writeSegmentHeader(chunk.data, 0, segment.firstLsn());
        chunk.len = WalFormat.SEGMENT_HEADER_SIZE;
        segment.end = segment.firstLsn();
        segment.writtenEnd = base;
        segment.syncedEnd = base;
        pendingBytes += WalFormat.SEGMENT_HEADER_SIZE;
        segments.add(segment);
        return segment;
    }

    private Chunk newChunk(WalSegment segment, long pos, int needed) {
        byte[] data = needed <= CHUNK_SIZE && !freeChunks.isEmpty() ? freeChunks.pop()
                : new byte[Math.max(CHUNK_SIZE, needed)];
        Chunk chunk = new Chunk(segment, pos, data);
        pending.addLast(chunk);
        return chunk;
    }

    @Override
    public void force(long lsn) {
        if (lsn <= durableLsn) {
            return;
        }
        lock.lock();
        try {
            ensureOpen();
            if (lsn > lastLsn) {
                throw new IllegalArgumentException("Cannot force LSN " + lsn + ": no record with that LSN was appended"
                        + " (the last one is " + lastLsn + ")");
            }
            forces.increment();
            while (durableLsn < lsn) {
                ensureOpen();
                if (flushing) {
                    flushDone.awaitUninterruptibly();
                } else if (pending.isEmpty()) {
                    throw new StorageException(ErrorCode.INTERNAL, "Write-ahead log " + dir + ": LSN " + lsn
                            + " is neither durable (" + durableLsn + ") nor buffered", null);
                } else {
                    try {
                        flush(true);
                    } catch (RuntimeException e) {
                        if (durableLsn < lsn) {
                            throw e;
                        }
                        // Our records made it before the failure; a later force reports it.
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long durableLsn() {
        return durableLsn;
    }

    @Override
    public long lastLsn() {
        lock.lock();
        try {
            return lastLsn;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The leader's work. Called with the lock held and no other leader; takes everything buffered, writes it
     * (and with {@code sync}, syncs it) without the lock, then publishes the outcome. Returns with the lock
     * held; throws the I/O failure after the unsynced chunks are back in the buffer.
     */
    private void flush(boolean sync) {
        flushing = true;
        List<Chunk> batch = new ArrayList<>(pending);
        pending.clear();
        pendingBytes = 0;
        int synced = 0;
        Throwable failure = null;
        lock.unlock();
        try {
            WalSegment current = null;
            for (int i = 0; i < batch.size(); i++) {
                Chunk chunk = batch.get(i);
                if (chunk.segment != current) {
                    if (current != null) {
                        // Sync a segment before writing to the next, so that only the newest can be torn.
                        syncSegment(current);
                        synced = i;
                    }
                    current = chunk.segment;
                    openForWrite(current);
                }
                if (chunk.writtenLen < chunk.len) {
                    current.channel.write(ByteBuffer.wrap(chunk.data, chunk.writtenLen, chunk.len - chunk.writtenLen),
                            chunk.pos - current.base + chunk.writtenLen);
                    chunk.writtenLen = chunk.len;
                }
            }
            if (sync && current != null) {
                syncSegment(current);
                synced = batch.size();
            }
        } catch (Throwable t) {
            failure = t;
            if (writing != null && writing.channel != null && t instanceof IOException) {
                // The channel may be unusable (closed by an interrupt, say): open it again next time.
                closeQuietly(writing.channel);
                writing.channel = null;
            }
        } finally {
            lock.lock();
        }
        long durable = durableLsn;
        for (int i = 0; i < batch.size(); i++) {
            Chunk chunk = batch.get(i);
            WalSegment segment = chunk.segment;
            if (chunk.writtenLen == chunk.len) {
                segment.writtenEnd = Math.max(segment.writtenEnd, chunk.pos + chunk.len);
                writtenLsn = Math.max(writtenLsn, chunk.lastLsn);
            }
            if (i < synced) {
                segment.syncedEnd = Math.max(segment.syncedEnd, chunk.pos + chunk.len);
                durable = Math.max(durable, chunk.lastLsn);
                if (chunk.data.length == CHUNK_SIZE && freeChunks.size() < MAX_FREE_CHUNKS) {
                    freeChunks.push(chunk.data);
                }
            }
        }
        for (int i = batch.size() - 1; i >= synced; i--) {
            Chunk chunk = batch.get(i);
            if (failure != null) {
                chunk.writtenLen = 0; // a failed sync may have dropped the pages: write them again
            }
            pending.addFirst(chunk);
            pendingBytes += chunk.len;
        }
        durableLsn = durable;
        writtenLsn = Math.max(writtenLsn, durable);
        flushing = false;
        flushDone.signalAll();
        if (failure != null) {
            if (failure instanceof IOException) {
                throw WalErrors.io(io, dir, sync ? "forcing the log" : "writing the log", (IOException) failure);
            }
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            throw new StorageException(ErrorCode.INTERNAL, "Unexpected failure writing the write-ahead log: " + failure,
                    null, failure);
        }
    }

    /** Leader: makes {@code segment} the one open for writing, creating its file on first use. */
    private void openForWrite(WalSegment segment) throws IOException {
        if (writing != segment) {
            if (writing != null && writing.channel != null) {
                closeQuietly(writing.channel); // an older segment, complete and synced
                writing.channel = null;
            }
            writing = segment;
        }
        if (segment.channel == null) {
            segment.channel = io.open(segment.path, true, !segment.fileCreated);
        }
        if (!segment.fileCreated) {
            io.syncDirectory(dir);
            segment.fileCreated = true;
        }
    }

    private void syncSegment(WalSegment segment) throws IOException {
        long start = System.nanoTime();
        segment.channel.force(false);
        syncTime.update(System.nanoTime() - start);
        syncs.increment();
    }

    @Override
    public LogReader read(long fromLsn) {
        List<FileLogReader.View> views = new ArrayList<>();
        lock.lock();
        try {
            ensureOpen();
            long target = lastLsn;
            while (writtenLsn < target) {
                ensureOpen();
                if (flushing) {
                    flushDone.awaitUninterruptibly();
                } else {
                    flush(false);
                }
            }
            for (WalSegment segment : segments) {
                views.add(new FileLogReader.View(segment.path, segment.base, segment.writtenEnd - segment.base,
                        segment.lastLsn));
            }
        } finally {
            lock.unlock();
        }
        return new FileLogReader(io, dir, views, fromLsn);
    }

    @Override
    public void truncateBefore(long lsn) {
        synchronized (truncateLock) {
            while (true) {
                WalSegment oldest;
                lock.lock();
                try {
                    ensureOpen();
                    if (segments.size() < 2) {
                        return;
                    }
                    oldest = segments.get(0);
                    WalSegment next = segments.get(1);
                    // Every record before lsn, and the next segment's first record durable: the oldest segment is
                    // complete and synced, and the log does not lose its position if it goes.
                    if (oldest.lastLsn >= lsn || next.firstLsn() > durableLsn) {
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                if (archiver != null && !oldest.archived && oldest.lastLsn > 0) {
                    try {
                        archiver.archive(oldest.path, oldest.firstLsn(), oldest.lastLsn);
                        oldest.archived = true;
                        archivedSegments.increment();
                    } catch (Exception e) {
                        archiveFailures.increment();
                        LOG.warn("Archiving write-ahead log segment {} failed; it is kept and offered again on the next"
                                + " truncation: {}", oldest.path, e.toString(), e);
                        return;
                    }
                }
                try {
                    io.delete(oldest.path);
                    io.syncDirectory(dir);
                } catch (IOException e) {
                    throw WalErrors.io(io, dir, "deleting segment " + oldest.path, e);
                }
                deletedSegments.increment();
                lock.lock();
                try {
                    segments.remove(0);
                } finally {
                    lock.unlock();
                }
                LOG.debug("Deleted write-ahead log segment {} (records before LSN {} are no longer needed)",
                        oldest.path, lsn);
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            flushDone.signalAll();
            while (flushing) {
                flushDone.awaitUninterruptibly();
            }
            for (WalSegment segment : segments) {
                if (segment.channel != null) {
                    closeQuietly(segment.channel);
                    segment.channel = null;
                }
            }
            if (pendingBytes > 0) {
                LOG.debug("Closed write-ahead log {} with {} bytes appended but not forced; they are dropped", dir,
                        pendingBytes);
            }
            pending.clear();
            pendingBytes = 0;
            freeChunks.clear();
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The write-ahead log " + dir + " is closed");
        }
    }

    private static void closeQuietly(WalChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing a write-ahead log segment failed", e);
        }
    }

    /** The segment files of the log, oldest first (for tests and tools). */
    List<Path> segmentFiles() {
        lock.lock();
        try {
            List<Path> paths = new ArrayList<>();
            for (WalSegment segment : segments) {
                paths.add(segment.path);
            }
            return paths;
        } finally {
            lock.unlock();
        }
    }
}
