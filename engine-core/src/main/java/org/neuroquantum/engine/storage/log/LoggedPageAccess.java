package org.neuroquantum.engine.storage.log;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.buffer.PageLayout;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.engine.storage.buffer.WalBarrier;
import org.neuroquantum.spi.index.IndexTransaction;
import org.neuroquantum.spi.index.PageAccess;
import org.neuroquantum.spi.index.PageHandle;
import org.neuroquantum.spi.storage.PageStore;
import org.neuroquantum.spi.wal.WriteAheadLog;

/**
 * The kernel's {@link PageAccess}: every page change of an index operation is recorded by its
 * {@link MiniTransaction} and logged as one WAL record when the mini-transaction commits.
 *
 * <h2>Finding the mini-transaction</h2>
 * The {@link IndexTransaction} an index passes to {@link #pin}, {@link #allocate} and {@link #free} <em>is</em> the
 * mini-transaction ({@link MiniTransaction} implements {@code IndexTransaction}); the kernel creates it with
 * {@link #begin} before calling the index and calls {@link MiniTransaction#commit()} after it returns. Read-only
 * operations ({@code get}, {@code scan}, {@code verify}) may pass any {@code IndexTransaction}: their handles can
 * be pinned, but {@link PageHandle#update}, {@link #allocate} and {@link #free} need a mini-transaction.
 *
 * <h2>Handles</h2>
 * {@code update} requires an exclusive latch; it writes the bytes into the frame at once and records them. A
 * handle whose page was changed keeps its latch and pin after {@code close()}: they are released by the
 * mini-transaction's end. Pinning a page the mini-transaction already holds returns another handle over the held
 * frame (the latch is not taken twice). Handles of unchanged pages release on {@code close()} (latch coupling).
 *
 * <h2>Freeing</h2>
 * {@link #free} is recorded and carried out at commit, after the record is appended: the log is forced to the
 * record (the page store overwrites the page with its free-list entry at once, so the free must be durable in
 * the log first), then {@link BufferPool#discard} and {@link PageStore#free}.
 *
 * <p>Thread-safe: each mini-transaction belongs to one thread.
 */
public final class LoggedPageAccess implements PageAccess {
    private final BufferPool pool;
    private final PageStore store;
    private final WriteAheadLog wal;
    private final int usable;
    private final ReadWriteLock checkpointGate = new ReentrantReadWriteLock();
    private volatile long fullPageLsn = 1;

    /**
     * @param pool the buffer pool, created with {@link #barrier(WriteAheadLog)} of the same log
     * @param store the pool's page store
     * @param wal the write-ahead log records are appended to
     */
    public LoggedPageAccess(BufferPool pool, PageStore store, WriteAheadLog wal) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.store = Objects.requireNonNull(store, "store");
        this.wal = Objects.requireNonNull(wal, "wal");
        this.usable = pool.pageSize() - PageLayout.HEADER_BYTES;
    }

    /** The write-ahead rule over {@code wal}, for the buffer pool: forces the log when it is not durable enough. */
    public static WalBarrier barrier(WriteAheadLog wal) {
        return lsn -> {
            if (lsn > 0 && wal.durableLsn() < lsn) {
                wal.force(lsn);
            }
        };
    }

    /** Begins the mini-transaction of one index operation of transaction {@code transactionId}. */
    public MiniTransaction begin(long transactionId, long previousLsn) {
        return new MiniTransaction(this, transactionId, previousLsn, -1);
    }

    /**
     * Begins a mini-transaction that undoes an earlier one of transaction {@code transactionId}; it is logged as a
     * compensation record whose undo-next LSN is {@code undoNextLsn} (the undone record's previous LSN).
     */
    public MiniTransaction beginCompensation(long transactionId, long previousLsn, long undoNextLsn) {
        if (undoNextLsn < 0) {
            throw new IllegalArgumentException("undo-next LSN must not be negative: " + undoNextLsn);
        }
        return new MiniTransaction(this, transactionId, previousLsn, undoNextLsn);
    }

    /**
     * Pages whose LSN is below this are logged whole on their next change (a full-page image): the redo LSN of the
     * newest checkpoint. The checkpointer sets it under the exclusive {@link #checkpointGate()}; the database
     * sets it from the checkpoint file before recovery.
     */
    public long fullPageLsn() {
        return fullPageLsn;
    }

    /** Sets {@link #fullPageLsn()}. */
    public void setFullPageLsn(long lsn) {
        this.fullPageLsn = lsn;
    }

    /**
     * Held shared by every mini-transaction from its append until its pages are dirty and its frees done; a
     * checkpoint holds it exclusively while it fixes its redo LSN, so every record before that LSN is already
     * reflected in the pool's dirty pages (which the checkpoint then flushes).
     */
    public ReadWriteLock checkpointGate() {
        return checkpointGate;
    }

    WriteAheadLog wal() {
        return wal;
    }

    @Override
    public int usableBytes() {
        return usable;
    }

    @Override
    public PageHandle pin(IndexTransaction transaction, long pageId, Latch latch) {
        MiniTransaction mtr = transaction instanceof MiniTransaction m ? m : null;
        if (mtr != null) {
            mtr.checkActive();
            PageRef held = mtr.heldRef(pageId);
            if (held != null) {
                return new Handle(mtr, held, latch == Latch.EXCLUSIVE, false);
            }
        }
        PageRef ref = pool.pin(pageId, latch == Latch.SHARED ? BufferPool.Latch.SHARED : BufferPool.Latch.EXCLUSIVE);
        return new Handle(mtr, ref, latch == Latch.EXCLUSIVE, true);
    }

    @Override
    public PageHandle allocate(IndexTransaction transaction) {
        MiniTransaction mtr = require(transaction, "allocate a page");
        PageRef ref = pool.allocate();
        mtr.recordAllocate(ref);
        return new Handle(mtr, ref, true, true);
    }

    @Override
    public void free(IndexTransaction transaction, long pageId) {
        require(transaction, "free a page").recordFree(pageId);
    }

    private static MiniTransaction require(IndexTransaction transaction, String what) {
        if (transaction instanceof MiniTransaction m) {
            m.checkActive();
            return m;
        }
        throw new IllegalArgumentException("to " + what + " the index must run in a MiniTransaction (begin one with "
                + "LoggedPageAccess.begin), not in " + transaction);
    }

    /** Carries out the frees of a committed record: force the log to it, drop the cached copies, free in the store. */
    void freePages(List<Long> pageIds, long recordLsn) {
        if (wal.durableLsn() < recordLsn) {
            wal.force(recordLsn);
        }
        for (long pageId : pageIds) {
            pool.discard(pageId);
            store.free(pageId);
        }
    }

    /** Gives back a page allocated by an aborted mini-transaction (never logged, so nothing references it). */
    void returnAllocated(long pageId) {
        pool.discard(pageId);
        store.free(pageId);
    }

    private final class Handle implements PageHandle {
        private final MiniTransaction mtr;
        private final PageRef ref;
        private final boolean exclusive;
        /** Whether this handle took the pin (false for another handle over a page the mini-transaction holds). */
        private final boolean owner;
        private boolean closed;

        Handle(MiniTransaction mtr, PageRef ref, boolean exclusive, boolean owner) {
            this.mtr = mtr;
            this.ref = ref;
            this.exclusive = exclusive;
            this.owner = owner;
        }

        @Override
        public long pageId() {
            return ref.pageId();
        }

        @Override
        public ByteBuffer content() {
            checkOpen();
            return ref.content();
        }

        @Override
        public void update(int offset, ByteBuffer bytes) {
            checkOpen();
            if (!exclusive) {
                throw new IllegalStateException("page " + ref.pageId() + " is latched shared; update needs exclusive");
            }
            if (mtr == null) {
                throw new IllegalStateException("page " + ref.pageId() + " was pinned outside a MiniTransaction and "
                        + "cannot be updated");
            }
            int n = bytes.remaining();
            if (offset < 0 || offset > usable - n) {
                throw new IndexOutOfBoundsException("update of " + n + " bytes at " + offset + " of page "
                        + ref.pageId() + " leaves its " + usable + " usable bytes");
            }
            mtr.applyUpdate(ref, offset, bytes);
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("handle of page " + ref.pageId() + " is closed");
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!owner) {
                return;
            }
            // A page the mini-transaction changed is released when it ends (PageRef.close is idempotent).
            if (mtr != null && !mtr.ended() && mtr.heldRef(ref.pageId()) == ref) {
                return;
            }
            ref.close();
        }
    }
}
