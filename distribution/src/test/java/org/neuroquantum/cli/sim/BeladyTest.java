package org.neuroquantum.cli.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BeladyTest {
    /** Textbook clairvoyant MIN, O(n · c) per access: scan every resident item for its next use. */
    private static long bruteForce(int[] ids, int capacity) {
        Set<Integer> resident = new HashSet<>();
        long hits = 0;
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (resident.contains(id)) {
                hits++;
                continue;
            }
            if (resident.size() < capacity) {
                resident.add(id);
                continue;
            }
            int farthestItem = id;
            int farthest = nextUse(ids, i, id);
            for (int r : resident) {
                int next = nextUse(ids, i, r);
                if (next > farthest) {
                    farthest = next;
                    farthestItem = r;
                }
            }
            if (farthestItem != id) {
                resident.remove(farthestItem);
                resident.add(id);
            }
        }
        return hits;
    }

    private static int nextUse(int[] ids, int now, int id) {
        for (int j = now + 1; j < ids.length; j++) {
            if (ids[j] == id) {
                return j;
            }
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void matchesTheTextbookDefinitionOnRandomTraces() {
        Random random = new Random(17);
        for (int round = 0; round < 30; round++) {
            int universe = 5 + random.nextInt(60);
            long[] keys = new long[500];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(universe);
            }
            Trace trace = Trace.of("r", keys, keys.length);
            Belady opt = new Belady(trace);
            for (int capacity : new int[] {1, 3, 10, 40}) {
                assertEquals(bruteForce(trace.ids(), capacity), opt.hits(capacity), "round " + round + " c " + capacity);
            }
        }
    }

    @Test
    void mayDeclineToKeepTheItemJustAccessed() {
        // c = 2: a b c a b. Keeping c (never used again) would cost a hit; OPT does not admit it.
        Trace trace = Trace.of("t", new long[] {1, 2, 3, 1, 2}, 5);
        assertEquals(2, new Belady(trace).hits(2));
    }

    @Test
    void boundsEveryPolicyFromAbove() {
        Random random = new Random(4);
        long[] keys = new long[20_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (long) Math.abs(random.nextGaussian() * 300);
        }
        Trace trace = Trace.of("g", keys, keys.length);
        long opt = new Belady(trace).hits(100);
        for (String name : KernelPolicies.names()) {
            long hits = Replay.hits(KernelPolicies.named(name, 100), trace, 100);
            assertTrue(hits <= opt, name + " " + hits + " > OPT " + opt);
        }
    }
}
