package org.neuroquantum.engine.txn.lock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lock table entry of one resource: who holds it in which mode, and the FIFO queue of waiting requests
 * (upgrades of holders first, among themselves in arrival order, then new requests in arrival order).
 * Guarded by the lock of the shard it lives in.
 *
 * <p>The grant rule, which {@link #blockers} mirrors exactly (so a request waits if and only if it has a
 * blocker, and the waits-for graph is exactly the "cannot be granted because of" relation):
 * <ul>
 *   <li>an upgrade is granted when its new mode is compatible with every other holder's mode; it does not
 *       wait for queued requests (upgrades get priority);</li>
 *   <li>a new request is granted when its mode is compatible with every holder's mode and with the mode of
 *       every request queued ahead of it, so it never overtakes a conflicting waiter.</li>
 * </ul>
 */
final class LockHead {
    private static final Comparator<TxnState> BY_ID = Comparator.comparingLong(TxnState::id);

    final LockKey key;
    /** Holders by identity (TxnState does not override equals). */
    private final Map<TxnState, LockMode> holders = new LinkedHashMap<>(4);
    /** How many holders hold each mode, by ordinal: compatibility checks in constant time. */
    private final int[] holderCounts = new int[LockMode.ALL.size()];
    private final ArrayList<LockRequest> queue = new ArrayList<>(2);

    LockHead(LockKey key) {
        this.key = key;
    }

    boolean isUnused() {
        return holders.isEmpty() && queue.isEmpty();
    }

    LockMode modeOf(TxnState txn) {
        return holders.get(txn);
    }

    /** Whether {@code mode} is compatible with every holder except one grant of {@code ownHeld} (may be null). */
    private boolean compatibleWithHolders(LockMode mode, LockMode ownHeld) {
        for (LockMode m : LockMode.ALL) {
            int n = holderCounts[m.ordinal()] - (m == ownHeld ? 1 : 0);
            if (n > 0 && !m.isCompatibleWith(mode)) {
                return false;
            }
        }
        return true;
    }

    private boolean compatibleWithQueue(LockMode mode, int end) {
        for (int i = 0; i < end; i++) {
            if (!queue.get(i).mode.isCompatibleWith(mode)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a request arriving now for {@code mode} (holding {@code held}, or null) is granted at once. */
    boolean canGrantNow(LockMode mode, LockMode held) {
        return held != null
                ? compatibleWithHolders(mode, held)
                : compatibleWithHolders(mode, null) && compatibleWithQueue(mode, queue.size());
    }

    /** Records {@code txn} as holding {@code mode} (replacing a weaker mode it held). */
    void grant(TxnState txn, LockMode mode) {
        LockMode old = holders.put(txn, mode);
        if (old != null) {
            holderCounts[old.ordinal()]--;
        }
        holderCounts[mode.ordinal()]++;
    }

    /** Removes {@code txn}'s grant; returns the mode it held, or null. */
    LockMode release(TxnState txn) {
        LockMode old = holders.remove(txn);
        if (old != null) {
            holderCounts[old.ordinal()]--;
        }
        return old;
    }

    void enqueue(LockRequest request) {
        if (request.isUpgrade()) {
            int i = 0;
            while (i < queue.size() && queue.get(i).isUpgrade()) {
                i++;
            }
            queue.add(i, request);
        } else {
            queue.add(request);
        }
    }

    void withdraw(LockRequest request) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i) == request) {
                queue.remove(i);
                return;
            }
        }
        throw new IllegalStateException("Lock request not queued: " + request);
    }

    /**
     * Grants, in queue order, every queued request that the grant rule now allows, and removes them from the
     * queue. The caller publishes the new status and wakes the threads. Must run after every change that can
     * unblock a request (a release, a withdrawn request), so that no request waits without a blocker.
     */
    List<LockRequest> grantWaiters() {
        List<LockRequest> granted = null;
        int i = 0;
        while (i < queue.size()) {
            LockRequest r = queue.get(i);
            if (isGrantable(r, i)) {
                queue.remove(i);
                grant(r.txn, r.mode);
                if (granted == null) {
                    granted = new ArrayList<>(2);
                }
                granted.add(r);
            } else {
                i++;
            }
        }
        return granted == null ? List.of() : granted;
    }

    /** The grant rule for the request at {@code index} of the queue. */
    boolean isGrantable(LockRequest r, int index) {
        return r.isUpgrade()
                ? compatibleWithHolders(r.mode, r.heldMode)
                : compatibleWithHolders(r.mode, null) && compatibleWithQueue(r.mode, index);
    }

    /**
     * The transactions {@code request} waits for: holders whose mode conflicts (ascending id), then, for a new
     * request, the owners of conflicting requests queued ahead of it (queue order). Empty exactly when the
     * grant rule would grant it.
     */
    List<TxnState> blockers(LockRequest request) {
        List<TxnState> out = new ArrayList<>(2);
        for (Map.Entry<TxnState, LockMode> e : holders.entrySet()) {
            if (e.getKey() != request.txn && !e.getValue().isCompatibleWith(request.mode)) {
                out.add(e.getKey());
            }
        }
        out.sort(BY_ID);
        if (!request.isUpgrade()) {
            for (LockRequest ahead : queue) {
                if (ahead == request) {
                    break;
                }
                if (!ahead.mode.isCompatibleWith(request.mode) && !out.contains(ahead.txn)) {
                    out.add(ahead.txn);
                }
            }
        }
        return out;
    }

    /** Holders by ascending transaction id. */
    Map<Long, LockMode> holdersById() {
        Map<Long, LockMode> out = new TreeMap<>();
        holders.forEach((txn, mode) -> out.put(txn.id(), mode));
        return out;
    }

    /** The waiting requests in queue order (a copy). */
    List<LockRequest> queued() {
        return new ArrayList<>(queue);
    }

    /** The requests queued ahead of {@code request} (a copy). */
    List<LockRequest> queuedAhead(LockRequest request) {
        int i = queue.indexOf(request);
        return new ArrayList<>(queue.subList(0, Math.max(i, 0)));
    }
}
