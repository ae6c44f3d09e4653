package org.neuroquantum.engine.storage.btree;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.buffer.PageLayout;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.PageAccess;
import org.neuroquantum.spi.index.PageHandle;
import org.neuroquantum.spi.storage.PageStore;

/**
 * TEST ADAPTER: {@link PageAccess} over the real {@link BufferPool}, standing in for the kernel's own (which
 * logs every update to the WAL). An update is written into the frame at {@code PageLayout.HEADER_BYTES + offset}
 * and the page marked dirty with the next value of a counter as its LSN.
 *
 * <p>Freed pages: the buffer pool has no way to drop a resident page, so a page freed while its frame is
 * resident (and perhaps dirty) cannot go back to the page store at once: a later write-back would overwrite the
 * store's free-list entry, and reallocating it would leave two frames for one page id. This adapter therefore
 * keeps freed pages on a list of its own, reuses them for {@link #allocate}, and hands the rest to
 * {@link PageStore#free} in {@link #close()}, after the pool has been flushed and closed.
 *
 * <p>It also checks the tree's latch discipline: freeing a page someone has pinned (or is waiting to latch), and
 * pinning a freed page, fail with {@link IllegalStateException}.
 */
final class BufferPoolPageAccess implements PageAccess, AutoCloseable {
    private final BufferPool pool;
    private final PageStore store;
    private final int usable;
    private final AtomicLong lsn = new AtomicLong();
    private final Set<Long> freed = ConcurrentHashMap.newKeySet();
    private final ArrayDeque<Long> reusable = new ArrayDeque<>();
    private final ConcurrentHashMap<Long, AtomicInteger> pins = new ConcurrentHashMap<>();
    final AtomicLong frees = new AtomicLong();
    final AtomicLong updates = new AtomicLong();
    final AtomicLong updatedBytes = new AtomicLong();
    private boolean closed;

    BufferPoolPageAccess(BufferPool pool, PageStore store) {
        this.pool = pool;
        this.store = store;
        this.usable = pool.pageSize() - PageLayout.HEADER_BYTES;
    }

    @Override
    public int usableBytes() {
        return usable;
    }

    @Override
    public PageHandle pin(IndexTransaction transaction, long pageId, Latch latch) {
        AtomicInteger count = pins.computeIfAbsent(pageId, id -> new AtomicInteger());
        count.incrementAndGet();
        try {
            if (freed.contains(pageId)) {
                throw new IllegalStateException("page " + pageId + " is pinned after it was freed");
            }
            PageRef ref = pool.pin(pageId, latch == Latch.SHARED ? BufferPool.Latch.SHARED : BufferPool.Latch.EXCLUSIVE);
            return new Handle(ref, latch == Latch.EXCLUSIVE, count);
        } catch (RuntimeException e) {
            count.decrementAndGet();
            throw e;
        }
    }

    @Override
    public PageHandle allocate(IndexTransaction transaction) {
        Long reuse;
        synchronized (reusable) {
            reuse = reusable.pollFirst();
        }
        if (reuse == null) {
            PageRef ref = pool.allocate();
            AtomicInteger count = pins.computeIfAbsent(ref.pageId(), id -> new AtomicInteger());
            count.incrementAndGet();
            return new Handle(ref, true, count);
        }
        freed.remove(reuse);
        AtomicInteger count = pins.computeIfAbsent(reuse, id -> new AtomicInteger());
        count.incrementAndGet();
        PageRef ref = pool.pin(reuse, BufferPool.Latch.EXCLUSIVE);
        ByteBuffer page = ref.buffer();
        for (int i = PageLayout.HEADER_BYTES; i < page.capacity(); i++) {
            page.put(i, (byte) 0);
        }
        ref.markDirty(lsn.incrementAndGet());
        return new Handle(ref, true, count);
    }

    @Override
    public void free(IndexTransaction transaction, long pageId) {
        if (!freed.add(pageId)) {
            throw new IllegalStateException("page " + pageId + " is freed twice");
        }
        AtomicInteger count = pins.get(pageId);
        if (count != null && count.get() > 0) {
            throw new IllegalStateException("page " + pageId + " is freed while pinned " + count.get() + " time(s)");
        }
        synchronized (reusable) {
            reusable.addLast(pageId);
        }
        frees.incrementAndGet();
    }

    /** Pages freed and not reused yet (they go to the store on close). */
    int pendingFrees() {
        synchronized (reusable) {
            return reusable.size();
        }
    }

    /** Flushes and closes the pool, then returns the freed pages to the store and syncs it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
        synchronized (reusable) {
            for (long id : reusable) {
                store.free(id);
            }
            reusable.clear();
        }
        store.sync();
    }

    private final class Handle implements PageHandle {
        private final PageRef ref;
        private final boolean exclusive;
        private final AtomicInteger count;
        private boolean closedHandle;

        Handle(PageRef ref, boolean exclusive, AtomicInteger count) {
            this.ref = ref;
            this.exclusive = exclusive;
            this.count = count;
        }

        @Override
        public long pageId() {
            return ref.pageId();
        }

        @Override
        public ByteBuffer content() {
            return ref.buffer().position(PageLayout.HEADER_BYTES).slice().asReadOnlyBuffer();
        }

        @Override
        public void update(int offset, ByteBuffer bytes) {
            if (!exclusive) {
                throw new IllegalStateException("page " + ref.pageId() + " is latched shared; update needs exclusive");
            }
            int n = bytes.remaining();
            if (offset < 0 || offset + n > usable) {
                throw new IndexOutOfBoundsException("update of " + n + " bytes at " + offset + " of page "
                        + ref.pageId() + " leaves its " + usable + " usable bytes");
            }
            ByteBuffer page = ref.buffer();
            page.position(PageLayout.HEADER_BYTES + offset);
            page.put(bytes.duplicate());
            ref.markDirty(lsn.incrementAndGet());
            updates.incrementAndGet();
            updatedBytes.addAndGet(n);
        }

        @Override
        public void close() {
            if (!closedHandle) {
                closedHandle = true;
                // Count the pin as dropped before the latch goes: once the latch is released another thread may
                // latch, unlink and free the page while this thread has not yet returned from ref.close().
                count.decrementAndGet();
                ref.close();
            }
        }
    }
}
