package org.neuroquantum.engine.txn.lock;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One edge bundle of the waits-for graph at the moment of {@link LockManager#currentWaits()}: a transaction
 * waiting for a lock, what it waits for, who holds that resource and whom exactly it waits for.
 *
 * @param txnId the waiting transaction
 * @param startOrder its start order
 * @param key the resource it waits for
 * @param mode the mode it will hold once granted (for an upgrade, the supremum of the held and asked modes)
 * @param heldMode the mode it already holds on {@code key} (an upgrade), or {@code null}
 * @param waited how long it has waited so far
 * @param holders every transaction holding {@code key}, by ascending id, with its mode
 * @param blockedBy the transactions it waits for, holders first (ascending id), then conflicting requests
 *     queued ahead of it (queue order): its out-edges in the waits-for graph
 */
public record LockWait(long txnId, long startOrder, LockKey key, LockMode mode, LockMode heldMode,
        Duration waited, Map<Long, LockMode> holders, List<Long> blockedBy) {

    /** Whether the transaction already holds {@code key} and waits to strengthen its mode. */
    public boolean isUpgrade() {
        return heldMode != null;
    }
}
