package org.neuroquantum.engine.storage.log;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import org.neuroquantum.engine.storage.buffer.PageLayout;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.engine.storage.log.MiniTransactionRecord.PageChange;
import org.neuroquantum.spi.index.IndexTransaction;

/**
 * One index operation's page changes, appended as one WAL record by {@link #commit()}. It is also the
 * {@link IndexTransaction} the operation runs in: the kernel begins it with {@link LoggedPageAccess#begin}, passes
 * it to the index ({@code put}, {@code delete}, {@code create}) and commits it when the index returns; this is how
 * {@link LoggedPageAccess} finds the mini-transaction of a page access.
 *
 * <p>A page the operation changed (updated or allocated) stays pinned and exclusively latched until
 * {@link #commit()} or {@link #abort()}, even after the index closed its handle. Not thread-safe: it belongs to the
 * thread running the operation.
 */
public final class MiniTransaction implements IndexTransaction {
    private final LoggedPageAccess access;
    private final long transactionId;
    private final long previousLsn;
    /** For a compensation record: the next record of the transaction still to undo; -1 for a forward record. */
    private final long undoNextLsn;
    private byte[] undo = new byte[0];
    private final List<PageChange> changes = new ArrayList<>();
    /** Before-images of updates, for {@link #abort()}: page id, offset, old bytes. */
    private final List<PageChange> beforeImages = new ArrayList<>();
    /** Changed pages, pinned and latched exclusively until the end. */
    private final Map<Long, PageRef> held = new LinkedHashMap<>();
    private final List<Long> allocated = new ArrayList<>();
    private final List<Long> frees = new ArrayList<>();
    private long lsn;
    private boolean ended;

    MiniTransaction(LoggedPageAccess access, long transactionId, long previousLsn, long undoNextLsn) {
        this.access = access;
        this.transactionId = transactionId;
        this.previousLsn = previousLsn;
        this.undoNextLsn = undoNextLsn;
    }

    /** Whether this mini-transaction is logged as a compensation record (it undoes an earlier one). */
    public boolean isCompensation() {
        return undoNextLsn >= 0;
    }

    @Override
    public long id() {
        return transactionId;
    }

    /** The transaction's previous LSN, written into the record. */
    public long previousLsn() {
        return previousLsn;
    }

    /** Sets the logical undo of the operation (index id, key, previous value; the kernel's encoding). */
    public void setUndo(byte[] undo) {
        checkActive();
        if (isCompensation()) {
            throw new IllegalStateException("a compensation record is never undone and carries no undo");
        }
        this.undo = undo == null ? new byte[0] : undo.clone();
    }

    /** The changes recorded so far, in order. */
    public List<PageChange> changes() {
        return List.copyOf(changes);
    }

    /** Ids of the pages held (pinned, latched exclusively) until the end. */
    public List<Long> heldPages() {
        return List.copyOf(held.keySet());
    }

    /** The record's LSN after {@link #commit()}, 0 before or when nothing changed. */
    public long lsn() {
        return lsn;
    }

    /** Whether {@link #commit()} or {@link #abort()} ran. */
    public boolean ended() {
        return ended;
    }

    PageRef heldRef(long pageId) {
        return held.get(pageId);
    }

    boolean isHeld(long pageId) {
        return held.containsKey(pageId);
    }

    void checkActive() {
        if (ended) {
            throw new IllegalStateException("mini-transaction of transaction " + transactionId + " has ended");
        }
    }

    void recordAllocate(PageRef ref) {
        checkActive();
        held.put(ref.pageId(), ref);
        allocated.add(ref.pageId());
        changes.add(PageChange.allocate(ref.pageId()));
    }

    /** Applies an update to the frame at once and records it; the page is held from now on. */
    void applyUpdate(PageRef ref, int offset, ByteBuffer bytes) {
        checkActive();
        int n = bytes.remaining();
        byte[] after = new byte[n];
        bytes.duplicate().get(after);
        ByteBuffer page = ref.buffer();
        byte[] before = new byte[n];
        page.get(PageLayout.HEADER_BYTES + offset, before);
        page.put(PageLayout.HEADER_BYTES + offset, after);
        beforeImages.add(PageChange.update(ref.pageId(), offset, before));
        changes.add(PageChange.update(ref.pageId(), offset, after));
        held.putIfAbsent(ref.pageId(), ref);
    }

    void recordFree(long pageId) {
        checkActive();
        if (frees.contains(pageId)) {
            throw new IllegalStateException("page " + pageId + " is freed twice");
        }
        frees.add(pageId);
        changes.add(PageChange.free(pageId));
    }

    /**
     * Ends the operation: when it changed anything, appends one record with all its changes, sets every changed
     * page's LSN to the record's, releases the held pages and then returns freed pages to the page store.
     *
     * @return the record's LSN, or 0 when nothing changed
     * @throws org.neuroquantum.spi.error.StorageException when the record cannot be appended; the changes are then
     *     rolled back in memory ({@link #abort()}) and the pages released
     */
    public long commit() {
        checkActive();
        if (changes.isEmpty()) {
            ended = true;
            releaseHeld();
            return 0;
        }
        // A checkpoint must not fall between the append and the pages becoming dirty (or the frees being done):
        // its flush would miss changes whose records lie before its redo LSN.
        Lock gate = access.checkpointGate().readLock();
        gate.lock();
        try {
            List<PageChange> logged = withFullPageImages();
            MiniTransactionRecord record = isCompensation()
                    ? MiniTransactionRecord.compensation(transactionId, previousLsn, undoNextLsn, logged)
                    : new MiniTransactionRecord(transactionId, previousLsn, undo, logged);
            ByteBuffer payload = record.encode();
            long recordLsn;
            try {
                recordLsn = access.wal().append(payload);
            } catch (RuntimeException e) {
                abort();
                throw e;
            }
            ended = true;
            lsn = recordLsn;
            try {
                for (PageRef ref : held.values()) {
                    ref.markDirty(recordLsn);
                }
            } finally {
                releaseHeld();
            }
            if (!frees.isEmpty()) {
                access.freePages(frees, recordLsn);
            }
            return recordLsn;
        } finally {
            gate.unlock();
        }
    }

    /**
     * The changes to log. A page changed for the first time since the checkpoint whose redo LSN is the access's
     * full-page LSN is logged whole (a FULL_PAGE image replacing its updates), so that redo can rebuild it even
     * if a later write of it is torn by a power loss. Runs under the checkpoint gate, so no checkpoint can fix a
     * newer redo LSN between this decision and the append.
     */
    private List<PageChange> withFullPageImages() {
        long fullPageLsn = access.fullPageLsn();
        java.util.Set<Long> images = new java.util.HashSet<>();
        for (Map.Entry<Long, PageRef> e : held.entrySet()) {
            if (!allocated.contains(e.getKey()) && e.getValue().pageLsn() < fullPageLsn) {
                images.add(e.getKey());
            }
        }
        if (images.isEmpty()) {
            return changes;
        }
        List<PageChange> logged = new ArrayList<>(changes.size());
        for (PageChange c : changes) {
            if (!(c.kind() == MiniTransactionRecord.Kind.UPDATE && images.contains(c.pageId()))) {
                logged.add(c);
            }
        }
        for (long pageId : images) {
            ByteBuffer page = held.get(pageId).buffer();
            byte[] image = new byte[access.usableBytes()];
            page.get(PageLayout.HEADER_BYTES, image);
            logged.add(PageChange.fullPage(pageId, image));
        }
        return logged;
    }

    /**
     * Abandons the operation without logging it: restores the before-images of its updates (newest first),
     * releases the held pages and returns the pages it allocated to the store. Frees are dropped. For an index
     * operation that failed halfway, and for a failed append.
     */
    public void abort() {
        checkActive();
        ended = true;
        try {
            for (int i = beforeImages.size() - 1; i >= 0; i--) {
                PageChange c = beforeImages.get(i);
                held.get(c.pageId()).buffer().put(PageLayout.HEADER_BYTES + c.offset(), c.bytes());
            }
        } finally {
            releaseHeld();
        }
        for (long pageId : allocated) {
            access.returnAllocated(pageId);
        }
    }

    private void releaseHeld() {
        RuntimeException failure = null;
        for (PageRef ref : held.values()) {
            try {
                ref.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        held.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
