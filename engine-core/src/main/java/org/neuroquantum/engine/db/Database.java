package org.neuroquantum.engine.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.neuroquantum.engine.config.Suggestions;
import org.neuroquantum.engine.storage.log.LoggedPageAccess;
import org.neuroquantum.engine.table.Column;
import org.neuroquantum.engine.table.ColumnType;
import org.neuroquantum.engine.table.IndexDefinition;
import org.neuroquantum.engine.table.KeyCodec;
import org.neuroquantum.engine.table.TableDefinition;
import org.neuroquantum.engine.table.TableSchema;
import org.neuroquantum.engine.txn.CheckpointFile;
import org.neuroquantum.engine.txn.Checkpointer;
import org.neuroquantum.engine.txn.Recovery;
import org.neuroquantum.engine.txn.SyncMode;
import org.neuroquantum.engine.txn.Transaction;
import org.neuroquantum.engine.txn.TransactionManager;
import org.neuroquantum.engine.txn.lock.LockKey;
import org.neuroquantum.engine.txn.lock.LockManager;
import org.neuroquantum.engine.txn.lock.LockMode;
import org.neuroquantum.spi.error.NeuroQuantumException;
import org.neuroquantum.spi.index.Index;
import org.neuroquantum.spi.index.IndexContext;
import org.neuroquantum.spi.index.IndexCursor;
import org.neuroquantum.spi.index.IndexFactory;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.KeyRange;
import org.neuroquantum.spi.index.PageAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.KernelConfig;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.engine.plugin.ProviderRegistry;
import org.neuroquantum.engine.storage.DatabaseHeader;
import org.neuroquantum.engine.storage.buffer.BackgroundFlusher;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.buffer.Prewarmer;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.storage.PageStore;
import org.neuroquantum.spi.storage.PageStoreContext;
import org.neuroquantum.spi.storage.PageStoreFactory;
import org.neuroquantum.spi.wal.SegmentArchiver;
import org.neuroquantum.spi.wal.WriteAheadLog;
import org.neuroquantum.spi.wal.WriteAheadLogContext;
import org.neuroquantum.spi.wal.WriteAheadLogFactory;

/**
 * An open database directory: its page store, write-ahead log and buffer pool, assembled from the providers the
 * configuration names and checked against the providers that created it.
 *
 * <pre>
 * DIR/neuroquantum.db   identification: the stateful providers and their format versions (properties text)
 * DIR/data.nq           pages (page store 'file'); page 0 is the database header page
 * DIR/wal/              write-ahead log segments (WAL 'file')
 * DIR/lock              held (an OS file lock) while the database is open
 * </pre>
 *
 * A directory is opened by one process at a time. Opening with a page store or WAL other than the one that
 * created the database, or one that cannot read its format version, is refused before any file is touched,
 * naming the expected provider. Tables, transactions and recovery are built on this class as the storage
 * engine grows.
 */
public final class Database implements AutoCloseable {
    /** The identification file's name. */
    public static final String MARKER = "neuroquantum.db";
    private static final String WAL_DIRECTORY = "wal";
    private static final String DATA_FILE = "data.nq";
    private static final String CATALOG_NAME = "catalog";
    private static final byte[] TABLE_PREFIX = {'t', ':'};
    /** Catalog entries holding a table's planner statistics (written by SQL ANALYZE; opaque to the catalog). */
    private static final byte[] STATISTICS_PREFIX = {'s', ':'};
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * What opening the database took: log records analysed, page changes redone, transactions rolled back and
     * their changes compensated, pages torn by a crash and rebuilt from full-page images, and the time from opening
     * the files to being ready.
     */
    public record RecoveryReport(long recordsRead, long changesRedone, int transactionsRolledBack,
            long changesUndone, long tornPagesRebuilt, long nanos) {
    }

    private final Path directory;
    private final Kernel kernel;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final PageStore pageStore;
    private final WriteAheadLog wal;
    private final BufferPool pool;
    private final DatabaseHeader header;
    private final LoggedPageAccess access;
    private final TransactionManager transactions;
    private final IndexFactory indexFactory;
    private final Checkpointer checkpointer;
    private final Config config;
    private final Metrics metrics;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Map<Long, Index> indexesByRoot = new ConcurrentHashMap<>();
    private final Map<String, byte[]> statistics = new ConcurrentHashMap<>();
    private final Object ddl = new Object();
    private Index catalog;
    private BackgroundFlusher flusher;
    private Prewarmer prewarmer;
    private RecoveryReport lastRecovery;
    private boolean closed;

    private Database(Path directory, Kernel kernel, FileChannel lockChannel, FileLock lock, PageStore pageStore,
            WriteAheadLog wal, BufferPool pool, DatabaseHeader header, LoggedPageAccess access,
            TransactionManager transactions, IndexFactory indexFactory, CheckpointFile checkpoints, Config config,
            Metrics metrics) {
        this.directory = directory;
        this.kernel = kernel;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pageStore = pageStore;
        this.wal = wal;
        this.pool = pool;
        this.header = header;
        this.access = access;
        this.transactions = transactions;
        this.indexFactory = indexFactory;
        this.config = config;
        this.metrics = metrics;
        this.checkpointer = new Checkpointer(access, pool, pageStore, wal, transactions, checkpoints,
                config.getDuration(KernelConfig.CHECKPOINT_INTERVAL), config.getSize(KernelConfig.CHECKPOINT_WAL_VOLUME),
                metrics.scoped("checkpoint"));
        transactions.setIndexResolver(this::indexByRoot);
    }

    private void start() {
        flusher = new BackgroundFlusher(pool, 200, 0.25);
        checkpointer.start();
        if (config.getBoolean(KernelConfig.BUFFER_POOL_PREWARM)) {
            prewarmer = new Prewarmer(pool, pageStore);
        }
    }

    /** Opens (creating if needed) the database in {@code directory}, starting an embedded kernel for it. */
    public static Database open(Path directory, RawConfig config) {
        return open(directory, Kernel.start(Kernel.Options.embedded(config)));
    }

    /** Opens (creating if needed) the database in {@code directory} with the providers of {@code kernel}. */
    public static Database open(Path directory, Kernel kernel) {
        Config config = kernel.config();
        String name = directory.toString();
        FileChannel lockChannel = null;
        Closer opened = new Closer();
        try {
            Files.createDirectories(directory);
            lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new StorageException(ErrorCode.STORAGE_IO, "Database " + name + " is open in another process "
                        + "(or elsewhere in this one).", "Close the other user of the database first.");
            }
            ProviderRegistry providers = kernel.plugins().providers();
            String storeName = config.getString(KernelConfig.PAGE_STORE);
            String walName = config.getString(KernelConfig.WAL);
            String indexName = config.getString(KernelConfig.INDEX);
            PageStoreFactory storeFactory = (PageStoreFactory) providers.resolve(ExtensionPoint.PAGE_STORAGE, storeName)
                    .factory();
            WriteAheadLogFactory walFactory = (WriteAheadLogFactory) providers.resolve(ExtensionPoint.WAL, walName)
                    .factory();
            IndexFactory indexFactory = (IndexFactory) providers.resolve(ExtensionPoint.INDEX, indexName).factory();
            Path marker = directory.resolve(MARKER);
            boolean exists = Files.exists(marker);
            DatabaseHeader expected;
            if (exists) {
                expected = readMarker(marker, name);
                expected.checkProvider(ExtensionPoint.PAGE_STORAGE, storeName, storeFactory::canRead, name);
                expected.checkProvider(ExtensionPoint.WAL, walName, v -> v == walFactory.formatVersion(), name);
                expected.checkProvider(ExtensionPoint.INDEX, indexName, v -> v == indexFactory.formatVersion(), name);
            } else {
                if (Files.exists(directory.resolve(DATA_FILE)) || Files.isDirectory(directory.resolve(WAL_DIRECTORY))) {
                    throw new StorageException(ErrorCode.STORAGE_CORRUPT, name + " holds database files but no "
                            + MARKER + ": its creation was interrupted, or the file was deleted.",
                            "If the directory only ever held a database being created, delete it and open again; "
                                    + "otherwise restore " + MARKER + " from a backup.");
                }
                Map<String, DatabaseHeader.Stamp> stamps = new LinkedHashMap<>();
                stamps.put(ExtensionPoint.PAGE_STORAGE.id(), new DatabaseHeader.Stamp(storeName,
                        storeFactory.formatVersion()));
                stamps.put(ExtensionPoint.WAL.id(), new DatabaseHeader.Stamp(walName, walFactory.formatVersion()));
                stamps.put(ExtensionPoint.INDEX.id(), new DatabaseHeader.Stamp(indexName, indexFactory.formatVersion()));
                expected = new DatabaseHeader((int) config.getSize(KernelConfig.PAGE_SIZE), System.currentTimeMillis(),
                        stamps);
            }
            Metrics metrics = kernel.metrics();
            int pageSize = expected.pageSize();
            PageStore store = opened.add(providers.create(ExtensionPoint.PAGE_STORAGE, storeName, PageStoreFactory.class,
                    f -> f.open(new StoreContext(config, metrics.scoped("page-store"), directory, pageSize, !exists))));
            WriteAheadLog log = opened.add(providers.create(ExtensionPoint.WAL, walName, WriteAheadLogFactory.class,
                    f -> f.open(new LogContext(config, metrics.scoped("wal"), directory.resolve(WAL_DIRECTORY)))));
            int frames = BufferPool.framesFor(config.getSize(KernelConfig.BUFFER_POOL_SIZE), store.pageSize());
            BufferPool pool = new BufferPool(store, kernel.newEvictionPolicy(frames), frames,
                    LoggedPageAccess.barrier(log), metrics.scoped("buffer-pool"));
            opened.add(pool::close);
            LoggedPageAccess access = new LoggedPageAccess(pool, store, log);
            LockManager locks = new LockManager(config.getDuration(KernelConfig.LOCK_WAIT_TIMEOUT),
                    metrics.scoped(LockManager.METRICS_SCOPE));
            SyncMode sync = SyncMode.of(config.getString(KernelConfig.SYNC_MODE));
            CheckpointFile checkpoints = new CheckpointFile(directory);
            Database db;
            long started = System.nanoTime();
            if (exists) {
                DatabaseHeader header;
                try (PageRef page0 = pool.pin(0, BufferPool.Latch.SHARED)) {
                    header = DatabaseHeader.readFrom(page0.buffer(), name);
                }
                if (!header.providers().equals(expected.providers()) || header.pageSize() != store.pageSize()) {
                    throw new StorageException(ErrorCode.STORAGE_CORRUPT, "The header page of " + name + " ("
                            + header + ") disagrees with " + MARKER + " (" + expected + ").",
                            "Restore the database from a backup.");
                }
                Recovery recovery = new Recovery(log, store, pool);
                Optional<CheckpointFile.Entry> checkpoint = checkpoints.read();
                // Changes made while recovering log full-page images exactly as the crashed run would have.
                access.setFullPageLsn(checkpoint.map(CheckpointFile.Entry::redoLsn).orElse(1L));
                Recovery.Analysis analysis = recovery.analyzeAndRedo(checkpoint);
                TransactionManager tm = new TransactionManager(access, log, locks, sync,
                        analysis.nextTransactionId(), config.getInt(KernelConfig.LOCK_ESCALATION_ROWS), metrics.scoped("txn"));
                db = new Database(directory, kernel, lockChannel, lock, store, log, pool, header, access, tm,
                        indexFactory, checkpoints, config, metrics);
                db.loadCatalog();
                long undone = recovery.undo(analysis.losers(), tm);
                db.checkpointer.checkpoint();
                db.lastRecovery = new RecoveryReport(analysis.recordsRead(), analysis.redo().changesApplied(),
                        analysis.losers().size(), undone, analysis.redo().pagesRepaired(), System.nanoTime() - started);
            } else {
                TransactionManager tm = new TransactionManager(access, log, locks, sync, 1,
                        config.getInt(KernelConfig.LOCK_ESCALATION_ROWS), metrics.scoped("txn"));
                try (PageRef page0 = pool.allocate()) {
                    if (page0.pageId() != 0) {
                        throw new IllegalStateException("a new page store must hand out page 0 first");
                    }
                    page0.markDirty(0);
                }
                Transaction t = tm.begin();
                Index catalog = tm.structural(t, m -> indexFactory.create(
                        new IdxContext(config, metrics.scoped("index"), CATALOG_NAME, access), m));
                t.commit();
                DatabaseHeader header = expected.withCatalogRoot(catalog.rootPageId());
                try (PageRef page0 = pool.pin(0, BufferPool.Latch.EXCLUSIVE)) {
                    header.writeTo(page0.buffer());
                    page0.markDirty(0);
                }
                db = new Database(directory, kernel, lockChannel, lock, store, log, pool, header, access, tm,
                        indexFactory, checkpoints, config, metrics);
                db.loadCatalog();
                db.checkpointer.checkpoint();
                writeMarker(marker, header);
                db.lastRecovery = new RecoveryReport(0, 0, 0, 0, 0, System.nanoTime() - started);
            }
            db.start();
            return db;
        } catch (IOException e) {
            opened.closeQuietly();
            closeQuietly(lockChannel);
            throw new StorageException(ErrorCode.STORAGE_IO, "Cannot open database " + name + ": " + e.getMessage()
                    + ".", "Check the directory and its permissions.", e);
        } catch (RuntimeException e) {
            opened.closeQuietly();
            closeQuietly(lockChannel);
            throw e;
        }
    }

    private static DatabaseHeader readMarker(Path marker, String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(marker)) {
            p.load(in);
        }
        try {
            Map<String, DatabaseHeader.Stamp> stamps = new LinkedHashMap<>();
            for (ExtensionPoint point : new ExtensionPoint[] {ExtensionPoint.PAGE_STORAGE, ExtensionPoint.WAL,
                    ExtensionPoint.INDEX}) {
                stamps.put(point.id(), new DatabaseHeader.Stamp(p.getProperty(point.id() + ".provider").trim(),
                        Integer.parseInt(p.getProperty(point.id() + ".format-version").trim())));
            }
            return new DatabaseHeader(Integer.parseInt(p.getProperty("page-size").trim()),
                    Long.parseLong(p.getProperty("created").trim()), stamps);
        } catch (RuntimeException e) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "The identification file " + marker + " of " + name
                    + " is damaged: " + e + ".", "Restore the database from a backup.");
        }
    }

    private static void writeMarker(Path marker, DatabaseHeader header) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", "NeuroQuantumDB database");
        p.setProperty("page-size", Integer.toString(header.pageSize()));
        p.setProperty("created", Long.toString(header.createdMillis()));
        header.providers().forEach((point, stamp) -> {
            p.setProperty(point + ".provider", stamp.name());
            p.setProperty(point + ".format-version", Integer.toString(stamp.formatVersion()));
        });
        Path temporary = marker.resolveSibling(MARKER + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            p.store(out, "NeuroQuantumDB: which providers wrote this database. Do not edit.");
        }
        try (FileChannel c = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(temporary, marker, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error matters
            }
        }
    }

    private Index indexByRoot(long rootPageId) {
        Index index = indexesByRoot.get(rootPageId);
        if (index == null) {
            throw new StorageException(ErrorCode.STORAGE_CORRUPT, "The log names index root page " + rootPageId
                    + ", which no table of the catalog has.", "Restore the database from a backup.");
        }
        return index;
    }

    private IdxContext indexContext(String name) {
        return new IdxContext(config, metrics.scoped("index"), name, access);
    }

    /** Opens the catalog and every table in it. */
    private void loadCatalog() {
        catalog = indexFactory.open(indexContext(CATALOG_NAME), header.catalogRootPageId());
        indexesByRoot.put(catalog.rootPageId(), catalog);
        IndexTransaction reader = () -> 0;
        try (IndexCursor c = catalog.scan(reader, KeyRange.halfOpen(TABLE_PREFIX, KeyCodec.successor(TABLE_PREFIX)),
                false)) {
            while (c.next()) {
                register(TableDefinition.decode(c.value()));
            }
        }
        try (IndexCursor c = catalog.scan(reader, KeyRange.halfOpen(STATISTICS_PREFIX,
                KeyCodec.successor(STATISTICS_PREFIX)), false)) {
            while (c.next()) {
                byte[] key = c.key();
                statistics.put(new String(key, STATISTICS_PREFIX.length, key.length - STATISTICS_PREFIX.length,
                        StandardCharsets.UTF_8), c.value());
            }
        }
    }

    /** One index object per root page: an index keeps state about its tree, so two would disagree. */
    private Index openIndex(String name, long rootPageId) {
        return indexesByRoot.computeIfAbsent(rootPageId, root -> indexFactory.open(indexContext(name), root));
    }

    private Table register(TableDefinition def) {
        Index primary = openIndex(def.name(), def.rootPageId());
        List<Index> secondary = new ArrayList<>();
        for (IndexDefinition i : def.indexes()) {
            secondary.add(openIndex(i.name(), i.rootPageId()));
        }
        long nextRowId = 0;
        if (def.schema().hasHiddenRowId()) {
            try (IndexCursor c = primary.scan(() -> 0, KeyRange.all(), true)) {
                if (c.next()) {
                    nextRowId = (Long) KeyCodec.decode(List.of(new Column("_rowid", ColumnType.BIGINT, false)),
                            c.key(), true)[0] + 1;
                }
            }
        }
        Table table = new Table(def, primary, secondary, transactions, nextRowId);
        indexesByRoot.put(primary.rootPageId(), primary);
        for (Index i : secondary) {
            indexesByRoot.put(i.rootPageId(), i);
        }
        tables.put(def.name().toLowerCase(Locale.ROOT), table);
        return table;
    }

    private static byte[] catalogKey(String tableName) {
        return catalogKey(TABLE_PREFIX, tableName);
    }

    private static byte[] catalogKey(byte[] prefix, String tableName) {
        byte[] name = tableName.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] key = Arrays.copyOf(prefix, prefix.length + name.length);
        System.arraycopy(name, 0, key, prefix.length, name.length);
        return key;
    }

    /**
     * Stores the planner statistics of a table in the catalog (key {@code s:} + lower-case table name), replacing
     * earlier ones, in a transaction of its own that has committed when this returns. The bytes are the SQL
     * layer's (see docs/file-format.md, "Table statistics"); the catalog only keeps them.
     *
     * @throws NeuroQuantumException {@code 42P01} when there is no such table
     */
    public void storeStatistics(String tableName, byte[] encoded) {
        checkOpen();
        synchronized (ddl) {
            Table table = table(tableName);
            String name = table.name().toLowerCase(Locale.ROOT);
            try (Transaction t = transactions.begin()) {
                transactions.lock(t, LockKey.relation(catalog.rootPageId()), LockMode.X);
                transactions.put(t, catalog, catalogKey(STATISTICS_PREFIX, name), encoded.clone());
                t.commit();
            }
            statistics.put(name, encoded.clone());
        }
    }

    /** The statistics last stored for a table by {@link #storeStatistics}, if any. */
    public Optional<byte[]> statistics(String tableName) {
        byte[] s = statistics.get(tableName.toLowerCase(Locale.ROOT));
        return s == null ? Optional.empty() : Optional.of(s.clone());
    }

    /** Begins a read-write transaction. */
    public Transaction begin() {
        checkOpen();
        return transactions.begin();
    }

    /** Begins a transaction; a read-only one refuses changes. */
    public Transaction begin(boolean readOnly) {
        checkOpen();
        return transactions.begin(readOnly);
    }

    /**
     * Creates a table, in a transaction of its own that has committed when this returns.
     *
     * @throws NeuroQuantumException {@code 42P07} when a table of that name exists
     */
    public Table createTable(String name, TableSchema schema) {
        checkOpen();
        if (name == null || name.isBlank()) {
            throw new NeuroQuantumException(ErrorCode.INVALID_DEFINITION, "A table needs a name.", "Name it.");
        }
        synchronized (ddl) {
            if (tables.containsKey(name.toLowerCase(Locale.ROOT))) {
                throw new NeuroQuantumException(ErrorCode.DUPLICATE_OBJECT, "Table " + name + " exists already.",
                        "Choose another name, or drop the table first.");
            }
            try (Transaction t = transactions.begin()) {
                transactions.lock(t, LockKey.relation(catalog.rootPageId()), LockMode.X);
                Index primary = transactions.structural(t, m -> indexFactory.create(indexContext(name), m));
                TableDefinition def = new TableDefinition(name, primary.rootPageId(), schema, List.of());
                transactions.put(t, catalog, catalogKey(name), def.encode());
                t.commit();
                return register(def);
            }
        }
    }

    /**
     * Creates a secondary index on {@code columns} of {@code tableName} and fills it from the table's rows, in a
     * transaction of its own (which holds the table exclusively while it runs).
     *
     * @throws NeuroQuantumException {@code 23505} when {@code unique} and two rows share values (nothing is
     *     created then), {@code 42P07} when an index of that name exists, {@code 42703} for an unknown column
     */
    public void createIndex(String tableName, String indexName, boolean unique, String... columns) {
        checkOpen();
        synchronized (ddl) {
            Table table = table(tableName);
            for (Table t : tables.values()) {
                for (IndexDefinition i : t.definition().indexes()) {
                    if (i.name().equalsIgnoreCase(indexName)) {
                        throw new NeuroQuantumException(ErrorCode.DUPLICATE_OBJECT, "Index " + indexName
                                + " exists already (on " + t.name() + ").", "Choose another name.");
                    }
                }
            }
            if (columns.length == 0) {
                throw new NeuroQuantumException(ErrorCode.INVALID_DEFINITION, "Index " + indexName + " names no "
                        + "columns.", "Name at least one column.");
            }
            int[] positions = new int[columns.length];
            for (int k = 0; k < columns.length; k++) {
                positions[k] = table.schema().indexOf(columns[k]);
                if (positions[k] < 0) {
                    throw new NeuroQuantumException(ErrorCode.UNDEFINED_COLUMN, "Table " + table.name()
                            + " has no column " + columns[k] + ".", "Its columns: " + table.schema() + ".");
                }
                if (!table.schema().columns().get(positions[k]).type().keyable()) {
                    throw new NeuroQuantumException(ErrorCode.INVALID_DEFINITION, "Column " + columns[k] + " of type "
                            + table.schema().columns().get(positions[k]).type() + " cannot be indexed.",
                            "Index other columns.");
                }
            }
            try (Transaction t = transactions.begin()) {
                transactions.lock(t, LockKey.relation(catalog.rootPageId()), LockMode.X);
                transactions.lock(t, LockKey.relation(table.definition().rootPageId()), LockMode.X);
                Index index = transactions.structural(t, m -> indexFactory.create(indexContext(indexName), m));
                TableDefinition def = table.definition().withIndex(new IndexDefinition(indexName, index.rootPageId(),
                        positions, unique));
                Table widened = new Table(def, table.primaryIndex(), append(table.secondaryIndexes(), index),
                        transactions, 0);
                indexesByRoot.put(index.rootPageId(), index);
                try (RowCursor c = table.scan(t, null, null, false)) {
                    while (c.next()) {
                        widened.addIndexEntry(t, def.indexes().size() - 1, c.row(), c.rowKey());
                    }
                }
                transactions.put(t, catalog, catalogKey(table.name()), def.encode());
                t.commit();
                table.addIndex(def, index);
            }
        }
    }

    /** Whether a secondary index of that name exists on any table. */
    public boolean hasIndex(String indexName) {
        for (Table t : tables.values()) {
            for (IndexDefinition i : t.definition().indexes()) {
                if (i.name().equalsIgnoreCase(indexName)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Drops the secondary index {@code indexName}, in a transaction of its own (which holds its table exclusively).
     * Its pages are not reclaimed, as for {@link #dropTable} (docs/storage-design.md): freeing them needs a walk
     * of the index's tree in the dropping transaction, which no index offers yet; they stay allocated and
     * unreachable.
     *
     * @throws NeuroQuantumException {@code 42P01} when no table has an index of that name
     */
    public void dropIndex(String indexName) {
        checkOpen();
        synchronized (ddl) {
            for (Table table : tables.values()) {
                List<IndexDefinition> indexes = table.definition().indexes();
                for (int k = 0; k < indexes.size(); k++) {
                    if (!indexes.get(k).name().equalsIgnoreCase(indexName)) {
                        continue;
                    }
                    TableDefinition def = table.definition().withoutIndex(indexes.get(k).name());
                    try (Transaction t = transactions.begin()) {
                        transactions.lock(t, LockKey.relation(catalog.rootPageId()), LockMode.X);
                        transactions.lock(t, LockKey.relation(table.definition().rootPageId()), LockMode.X);
                        transactions.put(t, catalog, catalogKey(table.name()), def.encode());
                        t.commit();
                    }
                    indexesByRoot.remove(indexes.get(k).rootPageId());
                    table.removeIndex(def, k);
                    return;
                }
            }
            List<String> names = new ArrayList<>();
            for (Table t : tables.values()) {
                t.definition().indexes().forEach(i -> names.add(i.name()));
            }
            String near = Suggestions.nearest(indexName, names);
            throw new NeuroQuantumException(ErrorCode.UNDEFINED_OBJECT, "Index " + indexName + " does not exist.",
                    near != null ? "Did you mean " + near + "?" : names.isEmpty() ? "The database has no indexes."
                            : "Indexes: " + String.join(", ", names) + ".");
        }
    }

    private static List<Index> append(List<Index> list, Index index) {
        List<Index> all = new ArrayList<>(list);
        all.add(index);
        return all;
    }

    /**
     * Drops a table and its indexes, in a transaction of its own. Their pages are not reclaimed yet (see
     * docs/storage-design.md).
     *
     * @throws NeuroQuantumException {@code 42P01} when there is no such table
     */
    public void dropTable(String name) {
        checkOpen();
        synchronized (ddl) {
            Table table = table(name);
            try (Transaction t = transactions.begin()) {
                transactions.lock(t, LockKey.relation(catalog.rootPageId()), LockMode.X);
                transactions.lock(t, LockKey.relation(table.definition().rootPageId()), LockMode.X);
                transactions.delete(t, catalog, catalogKey(table.name()));
                if (statistics.containsKey(table.name().toLowerCase(Locale.ROOT))) {
                    transactions.delete(t, catalog, catalogKey(STATISTICS_PREFIX, table.name()));
                }
                t.commit();
            }
            tables.remove(name.toLowerCase(Locale.ROOT));
            statistics.remove(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The table named {@code name} (case-insensitive).
     *
     * @throws NeuroQuantumException {@code 42P01} naming the nearest existing table when there is none
     */
    public Table table(String name) {
        Table t = tables.get(name.toLowerCase(Locale.ROOT));
        if (t == null) {
            List<String> names = tableNames();
            String near = Suggestions.nearest(name, names);
            throw new NeuroQuantumException(ErrorCode.UNDEFINED_OBJECT, "Table " + name + " does not exist.",
                    near != null ? "Did you mean " + near + "?" : names.isEmpty() ? "The database has no tables yet."
                            : "Tables: " + String.join(", ", names) + ".");
        }
        return t;
    }

    /** The table named {@code name}, if it exists. */
    public Optional<Table> findTable(String name) {
        return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The names of all tables, sorted. */
    public List<String> tableNames() {
        List<String> names = new ArrayList<>();
        for (Table t : tables.values()) {
            names.add(t.name());
        }
        Collections.sort(names);
        return names;
    }

    /** Takes a checkpoint now (also done in the background by time and log volume). */
    public Checkpointer.Report checkpoint() {
        checkOpen();
        return checkpointer.checkpoint();
    }

    /** What the last open found and did to recover. */
    public RecoveryReport recoveryReport() {
        return lastRecovery;
    }

    /** The transaction manager (locks, active transactions). */
    public TransactionManager transactions() {
        return transactions;
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw new NeuroQuantumException(ErrorCode.TRANSACTION_STATE, "Database " + directory + " is closed.",
                    "Open it again.");
        }
    }

    /** The database directory. */
    public Path directory() {
        return directory;
    }

    /** What page 0 records: page size, creation time, providers. */
    public DatabaseHeader header() {
        return header;
    }

    /** The page store. */
    public PageStore pageStore() {
        return pageStore;
    }

    /** The buffer pool over the page store. */
    public BufferPool bufferPool() {
        return pool;
    }

    /** The write-ahead log. */
    public WriteAheadLog wal() {
        return wal;
    }

    /** The kernel the database runs in. */
    public Kernel kernel() {
        return kernel;
    }

    /**
     * Rolls back the transactions still active, takes a checkpoint (so the next open has nothing to recover), closes
     * the files and releases the directory. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopPrewarming();
            checkpointer.close();
            flusher.close();
            for (Transaction t : transactions.active()) {
                try {
                    t.close();
                } catch (RuntimeException e) {
                    LOG.warn("Rolling back {} at close failed; recovery will finish it: {}", t, e.getMessage());
                }
            }
            checkpointer.checkpoint();
            pool.close();
        } finally {
            pageStore.close();
            wal.close();
            release();
        }
    }

    private void stopPrewarming() {
        if (prewarmer != null) {
            prewarmer.close();
        }
    }

    /**
     * Stops the database the way a crash of the process would: nothing more is written (dirty pages and log
     * records not yet forced are dropped) and the files are closed. The next open recovers. For tests and the
     * crash demo.
     */
    public synchronized void simulateCrash() {
        if (closed) {
            return;
        }
        closed = true;
        stopPrewarming();
        checkpointer.close();
        flusher.close();
        pageStore.close();
        wal.close();
        release();
    }

    private void release() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        closeQuietly(lockChannel);
    }

    private record IdxContext(Config config, Metrics metrics, String indexName, PageAccess pages)
            implements IndexContext {
    }

    /** Closes what an open has opened so far when the open fails. */
    private static final class Closer {
        private final List<AutoCloseable> opened = new ArrayList<>();

        <T extends AutoCloseable> T add(T resource) {
            opened.add(resource);
            return resource;
        }

        void closeQuietly() {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception ignored) {
                    // already failing
                }
            }
        }
    }

    private record StoreContext(Config config, Metrics metrics, Path directory, int pageSize, boolean createIfMissing)
            implements PageStoreContext {
    }

    private record LogContext(Config config, Metrics metrics, Path directory) implements WriteAheadLogContext {
        @Override
        public SegmentArchiver archiver() {
            return null;
        }
    }
}
