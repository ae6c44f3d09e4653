package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.NodeLists;
import org.neuroquantum.spi.metrics.Counter;

/**
 * ARC, Adaptive Replacement Cache (Megiddo &amp; Modha, FAST 2003): T1 holds pages seen once recently, T2 pages
 * seen at least twice; ghost lists B1 and B2 remember the ids evicted from each (together at most as many as
 * there are frames). A miss that hits B1 says T1 was too small and grows its target size p; a miss in B2
 * shrinks it. Evictions take T1's LRU page while T1 is above p, else T2's.
 *
 * <p>The SPI names the victim before it names the page being loaded, so the adaptation of p happens right
 * after the replacement rather than before it, and the paper's tie rule (evict from T1 when |T1| = p and the
 * missed page is in B2) becomes "evict from T1 when |T1| &gt; p, or T2 has no unpinned page". Every event is
 * O(1).
 */
public final class ArcPolicy extends NodePolicy {
    private static final int T1 = 0;
    private static final int T2 = 1;
    private static final int B1 = 2;
    private static final int B2 = 3;

    private int p;

    /** An empty policy for {@code capacity} frames. */
    public ArcPolicy(int capacity, Counter evictions) {
        super(capacity, capacity + 1, 4, evictions);
    }

    @Override
    protected void admit(int node, int ghost) {
        if (ghost == B1) {
            p = Math.min(capacity, p + Math.max(nodes.size(B2) / nodes.size(B1), 1));
            nodes.moveToBack(T2, node);
        } else if (ghost == B2) {
            p = Math.max(0, p - Math.max(nodes.size(B1) / nodes.size(B2), 1));
            nodes.moveToBack(T2, node);
        } else {
            // Keep |T1| + |B1| <= c and the directory at most 2c (one node of slack covers the victim just
            // remembered before this insert).
            if (nodes.size(T1) + nodes.size(B1) >= capacity && nodes.size(B1) > 0) {
                nodes.release(nodes.front(B1));
            } else if (total() >= 2 * capacity && nodes.size(B2) > 0) {
                nodes.release(nodes.front(B2));
            }
            nodes.pushBack(T1, node);
        }
    }

    @Override
    protected void hit(int node) {
        nodes.moveToBack(T2, node);
    }

    @Override
    protected int victim() {
        boolean fromT1 = nodes.size(T1) > 0 && nodes.size(T1) > p;
        int node = firstUnpinned(fromT1 ? T1 : T2);
        if (node == NodeLists.NONE) {
            node = firstUnpinned(fromT1 ? T2 : T1);
        }
        nodes.moveToBack(nodes.listOf(node) == T1 ? B1 : B2, node);
        return node;
    }

    /** The current target size of T1 (for tests). */
    int target() {
        return p;
    }

    private int total() {
        return nodes.size(T1) + nodes.size(T2) + nodes.size(B1) + nodes.size(B2);
    }
}
