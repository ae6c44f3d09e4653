package org.neuroquantum.engine.txn;

import java.util.ArrayList;
import java.util.List;
import org.neuroquantum.engine.txn.lock.LockOwner;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;

/**
 * One transaction: serializable (strict two-phase locking), ended by {@link #commit()} or {@link #rollback()}.
 * Closing a transaction that has not ended rolls it back, so try-with-resources never leaves one open.
 *
 * <p>A transaction belongs to one thread at a time. After a failure that aborted it (a deadlock, SQLSTATE 40001)
 * its changes are already rolled back and only {@code rollback()} or {@code close()} are allowed.
 */
public final class Transaction implements AutoCloseable {
    /** Where a transaction stands. */
    public enum State {
        /** Running: reads and writes allowed. */
        ACTIVE,
        /** Committed: durable as the sync mode promises. */
        COMMITTED,
        /** Rolled back by its user. */
        ROLLED_BACK,
        /** Rolled back after a failure (deadlock victim); waits for the user's rollback or close. */
        ABORTED
    }

    /** One logged change, for rollback: its LSN, the transaction's previous LSN then, and its logical undo. */
    record UndoEntry(long lsn, long previousLsn, byte[] undo) {
    }

    private final TransactionManager manager;
    private final long id;
    private final LockOwner owner;
    /** No record of this transaction has an LSN below this (set at begin: the log's end then). */
    private final long firstLsnBound;
    private final List<UndoEntry> undo = new ArrayList<>();
    private volatile State state = State.ACTIVE;
    private long lastLsn;
    private final boolean readOnly;
    /** The LSN of the COMMIT record once appended (its force may have failed and be retried). */
    long commitLsn;
    /** Whether the ABORT record that ends a rollback has been appended. */
    boolean abortLogged;
    /** Per table (relation id): row locks taken, and the table lock they were escalated to (if any). */
    final java.util.Map<Long, int[]> rowLocks = new java.util.HashMap<>();

    Transaction(TransactionManager manager, long id, long startOrder, long firstLsnBound, boolean readOnly) {
        this.manager = manager;
        this.id = id;
        this.owner = new LockOwner(id, startOrder);
        this.firstLsnBound = firstLsnBound;
        this.readOnly = readOnly;
    }

    /** The transaction id (unique within the database's lifetime). */
    public long id() {
        return id;
    }

    /** The current state. */
    public State state() {
        return state;
    }

    /** Whether the transaction was begun read-only (writes are refused). */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Makes the transaction's changes durable (per {@code sync.mode}) and releases its locks. */
    public void commit() {
        manager.commit(this);
    }

    /** Undoes every change of the transaction and releases its locks. Allowed once it failed, too. */
    public void rollback() {
        manager.rollback(this);
    }

    /** Rolls back when still active or aborted; nothing otherwise. */
    @Override
    public void close() {
        if (state == State.ACTIVE || state == State.ABORTED) {
            rollback();
        }
    }

    LockOwner owner() {
        return owner;
    }

    long firstLsnBound() {
        return firstLsnBound;
    }

    long lastLsn() {
        return lastLsn;
    }

    void logged(long lsn, byte[] logicalUndo) {
        undo.add(new UndoEntry(lsn, lastLsn, logicalUndo));
        lastLsn = lsn;
    }

    void compensated(long lsn) {
        lastLsn = lsn;
    }

    List<UndoEntry> undoEntries() {
        return undo;
    }

    void setState(State state) {
        this.state = state;
    }

    /** Throws unless the transaction may run operations. */
    void checkActive() {
        switch (state) {
            case ACTIVE -> {
            }
            case ABORTED -> throw new NeuroQuantumException(ErrorCode.TRANSACTION_ABORTED, "Transaction " + id
                    + " was rolled back after a failure; it can do nothing more.", "Roll it back (or close it) and "
                    + "run the work again in a new transaction.");
            default -> throw new NeuroQuantumException(ErrorCode.TRANSACTION_STATE, "Transaction " + id + " has "
                    + "ended (" + state.name().toLowerCase(java.util.Locale.ROOT) + ").", "Begin a new transaction.");
        }
    }

    void checkWritable() {
        checkActive();
        if (readOnly) {
            throw new NeuroQuantumException(ErrorCode.TRANSACTION_STATE, "Transaction " + id + " is read-only.",
                    "Begin a read-write transaction for changes.");
        }
    }

    @Override
    public String toString() {
        return "transaction " + id + " (" + state + ")";
    }
}
