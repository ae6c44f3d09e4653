package org.neuroquantum.engine.storage.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

/**
 * The WAL payload that ends a transaction (kernel log format version 1), little-endian:
 *
 * <pre>
 * 0   u8   record type: 2 = COMMIT, 3 = ABORT (the rollback is complete: every change has been compensated)
 * 1   i64  transaction id
 * 9   i64  previous LSN of the transaction (0 = none)
 * </pre>
 *
 * A transaction whose last record is neither is a loser at recovery and is rolled back.
 *
 * @param commit true for COMMIT, false for ABORT
 */
public record TransactionRecord(boolean commit, long transactionId, long previousLsn) {
    /** The record type byte of a commit record. */
    public static final byte COMMIT_TYPE = 2;
    /** The record type byte of an abort (rollback complete) record. */
    public static final byte ABORT_TYPE = 3;
    static final int SIZE = 17;

    /** Whether a payload's type byte is that of a transaction-end record. */
    public static boolean isTransactionEnd(int type) {
        return type == COMMIT_TYPE || type == ABORT_TYPE;
    }

    /** Encodes the record into a new little-endian buffer (position 0, limit its size). */
    public ByteBuffer encode() {
        return ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN).put(commit ? COMMIT_TYPE : ABORT_TYPE)
                .putLong(transactionId).putLong(previousLsn).flip();
    }

    /**
     * Decodes {@code payload}'s remaining bytes (its position is not changed).
     *
     * @throws StorageException {@code STORAGE_CORRUPT} when the payload is not a well-formed transaction-end record
     */
    public static TransactionRecord decode(ByteBuffer payload, long lsn) {
        ByteBuffer b = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte type = b.get();
            if (!isTransactionEnd(type) || b.remaining() != SIZE - 1) {
                throw corrupt(lsn, "type " + type + " with " + (b.remaining() + 1) + " bytes");
            }
            return new TransactionRecord(type == COMMIT_TYPE, b.getLong(), b.getLong());
        } catch (BufferUnderflowException e) {
            throw corrupt(lsn, "the payload ends early");
        }
    }

    private static StorageException corrupt(long lsn, String what) {
        return new StorageException(ErrorCode.STORAGE_CORRUPT, "The log record at LSN " + lsn
                + " is not a valid commit or abort record: " + what + ".", "Restore the database from a backup.");
    }
}
