package org.neuroquantum.engine.txn;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neuroquantum.engine.storage.buffer.BufferPool;
import org.neuroquantum.engine.storage.log.MiniTransactionRecord;
import org.neuroquantum.engine.storage.log.RedoRecovery;
import org.neuroquantum.engine.storage.log.TransactionRecord;
import org.neuroquantum.spi.storage.PageStore;
import org.neuroquantum.spi.wal.LogReader;
import org.neuroquantum.spi.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARIES restart in three passes.
 *
 * <ol>
 *   <li><b>Analysis</b> reads the log from the last checkpoint's analysis LSN and rebuilds the table of
 *   transactions without a COMMIT or ABORT record (the losers), with each loser's logged changes and, when its
 *   rollback had begun, the undo-next LSN of its last compensation record.</li>
 *   <li><b>Redo</b> ({@link RedoRecovery}) repeats history from the checkpoint's redo LSN, guarded by page LSNs:
 *   losers' changes and compensations included.</li>
 *   <li><b>Undo</b> ({@link #undo}) runs once the indexes can be opened: each loser's remaining changes, newest
 *   first, are compensated through the index by their logical undo (each a compensation record), then its ABORT
 *   record is written. A crash during undo is recovered again: the compensation records say where to resume.</li>
 * </ol>
 */
public final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** One change of a loser still to undo. */
    record Change(long lsn, long previousLsn, byte[] undo) {
    }

    /** A transaction that has neither committed nor finished rolling back. */
    public static final class Loser {
        final long transactionId;
        long lastLsn;
        /** -1 until a compensation record is seen; then the next record to undo (0: none left). */
        long undoNextLsn = -1;
        final List<Change> changes = new ArrayList<>();

        Loser(long transactionId) {
            this.transactionId = transactionId;
        }

        /** The transaction's id. */
        public long transactionId() {
            return transactionId;
        }

        /** Changes still to undo, oldest first. */
        List<Change> remaining() {
            if (undoNextLsn < 0) {
                return changes;
            }
            List<Change> left = new ArrayList<>();
            for (Change c : changes) {
                if (c.lsn() <= undoNextLsn) {
                    left.add(c);
                }
            }
            return left;
        }
    }

    /** What analysis and redo found. */
    public record Analysis(long analysisLsn, long redoLsn, long recordsRead, long lastLsn, long nextTransactionId,
            List<Loser> losers, RedoRecovery.Report redo) {
    }

    private final WriteAheadLog wal;
    private final PageStore store;
    private final BufferPool pool;

    public Recovery(WriteAheadLog wal, PageStore store, BufferPool pool) {
        this.wal = Objects.requireNonNull(wal, "wal");
        this.store = Objects.requireNonNull(store, "store");
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** Passes 1 and 2: analysis from the checkpoint (or the log's start), then redo. */
    public Analysis analyzeAndRedo(Optional<CheckpointFile.Entry> checkpoint) {
        long analysisLsn = checkpoint.map(CheckpointFile.Entry::analysisLsn).orElse(1L);
        long redoLsn = checkpoint.map(CheckpointFile.Entry::redoLsn).orElse(1L);
        long nextId = checkpoint.map(CheckpointFile.Entry::nextTransactionId).orElse(1L);
        Map<Long, Loser> open = new LinkedHashMap<>();
        long records = 0;
        long last = 0;
        try (LogReader reader = wal.read(analysisLsn)) {
            while (reader.next()) {
                records++;
                long lsn = reader.lsn();
                last = lsn;
                ByteBuffer payload = reader.payload();
                int type = MiniTransactionRecord.typeOf(payload);
                if (MiniTransactionRecord.isMiniTransaction(type)) {
                    MiniTransactionRecord.Header r = MiniTransactionRecord.decodeHeader(payload, lsn);
                    nextId = Math.max(nextId, r.transactionId() + 1);
                    Loser t = open.computeIfAbsent(r.transactionId(), Loser::new);
                    t.lastLsn = lsn;
                    if (r.compensation()) {
                        t.undoNextLsn = r.undoNextLsn();
                    } else if (r.undo().length > 0) {
                        t.changes.add(new Change(lsn, r.previousLsn(), r.undo()));
                    }
                } else if (TransactionRecord.isTransactionEnd(type)) {
                    TransactionRecord r = TransactionRecord.decode(payload, lsn);
                    nextId = Math.max(nextId, r.transactionId() + 1);
                    open.remove(r.transactionId());
                }
            }
        }
        RedoRecovery.Report redo = new RedoRecovery(wal, store, pool).run(redoLsn);
        List<Loser> losers = new ArrayList<>(open.values());
        LOG.info("Analysis read {} record(s) from LSN {} to {}: {} transaction(s) to roll back", records, analysisLsn,
                last, losers.size());
        return new Analysis(analysisLsn, redoLsn, records, last, nextId, losers, redo);
    }

    /**
     * Pass 3: rolls back every loser through {@code transactions} (whose index resolver must be set), then forces
     * the log.
     *
     * @return how many changes were compensated
     */
    public long undo(List<Loser> losers, TransactionManager transactions) {
        long undone = 0;
        for (Loser t : losers) {
            List<Change> left = t.remaining();
            long lastLsn = t.lastLsn;
            for (int i = left.size() - 1; i >= 0; i--) {
                Change c = left.get(i);
                lastLsn = transactions.compensate(t.transactionId, lastLsn, c.lsn(), c.previousLsn(), c.undo());
                undone++;
            }
            transactions.logAbort(t.transactionId, lastLsn);
        }
        if (wal.lastLsn() > 0) {
            wal.force(wal.lastLsn());
        }
        if (!losers.isEmpty()) {
            LOG.info("Undo rolled back {} transaction(s): {} change(s) compensated", losers.size(), undone);
        }
        return undone;
    }
}
