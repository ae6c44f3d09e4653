package org.neuroquantum.engine.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.neuroquantum.engine.storage.buffer.BufferPool.Latch;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.metrics.Metrics;

class BufferPoolTest {
    private static final int PAGE = 4096;

    private final TestPolicies.MemoryStore store = new TestPolicies.MemoryStore(PAGE);
    private final TestPolicies.CheckingFifo policy = new TestPolicies.CheckingFifo();
    private final AtomicLong durable = new AtomicLong();
    private final Metrics metrics = Metrics.detached();

    private BufferPool pool(int frames) {
        return new BufferPool(store, policy, frames, lsn -> durable.accumulateAndGet(lsn, Math::max), metrics);
    }

    private static void writeValue(PageRef ref, long value, long lsn) {
        ref.buffer().putLong(PageLayout.HEADER_BYTES, value);
        ref.markDirty(lsn);
    }

    private static long value(PageRef ref) {
        return ref.buffer().getLong(PageLayout.HEADER_BYTES);
    }

    @Test
    void pagesSurviveEvictionThroughASmallPool() {
        BufferPool pool = pool(4);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            try (PageRef ref = pool.allocate()) {
                writeValue(ref, i * 7L, i + 1);
                ids.add(ref.pageId());
            }
        }
        assertTrue(pool.residentPages() <= 4);
        Random random = new Random(42);
        Map<Long, Long> model = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            model.put(ids.get(i), i * 7L);
        }
        for (int step = 0; step < 2000; step++) {
            long id = ids.get(random.nextInt(ids.size()));
            if (random.nextBoolean()) {
                try (PageRef ref = pool.pin(id, Latch.SHARED)) {
                    assertEquals(model.get(id), value(ref), "page " + id);
                }
            } else {
                long v = random.nextLong();
                try (PageRef ref = pool.pin(id, Latch.EXCLUSIVE)) {
                    writeValue(ref, v, 100 + step);
                }
                model.put(id, v);
            }
        }
        assertTrue(metrics.counter("evictions").count() > 100, "the pool really evicted");
        pool.flushAll();
        assertEquals(0, pool.dirtyPages());
        BufferPool fresh = new BufferPool(store, new TestPolicies.CheckingFifo(), 8, lsn -> { }, Metrics.detached());
        for (long id : ids) {
            try (PageRef ref = fresh.pin(id, Latch.SHARED)) {
                assertEquals(model.get(id), value(ref));
            }
        }
    }

    @Test
    void aDirtyPageIsWrittenOnlyAfterTheLogIsDurableUpToItsLsn() {
        store.beforeWrite = id -> { };
        BufferPool pool = pool(2);
        Map<Long, Long> lsnOf = new HashMap<>();
        store.beforeWrite = id -> {
            long needed = lsnOf.getOrDefault(id, 0L);
            assertTrue(durable.get() >= needed, "page " + id + " written before the log was durable to " + needed);
        };
        for (int i = 0; i < 20; i++) {
            try (PageRef ref = pool.allocate()) {
                long lsn = 1000 + i;
                writeValue(ref, i, lsn);
                lsnOf.put(ref.pageId(), lsn);
            }
        }
        pool.flushAll();
        for (long id = 0; id < 20; id++) {
            assertEquals(lsnOf.get(id), store.lsnOnDisk(id), "page LSN is stored in the page");
        }
    }

    @Test
    void pinnedPagesAreNeverEvictedAndAFullyPinnedPoolSaysSo() {
        BufferPool pool = pool(2);
        PageRef a = pool.allocate();
        PageRef b = pool.allocate();
        StorageException e = assertThrows(StorageException.class, pool::allocate);
        assertTrue(e.getMessage().contains("pinned"), e.getMessage());
        b.close();
        try (PageRef c = pool.allocate()) {
            assertEquals(2, c.pageId());
        }
        try (PageRef again = pool.pin(0, Latch.SHARED)) {
            assertSame(0L, again.pageId());
        }
        a.close();
    }

    @Test
    void aCorruptPageFailsItsReadersAndLeavesThePoolUsable() {
        BufferPool pool = pool(3);
        for (int i = 0; i < 5; i++) {
            try (PageRef ref = pool.allocate()) {
                writeValue(ref, i, 1);
            }
        }
        pool.flushAll();
        BufferPool fresh = new BufferPool(store, new TestPolicies.CheckingFifo(), 3, lsn -> { }, Metrics.detached());
        store.corruptPage = 2;
        StorageException e = assertThrows(StorageException.class, () -> fresh.pin(2, Latch.SHARED));
        assertEquals(ErrorCode.STORAGE_CORRUPT, e.errorCode());
        for (long id : new long[] {0, 1, 3, 4, 0, 1}) {
            try (PageRef ref = fresh.pin(id, Latch.SHARED)) {
                assertEquals(id, value(ref));
            }
        }
        assertEquals(0, fresh.residentPages() - Math.min(3, fresh.residentPages()), "no frame leaked");
    }

    @Test
    void aFailedWriteBackKeepsTheVictimAndWorksOnceSpaceReturns() {
        BufferPool pool = pool(2);
        for (int i = 0; i < 2; i++) {
            try (PageRef ref = pool.allocate()) {
                writeValue(ref, 100 + i, 1);
            }
        }
        store.diskFull = true;
        assertEquals(ErrorCode.STORAGE_FULL, assertThrows(StorageException.class, pool::allocate).errorCode());
        store.diskFull = false;
        try (PageRef ref = pool.pin(0, Latch.SHARED)) {
            assertEquals(100, value(ref), "the victim's changes were kept");
        }
        try (PageRef ref = pool.pin(1, Latch.SHARED)) {
            assertEquals(101, value(ref));
        }
        pool.flushAll();
        assertEquals(0, pool.dirtyPages());
    }

    @Test
    void concurrentIncrementsAcrossEvictionsAreNeverLost() throws Exception {
        BufferPool pool = pool(6);
        int pages = 24;
        for (int i = 0; i < pages; i++) {
            try (PageRef ref = pool.allocate()) {
                writeValue(ref, 0, 1);
            }
        }
        int threads = 4;
        int perThread = 3000;
        AtomicLong lsn = new AtomicLong(10);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            futures.add(executor.submit(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < perThread; i++) {
                    long id = random.nextInt(pages);
                    if (random.nextInt(4) == 0) {
                        try (PageRef ref = pool.pin(id, Latch.SHARED)) {
                            value(ref);
                        }
                    } else {
                        try (PageRef ref = pool.pin(id, Latch.EXCLUSIVE)) {
                            writeValue(ref, value(ref) + 1, lsn.incrementAndGet());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        executor.shutdown();
        long total = 0;
        for (long id = 0; id < pages; id++) {
            try (PageRef ref = pool.pin(id, Latch.SHARED)) {
                total += value(ref);
            }
        }
        long expectedWrites = 0;
        for (int t = 0; t < threads; t++) {
            Random random = new Random(t);
            for (int i = 0; i < perThread; i++) {
                random.nextInt(pages);
                if (random.nextInt(4) != 0) {
                    expectedWrites++;
                }
            }
        }
        assertEquals(expectedWrites, total);
        assertTrue(pool.awaitWriteBacks(1000));
        assertEquals(policy.residentCount(), pool.residentPages());
    }

    @Test
    void theBackgroundFlusherCleansUnpinnedPagesDownToItsThreshold() throws Exception {
        BufferPool pool = pool(16);
        PageRef pinned = pool.allocate();
        writeValue(pinned, 1, 1);
        for (int i = 0; i < 15; i++) {
            try (PageRef ref = pool.allocate()) {
                writeValue(ref, i, 2);
            }
        }
        assertEquals(16, pool.dirtyPages());
        try (BackgroundFlusher flusher = new BackgroundFlusher(pool, 5, 0.25)) {
            for (int wait = 0; wait < 2000 && pool.dirtyPages() > 4; wait++) {
                Thread.sleep(5);
            }
        }
        assertTrue(pool.dirtyPages() <= 4, "dirty pages left: " + pool.dirtyPages());
        assertTrue(pool.dirtyPages() >= 1, "the pinned page is not written behind its holder's back");
        pinned.close();
        assertTrue(durable.get() >= 2, "the write-ahead rule held for background writes");
    }

    @Test
    void aDiscardedPageIsNeverWrittenBackAndItsFrameIsReused() throws Exception {
        BufferPool pool = pool(2);
        long id;
        try (PageRef ref = pool.allocate()) {
            writeValue(ref, 77, 1);
            id = ref.pageId();
        }
        assertEquals(1, pool.dirtyPages());
        java.util.List<Long> written = new java.util.ArrayList<>();
        store.beforeWrite = written::add;
        PageRef holder = pool.pin(id, Latch.SHARED);
        Thread discarder = new Thread(() -> pool.discard(id));
        discarder.start();
        // discard waits for the pin; once the holder lets go it drops the page without writing it
        for (int spin = 0; spin < 10_000_000 && discarder.getState() != Thread.State.WAITING; spin++) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.WAITING, discarder.getState(), "discard waits while the page is pinned");
        assertEquals(1, pool.residentPages());
        holder.close();
        discarder.join(10_000);
        assertTrue(!discarder.isAlive(), "discard returned once the pin was dropped");
        assertEquals(0, pool.dirtyPages());
        assertEquals(0, pool.residentPages());
        pool.flushAll();
        for (int i = 0; i < 4; i++) {
            try (PageRef ref = pool.allocate()) {
                writeValue(ref, i, 2);
            }
        }
        pool.flushAll();
        assertTrue(!written.contains(id), "the discarded copy was never written: " + written);
        assertEquals(policy.residentCount(), pool.residentPages());
    }

    @Test
    void sharedLatchesCannotChangeAPage() {
        BufferPool pool = pool(2);
        try (PageRef ref = pool.allocate()) {
            writeValue(ref, 1, 1);
        }
        try (PageRef ref = pool.pin(0, Latch.SHARED)) {
            assertThrows(java.nio.ReadOnlyBufferException.class, () -> ref.buffer().putLong(PageLayout.HEADER_BYTES, 2));
            assertThrows(IllegalStateException.class, () -> ref.markDirty(5));
        }
    }

    @Test
    void prefetchFillsOnlyFreeFramesAndNeverEvicts() {
        List<Long> ids = new ArrayList<>();
        BufferPool writer = pool(16);
        for (int i = 0; i < 10; i++) {
            try (PageRef ref = writer.allocate()) {
                writeValue(ref, 1000L + i, i + 1);
                ids.add(ref.pageId());
            }
        }
        writer.flushAll();
        BufferPool pool = new BufferPool(store, new TestPolicies.CheckingFifo(), 4, lsn -> { }, Metrics.detached());
        try (PageRef held = pool.pin(ids.get(9), Latch.SHARED)) {
            assertTrue(pool.prefetch(ids.get(0)));
            assertTrue(pool.prefetch(ids.get(0)), "a resident page is left alone");
            assertTrue(pool.prefetch(ids.get(1)));
            assertTrue(pool.prefetch(ids.get(2)));
            assertEquals(0, pool.freeFrames());
            assertEquals(false, pool.prefetch(ids.get(3)), "a full pool is not evicted from");
            assertEquals(4, pool.residentPages());
            assertEquals(1009L, value(held));
        }
        for (int i = 0; i < 3; i++) {
            try (PageRef ref = pool.pin(ids.get(i), Latch.SHARED)) {
                assertEquals(1000L + i, value(ref));
            }
        }
    }

    @Test
    void aStaleCopyPrefetchedWhileThePageWasFreedIsDroppedWhenThePageIsHandedOutAgain() {
        BufferPool pool = pool(8);
        long id;
        try (PageRef ref = pool.allocate()) {
            writeValue(ref, 77L, 1);
            id = ref.pageId();
        }
        pool.flushAll();
        // The order of a free: discard from the pool, then return the page to the store. A prefetch in between
        // reads the old content back in.
        pool.discard(id);
        assertTrue(pool.prefetch(id));
        store.free(id);
        try (PageRef ref = pool.allocate()) {
            assertEquals(id, ref.pageId(), "the store hands the freed page out again");
            assertEquals(0L, value(ref), "a new page starts zeroed, not with the stale copy");
            writeValue(ref, 88L, 2);
        }
        try (PageRef ref = pool.pin(id, Latch.SHARED)) {
            assertEquals(88L, value(ref));
        }
        assertEquals(1, pool.residentPages());
    }
}
