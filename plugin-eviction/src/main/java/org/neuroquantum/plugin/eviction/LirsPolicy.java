package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.Links;
import org.neuroquantum.plugin.eviction.util.NodeLists;
import org.neuroquantum.spi.metrics.Counter;

/**
 * LIRS, Low Inter-reference Recency Set (Jiang &amp; Zhang, SIGMETRICS 2002): pages whose last two uses lay
 * close together (low inter-reference recency, "LIR") hold 99% of the frames; the rest, 1%, holds HIR pages,
 * evicted first in FIFO order from queue Q. The recency stack S orders recently seen pages, including ghosts
 * (non-resident HIR pages); an HIR page used again while still in S has a shorter reuse distance than the
 * oldest LIR page and takes its place. Scans and loops longer than the pool therefore cannot flush the LIR set.
 *
 * <p>S's bottom is always a LIR page (pruning). The ghosts in S are bounded to twice the frames; the oldest
 * ghost is dropped first. Pinned HIR pages are rotated to the back of Q; when Q holds nothing unpinned, the
 * bottom LIR page is demoted to Q. Every event is O(1) amortized.
 */
public final class LirsPolicy extends NodePolicy {
    private static final int STACK = 0;
    // Second linkage over the same nodes: resident HIR pages (Q) and ghosts in S, oldest first.
    private static final int QUEUE = 0;
    private static final int GHOSTS = 1;

    private final int lirLimit;
    private final int ghostLimit;
    private final Links queues;
    private final boolean[] lir;
    private int lirCount;

    /** An empty policy for {@code capacity} frames. */
    public LirsPolicy(int capacity, Counter evictions) {
        super(capacity, 2 * capacity + 1, 1, evictions);
        int hirLimit = capacity < 2 ? 0 : Math.max(1, capacity / 100);
        this.lirLimit = capacity - hirLimit;
        this.ghostLimit = 2 * capacity;
        this.queues = new Links(nodes.nodeCount(), 2);
        this.lir = new boolean[nodes.nodeCount()];
    }

    @Override
    protected void admit(int node, int ghost) {
        if (ghost == STACK) {
            // A ghost still in S: its reuse distance beats the oldest LIR page's.
            queues.unlink(node);
            nodes.moveToBack(STACK, node);
            promote(node);
        } else if (lirCount < lirLimit) {
            nodes.pushBack(STACK, node);
            lir[node] = true;
            lirCount++;
        } else {
            nodes.pushBack(STACK, node);
            lir[node] = false;
            queues.pushBack(QUEUE, node);
        }
    }

    @Override
    protected void hit(int node) {
        if (lir[node]) {
            boolean wasBottom = nodes.front(STACK) == node;
            nodes.moveToBack(STACK, node);
            if (wasBottom) {
                prune();
            }
        } else if (nodes.listOf(node) == STACK || lirCount < lirLimit) {
            // In S: its reuse distance beats the oldest LIR page's. Or the LIR set has room (pages were removed).
            nodes.moveToBack(STACK, node);
            queues.unlink(node);
            promote(node);
        } else {
            nodes.pushBack(STACK, node);
            queues.moveToBack(QUEUE, node);
        }
    }

    @Override
    protected void forget(int node) {
        if (lir[node]) {
            lir[node] = false;
            lirCount--;
        } else {
            queues.unlink(node);
        }
        if (nodes.listOf(node) == STACK) {
            nodes.unlink(node);
            prune();
        }
    }

    @Override
    protected int victim() {
        while (true) {
            for (int steps = queues.size(QUEUE); steps > 0; steps--) {
                int node = queues.front(QUEUE);
                if (!pinned[node]) {
                    queues.unlink(node);
                    if (nodes.listOf(node) == STACK) {
                        queues.pushBack(GHOSTS, node);
                        if (queues.size(GHOSTS) > ghostLimit) {
                            int oldest = queues.front(GHOSTS);
                            queues.unlink(oldest);
                            nodes.release(oldest);
                        }
                    }
                    return node;
                }
                queues.moveToBack(QUEUE, node);
            }
            // Every HIR page is pinned (or there are none): give up the oldest LIR page's status.
            demoteBottom();
        }
    }

    private void promote(int node) {
        lir[node] = true;
        lirCount++;
        while (lirCount > lirLimit) {
            demoteBottom();
        }
    }

    private void demoteBottom() {
        int bottom = nodes.front(STACK);
        nodes.unlink(bottom);
        lir[bottom] = false;
        lirCount--;
        queues.pushBack(QUEUE, bottom);
        prune();
    }

    // Ensures S's bottom is a LIR page: HIR pages below the oldest LIR page can no longer become LIR.
    private void prune() {
        for (int node = nodes.front(STACK); node != NodeLists.NONE && !lir[node]; node = nodes.front(STACK)) {
            nodes.unlink(node);
            if (!resident[node]) {
                queues.unlink(node);
                nodes.release(node);
            }
        }
    }
}
