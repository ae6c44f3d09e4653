package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.NodeLists;
import org.neuroquantum.spi.metrics.Counter;

/**
 * CLOCK-Pro (Jiang, Chen &amp; Zhang, USENIX ATC 2005): LIRS's reuse-distance idea on a clock. One ring holds hot
 * pages, cold resident pages and cold non-resident pages (ghosts) still in their test period. Three hands
 * sweep it:
 * <ul>
 *   <li>HAND_cold evicts the first unreferenced cold page; a referenced cold page in its test period turns
 *   hot (its reuse distance beat the hot pages'), one outside it gets a new test period;</li>
 *   <li>HAND_hot turns an unreferenced hot page cold and ends the test periods it passes;</li>
 *   <li>HAND_test ends test periods and drops ghosts when there are more ghosts than frames.</li>
 * </ul>
 * The share of cold frames adapts: a cold page reused in its test period raises it, a test period that ends
 * without reuse lowers it. A hit only sets a reference bit. Pages enter at the ring's head, just behind
 * HAND_hot. Pinned cold pages are passed over; when no unpinned cold page is left, HAND_hot demotes one.
 */
public final class ClockProPolicy extends NodePolicy {
    private static final int RING = 0;

    private final boolean[] hot;
    private final boolean[] referenced;
    private final boolean[] test;
    private final int minCold;
    private final int maxCold;
    private int coldTarget;
    private int hotCount;
    private int ghostCount;
    private int handHot = NodeLists.NONE;
    private int handCold = NodeLists.NONE;
    private int handTest = NodeLists.NONE;

    /** An empty policy for {@code capacity} frames. */
    public ClockProPolicy(int capacity, Counter evictions) {
        super(capacity, capacity + 1, 1, evictions);
        hot = new boolean[nodes.nodeCount()];
        referenced = new boolean[nodes.nodeCount()];
        test = new boolean[nodes.nodeCount()];
        minCold = Math.max(1, capacity / 100);
        maxCold = Math.max(minCold, capacity - Math.max(1, capacity / 100));
        coldTarget = minCold;
    }

    @Override
    protected void admit(int node, int ghost) {
        referenced[node] = false;
        if (ghost == RING) {
            ghostCount--;
            removeFromRing(node);
        }
        while (ghostCount > capacity) {
            runHandTest();
        }
        if (ghost == RING) {
            // Missed during its test period: a reuse distance short enough to be hot; cold pages deserve more room.
            coldTarget = Math.min(maxCold, coldTarget + 1);
            makeHot(node);
            insertAtHead(node);
            balanceHot();
        } else if (hotCount < capacity - coldTarget) {
            makeHot(node);
            insertAtHead(node);
        } else {
            hot[node] = false;
            test[node] = true;
            insertAtHead(node);
        }
    }

    @Override
    protected void hit(int node) {
        referenced[node] = true;
    }

    @Override
    protected void forget(int node) {
        if (hot[node]) {
            hot[node] = false;
            hotCount--;
        }
        removeFromRing(node);
    }

    @Override
    protected int victim() {
        int steps = 0;
        while (true) {
            int node = handCold == NodeLists.NONE ? nodes.front(RING) : handCold;
            if (resident[node] && !hot[node] && !pinned[node]) {
                if (!referenced[node]) {
                    handCold = next(node);
                    if (test[node]) {
                        // Stays in the ring as a ghost until its test period ends. HAND_test trims the ghosts
                        // at the next insert, once this page no longer counts as resident.
                        ghostCount++;
                    } else {
                        removeFromRing(node);
                    }
                    return node;
                }
                referenced[node] = false;
                handCold = next(node);
                removeFromRing(node);
                if (test[node]) {
                    coldTarget = Math.min(maxCold, coldTarget + 1);
                    makeHot(node);
                    insertAtHead(node);
                    balanceHot();
                } else {
                    test[node] = true;
                    insertAtHead(node);
                }
                steps = 0;
                continue;
            }
            handCold = next(node);
            // Two laps without an unpinned cold page: the unpinned pages are all hot, so demote one.
            if (++steps > 2 * nodes.size(RING)) {
                runHandHot();
                steps = 0;
            }
        }
    }

    private void makeHot(int node) {
        hot[node] = true;
        test[node] = false;
        hotCount++;
    }

    private void balanceHot() {
        while (hotCount > capacity - coldTarget) {
            runHandHot();
        }
    }

    private void runHandHot() {
        while (true) {
            int node = handHot == NodeLists.NONE ? nodes.front(RING) : handHot;
            handHot = next(node);
            if (hot[node]) {
                if (referenced[node]) {
                    referenced[node] = false;
                } else {
                    hot[node] = false;
                    hotCount--;
                    return;
                }
            } else if (test[node]) {
                endTest(node);
            }
        }
    }

    private void runHandTest() {
        while (true) {
            int node = handTest == NodeLists.NONE ? nodes.front(RING) : handTest;
            handTest = next(node);
            if (!hot[node] && test[node]) {
                boolean ghost = !resident[node];
                endTest(node);
                if (ghost) {
                    return;
                }
            }
        }
    }

    // A test period ended without reuse: cold pages deserve less room; a ghost leaves the ring.
    private void endTest(int node) {
        test[node] = false;
        coldTarget = Math.max(minCold, coldTarget - 1);
        if (!resident[node]) {
            ghostCount--;
            nodes.release(detach(node));
        }
    }

    private void insertAtHead(int node) {
        if (handHot == NodeLists.NONE || nodes.listOf(handHot) != RING) {
            nodes.pushBack(RING, node);
        } else {
            nodes.insertBefore(node, handHot);
        }
    }

    private void removeFromRing(int node) {
        nodes.unlink(detach(node));
    }

    // Moves every hand off a node about to leave the ring.
    private int detach(int node) {
        int following = next(node) == node ? NodeLists.NONE : next(node);
        if (handHot == node) {
            handHot = following;
        }
        if (handCold == node) {
            handCold = following;
        }
        if (handTest == node) {
            handTest = following;
        }
        return node;
    }

    private int next(int node) {
        int following = nodes.after(node);
        return following == NodeLists.NONE ? nodes.front(RING) : following;
    }
}
