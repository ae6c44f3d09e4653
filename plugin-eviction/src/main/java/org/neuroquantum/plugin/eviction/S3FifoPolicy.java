package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.NodeLists;
import org.neuroquantum.spi.metrics.Counter;

/**
 * S3-FIFO (Yang et al., SOSP 2023): three FIFO queues. New pages enter a small queue (10% of the frames);
 * most are read once and leave it quickly for a ghost queue that remembers their ids. A page used again while
 * in the small queue, or missed again while remembered as a ghost, goes to the main queue, which evicts like
 * Clock with a frequency counter of 0..3. Only FIFO moves: no list update on a hit.
 */
public final class S3FifoPolicy extends NodePolicy {
    private static final int SMALL = 0;
    private static final int MAIN = 1;
    private static final int GHOST = 2;
    private static final int MAX_FREQUENCY = 3;

    private final int smallTarget;
    private final int ghostLimit;
    private final byte[] frequency;

    /** An empty policy for {@code capacity} frames. */
    public S3FifoPolicy(int capacity, Counter evictions) {
        this(capacity, ghostLimit(capacity), evictions);
    }

    private S3FifoPolicy(int capacity, int ghostLimit, Counter evictions) {
        super(capacity, ghostLimit + 1, 3, evictions);
        this.smallTarget = Math.max(1, capacity / 10);
        this.ghostLimit = ghostLimit;
        this.frequency = new byte[nodes.nodeCount()];
    }

    // The ghost queue remembers as many ids as the main queue holds pages.
    private static int ghostLimit(int capacity) {
        return Math.max(1, capacity - Math.max(1, capacity / 10));
    }

    @Override
    protected void admit(int node, int ghost) {
        frequency[node] = 0;
        if (ghost == GHOST) {
            nodes.moveToBack(MAIN, node);
        } else {
            nodes.pushBack(SMALL, node);
        }
    }

    @Override
    protected void hit(int node) {
        if (frequency[node] < MAX_FREQUENCY) {
            frequency[node]++;
        }
    }

    @Override
    protected int victim() {
        // Pinned pages are passed over (moved to the back of their queue) and counted, so that a queue holding
        // nothing but pinned pages hands over to the other one instead of spinning.
        int smallSkips = 0;
        int mainSkips = 0;
        while (true) {
            boolean fromSmall = nodes.size(SMALL) > 0 && smallSkips < nodes.size(SMALL)
                    && (nodes.size(SMALL) >= smallTarget || nodes.size(MAIN) == 0
                            || mainSkips >= nodes.size(MAIN) * (MAX_FREQUENCY + 1));
            if (fromSmall) {
                int node = nodes.front(SMALL);
                if (pinned[node]) {
                    nodes.moveToBack(SMALL, node);
                    smallSkips++;
                } else if (frequency[node] > 0) {
                    frequency[node] = 0;
                    nodes.moveToBack(MAIN, node);
                } else {
                    nodes.moveToBack(GHOST, node);
                    if (nodes.size(GHOST) > ghostLimit) {
                        nodes.release(nodes.front(GHOST));
                    }
                    return node;
                }
            } else {
                int node = nodes.front(MAIN);
                if (pinned[node] || frequency[node] > 0) {
                    if (!pinned[node]) {
                        frequency[node]--;
                    }
                    nodes.moveToBack(MAIN, node);
                    mainSkips++;
                } else {
                    nodes.unlink(node);
                    return node;
                }
            }
        }
    }
}
