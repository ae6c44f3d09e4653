package org.neuroquantum.plugin.eviction;

import java.util.Arrays;
import org.neuroquantum.plugin.eviction.util.IntStack;
import org.neuroquantum.plugin.eviction.util.LongIntHashMap;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.metrics.Counter;

/**
 * Clock, in its GCLOCK generalisation: each resident page has a reference counter capped at
 * {@code maxReferenceCount}; a hit raises it by one, and a hand sweeping a ring of slots lowers it and
 * evicts the first unpinned page it finds at zero. With a cap of 1 this is classic second-chance Clock.
 *
 * <p>A hit only bumps a counter, which is cheaper than LRU's list update. An eviction costs O(1) amortized:
 * every decrement the hand makes was paid for by an earlier hit, apart from skipping pinned pages, which are
 * few in a healthy pool.
 */
public final class ClockPolicy implements EvictionPolicy {
    /** The highest cap the counters allow (they are kept in a byte; GCLOCK gains little beyond this). */
    public static final int MAX_REFERENCE_COUNT_LIMIT = 15;

    // A new page starts unreferenced: the miss that loaded it is not evidence of reuse. It still gets a full
    // revolution of grace, because it lands in the slot the hand has just left. A page read once (a scan)
    // is then evicted at the hand's next visit instead of costing every hot page another decrement.
    private static final byte INSERT_COUNT = 0;
    private static final long FREE = -1L;

    private final int capacity;
    private final byte maxCount;
    private final long[] pageIds;
    private final byte[] counts;
    private final boolean[] pinned;
    private final LongIntHashMap slots;
    private final IntStack freeSlots;
    private final Counter evictions;
    private int hand;
    private int pinnedCount;

    /**
     * An empty policy.
     *
     * @param capacity the pool's number of frames, at least 1
     * @param maxReferenceCount the counters' cap, 1 to {@value #MAX_REFERENCE_COUNT_LIMIT}
     * @param evictions counted once per victim returned
     */
    public ClockPolicy(int capacity, int maxReferenceCount, Counter evictions) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        if (maxReferenceCount < 1 || maxReferenceCount > MAX_REFERENCE_COUNT_LIMIT) {
            throw new IllegalArgumentException("maxReferenceCount must be between 1 and "
                    + MAX_REFERENCE_COUNT_LIMIT + ": " + maxReferenceCount);
        }
        this.capacity = capacity;
        this.maxCount = (byte) maxReferenceCount;
        this.pageIds = new long[capacity];
        Arrays.fill(pageIds, FREE);
        this.counts = new byte[capacity];
        this.pinned = new boolean[capacity];
        this.slots = new LongIntHashMap(capacity);
        this.freeSlots = IntStack.ofRange(capacity);
        this.evictions = evictions;
    }

    @Override
    public void onInsert(long pageId) {
        Residency.checkInsert(slots, capacity, pageId);
        int slot = freeSlots.pop();
        pageIds[slot] = pageId;
        counts[slot] = INSERT_COUNT;
        pinned[slot] = false;
        slots.put(pageId, slot);
    }

    @Override
    public void onAccess(long pageId) {
        int slot = Residency.slotOf(slots, pageId);
        if (counts[slot] < maxCount) {
            counts[slot]++;
        }
    }

    @Override
    public void onPin(long pageId) {
        int slot = Residency.slotOf(slots, pageId);
        if (pinned[slot]) {
            throw new IllegalStateException("page " + pageId + " is already pinned");
        }
        pinned[slot] = true;
        pinnedCount++;
    }

    @Override
    public void onUnpin(long pageId) {
        int slot = Residency.slotOf(slots, pageId);
        if (!pinned[slot]) {
            throw new IllegalStateException("page " + pageId + " is not pinned");
        }
        pinned[slot] = false;
        pinnedCount--;
    }

    @Override
    public void onRemove(long pageId) {
        int slot = Residency.slotOf(slots, pageId);
        if (pinned[slot]) {
            pinnedCount--;
        }
        release(slot);
    }

    @Override
    public long evict() {
        // Decided before the hand moves: with every page pinned a sweep would only circle the ring, costing
        // O(capacity) per call and moving the hand, while NO_VICTIM must cost O(1) and change nothing.
        if (slots.size() == pinnedCount) {
            return NO_VICTIM;
        }
        // Some unpinned page reaches zero within maxCount visits, and the hand visits it once per turn, so a
        // victim turns up within maxCount + 1 turns; the bound only guards against a broken invariant.
        long budget = (long) (maxCount + 1) * capacity;
        for (long step = 0; step <= budget; step++) {
            int slot = hand;
            hand = slot + 1 == capacity ? 0 : slot + 1;
            if (pageIds[slot] == FREE || pinned[slot]) {
                continue;
            }
            if (counts[slot] == 0) {
                long victim = pageIds[slot];
                release(slot);
                evictions.increment();
                return victim;
            }
            counts[slot]--;
        }
        throw new IllegalStateException("clock hand made " + budget + " steps without finding one of "
                + (slots.size() - pinnedCount) + " unpinned pages: internal state is inconsistent");
    }

    @Override
    public int residentCount() {
        return slots.size();
    }

    private void release(int slot) {
        slots.remove(pageIds[slot]);
        pageIds[slot] = FREE;
        pinned[slot] = false;
        freeSlots.push(slot);
    }
}
