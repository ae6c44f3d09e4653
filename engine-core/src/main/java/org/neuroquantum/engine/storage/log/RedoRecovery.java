package org.neuroquantum.engine.storage.log;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.buffer.PageLayout;
import org.neuroquantum.engine.storage.buffer.PageRef;
import org.neuroquantum.engine.storage.log.MiniTransactionRecord.PageChange;
import org.neuroquantum.spi.storage.PageStore;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.StorageException;
import org.neuroquantum.spi.wal.LogReader;
import org.neuroquantum.spi.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Physical redo: replays every mini-transaction record of the log, in LSN order, onto the pages.
 *
 * <p>For each record, each page it touches is latched once and judged once, by its page LSN before the record:
 * <ul>
 *   <li><b>ALLOCATE</b>: the page is made allocated in the store ({@link PageStore#ensureAllocated}). When it
 *   was not allocated or never written, or its page LSN is below the record's (its bytes predate this
 *   allocation), or above the log's end (not a page of this log: e.g. a free-list entry), the page is reset to
 *   zeros and the record's changes apply to it; otherwise the record is already on the page.</li>
 *   <li><b>UPDATE</b>: applied when the page LSN is below the record's LSN. A page that cannot be read because it
 *   was never written is treated as a fresh zeroed page.</li>
 *   <li>Every page a record changed gets the record's LSN ({@link PageRef#markDirty}).</li>
 *   <li><b>FULL_PAGE</b>: the page's whole usable area, applied when the page LSN is below the record's; a page
 *   that fails its checksum (a write torn by a power loss) is rebuilt from the image.</li>
 *   <li><b>FREE</b>, after the record's other changes: the cached copy is discarded and the page freed in the store
 *   unless it is free already.</li>
 * </ul>
 * Records of other types are skipped. Replay starts at LSN 1 or at a checkpoint's redo LSN. The repaired pages are
 * left dirty in the pool: the caller checkpoints (flushes the pool, syncs the store) when it wants them durable.
 */
public final class RedoRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(RedoRecovery.class);

    /** What a replay did. */
    public record Report(long recordsRead, long miniTransactions, long changesApplied, long changesSkipped,
            long pagesReset, long pagesRepaired, long lastLsn) {
    }

    private final WriteAheadLog wal;
    private final PageStore store;
    private final BufferPool pool;
    private final int pageSize;

    public RedoRecovery(WriteAheadLog wal, PageStore store, BufferPool pool) {
        this.wal = Objects.requireNonNull(wal, "wal");
        this.store = Objects.requireNonNull(store, "store");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.pageSize = pool.pageSize();
    }

    /** Replays the whole log. */
    public Report run() {
        return run(1);
    }

    /**
     * Replays the log from {@code fromLsn}: every change of an earlier record must already be on the pages in the
     * store (a checkpoint's promise).
     */
    public Report run(long fromLsn) {
        long records = 0;
        long mtrs = 0;
        long applied = 0;
        long skipped = 0;
        long reset = 0;
        long repaired = 0;
        long last = 0;
        long logEnd = wal.lastLsn();
        try (LogReader reader = wal.read(Math.max(1, fromLsn))) {
            while (reader.next()) {
                records++;
                long lsn = reader.lsn();
                last = lsn;
                ByteBuffer payload = reader.payload();
                if (!MiniTransactionRecord.isMiniTransaction(MiniTransactionRecord.typeOf(payload))) {
                    continue;
                }
                MiniTransactionRecord record = MiniTransactionRecord.decode(payload, lsn);
                mtrs++;
                Map<Long, PageRef> pages = new LinkedHashMap<>();
                Map<Long, Boolean> apply = new LinkedHashMap<>();
                List<Long> frees = new ArrayList<>();
                try {
                    for (PageChange c : record.changes()) {
                        switch (c.kind()) {
                            case ALLOCATE -> {
                                boolean fresh = store.ensureAllocated(c.pageId());
                                PageRef ref = pages.get(c.pageId());
                                if (ref == null) {
                                    try {
                                        ref = pinForRedo(c.pageId(), fresh);
                                    } catch (StorageException e) {
                                        if (e.errorCode() != ErrorCode.STORAGE_CORRUPT) {
                                            throw e;
                                        }
                                        // torn by a crash: whatever it held, this record allocates it anew
                                        fresh = true;
                                        ref = pinForRedo(c.pageId(), true);
                                    }
                                    pages.put(c.pageId(), ref);
                                    long pageLsn = ref.pageLsn();
                                    boolean resetIt = fresh || pageLsn < lsn || pageLsn > logEnd;
                                    if (resetIt) {
                                        zero(ref);
                                        reset++;
                                    }
                                    apply.put(c.pageId(), resetIt);
                                }
                                if (apply.get(c.pageId())) {
                                    applied++;
                                } else {
                                    skipped++;
                                }
                            }
                            case UPDATE -> {
                                PageRef ref = pages.get(c.pageId());
                                if (ref == null) {
                                    ref = pinExisting(c.pageId());
                                    pages.put(c.pageId(), ref);
                                    apply.put(c.pageId(), ref.pageLsn() < lsn);
                                }
                                if (apply.get(c.pageId())) {
                                    ref.buffer().put(PageLayout.HEADER_BYTES + c.offset(), c.bytes());
                                    applied++;
                                } else {
                                    skipped++;
                                }
                            }
                            case FULL_PAGE -> {
                                PageRef ref = pages.get(c.pageId());
                                if (ref == null) {
                                    try {
                                        ref = pinExisting(c.pageId());
                                        apply.put(c.pageId(), ref.pageLsn() < lsn);
                                    } catch (StorageException e) {
                                        if (e.errorCode() != ErrorCode.STORAGE_CORRUPT) {
                                            throw e;
                                        }
                                        // torn by a crash after this image was logged: the image rebuilds it
                                        store.ensureAllocated(c.pageId());
                                        ref = pinForRedo(c.pageId(), true);
                                        apply.put(c.pageId(), true);
                                        repaired++;
                                    }
                                    pages.put(c.pageId(), ref);
                                }
                                if (apply.get(c.pageId())) {
                                    ref.buffer().put(PageLayout.HEADER_BYTES, c.bytes());
                                    applied++;
                                } else {
                                    skipped++;
                                }
                            }
                            case FREE -> frees.add(c.pageId());
                            default -> throw new IllegalStateException("unknown change " + c);
                        }
                    }
                    for (Map.Entry<Long, PageRef> e : pages.entrySet()) {
                        if (apply.get(e.getKey())) {
                            e.getValue().markDirty(lsn);
                        }
                    }
                } finally {
                    for (PageRef ref : pages.values()) {
                        ref.close();
                    }
                }
                for (long pageId : frees) {
                    pool.discard(pageId);
                    if (pageId >= store.pageCount()) {
                        store.ensureAllocated(pageId);
                    }
                    if (!store.isFree(pageId)) {
                        store.free(pageId);
                        applied++;
                    } else {
                        skipped++;
                    }
                }
            }
        }
        Report report = new Report(records, mtrs, applied, skipped, reset, repaired, last);
        LOG.info("Redo replayed {} mini-transaction(s) of {} log record(s) up to LSN {}: {} change(s) applied, {} "
                + "skipped, {} page(s) reset, {} torn page(s) rebuilt from full-page images", mtrs, records, last,
                applied, skipped, reset, repaired);
        return report;
    }

    /**
     * Pins a page an update names. One that cannot be read because it was never written (or, without a logged
     * allocation before, is not allocated in the store) is made a fresh zeroed page; real damage is rethrown.
     */
    private PageRef pinExisting(long pageId) {
        try {
            return pool.pin(pageId, BufferPool.Latch.EXCLUSIVE);
        } catch (RuntimeException e) {
            if (store.ensureAllocated(pageId)) {
                return pinForRedo(pageId, true);
            }
            throw e;
        }
    }

    /** Pins a page exclusively for redo; a page that is not a live page on disk is first written as zeros. */
    private PageRef pinForRedo(long pageId, boolean fresh) {
        if (fresh) {
            pool.discard(pageId);
            store.write(pageId, ByteBuffer.allocate(pageSize).order(ByteOrder.LITTLE_ENDIAN));
        }
        return pool.pin(pageId, BufferPool.Latch.EXCLUSIVE);
    }

    private void zero(PageRef ref) {
        ByteBuffer page = ref.buffer();
        for (int i = PageLayout.PAGE_LSN; i < pageSize; i++) {
            page.put(i, (byte) 0);
        }
    }
}
