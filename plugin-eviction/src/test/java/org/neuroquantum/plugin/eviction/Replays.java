package org.neuroquantum.plugin.eviction;

import java.util.HashSet;
import java.util.Set;
import org.neuroquantum.spi.eviction.EvictionPolicy;

/**
 * Replays page ids through a policy as a buffer pool without pinning would (the simulator in the distribution
 * does the same on real traces): a resident page is a hit, otherwise the policy evicts when the pool is full
 * and the page is inserted.
 */
final class Replays {
    private Replays() {
    }

    /** Hits of {@code policy} on the first {@code length} pages of {@code pages}. */
    static long hits(EvictionPolicy policy, long[] pages, int length, int capacity) {
        Set<Long> resident = new HashSet<>();
        long hits = 0;
        for (int i = 0; i < length; i++) {
            long page = pages[i];
            if (resident.contains(page)) {
                hits++;
                policy.onAccess(page);
                continue;
            }
            if (resident.size() == capacity) {
                long victim = policy.evict();
                if (!resident.remove(victim)) {
                    throw new AssertionError("victim " + victim + " is not resident");
                }
            }
            policy.onInsert(page);
            resident.add(page);
        }
        if (policy.residentCount() != resident.size()) {
            throw new AssertionError("policy counts " + policy.residentCount() + ", pool " + resident.size());
        }
        return hits;
    }

    static long hits(EvictionPolicy policy, long[] pages, int capacity) {
        return hits(policy, pages, pages.length, capacity);
    }
}
