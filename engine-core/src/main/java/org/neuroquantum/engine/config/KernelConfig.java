package org.neuroquantum.engine.config;

import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigType;
import org.neuroquantum.spi.config.Validator;
import org.neuroquantum.spi.config.Validators;

/** The configuration keys the kernel itself declares. Plugins declare theirs through {@code Plugin.configDef()}. */
public final class KernelConfig {
    /** Where plugin directories are looked for; relative paths are resolved against the installation. */
    public static final String PLUGINS_DIR = "plugins.dir";
    /** The page store's provider name, for new databases. */
    public static final String PAGE_STORE = ExtensionPoint.PAGE_STORAGE.configKey();
    /** The write-ahead log's provider name, for new databases. */
    public static final String WAL = ExtensionPoint.WAL.configKey();
    /** The index provider's name, for new databases. */
    public static final String INDEX = ExtensionPoint.INDEX.configKey();
    /** Page size of new databases. */
    public static final String PAGE_SIZE = "page.size";
    /** Memory of the buffer pool. */
    public static final String BUFFER_POOL_SIZE = "buffer.pool.size";
    /** Whether an opened database reads its pages into the buffer pool's free frames in the background. */
    public static final String BUFFER_POOL_PREWARM = "buffer.pool.prewarm";
    /** The eviction policy's provider name. */
    public static final String EVICTION_POLICY = ExtensionPoint.EVICTION.configKey();
    /** The query optimizer's provider name; empty for none. */
    public static final String OPTIMIZER = ExtensionPoint.OPTIMIZER.configKey();
    /** The transports to start. */
    public static final String TRANSPORTS = ExtensionPoint.TRANSPORT.configKey();

    /** When commits and page writes are synced to the device. */
    public static final String SYNC_MODE = "sync.mode";
    /** How long a transaction waits for a lock before its statement fails with 55P03. */
    public static final String LOCK_WAIT_TIMEOUT = "lock.wait-timeout";
    /** Row locks per table after which a transaction locks the table instead. */
    public static final String LOCK_ESCALATION_ROWS = "lock.escalation-rows";
    /** Time between checkpoints. */
    public static final String CHECKPOINT_INTERVAL = "checkpoint.interval";
    /** Log volume that triggers a checkpoint before the interval is up. */
    public static final String CHECKPOINT_WAL_VOLUME = "checkpoint.wal-volume";
    /** SQL statements taking at least this long are written to the slow-query log; 0s turns it off. */
    public static final String SQL_SLOW_QUERY_THRESHOLD = "sql.slow-query-threshold";
    /** Memory one sort, hash join or hash aggregation of a SQL statement may hold. */
    public static final String SQL_WORK_MEMORY = "sql.work-memory";
    /** Default statement timeout of SQL sessions. */
    public static final String SQL_STATEMENT_TIMEOUT = "sql.statement-timeout";

    private KernelConfig() {
    }

    /** A fresh declaration of the kernel's keys. */
    public static ConfigDef definition() {
        return new ConfigDef()
                .define(PLUGINS_DIR, ConfigType.STRING, "plugins", null,
                        "Directory holding one sub-directory per plugin (its jar and libraries), each loaded in "
                                + "a class loader of its own. A relative path is resolved against the "
                                + "installation directory. Dropping a plugin directory in (or removing one) is "
                                + "all it takes to add or remove a plugin; restart to apply.")
                .define(PAGE_STORE, ConfigType.STRING, "file", Validators.requiredProviderName(),
                        "Page store for new databases, by provider name (built in: file).")
                .define(WAL, ConfigType.STRING, "file", Validators.requiredProviderName(),
                        "Write-ahead log for new databases, by provider name (built in: file).")
                .define(INDEX, ConfigType.STRING, "btree", Validators.requiredProviderName(),
                        "Index structure for tables and indexes of new databases, by provider name (built in: btree).")
                .define(PAGE_SIZE, ConfigType.SIZE, "4KB", new Validator() {
                            @Override
                            public void ensureValid(Object value) {
                                long size = (Long) value;
                                if (size < 4096 || size > 65536 || Long.bitCount(size) != 1) {
                                    throw new IllegalArgumentException("must be " + describe());
                                }
                            }

                            @Override
                            public String describe() {
                                return "4KB, 8KB, 16KB, 32KB or 64KB";
                            }
                        },
                        "Page size of new databases. An existing database keeps the page size it was created with.")
                .define(BUFFER_POOL_SIZE, ConfigType.SIZE, "64MB", Validators.atLeast(64 * 1024),
                        "Off-heap memory of the buffer pool that caches pages; divided by the page size it gives "
                                + "the number of frames (at least 8). Outside the Java heap: the JVM's "
                                + "-XX:MaxDirectMemorySize (default: the heap size) must allow it.")
                .define(BUFFER_POOL_PREWARM, ConfigType.BOOLEAN, "true", null,
                        "Whether a database, once open, reads its data file into the free frames of the buffer pool "
                                + "in the background (in page order, never evicting, until the pool is full), so "
                                + "that the first accesses after a restart find their pages in memory.")
                .define(EVICTION_POLICY, ConfigType.STRING, "adaptive", Validators.requiredProviderName(),
                        "Eviction policy of the buffer pool, by provider name (see `neuroquantum plugins "
                                + "list`). Policies keep no state on disk, so this may change between restarts.")
                .define(OPTIMIZER, ConfigType.STRING, "", Validators.providerName(),
                        "Query optimizer for join order and join algorithms, by provider name. Empty: no "
                                + "optimizer, relations are joined in the order the query names them.")
                .define(TRANSPORTS, ConfigType.LIST, "", Validators.providerName(),
                        "Comma-separated transports to start with the database, by provider name. Empty: "
                                + "embedded use only (JDBC in the same process).")
                .define(SYNC_MODE, ConfigType.STRING, "commit", Validators.oneOf("none", "commit", "always"),
                        "When the write-ahead log is synced to the device. commit: a commit returns once its "
                                + "log records are durable (concurrent commits share one sync); an acknowledged "
                                + "commit survives a crash or power loss. always: additionally after every "
                                + "change. none: never waits for the device; a crash of the process loses "
                                + "nothing the operating system has, power loss may lose recent commits (never "
                                + "half of one).")
                .define(SQL_WORK_MEMORY, ConfigType.SIZE, "64MB", Validators.atLeast(1024),
                        "Memory one sort, hash join, hash aggregation or DISTINCT of a SQL statement may hold "
                                + "(estimated from the rows it keeps). A sort that needs more spills sorted runs to "
                                + "temporary files and merges them; a hashing operator that needs more fails the "
                                + "statement with SQLSTATE 53200 naming the operator and this key.")
                .define(SQL_STATEMENT_TIMEOUT, ConfigType.DURATION, "0s", Validators.atLeast(java.time.Duration.ZERO),
                        "Default statement timeout of SQL sessions and JDBC statements: a statement that has "
                                + "been executing longer (time spent producing rows, not time the client spends "
                                + "between fetches) fails with SQLSTATE 57014. 0 means no timeout. "
                                + "JDBC Statement.setQueryTimeout overrides it per statement.")
                .define(LOCK_WAIT_TIMEOUT, ConfigType.DURATION, "10s", Validators.atLeast(java.time.Duration.ZERO),
                        "How long a transaction waits for a lock another transaction holds before the waiting "
                                + "operation fails with SQLSTATE 55P03 (the transaction itself stays usable). "
                                + "0 means do not wait at all.")
                .define(LOCK_ESCALATION_ROWS, ConfigType.INT, "5000", Validators.between(1, Integer.MAX_VALUE),
                        "Row locks one transaction takes in one table before it locks the whole table instead "
                                + "(shared for reads, exclusive for writes): bounds the lock table's memory for "
                                + "transactions that touch many rows, at the price of blocking other writers "
                                + "(or readers) of that table until it ends.")
                .define(CHECKPOINT_INTERVAL, ConfigType.DURATION, "5m", Validators.atLeast(java.time.Duration
                                .ofSeconds(1)),
                        "Time between checkpoints. A checkpoint writes every dirty page and lets the log before "
                                + "it be truncated (and archived), which bounds recovery time.")
                .define(CHECKPOINT_WAL_VOLUME, ConfigType.SIZE, "64MB", Validators.atLeast(1024 * 1024),
                        "Log written since the last checkpoint that triggers the next one before "
                                + "checkpoint.interval is up.")
                .define(SQL_SLOW_QUERY_THRESHOLD, ConfigType.DURATION, "1s", Validators.atLeast(java.time.Duration
                                .ZERO),
                        "SQL statements that take at least this long get one line in slow-queries.log of the "
                                + "database directory: time, duration, rows returned or changed, the statement and "
                                + "a summary of its plan. 0s turns the log off.");
    }
}
