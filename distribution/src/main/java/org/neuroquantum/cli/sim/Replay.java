package org.neuroquantum.cli.sim;

import org.neuroquantum.spi.eviction.EvictionPolicy;

/**
 * Replays a trace through an {@link EvictionPolicy} as a buffer pool of {@code capacity} frames would, cold
 * start, every access counted: a resident item is a hit ({@link EvictionPolicy#onAccess}); otherwise, when the
 * pool is full, the policy names a victim ({@link EvictionPolicy#evict}), and the item is loaded
 * ({@link EvictionPolicy#onInsert}). Item {@code i} of the trace is page id {@code i}.
 */
public final class Replay {
    private Replay() {
    }

    /**
     * The hits of {@code policy} (new, created for {@code capacity} frames) on {@code trace}.
     *
     * @throws IllegalStateException when the policy breaks the SPI contract (no victim in a pool without
     *     pins, a victim that is not resident, a wrong resident count)
     */
    public static long hits(EvictionPolicy policy, Trace trace, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        boolean[] resident = new boolean[trace.distinct()];
        int residentCount = 0;
        long hits = 0;
        for (int id : trace.ids()) {
            if (resident[id]) {
                hits++;
                policy.onAccess(id);
                continue;
            }
            if (residentCount == capacity) {
                long victim = policy.evict();
                if (victim < 0 || victim >= resident.length || !resident[(int) victim]) {
                    throw new IllegalStateException(policy.getClass().getName() + " named victim " + victim
                            + ", which is not resident");
                }
                resident[(int) victim] = false;
                residentCount--;
            }
            policy.onInsert(id);
            resident[id] = true;
            residentCount++;
        }
        if (policy.residentCount() != residentCount) {
            throw new IllegalStateException(policy.getClass().getName() + " counts " + policy.residentCount()
                    + " resident pages, the pool holds " + residentCount);
        }
        return hits;
    }

    /** A hit ratio in percent. */
    public static double percent(long hits, Trace trace) {
        return 100.0 * hits / trace.length();
    }
}
