package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.NodeLists;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.metrics.Counter;

/**
 * What every list-based policy shares: the contract checks, residency and pin bookkeeping, and the nodes that
 * hold resident pages and ghosts (page ids remembered after eviction). A subclass decides where pages go
 * ({@link #admit}, {@link #hit}) and which goes ({@link #victim}).
 *
 * <p>Pinned pages stay on their lists; a policy skips them when it looks for a victim, usually by moving them
 * to the back of their list ({@link #firstUnpinned}), as if just used: a pinned page is in use, and moving it
 * keeps the search O(1) amortized.
 */
abstract class NodePolicy implements EvictionPolicy {
    protected final int capacity;
    protected final NodeLists nodes;
    protected final boolean[] resident;
    protected final boolean[] pinned;
    private final Counter evictions;
    private int residentCount;
    private int pinnedCount;

    /**
     * @param capacity the pool's frames, at least 1
     * @param ghosts the most ghosts the policy keeps at once
     * @param listCount how many lists the policy uses
     */
    NodePolicy(int capacity, int ghosts, int listCount, Counter evictions) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.nodes = new NodeLists(capacity + ghosts, listCount);
        this.resident = new boolean[capacity + ghosts];
        this.pinned = new boolean[capacity + ghosts];
        this.evictions = evictions;
    }

    /**
     * A page became resident in {@code node}: place it. {@code ghost} is the list it was remembered on after an
     * earlier eviction (the node is still on it), or {@link NodeLists#NONE} for a page the policy does not know.
     */
    protected abstract void admit(int node, int ghost);

    /** A hit on resident {@code node}. */
    protected abstract void hit(int node);

    /**
     * Chooses a resident, unpinned node (one exists) and either takes it off its list, or moves it onto a ghost
     * list to be remembered; the base class frees it in the first case.
     */
    protected abstract int victim();

    /** Resident {@code node} leaves the pool without eviction; take it off the policy's structures. */
    protected void forget(int node) {
        nodes.unlink(node);
    }

    /** Pin-count hooks for policies that keep pinned pages apart. */
    protected void pinned(int node) {
    }

    protected void unpinned(int node) {
    }

    @Override
    public final void onInsert(long pageId) {
        if (pageId < 0) {
            throw new IllegalStateException("page ids are non-negative, got " + pageId);
        }
        if (residentCount == capacity) {
            throw new IllegalStateException("page " + pageId + " inserted into a full pool of " + capacity
                    + " frames: evict first");
        }
        int node = nodes.find(pageId);
        int ghost = NodeLists.NONE;
        if (node == NodeLists.NONE) {
            node = nodes.add(pageId);
        } else if (resident[node]) {
            throw new IllegalStateException("page " + pageId + " is already resident");
        } else {
            ghost = nodes.listOf(node);
        }
        resident[node] = true;
        pinned[node] = false;
        residentCount++;
        admit(node, ghost);
    }

    @Override
    public final void onAccess(long pageId) {
        hit(residentNode(pageId));
    }

    @Override
    public final void onPin(long pageId) {
        int node = residentNode(pageId);
        if (pinned[node]) {
            throw new IllegalStateException("page " + pageId + " is already pinned");
        }
        pinned[node] = true;
        pinnedCount++;
        pinned(node);
    }

    @Override
    public final void onUnpin(long pageId) {
        int node = residentNode(pageId);
        if (!pinned[node]) {
            throw new IllegalStateException("page " + pageId + " is not pinned");
        }
        pinned[node] = false;
        pinnedCount--;
        unpinned(node);
    }

    @Override
    public final void onRemove(long pageId) {
        int node = residentNode(pageId);
        if (pinned[node]) {
            pinned[node] = false;
            pinnedCount--;
        }
        forget(node);
        resident[node] = false;
        residentCount--;
        nodes.release(node);
    }

    @Override
    public final long evict() {
        // Decided up front: with every page pinned NO_VICTIM must cost O(1) and change nothing.
        if (residentCount == pinnedCount) {
            return NO_VICTIM;
        }
        int node = victim();
        if (!resident[node] || pinned[node]) {
            throw new IllegalStateException("policy chose node " + node + " which is "
                    + (resident[node] ? "pinned" : "not resident"));
        }
        long pageId = nodes.key(node);
        resident[node] = false;
        residentCount--;
        if (nodes.listOf(node) == NodeLists.NONE) {
            nodes.release(node);
        }
        evictions.increment();
        return pageId;
    }

    @Override
    public final int residentCount() {
        return residentCount;
    }

    /**
     * For a policy that runs this one as a shadow: a hit if {@code pageId} is resident (and then counted as
     * {@link #onAccess}), with one page-table lookup instead of two.
     */
    final boolean accessIfResident(long pageId) {
        int node = nodes.find(pageId);
        if (node != NodeLists.NONE && resident[node]) {
            hit(node);
            return true;
        }
        return false;
    }

    /** Whether {@code pageId} is resident (for a policy that runs this one as a shadow). */
    final boolean isResident(long pageId) {
        int node = nodes.find(pageId);
        return node != NodeLists.NONE && resident[node];
    }

    /** How many resident pages are pinned. */
    protected final int pinnedCount() {
        return pinnedCount;
    }

    /**
     * The oldest unpinned node of {@code list}, moving pinned nodes met on the way to the back of the list; or
     * {@link NodeLists#NONE} when every node on it is pinned (then the list's order is unchanged).
     */
    protected final int firstUnpinned(int list) {
        for (int steps = nodes.size(list); steps > 0; steps--) {
            int node = nodes.front(list);
            if (!pinned[node]) {
                return node;
            }
            nodes.moveToBack(list, node);
        }
        return NodeLists.NONE;
    }

    private int residentNode(long pageId) {
        int node = nodes.find(pageId);
        if (node == NodeLists.NONE || !resident[node]) {
            throw new IllegalStateException("page " + pageId + " is not resident");
        }
        return node;
    }
}
