package org.neuroquantum.engine.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuroquantum.engine.storage.wal.WalFormat.HeaderStatus;
import org.neuroquantum.engine.storage.wal.WalIo.WalChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a log directory: every segment is scanned in LSN order; the torn tail of the newest segment is cut
 * (the file truncated after its last valid record) and damage anywhere else is refused with
 * {@code STORAGE_CORRUPT}.
 *
 * <p>How a torn tail is told from damage: a crash can only leave garbage after the last record that reached
 * the disk, in the newest segment (a segment is synced before anything is written to the next one). So a bad
 * record is a torn tail only when it is in the newest segment and no valid record follows it there: no offset
 * {@code q} after it holds a record whose LSN field equals its position ({@code base + q}) and whose checksum
 * is right. Any bad record in an older segment, or one followed by a valid record, is corruption; so is a gap
 * between two segments (the next segment must start where the previous one's last record ends).
 *
 * <p>Nothing is changed on disk unless the whole log is accepted. The newest segment is synced before the log
 * is handed out, so what recovery read (possibly from the page cache after a process crash) is durable.
 */
final class WalRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(WalRecovery.class);

    /** The segments found, oldest first (the last one open for writing), and the LSN of the last record. */
    record Result(List<WalSegment> segments, long lastLsn) {
    }

    private WalRecovery() {
    }

    static Result recover(WalIo io, Path dir) {
        List<Long> firstLsns = new ArrayList<>();
        try {
            for (String name : io.list(dir)) {
                long first = WalFormat.parseFileName(name);
                if (first >= 0) {
                    firstLsns.add(first);
                } else {
                    LOG.debug("Ignoring {} in the write-ahead log directory {}: not a segment file", name, dir);
                }
            }
        } catch (IOException e) {
            throw WalErrors.io(io, dir, "listing the segment files", e);
        }
        firstLsns.sort(null);

        List<WalSegment> segments = new ArrayList<>();
        long lastLsn = 0;
        for (int i = 0; i < firstLsns.size(); i++) {
            long first = firstLsns.get(i);
            boolean newest = i == firstLsns.size() - 1;
            Path path = dir.resolve(WalFormat.fileName(first));
            if (first < WalFormat.SEGMENT_HEADER_SIZE) {
                throw WalErrors.corrupt(path, 0, first, "the first LSN in the file name is below "
                        + WalFormat.SEGMENT_HEADER_SIZE + ", the smallest a segment can have");
            }
            long base = first - WalFormat.SEGMENT_HEADER_SIZE;
            WalSegment previous = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (previous != null && base != previous.end) {
                if (base > previous.end) {
                    throw WalErrors.gap(previous.path, previous.end + WalFormat.SEGMENT_HEADER_SIZE, path);
                }
                throw WalErrors.corrupt(path, 0, first, "the segment starts inside the previous segment "
                        + previous.path.getFileName() + ", whose records end at LSN " + previous.end);
            }
            WalChannel channel = null;
            boolean keepOpen = false;
            try {
                channel = io.open(path, newest, false);
                WalSegment segment = scan(channel, path, base, newest);
                segment.writtenEnd = segment.end;
                segment.syncedEnd = segment.end;
                segment.fileCreated = true;
                if (newest) {
                    segment.channel = channel;
                    keepOpen = true;
                }
                segments.add(segment);
                lastLsn = Math.max(lastLsn, segment.lastLsn);
            } catch (IOException e) {
                throw WalErrors.io(io, dir, "recovering segment " + path, e);
            } finally {
                if (!keepOpen && channel != null) {
                    try {
                        channel.close();
                    } catch (IOException ignored) {
                        // nothing was written through it
                    }
                }
            }
        }
        return new Result(segments, lastLsn);
    }

    private static WalSegment scan(WalChannel channel, Path path, long base, boolean newest) throws IOException {
        long first = base + WalFormat.SEGMENT_HEADER_SIZE;
        long size = channel.size();
        SegmentScanner scanner = new SegmentScanner(channel, base, size);
        WalSegment segment = new WalSegment(path, base);
        ByteBuffer header = scanner.header();
        HeaderStatus status = header == null ? HeaderStatus.DAMAGED
                : WalFormat.checkSegmentHeader(header, WalFormat.SEGMENT_HEADER_SIZE, first);
        if (status == HeaderStatus.OTHER_VERSION) {
            throw WalErrors.otherVersion(path, WalFormat.headerVersion(header));
        }
        if (status != HeaderStatus.OK) {
            String what = status == HeaderStatus.DAMAGED ? "the segment header is damaged or cut short"
                    : "the segment header does not match the file name";
            if (!newest) {
                throw WalErrors.corrupt(path, 0, first, what + ", and a newer segment follows");
            }
            long mark = scanner.maxMarkFrom(WalFormat.SEGMENT_HEADER_SIZE);
            if (mark >= first) {
                throw WalErrors.corrupt(path, 0, first, what + ", yet a valid record of the segment says records from"
                        + " LSN " + first + " on had been durable (durable mark " + mark + ")");
            }
            // The newest segment's header never became durable, so neither did any record in it (records a device
            // wrote out of order carry marks below the segment): start it over.
            LOG.warn("Write-ahead log segment {} has a torn header ({} bytes, no durable record): writing it again",
                    path, size);
            channel.truncate(0);
            byte[] bytes = new byte[WalFormat.SEGMENT_HEADER_SIZE];
            WalFormat.writeSegmentHeader(bytes, 0, first);
            channel.write(ByteBuffer.wrap(bytes), 0);
            channel.force(true);
            segment.end = first;
            return segment;
        }
        long offset = WalFormat.SEGMENT_HEADER_SIZE;
        long last = 0;
        int code;
        while ((code = scanner.checkRecord(offset)) >= 0) {
            last = base + offset;
            offset += WalFormat.RECORD_HEADER_SIZE + (long) code;
        }
        if (code != SegmentScanner.END) {
            String what = SegmentScanner.describe(code);
            if (!newest) {
                throw WalErrors.corrupt(path, offset, base + offset, what + ", and a newer segment follows");
            }
            // A valid record after the damage whose durable mark reaches the damaged one proves the damaged record
            // had been durable: that is corruption. Valid records with lower marks were written, unsynced, in the
            // same last batch and reached the disk out of order: a torn tail.
            long mark = scanner.maxMarkFrom(offset + 1);
            if (mark >= base + offset) {
                throw WalErrors.corrupt(path, offset, base + offset, what + ", yet a later valid record says the log "
                        + "had been durable up to LSN " + mark + " when it was written");
            }
            LOG.warn("Write-ahead log segment {}: cutting a torn tail of {} bytes at offset {} (LSN {}: {}); the last"
                    + " valid record has LSN {}", path, size - offset, offset, base + offset, what, last);
            channel.truncate(offset);
        }
        if (newest) {
            channel.force(true);
        }
        segment.end = base + offset;
        segment.lastLsn = last;
        return segment;
    }
}
