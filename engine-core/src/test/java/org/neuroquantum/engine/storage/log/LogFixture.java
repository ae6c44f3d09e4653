package org.neuroquantum.engine.storage.log;

import org.neuroquantum.engine.testing.LruTestPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;



import java.util.Map;

import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.page.ChannelPageFile;
import org.neuroquantum.engine.storage.page.FilePageStore;
import org.neuroquantum.engine.storage.wal.FileWriteAheadLogFactory;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigKey;
import org.neuroquantum.spi.index.IndexContext;
import org.neuroquantum.spi.index.PageAccess;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.storage.PageStore;
import org.neuroquantum.spi.wal.SegmentArchiver;
import org.neuroquantum.spi.wal.WriteAheadLog;
import org.neuroquantum.spi.wal.WriteAheadLogContext;

/** A page store, WAL and buffer pool in a directory, for the log tests. {@link #crash()} abandons the pool. */
final class LogFixture {
    static final int PAGE_SIZE = 4096;

    final Path dir;
    final int frames;
    FilePageStore store;
    WriteAheadLog wal;
    BufferPool pool;
    LoggedPageAccess pages;

    LogFixture(Path dir, int frames) {
        this.dir = dir;
        this.frames = frames;
    }

    /** Opens store and WAL, and a pool over {@code poolStore} (the store itself when {@code null}). */
    LogFixture open(PageStoreWrapper wrapper) {
        try {
            store = FilePageStore.open(new ChannelPageFile(dir.resolve("data.nq"), true), "data.nq", PAGE_SIZE, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wal = new FileWriteAheadLogFactory().open(walContext(dir.resolve("wal")));
        PageStore poolStore = wrapper == null ? store : wrapper.wrap(store, wal);
        pool = new BufferPool(poolStore, new LruTestPolicy(), frames, LoggedPageAccess.barrier(wal), Metrics.detached());
        pages = new LoggedPageAccess(pool, poolStore, wal);
        return this;
    }

    LogFixture open() {
        return open(null);
    }

    /** Drops the pool without writing a page and closes store and WAL without syncing or forcing. */
    void crash() {
        store.close();
        wal.close();
        pool = null;
        pages = null;
    }

    /** Flushes the pool, syncs the store, closes everything. */
    void close() {
        if (pool != null) {
            pool.close();
            store.sync();
        }
        store.close();
        wal.close();
    }

    IndexContext context() {
        return new IndexContext() {
            @Override
            public String indexName() {
                return "log-test";
            }

            @Override
            public PageAccess pages() {
                return pages;
            }

            @Override
            public Config config() {
                return null;
            }

            @Override
            public Metrics metrics() {
                return Metrics.detached();
            }
        };
    }

    /** Wraps the store the pool writes through. */
    interface PageStoreWrapper {
        PageStore wrap(PageStore store, WriteAheadLog wal);
    }

    static WriteAheadLogContext walContext(Path dir) {
        ConfigDef def = FileWriteAheadLogFactory.configDef();
        Map<String, Object> values = new HashMap<>();
        for (ConfigKey key : def.keys()) {
            values.put(key.name(), key.defaultValue());
        }
        // Small segments, so the crash tests span several of them.
        values.put(FileWriteAheadLogFactory.SEGMENT_SIZE, def.key(FileWriteAheadLogFactory.SEGMENT_SIZE)
                .parseAndValidate("256KB"));
        Config config = new Config() {
            @Override
            public Object get(String key) {
                if (!values.containsKey(key)) {
                    throw new IllegalArgumentException("undeclared key " + key);
                }
                return values.get(key);
            }

            @Override
            public boolean isExplicit(String key) {
                return false;
            }
        };
        Metrics metrics = Metrics.detached();
        return new WriteAheadLogContext() {
            @Override
            public Path directory() {
                return dir;
            }

            @Override
            public SegmentArchiver archiver() {
                return null;
            }

            @Override
            public Config config() {
                return config;
            }

            @Override
            public Metrics metrics() {
                return metrics;
            }
        };
    }
}
