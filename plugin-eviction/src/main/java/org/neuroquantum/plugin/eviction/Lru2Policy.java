package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.IndexedHeap;
import org.neuroquantum.spi.metrics.Counter;

/**
 * LRU-K with K = 2 (O'Neil, O'Neil &amp; Weikum, SIGMOD 1993): evicts the page whose second-to-last use is the
 * oldest, so a page used once (a scan) goes before any page used twice, and among pages used once the least
 * recently used goes first. After eviction a page's last use is kept in a bounded history (as many ids as
 * frames, oldest dropped first), so a page that comes back soon still counts its earlier use.
 *
 * <p>Ordering by the penultimate use cannot be kept in a list: a page's new key (its previous last use) may
 * lie anywhere in the order. Resident unpinned pages therefore sit in an indexed binary heap, and a hit,
 * pin or unpin costs O(log n) rather than O(1) — the price of exact LRU-2 that 2Q was designed to avoid.
 */
public final class Lru2Policy extends NodePolicy {
    private static final int HISTORY = 0;
    private static final long NEVER = -1L;
    // Pages used once are ordered before every page used twice, by their last use.
    private static final long ONCE = Long.MIN_VALUE / 2;

    private final IndexedHeap heap;
    private final long[] last;
    private final long[] penultimate;
    private long clock;

    /** An empty policy for {@code capacity} frames. */
    public Lru2Policy(int capacity, Counter evictions) {
        super(capacity, capacity + 1, 1, evictions);
        heap = new IndexedHeap(nodes.nodeCount());
        last = new long[nodes.nodeCount()];
        penultimate = new long[nodes.nodeCount()];
    }

    @Override
    protected void admit(int node, int ghost) {
        if (ghost == HISTORY) {
            nodes.unlink(node);
            penultimate[node] = last[node];
        } else {
            penultimate[node] = NEVER;
        }
        last[node] = ++clock;
        heap.set(node, key(node));
    }

    @Override
    protected void hit(int node) {
        penultimate[node] = last[node];
        last[node] = ++clock;
        if (!pinned[node]) {
            heap.set(node, key(node));
        }
    }

    @Override
    protected void pinned(int node) {
        heap.remove(node);
    }

    @Override
    protected void unpinned(int node) {
        heap.set(node, key(node));
    }

    @Override
    protected void forget(int node) {
        heap.remove(node);
    }

    @Override
    protected int victim() {
        int node = heap.peek();
        heap.remove(node);
        nodes.pushBack(HISTORY, node);
        if (nodes.size(HISTORY) > capacity) {
            nodes.release(nodes.front(HISTORY));
        }
        return node;
    }

    private long key(int node) {
        return penultimate[node] == NEVER ? ONCE + last[node] : penultimate[node];
    }
}
