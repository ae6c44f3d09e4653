package org.neuroquantum.plugin.eviction.sim;

import java.util.Arrays;
import org.neuroquantum.plugin.eviction.util.IndexedHeap;

/**
 * Belady's optimal policy (MIN) in the variant the trace README and Caffeine's simulator ('Clairvoyant') use:
 * on a miss in a full cache, whichever of the resident items and the item just accessed is next used
 * farthest in the future is the one not kept — possibly the item just accessed, which is then not admitted.
 * No online policy can beat it; it bounds what any eviction policy could gain.
 *
 * <p>Each access's next use is found in one backward pass; the resident items sit in a heap keyed by their
 * next use, so a whole replay costs O(n log c).
 */
public final class Belady {
    private static final int NEVER = Integer.MAX_VALUE;

    private final Trace trace;
    private final int[] nextUse;

    /** Prepares {@code trace} for replays at any size (the next-use table is shared between sizes). */
    public Belady(Trace trace) {
        this.trace = trace;
        int[] ids = trace.ids();
        nextUse = new int[ids.length];
        int[] seenAt = new int[trace.distinct()];
        Arrays.fill(seenAt, NEVER);
        for (int i = ids.length - 1; i >= 0; i--) {
            nextUse[i] = seenAt[ids[i]];
            seenAt[ids[i]] = i;
        }
    }

    /** The hits of the optimal policy with {@code capacity} entries. */
    public long hits(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        int[] ids = trace.ids();
        // Min-heap on the negated next use: its top is the resident item needed farthest in the future.
        IndexedHeap resident = new IndexedHeap(trace.distinct());
        long hits = 0;
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            int next = nextUse[i];
            if (resident.contains(id)) {
                hits++;
                resident.set(id, -(long) next);
            } else if (resident.size() < capacity) {
                resident.set(id, -(long) next);
            } else {
                int farthest = resident.peek();
                if (-resident.priorityOf(farthest) > next) {
                    resident.remove(farthest);
                    resident.set(id, -(long) next);
                }
            }
        }
        return hits;
    }
}
