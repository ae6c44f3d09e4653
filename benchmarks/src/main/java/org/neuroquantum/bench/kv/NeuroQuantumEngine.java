package org.neuroquantum.bench.kv;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neuroquantum.engine.config.KernelConfig;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.db.Database;
import org.neuroquantum.engine.db.RowCursor;
import org.neuroquantum.engine.db.Table;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.Transaction;

/**
 * NeuroQuantumDB through its storage Java API: one table {@code kv (k BLOB primary key, v BLOB)}, a clustered
 * B+ tree keyed by {@code k}; {@code sync.mode=commit} (a commit returns once its log records are durable,
 * concurrent commits sharing one sync) and {@code buffer.pool.size} = the cache budget. Every call is one
 * transaction: writes in a read-write one, reads in a read-only one.
 */
final class NeuroQuantumEngine implements KvEngine {
    private static final String NAME = "neuroquantum";
    private static final String TABLE = "kv";
    private static final String ORIGIN = "storage benchmark";

    private Path directory;
    private long cacheBytes;
    private Database db;
    private Table table;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "NeuroQuantumDB " + ArtifactVersion.of("org.neuroquantum", "neuroquantum-engine-core")
                + (db == null ? "" : ", page size " + db.header().pageSize() + " B");
    }

    @Override
    public void open(Path dir, KvOptions options) {
        try {
            directory = dir;
            cacheBytes = options.cacheBytes();
            RawConfig config = RawConfig.empty()
                    .set(KernelConfig.BUFFER_POOL_SIZE, (cacheBytes >> 10) + "KB", ORIGIN)
                    .set(KernelConfig.SYNC_MODE, "commit", ORIGIN);
            db = Database.open(dir, config);
            table = db.findTable(TABLE).orElseGet(() -> db.createTable(TABLE, TableSchema.builder()
                    .notNull("k", ColumnType.BLOB)
                    .notNull("v", ColumnType.BLOB)
                    .primaryKey("k")
                    .build()));
        } catch (RuntimeException e) {
            close();
            throw new KvEngineException(NAME, "open " + dir, e);
        }
    }

    @Override
    public void put(byte[] key, byte[] value) {
        try (Transaction tx = db.begin()) {
            table.put(tx, new Object[] {key, value});
            tx.commit();
        }
    }

    @Override
    public void putBatch(byte[][] keys, byte[][] values, int from, int to) {
        try (Transaction tx = db.begin()) {
            for (int i = from; i < to; i++) {
                table.put(tx, new Object[] {keys[i], values[i]});
            }
            tx.commit();
        }
    }

    @Override
    public byte[] get(byte[] key) {
        try (Transaction tx = db.begin(true)) {
            Object[] row = table.get(tx, (Object) key);
            tx.commit();
            return row == null ? null : (byte[]) row[1];
        }
    }

    @Override
    public void delete(byte[] key) {
        try (Transaction tx = db.begin()) {
            table.delete(tx, (Object) key);
            tx.commit();
        }
    }

    @Override
    public int scan(byte[] fromInclusive, byte[] toExclusive, RowVisitor visitor) {
        int rows = 0;
        // The table's range is inclusive at both ends: the upper bound itself is cut here.
        try (Transaction tx = db.begin(true);
                RowCursor cursor = table.scan(tx, new Object[] {fromInclusive}, new Object[] {toExclusive}, false)) {
            while (cursor.next()) {
                Object[] row = cursor.row();
                byte[] key = (byte[]) row[0];
                if (Arrays.compareUnsigned(key, toExclusive) >= 0) {
                    break;
                }
                visitor.visit(key, (byte[]) row[1]);
                rows++;
            }
            tx.commit();
        }
        return rows;
    }

    @Override
    public String cacheDescription() {
        return "buffer pool (buffer.pool.size) of " + (cacheBytes >> 20) + " MB, off-heap";
    }

    @Override
    public Map<String, Object> openDiagnostics() {
        Database.RecoveryReport r = db.recoveryReport();
        if (r == null) {
            return Map.of();
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("recovery_ms", r.nanos() / 1e6);
        d.put("log_records_read", r.recordsRead());
        d.put("changes_redone", r.changesRedone());
        d.put("transactions_rolled_back", r.transactionsRolledBack());
        return d;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
            db = null;
            table = null;
        }
    }
}
