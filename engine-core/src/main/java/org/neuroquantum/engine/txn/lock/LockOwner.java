package org.neuroquantum.engine.txn.lock;

/**
 * A transaction as the lock manager sees it: its id and its start order. The start order decides deadlock
 * victims: the youngest transaction of a cycle (the largest start order, then the largest id) is aborted.
 * A transaction that is retried after being a victim may keep its original start order, so that it ages and
 * is eventually never the victim.
 *
 * <p>The id names the transaction in the lock table: two owners with the same id but different start orders
 * must not be active at once.
 *
 * @param txnId the transaction's id
 * @param startOrder when it started (a timestamp or a counter); larger means younger
 */
public record LockOwner(long txnId, long startOrder) {

    /** Whether this transaction is younger than {@code other}: it started later (ties: larger id). */
    public boolean isYoungerThan(LockOwner other) {
        return startOrder != other.startOrder ? startOrder > other.startOrder : txnId > other.txnId;
    }

    @Override
    public String toString() {
        return "transaction " + txnId;
    }
}
