package org.neuroquantum.engine.db;

import java.io.IOException;
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
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.engine.storage.buffer.WalBarrier;
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

    private final Path directory;
    private final Kernel kernel;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final PageStore pageStore;
    private final WriteAheadLog wal;
    private final BufferPool pool;
    private final BackgroundFlusher flusher;
    private final DatabaseHeader header;
    private boolean closed;

    private Database(Path directory, Kernel kernel, FileChannel lockChannel, FileLock lock, PageStore pageStore,
            WriteAheadLog wal, BufferPool pool, BackgroundFlusher flusher, DatabaseHeader header) {
        this.directory = directory;
        this.kernel = kernel;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.pageStore = pageStore;
        this.wal = wal;
        this.pool = pool;
        this.flusher = flusher;
        this.header = header;
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
            PageStoreFactory storeFactory = (PageStoreFactory) providers.resolve(ExtensionPoint.PAGE_STORAGE, storeName)
                    .factory();
            WriteAheadLogFactory walFactory = (WriteAheadLogFactory) providers.resolve(ExtensionPoint.WAL, walName)
                    .factory();
            Path marker = directory.resolve(MARKER);
            boolean exists = Files.exists(marker);
            DatabaseHeader expected;
            if (exists) {
                expected = readMarker(marker, name);
                expected.checkProvider(ExtensionPoint.PAGE_STORAGE, storeName, storeFactory::canRead, name);
                expected.checkProvider(ExtensionPoint.WAL, walName, v -> v == walFactory.formatVersion(), name);
            } else {
                Map<String, DatabaseHeader.Stamp> stamps = new LinkedHashMap<>();
                stamps.put(ExtensionPoint.PAGE_STORAGE.id(), new DatabaseHeader.Stamp(storeName,
                        storeFactory.formatVersion()));
                stamps.put(ExtensionPoint.WAL.id(), new DatabaseHeader.Stamp(walName, walFactory.formatVersion()));
                expected = new DatabaseHeader((int) config.getSize(KernelConfig.PAGE_SIZE), System.currentTimeMillis(),
                        stamps);
            }
            Metrics metrics = kernel.metrics();
            int pageSize = expected.pageSize();
            PageStore store = providers.create(ExtensionPoint.PAGE_STORAGE, storeName, PageStoreFactory.class,
                    f -> f.open(new StoreContext(config, metrics.scoped("page-store"), directory, pageSize, !exists)));
            WriteAheadLog log = providers.create(ExtensionPoint.WAL, walName, WriteAheadLogFactory.class,
                    f -> f.open(new LogContext(config, metrics.scoped("wal"), directory.resolve(WAL_DIRECTORY))));
            int frames = BufferPool.framesFor(config.getSize(KernelConfig.BUFFER_POOL_SIZE), store.pageSize());
            WalBarrier barrier = lsn -> {
                if (lsn > 0) {
                    log.force(lsn);
                }
            };
            BufferPool pool = new BufferPool(store, kernel.newEvictionPolicy(frames), frames, barrier,
                    metrics.scoped("buffer-pool"));
            DatabaseHeader header;
            if (exists) {
                try (PageRef page0 = pool.pin(0, BufferPool.Latch.SHARED)) {
                    header = DatabaseHeader.readFrom(page0.buffer(), name);
                }
                if (!header.providers().equals(expected.providers()) || header.pageSize() != store.pageSize()) {
                    throw new StorageException(ErrorCode.STORAGE_CORRUPT, "The header page of " + name + " ("
                            + header + ") disagrees with " + MARKER + " (" + expected + ").",
                            "Restore the database from a backup.");
                }
            } else {
                header = expected;
                try (PageRef page0 = pool.allocate()) {
                    if (page0.pageId() != 0) {
                        throw new IllegalStateException("a new page store must hand out page 0 first");
                    }
                    header.writeTo(page0.buffer());
                    page0.markDirty(0);
                }
                pool.flushAll();
                store.sync();
                writeMarker(marker, header);
            }
            BackgroundFlusher flusher = new BackgroundFlusher(pool, 200, 0.25);
            return new Database(directory, kernel, lockChannel, lock, store, log, pool, flusher, header);
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new StorageException(ErrorCode.STORAGE_IO, "Cannot open database " + name + ": " + e.getMessage()
                    + ".", "Check the directory and its permissions.", e);
        } catch (RuntimeException e) {
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
            for (ExtensionPoint point : new ExtensionPoint[] {ExtensionPoint.PAGE_STORAGE, ExtensionPoint.WAL}) {
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

    /** The database directory. */
    public Path directory() {
        return directory;
    }

    /** What page 0 records: page size, creation time, providers. */
    public DatabaseHeader header() {
        return header;
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

    /** Writes every dirty page, syncs the store, closes the log and releases the directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flusher.close();
            pool.close();
            pageStore.sync();
        } finally {
            pageStore.close();
            wal.close();
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel close below releases it too
            }
            closeQuietly(lockChannel);
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
