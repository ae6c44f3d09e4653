package org.neuroquantum.cli.sim;

import java.util.Arrays;

/**
 * Belady's optimal policy (MIN) in the variant the trace README and Caffeine's simulator ('Clairvoyant') use:
 * on a miss in a full cache, whichever of the resident items and the item just accessed is next used
 * farthest in the future is the one not kept — possibly the item just accessed, which is then not admitted.
 * No online policy can beat it; it bounds what any eviction policy could gain.
 *
 * <p>Each access's next use is found in one backward pass; the resident items sit in an indexed max-heap keyed
 * by their next use, so a whole replay costs O(n log c).
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
        NextUseHeap resident = new NextUseHeap(trace.distinct(), Math.min(capacity, trace.distinct()));
        long hits = 0;
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            int next = nextUse[i];
            if (resident.contains(id)) {
                hits++;
                resident.update(id, next);
            } else if (resident.size() < capacity) {
                resident.add(id, next);
            } else if (resident.farthestNextUse() > next) {
                resident.replaceFarthest(id, next);
            }
            // Otherwise the item just accessed is the one needed farthest ahead: it is not kept.
        }
        return hits;
    }

    /** A binary max-heap of item ids ordered by next use, with each id's position for O(log c) updates. */
    private static final class NextUseHeap {
        private final int[] heap;
        private final int[] key;
        private final int[] position;
        private int size;

        NextUseHeap(int ids, int capacity) {
            heap = new int[capacity];
            key = new int[ids];
            position = new int[ids];
            Arrays.fill(position, -1);
        }

        boolean contains(int id) {
            return position[id] >= 0;
        }

        int size() {
            return size;
        }

        int farthestNextUse() {
            return key[heap[0]];
        }

        void add(int id, int next) {
            key[id] = next;
            heap[size] = id;
            position[id] = size;
            siftUp(size++);
        }

        // A hit moves the item's next use later: it can only rise towards the top.
        void update(int id, int next) {
            key[id] = next;
            siftUp(position[id]);
        }

        void replaceFarthest(int id, int next) {
            position[heap[0]] = -1;
            key[id] = next;
            heap[0] = id;
            position[id] = 0;
            siftDown(0);
        }

        private void siftUp(int at) {
            int id = heap[at];
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (key[heap[parent]] >= key[id]) {
                    break;
                }
                heap[at] = heap[parent];
                position[heap[at]] = at;
                at = parent;
            }
            heap[at] = id;
            position[id] = at;
        }

        private void siftDown(int at) {
            int id = heap[at];
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && key[heap[child + 1]] > key[heap[child]]) {
                    child++;
                }
                if (key[heap[child]] <= key[id]) {
                    break;
                }
                heap[at] = heap[child];
                position[heap[at]] = at;
                at = child;
            }
            heap[at] = id;
            position[id] = at;
        }
    }
}
