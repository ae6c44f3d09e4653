package org.neuroquantum.engine.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.neuroquantum.engine.table.Column;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.IndexDefinition;
import org.neuroquantum.engine.table.KeyCodec;
import org.neuroquantum.engine.table.RowCodec;
import org.neuroquantum.engine.table.TableDefinition;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.engine.txn.TransactionManager;
import org.neuroquantum.engine.txn.lock.LockKey;
import org.neuroquantum.engine.txn.lock.LockMode;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;
import org.neuroquantum.spi.index.Index;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.KeyRange;

/**
 * A table: a clustered index from the primary key's {@link KeyCodec key encoding} (or a hidden row id) to the
 * {@link RowCodec row format} of the other columns, plus secondary indexes from their key to the primary key.
 *
 * <h2>Locks (strict two-phase locking, held to the transaction's end)</h2>
 * Reading one row takes IS on the table and S on its key; changing one takes IX and X (and X on the unique index
 * key it would occupy). Past {@code lock.escalation-rows} row locks in one table a transaction locks the table
 * instead. Scans take S on the whole table, which keeps phantoms out: serializable, at the price of
 * blocking writers of that table until the scanning transaction ends.
 *
 * <p>Thread-safe; each transaction is used by one thread at a time.
 */
public final class Table {
    /** Replaced together by DDL ({@link #addIndex}); a writer reads both through one volatile read of {@code state}. */
    private record State(TableDefinition definition, List<Index> indexes) {
    }

    private volatile State state;
    private final Index primary;
    private final TransactionManager transactions;
    private final List<Column> keyColumns;
    private final AtomicLong nextRowId;
    private final LockKey relation;
    /** Uses per access method since the database was opened; keyed by index name, "" the primary key, null never. */
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private final Usage fullScans = new Usage();

    /** Scans started and rows returned through one access method. */
    private static final class Usage {
        final LongAdder scans = new LongAdder();
        final LongAdder rows = new LongAdder();
    }

    Table(TableDefinition definition, Index primary, List<Index> indexes, TransactionManager transactions,
            long nextRowId) {
        this.state = new State(definition, List.copyOf(indexes));
        this.primary = primary;
        this.transactions = transactions;
        TableSchema schema = definition.schema();
        List<Column> kc = new ArrayList<>();
        for (int p : schema.primaryKey()) {
            kc.add(schema.columns().get(p));
        }
        this.keyColumns = kc.isEmpty() ? List.of(new Column("_rowid", ColumnType.BIGINT, false)) : List.copyOf(kc);
        this.nextRowId = new AtomicLong(nextRowId);
        this.relation = LockKey.relation(definition.rootPageId());
    }

    /**
     * A read-only table over a snapshot of rows held in memory, outside the catalog and the page store: what
     * system tables ({@code nq_locks}, …) are made of, so that queries read them like any table. Its rows are
     * identified by a hidden row id (the schema must have no primary key); writing fails with {@code 0A000}.
     * Scans take a shared lock on a relation id of their own (negative, never a page id) like any table scan.
     *
     * @param relationId a negative id, distinct per snapshot table name
     */
    public static Table snapshot(String name, TableSchema schema, List<Object[]> rows, TransactionManager transactions,
            long relationId) {
        if (!schema.hasHiddenRowId()) {
            throw new IllegalArgumentException("a snapshot table has no primary key");
        }
        if (relationId >= 0) {
            throw new IllegalArgumentException("relation ids of snapshot tables are negative");
        }
        SnapshotIndex index = new SnapshotIndex(name, relationId);
        List<Column> rowId = List.of(new Column("_rowid", ColumnType.BIGINT, false));
        long id = 0;
        for (Object[] row : rows) {
            schema.checkRow(name, row);
            index.load(KeyCodec.encode(rowId, new Object[] {id++}, true), RowCodec.encode(schema, row));
        }
        return new Table(new TableDefinition(name, relationId, schema, List.of()), index, List.of(), transactions, id);
    }

    /** Makes a newly built secondary index part of the table (after its creating transaction committed). */
    void addIndex(TableDefinition widened, Index index) {
        List<Index> all = new ArrayList<>(state.indexes());
        all.add(index);
        state = new State(widened, List.copyOf(all));
    }

    /** Removes secondary index {@code position} (after the dropping transaction committed). */
    void removeIndex(TableDefinition narrowed, int position) {
        List<Index> all = new ArrayList<>(state.indexes());
        all.remove(position);
        state = new State(narrowed, List.copyOf(all));
    }

    /** The table's name. */
    public String name() {
        return state.definition().name();
    }

    /** Columns and primary key. */
    public TableSchema schema() {
        return state.definition().schema();
    }

    /** The catalog entry. */
    public TableDefinition definition() {
        return state.definition();
    }

    Index primaryIndex() {
        return primary;
    }

    List<Index> secondaryIndexes() {
        return state.indexes();
    }

    static IndexTransaction reader(Transaction t) {
        return t::id;
    }

    /** The clustered-index key of the row with these primary key values (in primary key order). */
    public byte[] key(Object... keyValues) {
        if (schema().hasHiddenRowId()) {
            throw new NeuroQuantumException(ErrorCode.INVALID_DEFINITION, "Table " + name() + " has no primary key; "
                    + "its rows are identified by the row keys a scan returns.", "Use scan and RowCursor.rowKey().");
        }
        if (keyValues.length != keyColumns.size()) {
            throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "The primary key of " + name() + " has "
                    + keyColumns.size() + " column(s); " + keyValues.length + " value(s) were given.",
                    "Give one value per primary key column.");
        }
        for (int i = 0; i < keyValues.length; i++) {
            Column c = keyColumns.get(i);
            if (keyValues[i] == null) {
                throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "Primary key column " + c.name()
                        + " cannot be NULL.", "Give a value.");
            }
            c.type().check(c.name(), keyValues[i]);
        }
        return KeyCodec.encode(keyColumns, keyValues, true);
    }

    private byte[] keyOfRow(Object[] row) {
        int[] pk = schema().primaryKey();
        Object[] values = new Object[pk.length];
        for (int i = 0; i < pk.length; i++) {
            values[i] = row[pk[i]];
        }
        return KeyCodec.encode(keyColumns, values, true);
    }

    private Object[] decode(byte[] key, byte[] value) {
        Object[] keyValues = schema().hasHiddenRowId() ? new Object[0] : KeyCodec.decode(keyColumns, key, true);
        return RowCodec.decode(schema(), keyValues, value);
    }

    /** The row with these primary key values, or null. */
    public Object[] get(Transaction t, Object... keyValues) {
        return getRow(t, key(keyValues));
    }

    /** The row stored under a clustered-index key, or null. */
    public Object[] getRow(Transaction t, byte[] rowKey) {
        transactions.lockRow(t, relation.relationId(), rowKey, false);
        byte[] v = primary.get(reader(t), rowKey);
        Usage u = usage("");
        u.scans.increment();
        if (v != null) {
            u.rows.increment();
        }
        return v == null ? null : decode(rowKey, v);
    }

    /**
     * Inserts a new row (one value per column, in column order).
     *
     * @return the row's clustered-index key
     * @throws NeuroQuantumException {@code 23505} when its primary key or a unique index value exists already,
     *     {@code 23502}/{@code 22000} for a bad value; nothing is changed then
     */
    public byte[] insert(Transaction t, Object[] row) {
        schema().checkRow(name(), row);
        byte[] key;
        if (schema().hasHiddenRowId()) {
            key = KeyCodec.encode(keyColumns, new Object[] {nextRowId.getAndIncrement()}, true);
        } else {
            key = keyOfRow(row);
        }
        lockForWrite(t, key);
        byte[][] entries = indexEntries(row, key);
        checkUnique(t, row, entries, null);
        // One descent instead of a lookup and a put: a duplicate (rare) is put back at once.
        byte[] previous = transactions.put(t, primary, key, RowCodec.encode(schema(), row));
        if (previous != null) {
            transactions.put(t, primary, key, previous);
            throw new NeuroQuantumException(ErrorCode.UNIQUE_VIOLATION, "Table " + name() + " already has a row "
                    + "with primary key " + describeKey(row) + ".", "Use another key, or update the existing row.");
        }
        for (int i = 0; i < secondaryIndexes().size(); i++) {
            transactions.put(t, secondaryIndexes().get(i), entries[i], key);
        }
        return key;
    }

    /** Inserts the row, or replaces the row with its primary key. Not for tables without a primary key. */
    public void put(Transaction t, Object[] row) {
        schema().checkRow(name(), row);
        byte[] key = key(pkValues(row));
        lockForWrite(t, key);
        if (secondaryIndexes().isEmpty()) {
            // Nothing else to keep in step with the row: one descent stores it, whether it is new or replaced.
            transactions.put(t, primary, key, RowCodec.encode(schema(), row));
            return;
        }
        byte[] old = primary.get(reader(t), key);
        if (old == null) {
            byte[][] entries = indexEntries(row, key);
            checkUnique(t, row, entries, null);
            transactions.put(t, primary, key, RowCodec.encode(schema(), row));
            for (int i = 0; i < secondaryIndexes().size(); i++) {
                transactions.put(t, secondaryIndexes().get(i), entries[i], key);
            }
        } else {
            replace(t, key, decode(key, old), row);
        }
    }

    /**
     * Replaces the row stored under {@code rowKey} with {@code row}; a changed primary key moves the row.
     *
     * @return false when there is no such row
     */
    public boolean updateRow(Transaction t, byte[] rowKey, Object[] row) {
        schema().checkRow(name(), row);
        lockForWrite(t, rowKey);
        byte[] old = primary.get(reader(t), rowKey);
        if (old == null) {
            return false;
        }
        Object[] oldRow = decode(rowKey, old);
        if (!schema().hasHiddenRowId()) {
            byte[] newKey = keyOfRow(row);
            if (!Arrays.equals(newKey, rowKey)) {
                deleteRow(t, rowKey);
                insert(t, row);
                return true;
            }
        }
        replace(t, rowKey, oldRow, row);
        return true;
    }

    private void replace(Transaction t, byte[] key, Object[] oldRow, Object[] row) {
        byte[][] oldEntries = indexEntries(oldRow, key);
        byte[][] newEntries = indexEntries(row, key);
        checkUnique(t, row, newEntries, oldEntries);
        for (int i = 0; i < secondaryIndexes().size(); i++) {
            if (!Arrays.equals(oldEntries[i], newEntries[i])) {
                transactions.delete(t, secondaryIndexes().get(i), oldEntries[i]);
            }
        }
        transactions.put(t, primary, key, RowCodec.encode(schema(), row));
        for (int i = 0; i < secondaryIndexes().size(); i++) {
            if (!Arrays.equals(oldEntries[i], newEntries[i])) {
                transactions.put(t, secondaryIndexes().get(i), newEntries[i], key);
            }
        }
    }

    /** Deletes the row with these primary key values; false when there is none. */
    public boolean delete(Transaction t, Object... keyValues) {
        return deleteRow(t, key(keyValues));
    }

    /** Deletes the row stored under {@code rowKey}; false when there is none. */
    public boolean deleteRow(Transaction t, byte[] rowKey) {
        lockForWrite(t, rowKey);
        byte[] old = primary.get(reader(t), rowKey);
        if (old == null) {
            return false;
        }
        byte[][] entries = indexEntries(decode(rowKey, old), rowKey);
        for (int i = 0; i < secondaryIndexes().size(); i++) {
            transactions.delete(t, secondaryIndexes().get(i), entries[i]);
        }
        transactions.delete(t, primary, rowKey);
        return true;
    }

    /**
     * Rows whose primary key lies between {@code from} and {@code to}, both inclusive, each a prefix of the
     * primary key values (null: unbounded), ascending or descending.
     */
    public RowCursor scan(Transaction t, Object[] from, Object[] to, boolean descending) {
        transactions.lock(t, relation, LockMode.S);
        KeyRange range = range(keyColumns, from, to, true);
        IndexCursor c = primary.scan(reader(t), range, descending);
        Usage u = range.low() == null && range.high() == null ? fullScans : usage("");
        u.scans.increment();
        return new RowCursor() {
            private long rows;

            @Override
            public boolean next() {
                if (c.next()) {
                    rows++;
                    return true;
                }
                return false;
            }

            @Override
            public Object[] row() {
                return decode(c.key(), c.value());
            }

            @Override
            public byte[] rowKey() {
                return c.key();
            }

            @Override
            public void close() {
                u.rows.add(rows);
                rows = 0;
                c.close();
            }
        };
    }

    /**
     * Rows through the secondary index {@code indexName} whose indexed values lie between {@code from} and
     * {@code to} (inclusive prefixes of the indexed columns; null: unbounded), in index order.
     */
    public RowCursor indexScan(Transaction t, String indexName, Object[] from, Object[] to, boolean descending) {
        int which = indexPosition(indexName);
        IndexDefinition def = definition().indexes().get(which);
        transactions.lock(t, relation, LockMode.S);
        List<Column> cols = indexColumns(def);
        IndexCursor c = secondaryIndexes().get(which).scan(reader(t), range(cols, from, to, false), descending);
        IndexTransaction reader = reader(t);
        Usage u = usage(def.name());
        u.scans.increment();
        return new RowCursor() {
            private byte[] key;
            private Object[] row;
            private long rows;

            @Override
            public boolean next() {
                while (c.next()) {
                    key = c.value();
                    byte[] v = primary.get(reader, key);
                    if (v != null) {
                        row = decode(key, v);
                        rows++;
                        return true;
                    }
                }
                return false;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public byte[] rowKey() {
                return key;
            }

            @Override
            public void close() {
                u.rows.add(rows);
                rows = 0;
                c.close();
            }
        };
    }

    private int indexPosition(String indexName) {
        List<IndexDefinition> defs = definition().indexes();
        for (int i = 0; i < defs.size(); i++) {
            if (defs.get(i).name().equalsIgnoreCase(indexName)) {
                return i;
            }
        }
        throw new NeuroQuantumException(ErrorCode.UNDEFINED_OBJECT, "Table " + name() + " has no index "
                + indexName + ".", "Its indexes: " + defs.stream().map(IndexDefinition::name).toList() + ".");
    }

    private static KeyRange range(List<Column> cols, Object[] from, Object[] to, boolean openEnded) {
        byte[] low = from == null || from.length == 0 ? null : prefix(cols, from, openEnded);
        byte[] high = null;
        if (to != null && to.length > 0) {
            byte[] p = prefix(cols, to, openEnded);
            high = to.length == cols.size() && openEnded ? p : KeyCodec.successor(p);
            if (to.length == cols.size() && openEnded) {
                return new KeyRange(low, true, high, true);
            }
        }
        return new KeyRange(low, true, high, false);
    }

    private static byte[] prefix(List<Column> cols, Object[] values, boolean openEnded) {
        if (values.length > cols.size()) {
            throw new NeuroQuantumException(ErrorCode.DATA_INVALID, "A bound has " + values.length + " values; the "
                    + "key has " + cols.size() + " column(s).", "Give at most one value per key column.");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                cols.get(i).type().check(cols.get(i).name(), values[i]);
            }
        }
        return KeyCodec.encodePrefix(cols, values, values.length, openEnded);
    }

    private Object[] pkValues(Object[] row) {
        int[] pk = schema().primaryKey();
        if (pk.length == 0) {
            throw new NeuroQuantumException(ErrorCode.INVALID_DEFINITION, "Table " + name() + " has no primary key.",
                    "Use insert, or updateRow with a row key from a scan.");
        }
        Object[] v = new Object[pk.length];
        for (int i = 0; i < pk.length; i++) {
            v[i] = row[pk[i]];
        }
        return v;
    }

    private void lockForWrite(Transaction t, byte[] key) {
        transactions.lockRow(t, relation.relationId(), key, true);
    }

    private List<Column> indexColumns(IndexDefinition def) {
        List<Column> cols = new ArrayList<>();
        for (int p : def.columns()) {
            Column c = schema().columns().get(p);
            cols.add(new Column(c.name(), c.type(), true));
        }
        return cols;
    }

    /** Each secondary index's entry key for {@code row}. */
    private byte[][] indexEntries(Object[] row, byte[] key) {
        byte[][] entries = new byte[secondaryIndexes().size()][];
        for (int i = 0; i < secondaryIndexes().size(); i++) {
            IndexDefinition def = definition().indexes().get(i);
            int[] cols = def.columns();
            Object[] values = new Object[cols.length];
            boolean anyNull = false;
            for (int k = 0; k < cols.length; k++) {
                values[k] = row[cols[k]];
                anyNull |= values[k] == null;
            }
            byte[] prefix = KeyCodec.encode(indexColumns(def), values, false);
            if (def.unique() && !anyNull) {
                entries[i] = prefix;
            } else {
                entries[i] = Arrays.copyOf(prefix, prefix.length + key.length);
                System.arraycopy(key, 0, entries[i], prefix.length, key.length);
            }
        }
        return entries;
    }

    private void checkUnique(Transaction t, Object[] row, byte[][] entries, byte[][] oldEntries) {
        for (int i = 0; i < secondaryIndexes().size(); i++) {
            IndexDefinition def = definition().indexes().get(i);
            if (!def.unique() || oldEntries != null && Arrays.equals(oldEntries[i], entries[i])) {
                continue;
            }
            transactions.lock(t, LockKey.key(def.rootPageId(), entries[i]), LockMode.X);
            if (secondaryIndexes().get(i).get(reader(t), entries[i]) != null) {
                StringBuilder values = new StringBuilder();
                for (int p : def.columns()) {
                    values.append(values.length() == 0 ? "" : ", ").append(format(row[p]));
                }
                throw new NeuroQuantumException(ErrorCode.UNIQUE_VIOLATION, "Unique index " + def.name() + " of "
                        + name() + " already holds (" + values + ").", "Use another value, or update that row.");
            }
        }
    }

    private String describeKey(Object[] row) {
        StringBuilder b = new StringBuilder("(");
        for (int p : schema().primaryKey()) {
            b.append(b.length() == 1 ? "" : ", ").append(format(row[p]));
        }
        return b.append(')').toString();
    }

    private static String format(Object v) {
        if (v instanceof byte[] b) {
            StringBuilder s = new StringBuilder("x'");
            for (byte x : b) {
                s.append(String.format(Locale.ROOT, "%02x", x));
            }
            return s.append('\'').toString();
        }
        return String.valueOf(v);
    }

    @Override
    public String toString() {
        return "table " + name() + " " + schema();
    }

    private Usage usage(String index) {
        return usage.computeIfAbsent(index.toLowerCase(Locale.ROOT), k -> new Usage());
    }

    /**
     * How the table was read since the database was opened: full scans, primary key lookups and ranges, and
     * each secondary index (unused ones with zeros).
     */
    public List<AccessStatistics> accessStatistics() {
        List<AccessStatistics> out = new ArrayList<>();
        out.add(new AccessStatistics(name(), null, "full scan", fullScans.scans.sum(), fullScans.rows.sum()));
        if (!schema().hasHiddenRowId()) {
            Usage pk = usage("");
            out.add(new AccessStatistics(name(), name() + "_pkey", "primary key", pk.scans.sum(), pk.rows.sum()));
        }
        for (IndexDefinition def : definition().indexes()) {
            Usage u = usage(def.name());
            out.add(new AccessStatistics(name(), def.name(), "index", u.scans.sum(), u.rows.sum()));
        }
        return out;
    }

    /** Adds the entry of secondary index {@code which} for an existing row (building a new index). */
    void addIndexEntry(Transaction t, int which, Object[] row, byte[] rowKey) {
        byte[][] entries = indexEntries(row, rowKey);
        IndexDefinition def = definition().indexes().get(which);
        if (def.unique() && secondaryIndexes().get(which).get(reader(t), entries[which]) != null) {
            StringBuilder values = new StringBuilder();
            for (int p : def.columns()) {
                values.append(values.length() == 0 ? "" : ", ").append(format(row[p]));
            }
            throw new NeuroQuantumException(ErrorCode.UNIQUE_VIOLATION, "Unique index " + def.name() + " cannot be "
                    + "created: two rows of " + name() + " hold (" + values + ").", "Remove the duplicates first.");
        }
        transactions.put(t, secondaryIndexes().get(which), entries[which], rowKey);
    }
}
