package org.neuroquantum.engine.storage.buffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import net.openhft.chronicle.bytes.BytesStore;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.metrics.Timer;
import org.neuroquantum.spi.storage.PageStore;

/**
 * The buffer pool: a fixed number of page frames in off-heap memory (direct buffers accessed through
 * Chronicle Bytes) caching pages of a {@link PageStore}.
 *
 * <ul>
 *   <li><b>Pinning.</b> {@link #pin} returns a {@link PageRef} holding a pin and a latch (shared or
 *   exclusive); a pinned page is never evicted. Closing the reference releases both.</li>
 *   <li><b>Eviction.</b> When no frame is free, the configured {@link EvictionPolicy} names the victim among
 *   unpinned pages. The policy is told of every insert, hit, pin, unpin and removal, always under the pool's
 *   lock, as its contract requires.</li>
 *   <li><b>Write-ahead rule.</b> A dirty page is written only after {@link WalBarrier#ensureDurable} for its
 *   page LSN returns.</li>
 *   <li><b>Concurrency.</b> Page table, pins and policy are guarded by one lock held only for bookkeeping;
 *   reads and writes of pages happen outside it. A miss for a page whose previous copy is still being written
 *   back waits for that write, so a reader never sees a stale page.</li>
 * </ul>
 *
 * Metrics: {@code hits}, {@code misses}, {@code reads}, {@code writes}, {@code evictions}, gauges
 * {@code dirty-pages} and {@code hit-ratio-permille}, timer {@code flush}.
 */
public final class BufferPool implements AutoCloseable {
    /** How a page is latched while pinned. */
    public enum Latch { SHARED, EXCLUSIVE }

    private static final int CHUNK_BYTES = 1 << 30;

    private final PageStore store;
    private final EvictionPolicy policy;
    private final WalBarrier wal;
    private final int pageSize;
    private final Frame[] frames;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writeBackDone = lock.newCondition();
    private final Condition unpinned = lock.newCondition();
    private final Map<Long, Frame> table = new HashMap<>();
    private final ArrayDeque<Frame> freeFrames = new ArrayDeque<>();
    private final Set<Long> writingBack = new HashSet<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter reads;
    private final Counter writes;
    private final Counter evictions;
    private final Timer flushTimer;
    private int dirtyCount;
    private boolean closed;

    /**
     * A pool of {@code frameCount} frames over {@code store}.
     *
     * @param policy a fresh eviction policy created for {@code frameCount} frames
     * @param wal the write-ahead rule
     * @param metrics where the pool reports (already scoped, e.g. {@code buffer-pool.})
     */
    /**
     * Page hits and reads from the store made by the current thread, over all pools, since the thread started:
     * EXPLAIN ANALYZE takes differences of these around each plan node, which attributes to a statement exactly
     * the pages its own thread pinned (a shared counter would mix in other sessions' traffic).
     */
    private static final ThreadLocal<long[]> THREAD_ACCESS = ThreadLocal.withInitial(() -> new long[2]);

    /** Pages the current thread found in a pool so far (see {@link #threadReads()}). */
    public static long threadHits() {
        return THREAD_ACCESS.get()[0];
    }

    /** Pages the current thread had to read from a store so far. */
    public static long threadReads() {
        return THREAD_ACCESS.get()[1];
    }

    public BufferPool(PageStore store, EvictionPolicy policy, int frameCount, WalBarrier wal, Metrics metrics) {
        if (frameCount < 1) {
            throw new IllegalArgumentException("a buffer pool needs at least one frame");
        }
        this.store = store;
        this.policy = policy;
        this.wal = wal;
        this.pageSize = store.pageSize();
        this.frames = new Frame[frameCount];
        int perChunk = CHUNK_BYTES / pageSize;
        for (int first = 0; first < frameCount; first += perChunk) {
            int count = Math.min(perChunk, frameCount - first);
            ByteBuffer chunk = ByteBuffer.allocateDirect(count * pageSize).order(ByteOrder.LITTLE_ENDIAN);
            BytesStore<?, ByteBuffer> memory = BytesStore.wrap(chunk);
            for (int i = 0; i < count; i++) {
                ByteBuffer slice = chunk.duplicate().position(i * pageSize).limit((i + 1) * pageSize).slice()
                        .order(ByteOrder.LITTLE_ENDIAN);
                Frame frame = new Frame(first + i, slice, memory, (long) i * pageSize);
                frames[first + i] = frame;
                freeFrames.add(frame);
            }
        }
        this.hits = metrics.counter("hits");
        this.misses = metrics.counter("misses");
        this.reads = metrics.counter("reads");
        this.writes = metrics.counter("writes");
        this.evictions = metrics.counter("evictions");
        this.flushTimer = metrics.timer("flush");
        metrics.gauge("dirty-pages", this::dirtyPages);
        metrics.gauge("hit-ratio-permille", () -> {
            long h = hits.count();
            long total = h + misses.count();
            return total == 0 ? 0 : h * 1000 / total;
        });
    }

    /** Frames needed for a pool of {@code bytes} bytes of {@code pageSize}-byte pages (at least 8). */
    public static int framesFor(long bytes, int pageSize) {
        return (int) Math.max(8, Math.min(Integer.MAX_VALUE, bytes / pageSize));
    }

    /** The page size. */
    public int pageSize() {
        return pageSize;
    }

    /** The number of frames. */
    public int capacity() {
        return frames.length;
    }

    /**
     * Pins and latches page {@code pageId}, reading it from the store on a miss.
     *
     * @throws StorageException when the page cannot be read (corruption names the page), or
     *     {@code STORAGE_IO} when every frame is pinned
     */
    public PageRef pin(long pageId, Latch latch) {
        while (true) {
            Frame frame;
            boolean load = false;
            lock.lock();
            try {
                checkOpen();
                frame = table.get(pageId);
                if (frame != null) {
                    hits.increment();
                    THREAD_ACCESS.get()[0]++;
                    policy.onAccess(pageId);
                    pinFrame(frame);
                } else {
                    misses.increment();
                    while (writingBack.contains(pageId)) {
                        writeBackDone.awaitUninterruptibly();
                    }
                    frame = table.get(pageId);
                    if (frame != null) {
                        policy.onAccess(pageId);
                        pinFrame(frame);
                    } else {
                        frame = claimFrame(pageId);
                        load = true;
                    }
                }
            } finally {
                lock.unlock();
            }
            if (load) {
                return new PageRef(this, load(frame, pageId, latch), pageId, latch);
            }
            acquire(frame, latch);
            if (frame.valid && frame.pageId == pageId) {
                return new PageRef(this, frame, pageId, latch);
            }
            RuntimeException error = frame.loadError;
            release(frame, latch);
            unpin(frame);
            if (error != null) {
                throw error;
            }
        }
    }

    /**
     * Reads page {@code pageId} into a free frame unless it is resident already: the {@link Prewarmer}'s step.
     * Never evicts, so it cannot push out a page in use; a page that cannot be read (free, never written,
     * corrupt) is left alone, since a real access reports that error itself.
     *
     * @return false once no frame is free (the pool is full), true otherwise
     */
    public boolean prefetch(long pageId) {
        Frame frame;
        lock.lock();
        try {
            if (closed || freeFrames.isEmpty()) {
                return false;
            }
            if (table.containsKey(pageId) || writingBack.contains(pageId)) {
                return true;
            }
            frame = claimFrame(pageId);
        } finally {
            lock.unlock();
        }
        try {
            load(frame, pageId, Latch.SHARED);
        } catch (RuntimeException e) {
            return true;
        }
        release(frame, Latch.SHARED);
        unpin(frame);
        return true;
    }

    /** How many frames hold no page. */
    public int freeFrames() {
        lock.lock();
        try {
            return freeFrames.size();
        } finally {
            lock.unlock();
        }
    }

    /** Allocates a new page in the store and pins it, zeroed and exclusively latched, as dirty. */
    public PageRef allocate() {
        long pageId = store.allocate();
        Frame frame;
        lock.lock();
        try {
            checkOpen();
            dropPrefetchedCopy(pageId);
            frame = claimFrame(pageId);
        } catch (RuntimeException e) {
            store.free(pageId);
            throw e;
        } finally {
            lock.unlock();
        }
        Frame claimed = writeBackVictim(frame);
        ByteBuffer view = claimed.view();
        for (int i = 0; i < pageSize; i += 8) {
            view.putLong(i, 0L);
        }
        lock.lock();
        try {
            claimed.valid = true;
            markDirtyLocked(claimed);
        } finally {
            lock.unlock();
        }
        return new PageRef(this, claimed, pageId, Latch.EXCLUSIVE);
    }

    /**
     * Under the lock: a page just handed out by the store can be resident only as a copy {@link #prefetch} read
     * while the page was being freed (freeing discards the page before returning it to the store). That copy
     * is stale and clean; it is dropped once the prefetch has let go of it.
     */
    private void dropPrefetchedCopy(long pageId) {
        while (true) {
            Frame stale = table.get(pageId);
            if (stale == null) {
                return;
            }
            if (stale.pinCount > 0 || !stale.valid) {
                unpinned.awaitUninterruptibly();
                continue;
            }
            if (stale.dirty) {
                throw new IllegalStateException("page " + pageId + " was handed out by the store while a dirty copy "
                        + "of it is resident");
            }
            table.remove(pageId);
            policy.onRemove(pageId);
            stale.pageId = -1;
            stale.valid = false;
            freeFrames.add(stale);
        }
    }

    /** Claims a frame for {@code pageId} (under the lock): a free frame or an evicted one, pinned and latched X. */
    private Frame claimFrame(long pageId) {
        Frame frame = freeFrames.poll();
        long victimPage = -1;
        if (frame == null) {
            victimPage = policy.evict();
            if (victimPage == EvictionPolicy.NO_VICTIM) {
                throw new StorageException(ErrorCode.STORAGE_IO, "Every one of the " + frames.length
                        + " buffer frames is pinned; page " + pageId + " cannot be read.",
                        "Give the buffer pool more memory, or run fewer operations at once.");
            }
            frame = table.remove(victimPage);
            if (frame == null || frame.pinCount != 0) {
                throw new IllegalStateException("eviction policy returned page " + victimPage
                        + (frame == null ? ", which is not resident" : ", which is pinned"));
            }
            evictions.increment();
            if (frame.dirty) {
                writingBack.add(victimPage);
            } else {
                victimPage = -1;
            }
        }
        if (!frame.latch.writeLock().tryLock()) {
            throw new IllegalStateException("unpinned frame " + frame.index + " is latched");
        }
        frame.pendingVictim = victimPage;
        frame.pageId = pageId;
        frame.pinCount = 1;
        frame.valid = false;
        frame.loadError = null;
        table.put(pageId, frame);
        policy.onInsert(pageId);
        policy.onPin(pageId);
        return frame;
    }

    /** Writes the evicted page still held by a claimed frame, if it was dirty. Runs without the lock. */
    private Frame writeBackVictim(Frame frame) {
        long victim = frame.pendingVictim;
        if (victim < 0) {
            return frame;
        }
        try {
            writePage(frame, victim);
        } catch (RuntimeException e) {
            // The victim's only copy is in this frame: give the frame back to it rather than lose the page.
            // Threads waiting for the new page find the frame holding another page and rethrow this error.
            lock.lock();
            try {
                long wanted = frame.pageId;
                table.remove(wanted);
                policy.onUnpin(wanted);
                policy.onRemove(wanted);
                frame.loadError = e;
                frame.pageId = victim;
                frame.valid = true;
                frame.pendingVictim = -1;
                frame.pinCount--;
                table.put(victim, frame);
                policy.onInsert(victim);
                if (frame.pinCount > 0) {
                    policy.onPin(victim);
                }
                writingBack.remove(victim);
                writeBackDone.signalAll();
            } finally {
                lock.unlock();
                frame.latch.writeLock().unlock();
            }
            throw e;
        }
        lock.lock();
        try {
            frame.dirty = false;
            dirtyCount--;
            frame.pendingVictim = -1;
            writingBack.remove(victim);
            writeBackDone.signalAll();
        } finally {
            lock.unlock();
        }
        return frame;
    }

    private Frame load(Frame frame, long pageId, Latch latch) {
        writeBackVictim(frame);
        try {
            store.read(pageId, frame.view());
            reads.increment();
            THREAD_ACCESS.get()[1]++;
        } catch (RuntimeException e) {
            lock.lock();
            try {
                frame.loadError = e;
                table.remove(pageId);
                policy.onUnpin(pageId);
                policy.onRemove(pageId);
                frame.pinCount--;
                if (frame.pinCount == 0) {
                    frame.pageId = -1;
                    freeFrames.add(frame);
                    unpinned.signalAll();
                }
            } finally {
                lock.unlock();
                frame.latch.writeLock().unlock();
            }
            throw e;
        }
        lock.lock();
        try {
            frame.valid = true;
        } finally {
            lock.unlock();
        }
        if (latch == Latch.SHARED) {
            frame.latch.readLock().lock();
            frame.latch.writeLock().unlock();
        }
        return frame;
    }

    private void pinFrame(Frame frame) {
        if (frame.pinCount++ == 0) {
            policy.onPin(frame.pageId);
        }
    }

    private static void acquire(Frame frame, Latch latch) {
        if (latch == Latch.SHARED) {
            frame.latch.readLock().lock();
        } else {
            frame.latch.writeLock().lock();
        }
    }

    static void release(Frame frame, Latch latch) {
        if (latch == Latch.SHARED) {
            frame.latch.readLock().unlock();
        } else {
            frame.latch.writeLock().unlock();
        }
    }

    void markDirty(Frame frame, long pageLsn) {
        frame.setPageLsn(pageLsn);
        lock.lock();
        try {
            markDirtyLocked(frame);
        } finally {
            lock.unlock();
        }
    }

    private void markDirtyLocked(Frame frame) {
        if (!frame.dirty) {
            frame.dirty = true;
            dirtyCount++;
        }
    }

    /** Drops a pin taken by {@link #pin}; a frame whose load failed returns to the free list with its last pin. */
    void unpin(Frame frame) {
        lock.lock();
        try {
            frame.pinCount--;
            if (frame.pinCount == 0) {
                unpinned.signalAll();
                if (frame.valid && table.get(frame.pageId) == frame) {
                    policy.onUnpin(frame.pageId);
                } else if (!frame.valid) {
                    frame.pageId = -1;
                    freeFrames.add(frame);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void writePage(Frame frame, long pageId) {
        wal.ensureDurable(frame.pageLsn());
        store.write(pageId, frame.view());
        writes.increment();
    }

    /**
     * Writes every dirty page (a checkpoint's flush), honouring the write-ahead rule; pages latched
     * exclusively are waited for. Does not sync the store.
     */
    public void flushAll() {
        flush(Integer.MAX_VALUE, false);
    }

    /**
     * Writes up to {@code limit} dirty pages that are not pinned, without waiting for any latch: the
     * background flusher's step, which keeps clean victims at hand so evictions rarely wait for a write.
     *
     * @return how many pages were written
     */
    public int flushUnpinned(int limit) {
        return flush(limit, true);
    }

    private int flush(int limit, boolean unpinnedOnly) {
        long start = System.nanoTime();
        List<Frame> dirty = new ArrayList<>();
        lock.lock();
        try {
            for (Frame f : frames) {
                if (dirty.size() >= limit) {
                    break;
                }
                if (f.dirty && f.valid && (!unpinnedOnly || f.pinCount == 0)) {
                    pinFrame(f);
                    dirty.add(f);
                }
            }
        } finally {
            lock.unlock();
        }
        int written = 0;
        for (Frame f : dirty) {
            f.latch.readLock().lock();
            try {
                boolean write;
                lock.lock();
                try {
                    write = f.dirty;
                    if (write) {
                        f.dirty = false;
                        dirtyCount--;
                    }
                } finally {
                    lock.unlock();
                }
                if (write) {
                    try {
                        writePage(f, f.pageId);
                        written++;
                    } catch (RuntimeException e) {
                        markDirty(f, f.pageLsn());
                        throw e;
                    }
                }
            } finally {
                f.latch.readLock().unlock();
                unpin(f);
            }
        }
        flushTimer.update(System.nanoTime() - start);
        return written;
    }

    /**
     * Drops a page from the pool without writing it: for a page its owner has just freed in the store, whose
     * cached copy must never be written back over the store's free-list entry. Waits until pins held by other
     * threads (which may still be leaving the page) and any write-back of the page are gone. The caller must
     * not hold a pin on it.
     */
    public void discard(long pageId) {
        lock.lock();
        try {
            while (true) {
                while (writingBack.contains(pageId)) {
                    writeBackDone.awaitUninterruptibly();
                }
                Frame frame = table.get(pageId);
                if (frame == null) {
                    return;
                }
                if (frame.pinCount > 0 || !frame.valid) {
                    unpinned.awaitUninterruptibly();
                    continue;
                }
                table.remove(pageId);
                policy.onRemove(pageId);
                if (frame.dirty) {
                    frame.dirty = false;
                    dirtyCount--;
                }
                frame.pageId = -1;
                frame.valid = false;
                freeFrames.add(frame);
                return;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many resident pages are dirty. */
    public int dirtyPages() {
        lock.lock();
        try {
            return dirtyCount;
        } finally {
            lock.unlock();
        }
    }

    /** How many pages are resident. */
    public int residentPages() {
        lock.lock();
        try {
            return table.size();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code millis} for any write-back in flight; for tests and shutdown. */
    boolean awaitWriteBacks(long millis) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (!writingBack.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !writeBackDone.await(left, TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("buffer pool is closed");
        }
    }

    /** Flushes every dirty page and stops using the store (which the caller closes). */
    @Override
    public void close() {
        flushAll();
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
    }
}
