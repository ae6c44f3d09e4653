package org.neuroquantum.engine.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.neuroquantum.engine.storage.wal.WalIo.WalChannel;

/**
 * Reads one segment file through a window of buffered bytes and checks records: used by recovery (which
 * scans everything the file holds) and by log readers (which stop at the written end they were given).
 * Not thread-safe.
 */
final class SegmentScanner {
    static final int WINDOW = 1 << 20;

    /** Codes for "no valid record here" from {@link #checkRecord}; a valid record gives its length (>= 0). */
    static final int END = -1;
    static final int SHORT_HEADER = -2;
    static final int BAD_LSN = -3;
    static final int SHORT_PAYLOAD = -4;
    static final int BAD_CRC = -5;

    private final WalChannel channel;
    private final long base;
    private final long limit;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer window;
    private long windowStart;
    private int lastIndex;
    private long lastMark;

    /**
     * @param base the segment's base (the logical position of its byte 0)
     * @param limit the file offset where the bytes to consider end
     */
    SegmentScanner(WalChannel channel, long base, long limit) {
        this.channel = channel;
        this.base = base;
        this.limit = limit;
        this.window = ByteBuffer.allocate((int) Math.min(WINDOW, Math.max(limit, WalFormat.SEGMENT_HEADER_SIZE)));
        this.window.limit(0);
    }

    long limit() {
        return limit;
    }

    /**
     * Makes the bytes {@code [offset, offset + n)} available in the window and returns the index of the first;
     * -1 when they lie (partly) beyond the limit or the file.
     */
    int load(long offset, int n) throws IOException {
        if (offset < 0 || offset + n > limit) {
            return -1;
        }
        if (offset >= windowStart && offset + n <= windowStart + window.limit()) {
            return (int) (offset - windowStart);
        }
        if (window.capacity() < n) {
            window = ByteBuffer.allocate(Math.max(n, WINDOW));
        }
        window.clear();
        window.limit((int) Math.min(window.capacity(), limit - offset));
        while (window.hasRemaining()) {
            if (channel.read(window, offset + window.position()) < 0) {
                break;
            }
        }
        window.flip();
        windowStart = offset;
        return window.limit() < n ? -1 : 0;
    }

    /** The segment header's 32 bytes, positioned at their start; {@code null} when the file is shorter. */
    ByteBuffer header() throws IOException {
        int i = load(0, WalFormat.SEGMENT_HEADER_SIZE);
        return i < 0 ? null : window.duplicate().position(i);
    }

    /** Checks the record at {@code offset}: its payload length when valid, or a negative code. */
    int checkRecord(long offset) throws IOException {
        if (offset >= limit) {
            return END;
        }
        int i = load(offset, WalFormat.RECORD_HEADER_SIZE);
        if (i < 0) {
            return SHORT_HEADER;
        }
        long length = window.getInt(i) & 0xFFFF_FFFFL;
        long lsn = window.getLong(i + 4);
        int stored = window.getInt(i + WalFormat.RECORD_CRC_OFFSET);
        if (lsn != base + offset) {
            return BAD_LSN;
        }
        if (length > limit - offset - WalFormat.RECORD_HEADER_SIZE) {
            return SHORT_PAYLOAD;
        }
        int n = (int) length;
        i = load(offset, WalFormat.RECORD_HEADER_SIZE + n);
        if (i < 0) {
            return SHORT_PAYLOAD;
        }
        if (WalFormat.recordCrc(crc, window, i, n) != stored) {
            return BAD_CRC;
        }
        lastIndex = i;
        lastMark = window.getLong(i + WalFormat.RECORD_MARK_OFFSET);
        return n;
    }

    /** The durable mark of the record {@link #checkRecord} last found valid. */
    long lastMark() {
        return lastMark;
    }

    /**
     * The highest durable mark of the valid records at or after {@code from} (walking each run of valid records,
     * and searching past every gap), or -1 when there is none. A mark at or beyond an LSN proves that the record
     * there had been durable when the marked record was appended.
     */
    long maxMarkFrom(long from) throws IOException {
        long max = -1;
        long q = findValidRecord(from);
        while (q >= 0) {
            int code;
            while ((code = checkRecord(q)) >= 0) {
                max = Math.max(max, lastMark);
                q += WalFormat.RECORD_HEADER_SIZE + (long) code;
            }
            if (code == END) {
                break;
            }
            q = findValidRecord(q + 1);
        }
        return max;
    }

    /** The payload of the record {@link #checkRecord} last found valid, read-only, until the next call. */
    ByteBuffer payload(int length) {
        ByteBuffer b = window.duplicate();
        b.limit(lastIndex + WalFormat.RECORD_HEADER_SIZE + length).position(lastIndex + WalFormat.RECORD_HEADER_SIZE);
        return b.slice().asReadOnlyBuffer();
    }

    /**
     * The first offset {@code q >= from} holding a valid record (its LSN field equal to {@code base + q} and its
     * checksum right), or -1: evidence that damage before {@code q} is not a torn tail.
     */
    long findValidRecord(long from) throws IOException {
        for (long q = Math.max(from, 0); q + WalFormat.RECORD_HEADER_SIZE <= limit; q++) {
            int i = load(q, WalFormat.RECORD_HEADER_SIZE);
            if (i < 0) {
                return -1;
            }
            if (window.getLong(i + 4) == base + q && checkRecord(q) >= 0) {
                return q;
            }
        }
        return -1;
    }

    /** Words for a negative code of {@link #checkRecord}. */
    static String describe(int code) {
        switch (code) {
            case SHORT_HEADER:
                return "the record header is cut short";
            case BAD_LSN:
                return "the record's LSN field does not match its position";
            case SHORT_PAYLOAD:
                return "the record's length runs past the end of the valid data";
            case BAD_CRC:
                return "the record's CRC32C checksum does not match";
            default:
                return "no record where one was expected";
        }
    }
}
