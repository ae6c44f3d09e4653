package org.neuroquantum.bench.kv;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * RocksDB through rocksdbjni with default options except: an LRU block cache of the budget, a 10-bit Bloom filter
 * (the usual setting for point lookups), and {@code WriteOptions.sync=true} on every write so that a commit is
 * durable when it returns. Index and filter blocks stay outside the block cache (RocksDB's default, about 2.5 MB
 * at 1M records): with {@code cache_index_and_filter_blocks=true} and a 29 MB cache, the sharded LRU cache (64
 * shards of under 0.5 MB) cannot hold a whole-file index or filter block, and every lookup re-read one (W7 fell
 * from about 40K to 4K reads/s). Memtables (64 MB default) come on top of the budget.
 */
final class RocksDbEngine implements KvEngine {
    private static final String NAME = "rocksdb";

    static {
        RocksDB.loadLibrary();
    }

    private Path directory;
    private long cacheBytes;
    private Options options;
    private LRUCache cache;
    private BloomFilter filter;
    private WriteOptions syncWrites;
    private RocksDB db;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "RocksDB " + RocksDB.rocksdbVersion() + " (org.rocksdb:rocksdbjni of the same version)";
    }

    @Override
    public void open(Path dir, KvOptions kvOptions) {
        try {
            Files.createDirectories(dir);
            directory = dir;
            cacheBytes = kvOptions.cacheBytes();
            cache = new LRUCache(cacheBytes);
            filter = new BloomFilter(10);
            BlockBasedTableConfig table = new BlockBasedTableConfig()
                    .setBlockCache(cache)
                    .setFilterPolicy(filter);
            options = new Options().setCreateIfMissing(true).setTableFormatConfig(table);
            syncWrites = new WriteOptions().setSync(true);
            db = RocksDB.open(options, dir.toString());
        } catch (Exception e) {
            close();
            throw new KvEngineException(NAME, "open " + dir, e);
        }
    }

    @Override
    public void put(byte[] key, byte[] value) {
        try {
            db.put(syncWrites, key, value);
        } catch (RocksDBException e) {
            throw new KvEngineException(NAME, "put", e);
        }
    }

    @Override
    public void putBatch(byte[][] keys, byte[][] values, int from, int to) {
        try (WriteBatch batch = new WriteBatch()) {
            for (int i = from; i < to; i++) {
                batch.put(keys[i], values[i]);
            }
            db.write(syncWrites, batch);
        } catch (RocksDBException e) {
            throw new KvEngineException(NAME, "putBatch", e);
        }
    }

    @Override
    public byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new KvEngineException(NAME, "get", e);
        }
    }

    @Override
    public void delete(byte[] key) {
        try {
            db.delete(syncWrites, key);
        } catch (RocksDBException e) {
            throw new KvEngineException(NAME, "delete", e);
        }
    }

    @Override
    public int scan(byte[] fromInclusive, byte[] toExclusive, RowVisitor visitor) {
        int rows = 0;
        try (Slice upper = new Slice(toExclusive);
                ReadOptions read = new ReadOptions().setIterateUpperBound(upper);
                RocksIterator it = db.newIterator(read)) {
            for (it.seek(fromInclusive); it.isValid(); it.next()) {
                visitor.visit(it.key(), it.value());
                rows++;
            }
            it.status();
            return rows;
        } catch (RocksDBException e) {
            throw new KvEngineException(NAME, "scan", e);
        }
    }

    @Override
    public String cacheDescription() {
        return "LRU block cache of " + (cacheBytes >> 20) + " MB (+ index and filter blocks outside it, + 64 MB "
                + "memtable)";
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
        }
        // Native handles are freed in the reverse order of their creation.
        if (syncWrites != null) {
            syncWrites.close();
        }
        if (options != null) {
            options.close();
        }
        if (filter != null) {
            filter.close();
        }
        if (cache != null) {
            cache.close();
        }
        syncWrites = null;
        options = null;
        filter = null;
        cache = null;
    }
}
