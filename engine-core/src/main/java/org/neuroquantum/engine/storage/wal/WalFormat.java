package org.neuroquantum.engine.storage.wal;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * The on-disk format of the {@code file} write-ahead log, version {@value #FORMAT_VERSION} (specified in
 * {@code docs/file-format.md}). All integers are big-endian.
 *
 * <pre>
 * segment header (32 bytes)                 record (16-byte header + payload)
 *  0  8  magic "NQWALSEG"                    0  4  payload length n (unsigned)
 *  8  4  format version (1)                  4  8  LSN (= logical position of this record)
 * 12  4  header length (32)                 12  4  CRC32C of bytes 0..11 and the payload
 * 16  8  first LSN (= base + 32)            16  n  payload
 * 24  4  flags (0)
 * 28  4  CRC32C of bytes 0..27
 * </pre>
 *
 * <p>A segment's <em>base</em> is the logical log position of its byte 0: the record at file offset
 * {@code o} has LSN {@code base + o}.
 */
final class WalFormat {
    /** The format version this provider writes and reads. */
    static final int FORMAT_VERSION = 2;
    /** "NQWALSEG" in ASCII. */
    static final long MAGIC = 0x4E5157414C534547L;
    /** Bytes in a segment header; the first record of a segment starts here. */
    static final int SEGMENT_HEADER_SIZE = 32;
    /** Bytes in a record header (length, LSN, CRC). */
    static final int RECORD_HEADER_SIZE = 24;
    /** Offset of the record CRC in the record header; the CRC covers the header bytes before it. */
    static final int RECORD_CRC_OFFSET = 20;
    /** Offset of the durable mark in the record header. */
    static final int RECORD_MARK_OFFSET = 12;
    /** File names: {@code wal-} + the first LSN as 16 lower-case hex digits + {@code .log}. */
    static final String FILE_PREFIX = "wal-";
    static final String FILE_SUFFIX = ".log";

    private WalFormat() {
    }

    /** The file name of the segment whose first record has LSN {@code firstLsn}. */
    static String fileName(long firstLsn) {
        return FILE_PREFIX + String.format(Locale.ROOT, "%016x", firstLsn) + FILE_SUFFIX;
    }

    /** The first LSN a segment file name stands for, or -1 when the name is not a segment's. */
    static long parseFileName(String name) {
        if (name.length() != FILE_PREFIX.length() + 16 + FILE_SUFFIX.length() || !name.startsWith(FILE_PREFIX)
                || !name.endsWith(FILE_SUFFIX)) {
            return -1;
        }
        long value = 0;
        for (int i = FILE_PREFIX.length(); i < FILE_PREFIX.length() + 16; i++) {
            int digit = Character.digit(name.charAt(i), 16);
            if (digit < 0 || Character.isUpperCase(name.charAt(i))) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value < 0 ? -1 : value;
    }

    /** Writes a segment header at {@code dst[at..at+32)}. */
    static void writeSegmentHeader(byte[] dst, int at, long firstLsn) {
        ByteBuffer b = ByteBuffer.wrap(dst, at, SEGMENT_HEADER_SIZE);
        b.putLong(MAGIC).putInt(FORMAT_VERSION).putInt(SEGMENT_HEADER_SIZE).putLong(firstLsn).putInt(0);
        CRC32C crc = new CRC32C();
        crc.update(dst, at, SEGMENT_HEADER_SIZE - 4);
        b.putInt((int) crc.getValue());
    }

    /** What a segment header says about itself. */
    enum HeaderStatus {
        /** Valid, version 1, and naming the expected first LSN. */
        OK,
        /** Shorter than a header, bad magic or bad checksum: torn or damaged. */
        DAMAGED,
        /** A valid header of another format version. */
        OTHER_VERSION,
        /** A valid header whose first LSN differs from the file name's, or with an unknown layout. */
        INCONSISTENT
    }

    /**
     * Checks the 32 header bytes at {@code b}'s position (absolute reads; the buffer is not moved).
     *
     * @param available how many header bytes the file holds (fewer than 32 means damaged)
     */
    static HeaderStatus checkSegmentHeader(ByteBuffer b, int available, long expectedFirstLsn) {
        if (available < SEGMENT_HEADER_SIZE) {
            return HeaderStatus.DAMAGED;
        }
        int p = b.position();
        CRC32C crc = new CRC32C();
        ByteBuffer covered = b.duplicate();
        covered.limit(p + SEGMENT_HEADER_SIZE - 4);
        crc.update(covered);
        if (b.getLong(p) != MAGIC || (int) crc.getValue() != b.getInt(p + 28)) {
            return HeaderStatus.DAMAGED;
        }
        if (b.getInt(p + 8) != FORMAT_VERSION) {
            return HeaderStatus.OTHER_VERSION;
        }
        if (b.getInt(p + 12) != SEGMENT_HEADER_SIZE || b.getLong(p + 16) != expectedFirstLsn) {
            return HeaderStatus.INCONSISTENT;
        }
        return HeaderStatus.OK;
    }

    /** The format version a header with a valid checksum declares. */
    static int headerVersion(ByteBuffer b) {
        return b.getInt(b.position() + 8);
    }

    /** The CRC32C of a record: its first 20 header bytes at {@code at}, then its payload of {@code n} bytes. */
    static int recordCrc(CRC32C crc, byte[] a, int at, int n) {
        crc.reset();
        crc.update(a, at, RECORD_CRC_OFFSET);
        crc.update(a, at + RECORD_HEADER_SIZE, n);
        return (int) crc.getValue();
    }

    /** Same as {@link #recordCrc(CRC32C, byte[], int, int)} over a buffer's bytes at absolute index {@code at}. */
    static int recordCrc(CRC32C crc, ByteBuffer b, int at, int n) {
        crc.reset();
        ByteBuffer head = b.duplicate();
        head.limit(at + RECORD_CRC_OFFSET).position(at);
        crc.update(head);
        ByteBuffer payload = b.duplicate();
        payload.limit(at + RECORD_HEADER_SIZE + n).position(at + RECORD_HEADER_SIZE);
        crc.update(payload);
        return (int) crc.getValue();
    }

    static void putInt(byte[] a, int at, int v) {
        a[at] = (byte) (v >>> 24);
        a[at + 1] = (byte) (v >>> 16);
        a[at + 2] = (byte) (v >>> 8);
        a[at + 3] = (byte) v;
    }

    static void putLong(byte[] a, int at, long v) {
        putInt(a, at, (int) (v >>> 32));
        putInt(a, at + 4, (int) v);
    }
}
