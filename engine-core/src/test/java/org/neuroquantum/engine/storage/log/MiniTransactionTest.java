package org.neuroquantum.engine.storage.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroquantum.engine.storage.btree.BTree;
import org.neuroquantum.engine.storage.btree.BTreeIndexFactory;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.buffer.PageLayout;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.engine.storage.log.MiniTransactionRecord.PageChange;
import org.neuroquantum.spi.index.PageAccess.Latch;
import org.neuroquantum.spi.index.PageHandle;
import org.neuroquantum.spi.storage.PageStore;
import org.neuroquantum.spi.wal.LogReader;
import org.neuroquantum.spi.wal.WriteAheadLog;

class MiniTransactionTest {
    @TempDir
    Path dir;

    private LogFixture f;

    @AfterEach
    void closeFixture() {
        if (f != null && f.pool != null) {
            f.close();
        }
    }

    private List<MiniTransactionRecord> records() {
        List<MiniTransactionRecord> out = new ArrayList<>();
        try (LogReader r = f.wal.read(1)) {
            while (r.next()) {
                out.add(MiniTransactionRecord.decode(r.payload(), r.lsn()));
            }
        }
        return out;
    }

    private static ByteBuffer bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return ByteBuffer.wrap(b);
    }

    private long pageLsn(long pageId) {
        try (PageRef ref = f.pool.pin(pageId, BufferPool.Latch.SHARED)) {
            return ref.pageLsn();
        }
    }

    @Test
    void commitAppendsOneRecordAndSetsEveryChangedPageLsn() {
        f = new LogFixture(dir, 16).open();
        MiniTransaction mtr = f.pages.begin(7, 0);
        mtr.setUndo(new byte[] {42});
        long a;
        long b;
        try (PageHandle h = f.pages.allocate(mtr)) {
            a = h.pageId();
            h.update(0, bytes(1, 2, 3));
        }
        try (PageHandle h = f.pages.allocate(mtr)) {
            b = h.pageId();
        }
        try (PageHandle h = f.pages.pin(mtr, a, Latch.EXCLUSIVE)) {
            h.update(f.pages.usableBytes() - 2, bytes(9, 9));
            assertEquals(1, h.content().get(0));
        }
        long lsn = mtr.commit();
        assertTrue(lsn > 0);
        assertEquals(lsn, mtr.lsn());
        List<MiniTransactionRecord> log = records();
        assertEquals(1, log.size());
        assertEquals(new MiniTransactionRecord(7, 0, new byte[] {42}, List.of(PageChange.allocate(a),
                PageChange.update(a, 0, new byte[] {1, 2, 3}), PageChange.allocate(b),
                PageChange.update(a, f.pages.usableBytes() - 2, new byte[] {9, 9}))), log.get(0));
        assertEquals(lsn, pageLsn(a));
        assertEquals(lsn, pageLsn(b));
        try (PageRef ref = f.pool.pin(a, BufferPool.Latch.SHARED)) {
            assertEquals(3, ref.buffer().get(PageLayout.HEADER_BYTES + 2));
        }

        // The next operation of the same transaction chains to it; an operation without changes logs nothing.
        MiniTransaction next = f.pages.begin(7, lsn);
        try (PageHandle h = f.pages.pin(next, a, Latch.EXCLUSIVE)) {
            assertEquals(1, h.content().get(0));
        }
        assertTrue(next.heldPages().isEmpty());
        assertEquals(0, next.commit());
        assertEquals(1, records().size());
        assertThrows(IllegalStateException.class, next::commit);
    }

    @Test
    void changedPagesStayLatchedUntilCommit() throws Exception {
        f = new LogFixture(dir, 16).open();
        MiniTransaction create = f.pages.begin(1, 0);
        long page;
        try (PageHandle h = f.pages.allocate(create)) {
            page = h.pageId();
        }
        long first = create.commit();

        MiniTransaction mtr = f.pages.begin(2, 0);
        try (PageHandle h = f.pages.pin(mtr, page, Latch.EXCLUSIVE)) {
            h.update(10, bytes(5));
        }
        // Reading again within the operation sees the change through the held frame.
        try (PageHandle h = f.pages.pin(mtr, page, Latch.SHARED)) {
            assertEquals(5, h.content().get(10));
        }
        assertEquals(List.of(page), mtr.heldPages());

        AtomicLong seenLsn = new AtomicLong();
        Thread[] reader = new Thread[1];
        CompletableFuture<Byte> read = CompletableFuture.supplyAsync(() -> {
            reader[0] = Thread.currentThread();
            try (PageRef ref = f.pool.pin(page, BufferPool.Latch.SHARED)) {
                seenLsn.set(ref.pageLsn());
                return ref.buffer().get(PageLayout.HEADER_BYTES + 10);
            }
        });
        while (reader[0] == null || reader[0].getState() != Thread.State.WAITING) {
            assertFalse(read.isDone(), "a reader got past the latch of an uncommitted change");
            Thread.onSpinWait();
        }
        assertFalse(read.isDone());
        long lsn = mtr.commit();
        assertTrue(lsn > first);
        assertEquals((byte) 5, read.get());
        assertEquals(lsn, seenLsn.get(), "the reader sees the page with its new LSN");
        assertTrue(mtr.heldPages().isEmpty());
    }

    @Test
    void unchangedHandlesReleaseOnClose() throws Exception {
        f = new LogFixture(dir, 16).open();
        MiniTransaction create = f.pages.begin(1, 0);
        long page;
        try (PageHandle h = f.pages.allocate(create)) {
            page = h.pageId();
        }
        create.commit();
        MiniTransaction mtr = f.pages.begin(2, 0);
        try (PageHandle h = f.pages.pin(mtr, page, Latch.EXCLUSIVE)) {
            h.content();
        }
        assertTrue(mtr.heldPages().isEmpty());
        // Another thread can latch it exclusively while the mini-transaction is still running.
        CompletableFuture.runAsync(() -> f.pool.pin(page, BufferPool.Latch.EXCLUSIVE).close()).get();
        assertEquals(0, mtr.commit());
    }

    @Test
    void updatesNeedAnExclusiveLatchAndAMiniTransaction() {
        f = new LogFixture(dir, 16).open();
        MiniTransaction create = f.pages.begin(1, 0);
        long page;
        try (PageHandle h = f.pages.allocate(create)) {
            page = h.pageId();
        }
        create.commit();
        MiniTransaction mtr = f.pages.begin(2, 0);
        try (PageHandle h = f.pages.pin(mtr, page, Latch.SHARED)) {
            assertThrows(IllegalStateException.class, () -> h.update(0, bytes(1)));
        }
        try (PageHandle h = f.pages.pin(() -> 2L, page, Latch.EXCLUSIVE)) {
            assertThrows(IllegalStateException.class, () -> h.update(0, bytes(1)));
        }
        try (PageHandle h = f.pages.pin(mtr, page, Latch.EXCLUSIVE)) {
            assertThrows(IndexOutOfBoundsException.class, () -> h.update(f.pages.usableBytes() - 1, bytes(1, 2)));
            assertThrows(IndexOutOfBoundsException.class, () -> h.update(-1, bytes(1)));
        }
        assertThrows(IllegalArgumentException.class, () -> f.pages.allocate(() -> 3L));
        assertThrows(IllegalArgumentException.class, () -> f.pages.free(() -> 3L, page));
        assertEquals(0, mtr.commit());
    }

    @Test
    void freeHappensAtCommitAfterTheRecordIsDurable() {
        f = new LogFixture(dir, 16).open();
        MiniTransaction create = f.pages.begin(1, 0);
        long page;
        try (PageHandle h = f.pages.allocate(create)) {
            page = h.pageId();
            h.update(0, bytes(1));
        }
        create.commit();
        MiniTransaction mtr = f.pages.begin(2, 0);
        try (PageHandle h = f.pages.pin(mtr, page, Latch.EXCLUSIVE)) {
            h.update(0, bytes(2));
        }
        f.pages.free(mtr, page);
        assertFalse(f.store.isFree(page), "freed only at commit");
        long lsn = mtr.commit();
        assertTrue(f.store.isFree(page));
        assertTrue(f.wal.durableLsn() >= lsn, "the free is durable in the log before the store overwrites the page");
        assertEquals(List.of(PageChange.update(page, 0, new byte[] {2}), PageChange.free(page)),
                records().get(1).changes());
    }

    @Test
    void abortRestoresTheFramesAndLogsNothing() {
        f = new LogFixture(dir, 16).open();
        MiniTransaction create = f.pages.begin(1, 0);
        long page;
        try (PageHandle h = f.pages.allocate(create)) {
            page = h.pageId();
            h.update(0, bytes(1, 2, 3, 4));
        }
        long lsn = create.commit();
        MiniTransaction mtr = f.pages.begin(2, lsn);
        try (PageHandle h = f.pages.pin(mtr, page, Latch.EXCLUSIVE)) {
            h.update(1, bytes(9, 9));
            h.update(2, bytes(8));
        }
        long extra;
        try (PageHandle h = f.pages.allocate(mtr)) {
            extra = h.pageId();
        }
        mtr.abort();
        assertTrue(f.store.isFree(extra));
        try (PageRef ref = f.pool.pin(page, BufferPool.Latch.SHARED)) {
            byte[] b = new byte[4];
            ref.buffer().get(PageLayout.HEADER_BYTES, b);
            assertArrayEquals(new byte[] {1, 2, 3, 4}, b);
            assertEquals(lsn, ref.pageLsn());
        }
        assertEquals(1, records().size());
    }

    /** Counts page writes and checks the write-ahead rule on each: the log is durable past the page's LSN. */
    static final class CheckingStore implements PageStore {
        final PageStore store;
        final WriteAheadLog wal;
        final AtomicLong writes = new AtomicLong();
        final List<String> violations = new ArrayList<>();

        CheckingStore(PageStore store, WriteAheadLog wal) {
            this.store = store;
            this.wal = wal;
        }

        @Override
        public int pageSize() {
            return store.pageSize();
        }

        @Override
        public long pageCount() {
            return store.pageCount();
        }

        @Override
        public long allocate() {
            return store.allocate();
        }

        @Override
        public void free(long pageId) {
            store.free(pageId);
        }

        @Override
        public void read(long pageId, ByteBuffer destination) {
            store.read(pageId, destination);
        }

        @Override
        public void write(long pageId, ByteBuffer source) {
            long pageLsn = source.getLong(source.position() + PageLayout.PAGE_LSN);
            long durable = wal.durableLsn();
            if (pageLsn > durable) {
                violations.add("page " + pageId + " with LSN " + pageLsn + " written when the log is durable to "
                        + durable);
            }
            writes.incrementAndGet();
            store.write(pageId, source);
        }

        @Override
        public void sync() {
            store.sync();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @Test
    void pagesAreWrittenOnlyAfterTheLogIsDurablePastTheirLsn() {
        CheckingStore[] checking = new CheckingStore[1];
        f = new LogFixture(dir, 10).open((store, wal) -> checking[0] = new CheckingStore(store, wal));
        BTreeIndexFactory factory = new BTreeIndexFactory();
        MiniTransaction create = f.pages.begin(1, 0);
        BTree tree = factory.create(f.context(), create);
        create.commit();
        Random rnd = new Random(5);
        for (int i = 0; i < 3000; i++) {
            byte[] key = ("k" + rnd.nextInt(1500)).getBytes();
            MiniTransaction mtr = f.pages.begin(2, 0);
            if (rnd.nextInt(4) == 0) {
                tree.delete(mtr, key);
            } else {
                byte[] value = new byte[rnd.nextInt(200)];
                rnd.nextBytes(value);
                tree.put(mtr, key, value);
            }
            mtr.commit();
        }
        f.pool.flushAll();
        assertTrue(checking[0].writes.get() > 100, "the small pool wrote pages: " + checking[0].writes.get());
        assertEquals(List.of(), checking[0].violations);
        tree.verify(() -> 3L);
    }
}
