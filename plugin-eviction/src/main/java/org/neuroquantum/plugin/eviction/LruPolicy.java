package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.IntStack;
import org.neuroquantum.plugin.eviction.util.LongIntHashMap;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.metrics.Counter;

/**
 * Least recently used: evicts the unpinned page whose last use is the oldest.
 *
 * <p>Resident pages occupy slots {@code 0 .. capacity-1}; a page table maps page ids to slots, and the
 * unpinned pages form a doubly linked list through the slots, least recently used first. A pinned page is
 * taken off the list and goes back at the most-recently-used end when unpinned, so {@link #evict()} just
 * takes the head of the list: every event is O(1) and none allocates.
 */
public final class LruPolicy implements EvictionPolicy {
    private final int capacity;
    // Slot `capacity` is the list's sentinel: its `next` is the LRU page, its `prev` the MRU page.
    private final int sentinel;
    private final long[] pageIds;
    private final int[] prev;
    private final int[] next;
    private final boolean[] pinned;
    private final LongIntHashMap slots;
    private final IntStack freeSlots;
    private final Counter evictions;

    /**
     * An empty policy.
     *
     * @param capacity the pool's number of frames, at least 1
     * @param evictions counted once per victim returned
     */
    public LruPolicy(int capacity, Counter evictions) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.sentinel = capacity;
        this.pageIds = new long[capacity];
        this.prev = new int[capacity + 1];
        this.next = new int[capacity + 1];
        this.pinned = new boolean[capacity];
        this.slots = new LongIntHashMap(capacity);
        this.freeSlots = IntStack.ofRange(capacity);
        this.evictions = evictions;
        prev[sentinel] = sentinel;
        next[sentinel] = sentinel;
    }

    @Override
    public void onInsert(long pageId) {
        Residency.checkInsert(slots, capacity, pageId);
        int slot = freeSlots.pop();
        pageIds[slot] = pageId;
        pinned[slot] = false;
        slots.put(pageId, slot);
        linkLast(slot);
    }

    @Override
    public void onAccess(long pageId) {
        int slot = Residency.slotOf(slots, pageId);
        // A pinned page is off the list; its unpin will make it the most recent anyway.
        if (!pinned[slot]) {
            unlink(slot);
            linkLast(slot);
        }
    }

    @Override
    public void onPin(long pageId) {
        int slot = Residency.slotOf(slots, pageId);
        if (pinned[slot]) {
            throw new IllegalStateException("page " + pageId + " is already pinned");
        }
        pinned[slot] = true;
        unlink(slot);
    }

    @Override
    public void onUnpin(long pageId) {
        int slot = Residency.slotOf(slots, pageId);
        if (!pinned[slot]) {
            throw new IllegalStateException("page " + pageId + " is not pinned");
        }
        pinned[slot] = false;
        linkLast(slot);
    }

    @Override
    public void onRemove(long pageId) {
        int slot = Residency.slotOf(slots, pageId);
        if (!pinned[slot]) {
            unlink(slot);
        }
        slots.remove(pageId);
        freeSlots.push(slot);
    }

    @Override
    public long evict() {
        int victim = next[sentinel];
        if (victim == sentinel) {
            return NO_VICTIM;
        }
        unlink(victim);
        long pageId = pageIds[victim];
        slots.remove(pageId);
        freeSlots.push(victim);
        evictions.increment();
        return pageId;
    }

    @Override
    public int residentCount() {
        return slots.size();
    }

    private void linkLast(int slot) {
        int last = prev[sentinel];
        prev[slot] = last;
        next[slot] = sentinel;
        next[last] = slot;
        prev[sentinel] = slot;
    }

    private void unlink(int slot) {
        next[prev[slot]] = next[slot];
        prev[next[slot]] = prev[slot];
    }
}
