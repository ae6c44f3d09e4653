package org.neuroquantum.engine.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.neuroquantum.engine.storage.wal.WalIo.WalChannel;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.wal.LogReader;

/**
 * Reads a snapshot of the log: the segments as they were when {@link FileWriteAheadLog#read} was called, each
 * up to the end of the bytes written to it then. Every record is checked again (LSN field and checksum); a bad
 * one inside the snapshot is corruption, since recovery already cut any torn tail.
 */
final class FileLogReader implements LogReader {
    /** One segment of the snapshot: records from file offset 32 up to {@code limit} (exclusive). */
    record View(Path path, long base, long limit, long lastLsn) {
    }

    private final WalIo io;
    private final Path dir;
    private final List<View> views;
    private final long fromLsn;
    private int nextView;
    private View view;
    private WalChannel channel;
    private SegmentScanner scanner;
    private long offset;
    private long lsn;
    private ByteBuffer payload;
    private boolean closed;

    FileLogReader(WalIo io, Path dir, List<View> views, long fromLsn) {
        this.io = io;
        this.dir = dir;
        this.views = List.copyOf(views);
        this.fromLsn = fromLsn;
    }

    @Override
    public boolean next() {
        if (closed) {
            throw new IllegalStateException("the log reader is closed");
        }
        payload = null;
        lsn = 0;
        try {
            while (true) {
                if (scanner == null) {
                    if (nextView >= views.size()) {
                        return false;
                    }
                    view = views.get(nextView++);
                    if (view.lastLsn() < fromLsn || view.limit() <= WalFormat.SEGMENT_HEADER_SIZE) {
                        continue;
                    }
                    try {
                        channel = io.open(view.path(), false, false);
                    } catch (NoSuchFileException e) {
                        throw new StorageException(ErrorCode.STORAGE_IO,
                                "Write-ahead log segment " + view.path() + " was deleted while being read (the log"
                                        + " was truncated past this reader's position).",
                                "Read from an LSN the log still holds, or truncate only up to LSNs no reader needs.",
                                e);
                    }
                    scanner = new SegmentScanner(channel, view.base(), view.limit());
                    offset = WalFormat.SEGMENT_HEADER_SIZE;
                }
                if (offset >= view.limit()) {
                    closeSegment();
                    continue;
                }
                int length = scanner.checkRecord(offset);
                if (length < 0) {
                    throw WalErrors.corrupt(view.path(), offset, view.base() + offset,
                            SegmentScanner.describe(length) + " inside the part of the log already written");
                }
                long at = view.base() + offset;
                offset += WalFormat.RECORD_HEADER_SIZE + (long) length;
                if (at >= fromLsn) {
                    lsn = at;
                    payload = scanner.payload(length);
                    return true;
                }
            }
        } catch (IOException e) {
            throw WalErrors.io(io, dir, "reading " + (view == null ? "the log" : view.path()), e);
        }
    }

    @Override
    public long lsn() {
        if (payload == null) {
            throw new IllegalStateException("no current record: call next() first and check that it returned true");
        }
        return lsn;
    }

    @Override
    public ByteBuffer payload() {
        if (payload == null) {
            throw new IllegalStateException("no current record: call next() first and check that it returned true");
        }
        return payload.duplicate();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            payload = null;
            closeSegment();
        }
    }

    private void closeSegment() {
        scanner = null;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only channel: nothing to lose
            }
            channel = null;
        }
    }
}
