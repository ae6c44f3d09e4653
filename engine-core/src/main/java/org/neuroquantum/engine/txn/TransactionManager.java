package org.neuroquantum.engine.txn;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.neuroquantum.engine.storage.log.LogicalUndo;
import org.neuroquantum.engine.storage.log.LoggedPageAccess;
import org.neuroquantum.engine.storage.log.MiniTransaction;
import org.neuroquantum.engine.storage.log.TransactionRecord;
import org.neuroquantum.engine.txn.lock.LockKey;
import org.neuroquantum.engine.txn.lock.LockManager;
import org.neuroquantum.engine.txn.lock.LockMode;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;
import org.neuroquantum.spi.index.Index;
import org.neuroquantum.spi.metrics.Counter;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.wal.WriteAheadLog;

/**
 * Begins, runs and ends transactions over logged indexes.
 *
 * <h2>Changes</h2>
 * {@link #put} and {@link #delete} run one index operation as a mini-transaction whose record carries the
 * operation's {@link LogicalUndo}; the transaction remembers it for rollback. The caller (the table layer) takes
 * the locks first, through {@link #lock}: strict two-phase locking, every lock held until the end.
 *
 * <h2>Ending</h2>
 * Commit appends a COMMIT record and, unless {@link SyncMode#NONE}, forces the log to it (concurrent commits share
 * one sync), then releases the locks. Rollback applies the logical undos newest first, each as a compensation
 * record whose undo-next LSN is the undone record's predecessor, appends an ABORT record and releases the locks.
 * If a rollback fails halfway (the device is full, say), the transaction keeps its locks and the changes not yet
 * compensated, and a later {@code rollback()} continues where it stopped.
 *
 * <h2>Deadlocks</h2>
 * A transaction chosen as a deadlock victim ({@code 40001}) is rolled back at once and left {@code ABORTED}.
 *
 * <p>Thread-safe; each transaction is driven by one thread at a time.
 */
public final class TransactionManager {
    private final LoggedPageAccess access;
    private final WriteAheadLog wal;
    private final LockManager locks;
    private final SyncMode syncMode;
    private final AtomicLong nextId;
    private final AtomicLong startOrder = new AtomicLong();
    private final ConcurrentHashMap<Long, Transaction> active = new ConcurrentHashMap<>();
    private volatile IndexResolver resolver;
    private final Counter commits;
    private final Counter rollbacks;
    private final Counter deadlockAborts;
    private final int escalationRows;

    /**
     * @param firstTransactionId the id the next transaction gets (recovery passes one above every id in the log)
     * @param escalationRows row locks per table after which a transaction locks the whole table
     * @param metrics scoped by the caller (the database uses {@code txn})
     */
    public TransactionManager(LoggedPageAccess access, WriteAheadLog wal, LockManager locks, SyncMode syncMode,
            long firstTransactionId, int escalationRows, Metrics metrics) {
        this.escalationRows = escalationRows;
        this.access = Objects.requireNonNull(access, "access");
        this.wal = Objects.requireNonNull(wal, "wal");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.syncMode = Objects.requireNonNull(syncMode, "syncMode");
        this.nextId = new AtomicLong(Math.max(1, firstTransactionId));
        this.commits = metrics.counter("commits");
        this.rollbacks = metrics.counter("rollbacks");
        this.deadlockAborts = metrics.counter("deadlock-aborts");
        metrics.gauge("active", active::size);
    }

    /** Sets how logical undos find their index; needed before the first rollback. */
    public void setIndexResolver(IndexResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The lock manager. */
    public LockManager locks() {
        return locks;
    }

    /** The sync mode. */
    public SyncMode syncMode() {
        return syncMode;
    }

    /** Begins a read-write transaction. */
    public Transaction begin() {
        return begin(false);
    }

    /** Begins a transaction; a read-only one refuses changes. */
    public Transaction begin(boolean readOnly) {
        long id = nextId.getAndIncrement();
        Transaction t = new Transaction(this, id, startOrder.incrementAndGet(), wal.lastLsn() + 1, readOnly);
        active.put(id, t);
        return t;
    }

    /** The transactions that have begun and not ended (aborted ones waiting for their rollback included). */
    public Collection<Transaction> active() {
        return List.copyOf(active.values());
    }

    /** The id the next transaction will get. */
    public long nextTransactionId() {
        return nextId.get();
    }

    /** No record of a transaction still active lies below this LSN: where a checkpoint's analysis must start. */
    public long oldestActiveLsn() {
        long oldest = wal.lastLsn() + 1;
        for (Transaction t : active.values()) {
            oldest = Math.min(oldest, t.firstLsnBound());
        }
        return oldest;
    }

    /**
     * Takes {@code mode} on {@code key} for {@code transaction}, held until it ends.
     *
     * @throws NeuroQuantumException {@code 40001} when the transaction became a deadlock victim (it is rolled back
     *     then), {@code 55P03} on lock wait timeout (the transaction stays active)
     */
    public void lock(Transaction transaction, LockKey key, LockMode mode) {
        transaction.checkActive();
        try {
            locks.acquire(transaction.owner(), key, mode);
        } catch (NeuroQuantumException e) {
            if (e.errorCode() == ErrorCode.TRANSACTION_SERIALIZATION) {
                deadlockAborts.increment();
                abortAfterFailure(transaction, e);
            }
            throw e;
        }
    }

    private static final int NOT_ESCALATED = 0;
    private static final int ESCALATED_SHARED = 1;
    private static final int ESCALATED_EXCLUSIVE = 2;

    /**
     * Locks one row of a table for reading ({@code S}, with {@code IS} on the table) or writing ({@code X}, with
     * {@code IX}). After {@code escalationRows} row locks in one table the transaction takes the table lock
     * itself ({@code S} or {@code X}) instead, and no more row locks there: a transaction touching a large part
     * of a table holds one lock, not millions.
     */
    public void lockRow(Transaction transaction, long relationId, byte[] rowKey, boolean write) {
        int[] state = transaction.rowLocks.computeIfAbsent(relationId, r -> new int[2]);
        if (state[1] == ESCALATED_EXCLUSIVE || !write && state[1] == ESCALATED_SHARED) {
            transaction.checkActive();
            return;
        }
        LockKey relation = LockKey.relation(relationId);
        if (++state[0] > escalationRows) {
            lock(transaction, relation, write ? LockMode.X : LockMode.S);
            state[1] = write ? ESCALATED_EXCLUSIVE : ESCALATED_SHARED;
            return;
        }
        lock(transaction, relation, write ? LockMode.IX : LockMode.IS);
        lock(transaction, LockKey.key(relationId, rowKey), write ? LockMode.X : LockMode.S);
    }

    /** Stores {@code value} under {@code key} in {@code index}, logged; returns the previous value or null. */
    public byte[] put(Transaction transaction, Index index, byte[] key, byte[] value) {
        return change(transaction, index, key, (m, i) -> i.put(m, key, value));
    }

    /** Removes {@code key} from {@code index}, logged; returns the removed value or null. */
    public byte[] delete(Transaction transaction, Index index, byte[] key) {
        return change(transaction, index, key, (m, i) -> i.delete(m, key));
    }

    /**
     * Runs a structural operation (creating an index) as a mini-transaction of {@code transaction} without logical
     * undo: rolling the transaction back leaves its result in place, unreferenced.
     */
    public <T> T structural(Transaction transaction, Function<MiniTransaction, T> op) {
        return logged(transaction, op, null);
    }

    private byte[] change(Transaction t, Index index, byte[] key, BiFunction<MiniTransaction, Index, byte[]> op) {
        return logged(t, m -> op.apply(m, index),
                previous -> new LogicalUndo(index.rootPageId(), key, previous).encode());
    }

    /**
     * Runs {@code op} as one mini-transaction of {@code t}: its record carries {@code undoOf(result)} (none when
     * {@code undoOf} is null), and a failure halfway restores the pages in memory and logs nothing.
     */
    private <T> T logged(Transaction t, Function<MiniTransaction, T> op, Function<T, byte[]> undoOf) {
        t.checkWritable();
        MiniTransaction m = access.begin(t.id(), t.lastLsn());
        T result;
        byte[] undo = null;
        try {
            result = op.apply(m);
            if (undoOf != null) {
                undo = undoOf.apply(result);
                m.setUndo(undo);
            }
        } catch (RuntimeException | Error e) {
            if (!m.ended()) {
                m.abort();
            }
            throw e;
        }
        long lsn = m.commit();
        if (lsn > 0) {
            if (undo != null) {
                t.logged(lsn, undo);
            } else {
                t.compensated(lsn);
            }
            if (syncMode == SyncMode.ALWAYS) {
                wal.force(lsn);
            }
        }
        return result;
    }

    void commit(Transaction t) {
        t.checkActive();
        if (t.lastLsn() > 0) {
            if (t.commitLsn == 0) {
                t.commitLsn = wal.append(new TransactionRecord(true, t.id(), t.lastLsn()).encode());
            }
            if (syncMode != SyncMode.NONE) {
                // If this fails the commit record stays buffered and becomes durable with the next force: the
                // caller sees the error and the transaction stays active holding its locks; commit() again
                // retries the force, rollback() is refused.
                wal.force(t.commitLsn);
            }
            t.undoEntries().clear();
        }
        t.setState(Transaction.State.COMMITTED);
        end(t);
        commits.increment();
    }

    void rollback(Transaction t) {
        Transaction.State state = t.state();
        if (state == Transaction.State.COMMITTED || state == Transaction.State.ROLLED_BACK) {
            throw new NeuroQuantumException(ErrorCode.TRANSACTION_STATE, "Transaction " + t.id() + " has ended ("
                    + state.name().toLowerCase(java.util.Locale.ROOT) + ") and cannot be rolled back.",
                    "Begin a new transaction.");
        }
        if (t.commitLsn > 0) {
            throw new NeuroQuantumException(ErrorCode.TRANSACTION_STATE, "Transaction " + t.id() + " has its "
                    + "commit record in the log (only making it durable failed), so it can no longer be rolled back.",
                    "Call commit() again once the device works again.");
        }
        undoAll(t);
        t.setState(Transaction.State.ROLLED_BACK);
        end(t);
        rollbacks.increment();
    }

    private void abortAfterFailure(Transaction t, RuntimeException cause) {
        t.setState(Transaction.State.ABORTED);
        try {
            undoAll(t);
        } catch (RuntimeException e) {
            // The changes not compensated stay, with the locks protecting them, until rollback() continues.
            cause.addSuppressed(e);
            return;
        }
        // Locks are released now so the other transactions of the cycle go on; the user still ends it.
        locks.releaseAll(t.owner());
    }

    /** Compensates every change not yet compensated, newest first, then logs the end of the rollback. */
    private void undoAll(Transaction t) {
        List<Transaction.UndoEntry> entries = t.undoEntries();
        while (!entries.isEmpty()) {
            Transaction.UndoEntry e = entries.get(entries.size() - 1);
            t.compensated(compensate(t.id(), t.lastLsn(), e.lsn(), e.previousLsn(), e.undo()));
            entries.remove(entries.size() - 1);
        }
        if (t.lastLsn() > 0 && !t.abortLogged) {
            t.compensated(wal.append(new TransactionRecord(false, t.id(), t.lastLsn()).encode()));
            t.abortLogged = true;
        }
    }

    /**
     * Applies one logical undo as a compensation record.
     *
     * @return the compensation record's LSN (0 when the undo changed nothing)
     */
    long compensate(long transactionId, long previousLsn, long undoneLsn, long undoNextLsn, byte[] undoBytes) {
        IndexResolver r = resolver;
        if (r == null) {
            throw new IllegalStateException("no index resolver set: rollback needs the catalog");
        }
        LogicalUndo undo = LogicalUndo.decode(undoBytes, undoneLsn);
        Index index = r.index(undo.indexRootPageId());
        MiniTransaction m = access.beginCompensation(transactionId, previousLsn, undoNextLsn);
        try {
            if (undo.previousValue() == null) {
                index.delete(m, undo.key());
            } else {
                index.put(m, undo.key(), undo.previousValue());
            }
        } catch (RuntimeException | Error e) {
            if (!m.ended()) {
                m.abort();
            }
            throw e;
        }
        long lsn = m.commit();
        return lsn > 0 ? lsn : previousLsn;
    }

    /** Appends the ABORT record of a loser whose changes recovery has compensated. */
    long logAbort(long transactionId, long previousLsn) {
        return wal.append(new TransactionRecord(false, transactionId, previousLsn).encode());
    }

    private void end(Transaction t) {
        active.remove(t.id());
        locks.releaseAll(t.owner());
    }
}
