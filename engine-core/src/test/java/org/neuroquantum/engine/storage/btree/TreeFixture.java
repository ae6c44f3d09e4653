package org.neuroquantum.engine.storage.btree;

import org.neuroquantum.engine.testing.LruTestPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.engine.storage.buffer.WalBarrier;
import org.neuroquantum.engine.storage.page.ChannelPageFile;
import org.neuroquantum.engine.storage.page.FilePageStore;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.index.IndexContext;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.PageAccess;
import org.neuroquantum.spi.metrics.Metrics;

/** A B+ tree on a real file page store and buffer pool, for tests. Page 0 is reserved as the kernel's header. */
final class TreeFixture implements AutoCloseable {
    static final int PAGE_SIZE = 4096;
    static final IndexTransaction TX = () -> 1L;

    final Path file;
    final int frames;
    final BTreeIndexFactory factory = new BTreeIndexFactory();
    final Metrics metrics = Metrics.detached();
    FilePageStore store;
    BufferPool pool;
    BufferPoolPageAccess pages;
    BTree tree;

    private TreeFixture(Path file, int frames) {
        this.file = file;
        this.frames = frames;
    }

    /** A new store in {@code dir} with an empty tree. */
    static TreeFixture create(Path dir, int frames) {
        TreeFixture f = new TreeFixture(dir.resolve("data.nq"), frames);
        f.openStore();
        try (PageRef header = f.pool.allocate()) {
            if (header.pageId() != 0) {
                throw new IllegalStateException("expected page 0 for the header, got " + header.pageId());
            }
        }
        f.tree = f.factory.create(f.context(), TX);
        return f;
    }

    private void openStore() {
        try {
            store = FilePageStore.open(new ChannelPageFile(file, true), file.getFileName().toString(), PAGE_SIZE, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pool = new BufferPool(store, new LruTestPolicy(), frames, WalBarrier.NONE, Metrics.detached());
        pages = new BufferPoolPageAccess(pool, store);
    }

    IndexContext context() {
        return new IndexContext() {
            @Override
            public String indexName() {
                return "test-index";
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
                return metrics;
            }
        };
    }

    /** Flushes and closes pool and store (freed pages go to the store's free list), then opens both again. */
    void reopen() {
        long root = tree.rootPageId();
        closeStore();
        openStore();
        tree = factory.open(context(), root);
    }

    /** Only the pool and store, leaving the file as it is (for corrupting it before {@link #openAgain}). */
    void closeStore() {
        pages.close();
        store.close();
    }

    /** Opens store, pool and tree again after {@link #closeStore}. */
    void openAgain() {
        long root = tree.rootPageId();
        openStore();
        tree = factory.open(context(), root);
    }

    VerifyReport verify() {
        return tree.verify(TX);
    }

    @Override
    public void close() {
        try {
            pages.close();
        } finally {
            store.close();
        }
    }
}
