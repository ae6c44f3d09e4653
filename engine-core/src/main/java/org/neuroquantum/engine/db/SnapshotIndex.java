package org.neuroquantum.engine.db;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;
import org.neuroquantum.spi.index.Index;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.KeyRange;

/** A read-only index held in memory: the rows of a {@link Table#snapshot snapshot table}. */
final class SnapshotIndex implements Index {
    private final String table;
    private final long rootPageId;
    private final NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);

    SnapshotIndex(String table, long rootPageId) {
        this.table = table;
        this.rootPageId = rootPageId;
    }

    /** Fills the snapshot before it is published. */
    void load(byte[] key, byte[] value) {
        entries.put(key, value);
    }

    @Override
    public long rootPageId() {
        return rootPageId;
    }

    @Override
    public byte[] get(IndexTransaction transaction, byte[] key) {
        byte[] v = entries.get(key);
        return v == null ? null : v.clone();
    }

    @Override
    public byte[] put(IndexTransaction transaction, byte[] key, byte[] value) {
        throw readOnly();
    }

    @Override
    public byte[] delete(IndexTransaction transaction, byte[] key) {
        throw readOnly();
    }

    private NeuroQuantumException readOnly() {
        return new NeuroQuantumException(ErrorCode.FEATURE_NOT_SUPPORTED, table + " is a system table; it is "
                + "read-only.", "Read it with SELECT.");
    }

    @Override
    public IndexCursor scan(IndexTransaction transaction, KeyRange range, boolean descending) {
        NavigableMap<byte[], byte[]> view = entries;
        if (range.low() != null) {
            view = view.tailMap(range.low(), range.lowInclusive());
        }
        if (range.high() != null) {
            view = view.headMap(range.high(), range.highInclusive());
        }
        Iterator<Map.Entry<byte[], byte[]>> it = (descending ? view.descendingMap() : view).entrySet().iterator();
        return new IndexCursor() {
            private Map.Entry<byte[], byte[]> current;

            @Override
            public boolean next() {
                current = it.hasNext() ? it.next() : null;
                return current != null;
            }

            @Override
            public byte[] key() {
                return current.getKey().clone();
            }

            @Override
            public byte[] value() {
                return current.getValue().clone();
            }

            @Override
            public void close() {
                current = null;
            }
        };
    }
}
