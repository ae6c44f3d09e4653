package org.neuroquantum.engine.txn.lock;

import java.util.HashMap;
import java.util.Map;

/** The lock manager's record of one active transaction. */
final class TxnState {
    final LockOwner owner;

    /**
     * The locks the transaction holds and their modes. Touched only by the transaction's own thread (inside
     * acquire and releaseAll), so it needs no lock; the lock table ({@link LockHead}) is the shared truth.
     */
    final Map<LockKey, LockMode> held = new HashMap<>();

    /**
     * The request the transaction is waiting on, or {@code null}. Written under the shard lock of that
     * request's key; read by deadlock detection under all shard locks.
     */
    volatile LockRequest waiting;

    TxnState(LockOwner owner) {
        this.owner = owner;
    }

    long id() {
        return owner.txnId();
    }

    @Override
    public String toString() {
        return owner.toString();
    }
}
