package org.neuroquantum.engine.storage.btree;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.KeyRange;

/**
 * A cursor over a {@link BTree}: it copies entries out in batches of whole leaves and holds no latch or pin
 * between calls, so the caller may change the tree while iterating. A batch ends at the first leaf boundary
 * after {@value #FIRST_BATCH_ENTRIES} entries, a limit that doubles with every batch up to
 * {@value #BATCH_ENTRIES} (or after {@value #BATCH_BYTES} bytes), so a caller that reads a few entries does
 * not pay for many. Each batch starts from the root past the last key of the previous one. Not thread-safe.
 */
final class BTreeCursor implements IndexCursor {
    static final int FIRST_BATCH_ENTRIES = 16;
    static final int BATCH_ENTRIES = 256;
    static final int BATCH_BYTES = 256 * 1024;

    private final BTree tree;
    private final IndexTransaction transaction;
    private final KeyRange range;
    private final boolean descending;
    private final List<byte[]> keys = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private long batchBytes;
    private int batchLimit = FIRST_BATCH_ENTRIES / 2;
    private int position = -1;
    private byte[] resume;
    private boolean exhausted;
    private boolean closed;
    private byte[] key;
    private byte[] value;

    BTreeCursor(BTree tree, IndexTransaction transaction, KeyRange range, boolean descending) {
        this.tree = tree;
        this.transaction = transaction;
        this.range = range;
        this.descending = descending;
    }

    @Override
    public boolean next() {
        if (closed) {
            throw new IllegalStateException("the cursor over index '" + tree.name() + "' is closed");
        }
        position++;
        while (position >= keys.size()) {
            if (exhausted) {
                key = null;
                value = null;
                position = keys.size();
                return false;
            }
            keys.clear();
            values.clear();
            batchBytes = 0;
            batchLimit = Math.min(BATCH_ENTRIES, batchLimit * 2);
            position = 0;
            if (descending) {
                tree.fillDescending(this);
            } else {
                tree.fillAscending(this);
            }
        }
        key = keys.get(position);
        value = values.get(position);
        return true;
    }

    @Override
    public byte[] key() {
        if (key == null) {
            throw new NoSuchElementException("the cursor is not on an entry (call next() first)");
        }
        return key.clone();
    }

    @Override
    public byte[] value() {
        if (value == null) {
            throw new NoSuchElementException("the cursor is not on an entry (call next() first)");
        }
        return value.clone();
    }

    @Override
    public void close() {
        closed = true;
        keys.clear();
        values.clear();
        key = null;
        value = null;
    }

    // ---------------------------------------------------------------- for the tree's refills

    KeyRange range() {
        return range;
    }

    IndexTransaction transaction() {
        return transaction;
    }

    /** The last key of the previous batch (exclusive bound of the next), or {@code null} before the first. */
    byte[] resumeKey() {
        return resume;
    }

    void add(byte[] k, byte[] v) {
        keys.add(k);
        values.add(v);
        batchBytes += k.length + v.length;
        resume = k;
    }

    void exhausted() {
        exhausted = true;
    }

    boolean batchFull() {
        return keys.size() >= batchLimit || batchBytes >= BATCH_BYTES;
    }

    boolean batchEmpty() {
        return keys.isEmpty();
    }
}
