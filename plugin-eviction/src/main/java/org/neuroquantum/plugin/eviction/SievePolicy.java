package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.NodeLists;
import org.neuroquantum.spi.metrics.Counter;

/**
 * SIEVE (Zhang et al., NSDI 2024): one FIFO queue and a "visited" bit per page. New pages join at the back; a
 * hit only sets the bit. A hand walks from the oldest towards the newest page, clearing set bits and evicting
 * the first unvisited page; unlike Clock, survivors stay where they are, so new pages are evicted quickly
 * unless reused (lazy promotion, quick demotion). A hit is as cheap as in Clock.
 */
public final class SievePolicy extends NodePolicy {
    private static final int QUEUE = 0;

    private final boolean[] visited;
    private int hand = NodeLists.NONE;

    /** An empty policy for {@code capacity} frames. */
    public SievePolicy(int capacity, Counter evictions) {
        super(capacity, 0, 1, evictions);
        visited = new boolean[capacity];
    }

    @Override
    protected void admit(int node, int ghost) {
        visited[node] = false;
        nodes.pushBack(QUEUE, node);
    }

    @Override
    protected void hit(int node) {
        visited[node] = true;
    }

    @Override
    protected void forget(int node) {
        if (hand == node) {
            hand = nodes.after(node);
        }
        nodes.unlink(node);
    }

    @Override
    protected int victim() {
        int node = hand == NodeLists.NONE ? nodes.front(QUEUE) : hand;
        // An unpinned page exists; within two passes its bit is clear. Pinned pages are passed over unchanged.
        while (visited[node] || pinned[node]) {
            if (!pinned[node]) {
                visited[node] = false;
            }
            node = nodes.after(node);
            if (node == NodeLists.NONE) {
                node = nodes.front(QUEUE);
            }
        }
        hand = nodes.after(node);
        nodes.unlink(node);
        return node;
    }
}
