package org.neuroquantum.engine.storage.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

/**
 * The WAL payload of one mini-transaction (kernel log format version 1), little-endian, as documented in
 * {@code docs/file-format.md} ("Log records"):
 *
 * <pre>
 * 0   u8   record type, 1 = mini-transaction, 5 = compensation (a mini-transaction that undoes an earlier one)
 * 1   i64  transaction id
 * 9   i64  previous LSN of the transaction (0 = none)
 * 17  i32  undo length n (&gt;= 0), then n bytes of logical undo
 * ..  i32  change count c (&gt;= 0), then c changes:
 *          u8 kind (1 = UPDATE, 2 = ALLOCATE, 3 = FREE, 4 = FULL_PAGE), i64 page id,
 *          UPDATE and FULL_PAGE only: i32 offset within the usable area (0 for FULL_PAGE), i32 length m, m bytes
 * </pre>
 *
 * The payload ends exactly after the last change. A compensation record is never undone itself: its undo field
 * holds 8 bytes, the LSN of the next record of its transaction still to undo ({@link #undoNextLsn()}, 0 = none).
 * Immutable.
 */
public record MiniTransactionRecord(long transactionId, long previousLsn, byte[] undo, List<PageChange> changes,
        boolean compensation) {
    /** The record type byte of a mini-transaction record. */
    public static final byte TYPE = 1;
    /** The record type byte of a compensation record. */
    public static final byte COMPENSATION_TYPE = 5;

    /** Kinds of page change, with their byte codes. */
    public enum Kind {
        UPDATE(1), ALLOCATE(2), FREE(3),
        /** The page's whole usable area after the record (the first change of the page after a checkpoint). */
        FULL_PAGE(4);

        /** Whether changes of this kind carry an offset and bytes. */
        boolean hasBytes() {
            return this == UPDATE || this == FULL_PAGE;
        }

        final byte code;

        Kind(int code) {
            this.code = (byte) code;
        }

        static Kind of(byte code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One page change. {@code offset} and {@code bytes} are meaningful for {@link Kind#UPDATE} only. */
    public record PageChange(Kind kind, long pageId, int offset, byte[] bytes) {
        public PageChange {
            Objects.requireNonNull(kind, "kind");
            if (pageId < 0) {
                throw new IllegalArgumentException("page id must not be negative: " + pageId);
            }
            if (kind.hasBytes()) {
                Objects.requireNonNull(bytes, "bytes");
                if (offset < 0) {
                    throw new IllegalArgumentException("offset must not be negative: " + offset);
                }
            } else {
                offset = 0;
                bytes = null;
            }
        }

        /** An update of {@code bytes.length} bytes at {@code offset} of the page's usable area. */
        public static PageChange update(long pageId, int offset, byte[] bytes) {
            return new PageChange(Kind.UPDATE, pageId, offset, bytes);
        }

        /** The page's whole usable area, {@code bytes.length} bytes from offset 0. */
        public static PageChange fullPage(long pageId, byte[] bytes) {
            return new PageChange(Kind.FULL_PAGE, pageId, 0, bytes);
        }

        /** The page was allocated (its content starts zeroed). */
        public static PageChange allocate(long pageId) {
            return new PageChange(Kind.ALLOCATE, pageId, 0, null);
        }

        /** The page was freed. */
        public static PageChange free(long pageId) {
            return new PageChange(Kind.FREE, pageId, 0, null);
        }

        int encodedSize() {
            return 1 + 8 + (kind.hasBytes() ? 8 + bytes.length : 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PageChange c && c.kind == kind && c.pageId == pageId && c.offset == offset
                    && Arrays.equals(c.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, pageId, offset) * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return kind + "(page " + pageId + (kind.hasBytes() ? ", offset " + offset + ", " + bytes.length
                    + " bytes" : "") + ")";
        }
    }

    public MiniTransactionRecord {
        undo = undo == null ? new byte[0] : undo;
        changes = List.copyOf(changes);
        if (compensation && undo.length != 8) {
            throw new IllegalArgumentException("a compensation record's undo field is its 8-byte undo-next LSN");
        }
    }

    /** A forward (non-compensation) mini-transaction record. */
    public MiniTransactionRecord(long transactionId, long previousLsn, byte[] undo, List<PageChange> changes) {
        this(transactionId, previousLsn, undo, changes, false);
    }

    /** A compensation record: {@code undoNextLsn} is the next record of the transaction still to undo (0: none). */
    public static MiniTransactionRecord compensation(long transactionId, long previousLsn, long undoNextLsn,
            List<PageChange> changes) {
        return new MiniTransactionRecord(transactionId, previousLsn, undoNextOf(undoNextLsn), changes, true);
    }

    static byte[] undoNextOf(long undoNextLsn) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(undoNextLsn).array();
    }

    /** Whether a payload's type byte is that of a mini-transaction or compensation record. */
    public static boolean isMiniTransaction(int type) {
        return type == TYPE || type == COMPENSATION_TYPE;
    }

    /** A compensation record's undo-next LSN. */
    public long undoNextLsn() {
        if (!compensation) {
            throw new IllegalStateException("not a compensation record");
        }
        return ByteBuffer.wrap(undo).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Bytes of the fixed header: type, transaction id, previous LSN, undo length. */
    static final int HEADER_BYTES = 1 + 8 + 8 + 4;

    /** The encoded size in bytes. */
    public int encodedSize() {
        long size = HEADER_BYTES + (long) undo.length + 4;
        for (PageChange c : changes) {
            size += c.encodedSize();
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a mini-transaction record of " + size + " bytes is too large");
        }
        return (int) size;
    }

    /** Encodes the record into a new little-endian buffer (position 0, limit its size). */
    public ByteBuffer encode() {
        ByteBuffer b = ByteBuffer.allocate(encodedSize()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(compensation ? COMPENSATION_TYPE : TYPE).putLong(transactionId).putLong(previousLsn).putInt(undo.length).put(undo).putInt(changes.size());
        for (PageChange c : changes) {
            b.put(c.kind.code).putLong(c.pageId);
            if (c.kind.hasBytes()) {
                b.putInt(c.offset).putInt(c.bytes.length).put(c.bytes);
            }
        }
        return b.flip();
    }

    /** The record type of a kernel log payload (its first byte), or -1 for an empty payload. */
    public static int typeOf(ByteBuffer payload) {
        return payload.remaining() == 0 ? -1 : payload.get(payload.position());
    }

    /**
     * Decodes {@code payload}'s remaining bytes (its position is not changed).
     *
     * @param lsn the record's LSN, for error messages
     * @throws StorageException {@code STORAGE_CORRUPT} when the payload is not a well-formed mini-transaction
     */
    public static MiniTransactionRecord decode(ByteBuffer payload, long lsn) {
        ByteBuffer b = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte type = b.get();
            if (!isMiniTransaction(type)) {
                throw corrupt(lsn, "record type " + type + " is not a mini-transaction (" + TYPE + " or "
                        + COMPENSATION_TYPE + ")");
            }
            boolean compensation = type == COMPENSATION_TYPE;
            long tx = b.getLong();
            long prev = b.getLong();
            int undoLength = b.getInt();
            if (undoLength < 0 || undoLength > b.remaining()) {
                throw corrupt(lsn, "undo length " + undoLength + " is out of range");
            }
            if (compensation && undoLength != 8) {
                throw corrupt(lsn, "a compensation record's undo-next field has " + undoLength + " bytes, not 8");
            }
            byte[] undo = new byte[undoLength];
            b.get(undo);
            int count = b.getInt();
            // Each change takes at least 9 bytes: a count beyond that is damage, not a reason to allocate.
            if (count < 0 || count > b.remaining() / 9) {
                throw corrupt(lsn, "change count " + count + " is out of range");
            }
            List<PageChange> changes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Kind kind = Kind.of(b.get());
                if (kind == null) {
                    throw corrupt(lsn, "change " + i + " has an unknown kind");
                }
                long pageId = b.getLong();
                if (pageId < 0) {
                    throw corrupt(lsn, "change " + i + " names page " + pageId);
                }
                if (kind.hasBytes()) {
                    int offset = b.getInt();
                    int length = b.getInt();
                    if (offset < 0 || length < 0 || length > b.remaining()) {
                        throw corrupt(lsn, "change " + i + " has offset " + offset + " and length " + length);
                    }
                    byte[] bytes = new byte[length];
                    b.get(bytes);
                    changes.add(new PageChange(kind, pageId, offset, bytes));
                } else {
                    changes.add(new PageChange(kind, pageId, 0, null));
                }
            }
            if (b.hasRemaining()) {
                throw corrupt(lsn, b.remaining() + " bytes follow the last change");
            }
            return new MiniTransactionRecord(tx, prev, undo, changes, compensation);
        } catch (BufferUnderflowException e) {
            throw corrupt(lsn, "the payload ends early");
        }
    }

    /**
     * What recovery's analysis needs of a record: its transaction, predecessor, undo bytes and whether it is a
     * compensation. The page changes are left undecoded (redo decodes and checks them).
     */
    public record Header(long transactionId, long previousLsn, byte[] undo, boolean compensation) {
        /** A compensation record's undo-next LSN. */
        public long undoNextLsn() {
            return ByteBuffer.wrap(undo).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }
    }

    /**
     * Decodes the fixed header and the undo field of {@code payload}'s remaining bytes (its position is not
     * changed), without the page changes.
     *
     * @throws StorageException {@code STORAGE_CORRUPT} when the header is not well-formed
     */
    public static Header decodeHeader(ByteBuffer payload, long lsn) {
        ByteBuffer b = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte type = b.get();
            if (!isMiniTransaction(type)) {
                throw corrupt(lsn, "record type " + type + " is not a mini-transaction (" + TYPE + " or "
                        + COMPENSATION_TYPE + ")");
            }
            boolean compensation = type == COMPENSATION_TYPE;
            long tx = b.getLong();
            long prev = b.getLong();
            int undoLength = b.getInt();
            if (undoLength < 0 || undoLength > b.remaining()) {
                throw corrupt(lsn, "undo length " + undoLength + " is out of range");
            }
            if (compensation && undoLength != 8) {
                throw corrupt(lsn, "a compensation record's undo-next field has " + undoLength + " bytes, not 8");
            }
            byte[] undo = new byte[undoLength];
            b.get(undo);
            return new Header(tx, prev, undo, compensation);
        } catch (BufferUnderflowException e) {
            throw corrupt(lsn, "the payload ends early");
        }
    }

    private static StorageException corrupt(long lsn, String what) {
        return new StorageException(ErrorCode.STORAGE_CORRUPT, "The log record at LSN " + lsn
                + " is not a valid mini-transaction record: " + what + ".", "Restore the database from a backup.");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MiniTransactionRecord r && r.transactionId == transactionId
                && r.previousLsn == previousLsn && Arrays.equals(r.undo, undo) && r.changes.equals(changes)
                && r.compensation == compensation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(transactionId, previousLsn, changes) * 31 + Arrays.hashCode(undo);
    }

    @Override
    public String toString() {
        return (compensation ? "CompensationRecord[tx " : "MiniTransactionRecord[tx ") + transactionId + ", prev " + previousLsn + ", undo " + undo.length
                + " bytes, " + changes + "]";
    }
}
