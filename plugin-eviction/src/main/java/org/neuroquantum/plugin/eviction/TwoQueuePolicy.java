package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.NodeLists;
import org.neuroquantum.spi.metrics.Counter;

/**
 * 2Q, the full version (Johnson &amp; Shasha, VLDB 1994): a new page enters A1in, a FIFO of a quarter of the
 * frames; when it leaves A1in its id is remembered in A1out (a ghost FIFO of half as many ids as frames). Only a
 * page missed again while remembered in A1out enters Am, an LRU list of the pages that proved reuse. A scan thus
 * passes through A1in without touching Am. Every event is O(1).
 */
public final class TwoQueuePolicy extends NodePolicy {
    private static final int A1IN = 0;
    private static final int AM = 1;
    private static final int A1OUT = 2;

    private final int inLimit;
    private final int outLimit;

    /** An empty policy for {@code capacity} frames. */
    public TwoQueuePolicy(int capacity, Counter evictions) {
        this(capacity, Math.max(1, capacity / 2), evictions);
    }

    private TwoQueuePolicy(int capacity, int outLimit, Counter evictions) {
        super(capacity, outLimit + 1, 3, evictions);
        this.inLimit = Math.max(1, capacity / 4);
        this.outLimit = outLimit;
    }

    @Override
    protected void admit(int node, int ghost) {
        nodes.moveToBack(ghost == A1OUT ? AM : A1IN, node);
    }

    @Override
    protected void hit(int node) {
        // A hit in A1in is a correlated reference (the page was just read): it proves nothing and moves nothing.
        if (nodes.listOf(node) == AM) {
            nodes.moveToBack(AM, node);
        }
    }

    @Override
    protected int victim() {
        int node = nodes.size(A1IN) > inLimit ? firstUnpinned(A1IN) : NodeLists.NONE;
        if (node == NodeLists.NONE) {
            node = firstUnpinned(AM);
        }
        if (node == NodeLists.NONE) {
            node = firstUnpinned(A1IN);
        }
        if (nodes.listOf(node) == A1IN) {
            nodes.moveToBack(A1OUT, node);
            if (nodes.size(A1OUT) > outLimit) {
                nodes.release(nodes.front(A1OUT));
            }
        } else {
            nodes.unlink(node);
        }
        return node;
    }
}
