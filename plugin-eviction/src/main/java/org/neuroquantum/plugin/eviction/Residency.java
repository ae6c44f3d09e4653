package org.neuroquantum.plugin.eviction;

import org.neuroquantum.plugin.eviction.util.LongIntHashMap;

/**
 * The contract checks every slot-based policy makes on its page table, so a kernel bug (an event for a page
 * that is not resident, an insert into a full pool) fails fast with the same message in every policy
 * instead of silently corrupting a policy's lists.
 */
final class Residency {
    private Residency() {
    }

    /** The slot of a resident page. */
    static int slotOf(LongIntHashMap slots, long pageId) {
        int slot = slots.get(pageId);
        if (slot == LongIntHashMap.MISSING) {
            throw new IllegalStateException("page " + pageId + " is not resident");
        }
        return slot;
    }

    /** Checks that {@code pageId} may become resident. */
    static void checkInsert(LongIntHashMap slots, int capacity, long pageId) {
        if (pageId < 0) {
            throw new IllegalStateException("page ids are non-negative, got " + pageId);
        }
        if (slots.containsKey(pageId)) {
            throw new IllegalStateException("page " + pageId + " is already resident");
        }
        if (slots.size() == capacity) {
            throw new IllegalStateException("page " + pageId + " inserted into a full pool of " + capacity
                    + " frames: evict first");
        }
    }
}
