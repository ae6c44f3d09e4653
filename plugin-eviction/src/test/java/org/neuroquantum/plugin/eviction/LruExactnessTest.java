package org.neuroquantum.plugin.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neuroquantum.spi.eviction.EvictionPolicy;

/**
 * Replays random traces through {@link LruPolicy}, driven as a buffer pool drives it, and through a textbook
 * LRU (an access-ordered {@link LinkedHashMap}); they must choose the same victims and so score the same hits.
 */
class LruExactnessTest {
    private static final int CAPACITY = 100;
    private static final int REFERENCES = 200_000;

    @Test
    void matchesReferenceLru() {
        Result result = replay(new Random(7), false);
        assertEquals(result.referenceHits, result.hits);
        assertTrue(result.hits > REFERENCES / 4 && result.hits < REFERENCES * 9 / 10,
                "the trace should mix hits and misses: " + result.hits);
    }

    @Test
    void matchesReferenceLruWithPinning() {
        Result result = replay(new Random(11), true);
        assertEquals(result.referenceHits, result.hits);
    }

    private record Result(int hits, int referenceHits) {
    }

    private static Result replay(Random random, boolean pinning) {
        EvictionPolicy lru = Policies.lru(CAPACITY);
        Set<Long> pageTable = new HashSet<>();
        Map<Long, Boolean> reference = new LinkedHashMap<>(16, 0.75f, true);
        List<Long> pinned = new ArrayList<>();
        int hits = 0;
        int referenceHits = 0;
        for (int i = 0; i < REFERENCES; i++) {
            long page = skewed(random);

            if (reference.get(page) != null) { // get() also refreshes the page
                referenceHits++;
            } else {
                if (reference.size() == CAPACITY) {
                    reference.remove(eldestUnpinned(reference, pinned));
                }
                reference.put(page, Boolean.TRUE);
            }

            if (pageTable.contains(page)) {
                hits++;
                lru.onAccess(page);
            } else {
                if (pageTable.size() == CAPACITY) {
                    long victim = lru.evict();
                    assertTrue(pageTable.remove(victim), "victim must be resident");
                    assertTrue(!reference.containsKey(victim), "reference LRU kept victim " + victim);
                }
                lru.onInsert(page);
                pageTable.add(page);
            }

            if (pinning) {
                if (pinned.size() < 10 && random.nextInt(4) == 0 && !pinned.contains(page)) {
                    pinned.add(page);
                    lru.onPin(page);
                } else if (!pinned.isEmpty() && random.nextInt(3) == 0) {
                    long unpinned = pinned.remove(random.nextInt(pinned.size()));
                    lru.onUnpin(unpinned);
                    reference.get(unpinned); // LruPolicy makes an unpinned page the most recent
                }
            }
        }
        return new Result(hits, referenceHits);
    }

    private static long eldestUnpinned(Map<Long, Boolean> reference, List<Long> pinned) {
        for (Iterator<Long> it = reference.keySet().iterator(); it.hasNext(); ) {
            long candidate = it.next();
            if (!pinned.contains(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("all pinned");
    }

    /** A page id from a hot set of 50 pages (70% of references) or a cold range of 1000. */
    private static long skewed(Random random) {
        return random.nextInt(10) < 7 ? random.nextInt(50) : 50 + random.nextInt(1000);
    }
}
