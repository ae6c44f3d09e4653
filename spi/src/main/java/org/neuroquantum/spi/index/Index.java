package org.neuroquantum.spi.index;

import org.neuroquantum.spi.annotation.Evolving;

/**
 * An ordered map from byte-string keys to byte-string values, stored in pages of the buffer pool. Keys
 * compare as unsigned lexicographic byte strings. A unique index holds at most one value per key; the kernel
 * builds non-unique indexes by appending the primary key to the key.
 *
 * <h2>Threading</h2>
 * Thread-safe: concurrent readers and writers are allowed and each operation is atomic. Isolation between
 * transactions is the kernel's job (locks), not the index's.
 *
 * <h2>Durability</h2>
 * Changes are made through {@link PageAccess} and are therefore logged; they become durable when their
 * transaction commits. After recovery the index is structurally consistent and holds exactly the effects of
 * committed transactions.
 *
 * <h2>Errors</h2>
 * {@link org.neuroquantum.spi.error.StorageException} for storage failures and corruption (with the page);
 * {@link IllegalArgumentException} for a key or value larger than {@link IndexFactory#maxEntryBytes}.
 */
@Evolving
public interface Index {
    /** The page id of the index's root (stable for the index's lifetime), recorded in the catalog. */
    long rootPageId();

    /** The value stored under {@code key}, or {@code null}. */
    byte[] get(IndexTransaction transaction, byte[] key);

    /** Stores {@code value} under {@code key}, returning the previous value or {@code null}. */
    byte[] put(IndexTransaction transaction, byte[] key, byte[] value);

    /** Removes {@code key}, returning its value or {@code null} when it was absent. */
    byte[] delete(IndexTransaction transaction, byte[] key);

    /** A cursor over the entries in {@code range}, ascending or (when {@code descending}) descending. */
    IndexCursor scan(IndexTransaction transaction, KeyRange range, boolean descending);
}
