package org.neuroquantum.engine.txn.lock;

/**
 * A lock request that could not be granted at once and waits in its resource's queue. Its thread parks until
 * the status leaves {@link #WAITING}; whoever changes the status (under the shard lock of the key, or under
 * all shard locks for a deadlock victim) unparks it.
 */
final class LockRequest {
    static final int WAITING = 0;
    /** Granted: the mode is recorded in the head's holders. */
    static final int GRANTED = 1;
    /** Refused to break a deadlock; {@link #refusal} says why. */
    static final int VICTIM = 2;
    /** Withdrawn by its own thread (timeout or interrupt). */
    static final int WITHDRAWN = 3;

    final TxnState txn;
    final LockHead head;
    /** The mode the transaction will hold once granted. */
    final LockMode mode;
    /** The mode it already holds on the key, for an upgrade; {@code null} otherwise. */
    final LockMode heldMode;
    final Thread thread;
    final long sinceNanos;

    /** Whether the deadlock search for this request has run. Written and read under all shard locks. */
    boolean searched;
    /** Set before {@link #status} becomes {@link #VICTIM}; the volatile write publishes it. */
    String refusal;
    volatile int status = WAITING;

    LockRequest(TxnState txn, LockHead head, LockMode mode, LockMode heldMode, Thread thread, long sinceNanos) {
        this.txn = txn;
        this.head = head;
        this.mode = mode;
        this.heldMode = heldMode;
        this.thread = thread;
        this.sinceNanos = sinceNanos;
    }

    boolean isUpgrade() {
        return heldMode != null;
    }

    @Override
    public String toString() {
        return txn + " waiting for " + mode + " on " + head.key;
    }
}
