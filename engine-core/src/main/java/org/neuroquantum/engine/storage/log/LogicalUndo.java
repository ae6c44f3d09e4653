package org.neuroquantum.engine.storage.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;

/**
 * The logical undo of one index operation, carried in its mini-transaction record: how to put the index back as
 * it was for this one key. Undo is logical because a split or merge caused by the operation may since have moved
 * the key, and other transactions' keys on the same pages must not be disturbed. Little-endian:
 *
 * <pre>
 * 0   i64  root page id of the index (its identity in the catalog)
 * 8   i32  key length k, then k bytes of key
 * ..  i32  previous value length v, then v bytes; v = -1: the key was absent (undo deletes it)
 * </pre>
 *
 * @param indexRootPageId the index the operation changed
 * @param key the key it changed
 * @param previousValue the value before the operation, or {@code null} when the key was absent
 */
public record LogicalUndo(long indexRootPageId, byte[] key, byte[] previousValue) {

    /** Encodes into a new array. */
    public byte[] encode() {
        int size = 8 + 4 + key.length + 4 + (previousValue == null ? 0 : previousValue.length);
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(indexRootPageId).putInt(key.length).put(key);
        if (previousValue == null) {
            b.putInt(-1);
        } else {
            b.putInt(previousValue.length).put(previousValue);
        }
        return b.array();
    }

    /**
     * Decodes the undo field of the record at {@code lsn}.
     *
     * @throws StorageException {@code STORAGE_CORRUPT} when the bytes are not a well-formed logical undo
     */
    public static LogicalUndo decode(byte[] bytes, long lsn) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            long root = b.getLong();
            int k = b.getInt();
            if (k < 0 || k > b.remaining()) {
                throw corrupt(lsn, "key length " + k);
            }
            byte[] key = new byte[k];
            b.get(key);
            int v = b.getInt();
            if (v < -1 || v > b.remaining()) {
                throw corrupt(lsn, "value length " + v);
            }
            byte[] value = null;
            if (v >= 0) {
                value = new byte[v];
                b.get(value);
            }
            if (b.hasRemaining()) {
                throw corrupt(lsn, b.remaining() + " trailing bytes");
            }
            return new LogicalUndo(root, key, value);
        } catch (BufferUnderflowException e) {
            throw corrupt(lsn, "it ends early");
        }
    }

    private static StorageException corrupt(long lsn, String what) {
        return new StorageException(ErrorCode.STORAGE_CORRUPT, "The logical undo of the log record at LSN " + lsn
                + " is damaged: " + what + ".", "Restore the database from a backup.");
    }
}
