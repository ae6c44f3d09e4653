package org.neuroquantum.plugin.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.metrics.Metrics;

/** Each policy's defining behaviour, replayed through the same loop the simulator uses. */
class PolicyBehaviourTest {
    private static final int CAPACITY = 100;

    // 2Q protects only pages that were missed again after leaving A1in; a hot set that fits in A1in stays there
    // and goes with a scan like any page (twoQueuePromotesOnlyPagesMissedAgainWhileRemembered shows Am's side).
    static List<String> scanResistant() {
        return List.of("lru-2", "arc", "lirs", "clock-pro", "sieve", "s3-fifo", "w-tinylfu", "adaptive");
    }

    /**
     * A full pool (100 pages used once); 10 rounds over a hot set of 50 pages, each hot access followed by a
     * page used only once (so the hot pages' reuse distance exceeds 2Q's A1in); a one-time scan of 1,000 pages;
     * then the hot set once more.
     */
    private static long[] hotSetThenScan() {
        long[] keys = new long[100 + 10 * 100 + 1000 + 50];
        int n = 0;
        long once = 10_000;
        for (long p = 5000; p < 5100; p++) {
            keys[n++] = p;
        }
        for (int round = 0; round < 10; round++) {
            for (long p = 0; p < 50; p++) {
                keys[n++] = p;
                keys[n++] = once++;
            }
        }
        for (long p = 1000; p < 2000; p++) {
            keys[n++] = p;
        }
        for (long p = 0; p < 50; p++) {
            keys[n++] = p;
        }
        return keys;
    }

    /** Hits in the last {@code tail} accesses of {@code keys}. */
    private static long tailHits(String policy, long[] keys, int tail) {
        return Replays.hits(Policies.named(policy, CAPACITY), keys, CAPACITY)
                - Replays.hits(Policies.named(policy, CAPACITY), keys, keys.length - tail, CAPACITY);
    }

    @ParameterizedTest
    @MethodSource("scanResistant")
    void aOneTimeScanDoesNotFlushTheHotSet(String policy) {
        long survivors = tailHits(policy, hotSetThenScan(), 50);
        assertTrue(survivors >= 45, policy + " kept only " + survivors + " of 50 hot pages through a scan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lru", "clock"})
    void recencyPoliciesAreFlushedByAScan(String policy) {
        assertEquals(0, tailHits(policy, hotSetThenScan(), 50));
    }

    /** A loop over {@code CAPACITY + 10} pages, 20 times: LRU (and any pure recency policy) never hits. */
    private static long[] loop() {
        long[] keys = new long[(CAPACITY + 10) * 20];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i % (CAPACITY + 10);
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lirs", "clock-pro", "adaptive"})
    void reuseDistancePoliciesKeepMostOfALoop(String policy) {
        long[] loop = loop();
        long hits = Replays.hits(Policies.named(policy, CAPACITY), loop, CAPACITY);
        assertEquals(0, Replays.hits(Policies.lru(CAPACITY), loop, CAPACITY));
        // At best (OPT) c-1 of every c+10 accesses hit after the first pass; LIRS keeps its LIR set fixed.
        assertTrue(hits > 0.8 * loop.length, policy + " hit " + hits + " of " + loop.length);
    }

    @Test
    void sieveEvictsUnvisitedPagesInInsertionOrderAndKeepsVisitedOnesInPlace() {
        EvictionPolicy sieve = Policies.named("sieve", 4);
        Policies.load(sieve, 4, 1, 2, 3, 4);
        sieve.onAccess(1);
        sieve.onAccess(3);
        assertEquals(2L, sieve.evict()); // the hand clears 1's bit and stops at 2
        sieve.onInsert(5);
        assertEquals(4L, sieve.evict()); // 3 is visited, 4 not
        sieve.onInsert(6);
        assertEquals(5L, sieve.evict()); // the hand wraps to 5 at the back: 1 and 3 remain, bits cleared later
        sieve.onInsert(7);
        assertEquals(6L, sieve.evict());
    }

    @Test
    void lru2EvictsPagesUsedOnceFirstThenTheOldestSecondToLastUse() {
        EvictionPolicy lru2 = Policies.named("lru-2", 3);
        Policies.load(lru2, 3, 1, 2, 3);
        lru2.onAccess(1); // 1: uses at t1, t4
        lru2.onAccess(2); // 2: uses at t2, t5
        lru2.onAccess(1); // 1: penultimate now t4, later than 2's t2
        assertEquals(3L, lru2.evict(), "the page used once goes first");
        lru2.onInsert(4);
        assertEquals(4L, lru2.evict(), "a new page has no second use");
        lru2.onInsert(5);
        lru2.onAccess(5);
        assertEquals(2L, lru2.evict(), "2's second-to-last use (t2) is the oldest");
    }

    @Test
    void lru2RemembersAnEvictedPagesLastUse() {
        EvictionPolicy lru2 = Policies.named("lru-2", 2);
        Policies.load(lru2, 2, 1, 2);
        assertEquals(1L, lru2.evict());
        lru2.onInsert(1); // back from history: now used twice
        assertEquals(2L, lru2.evict(), "page 2 was used once, page 1 twice");
    }

    @Test
    void twoQueuePromotesOnlyPagesMissedAgainWhileRemembered() {
        // capacity 8: A1in holds 2, A1out remembers 4.
        EvictionPolicy twoQ = Policies.named("2q", 8);
        Policies.load(twoQ, 8, 1, 2, 3, 4, 5, 6, 7, 8);
        List<Long> victims = Policies.load(twoQ, 8, 9, 1);
        assertEquals(List.of(1L, 2L), victims, "A1in is a FIFO");
        // 1 came back from A1out: it is in Am now and outlives a stream of new pages through A1in.
        List<Long> later = Policies.load(twoQ, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        assertFalse(later.contains(1L), later.toString());
    }

    @Test
    void arcGrowsItsRecencyTargetOnAGhostHitInB1() {
        ArcPolicy arc = (ArcPolicy) Policies.named("arc", 4);
        Policies.load(arc, 4, 1, 2, 3, 4);
        arc.onAccess(3);
        arc.onAccess(4); // T1 = {1, 2}, T2 = {3, 4}, p = 0
        assertEquals(1L, arc.evict(), "|T1| > p: T1's LRU page goes, remembered in B1");
        arc.onInsert(5);
        assertEquals(0, arc.target());
        assertEquals(2L, arc.evict());
        arc.onInsert(1); // a hit in ghost list B1
        assertEquals(1, arc.target(), "a B1 hit says T1 was too small");
    }

    @Test
    void s3FifoSendsPagesSeenAgainAsGhostsToTheMainQueue() {
        // capacity 10: the small queue holds 1 page; the main queue 9.
        EvictionPolicy s3 = Policies.named("s3-fifo", 10);
        long[] first = LongStream.rangeClosed(1, 10).toArray();
        Policies.load(s3, 10, first);
        for (long p = 2; p <= 10; p++) {
            s3.onAccess(p); // all but 1 reused while in the small queue
        }
        assertEquals(1L, s3.evict(), "the one-hit page leaves first, into the ghost queue");
        s3.onInsert(1); // a ghost hit: 1 enters the main queue
        // A burst of new one-hit pages churns through the small queue without touching the main queue.
        List<Long> victims = Policies.load(s3, 10, 100, 101, 102, 103, 104);
        assertEquals(List.of(100L, 101L, 102L, 103L), victims.subList(1, 5));
    }

    @Test
    void wTinyLfuAdmitsAWindowCandidateOnlyWhenItIsMoreFrequent() {
        WTinyLfuPolicy w = new WTinyLfuPolicy(10, false, 0.1, Metrics.detached().counter("e"));
        Policies.load(w, 10, LongStream.rangeClosed(1, 10).toArray()); // window {10}, probation 1..9
        for (int i = 0; i < 5; i++) {
            for (long p = 1; p <= 9; p++) {
                w.onAccess(p);
            }
        }
        // New pages seen once cannot displace the frequently used main area.
        List<Long> victims = Policies.load(w, 10, 11, 12, 13, 14, 15);
        assertEquals(List.of(10L, 11L, 12L, 13L, 14L), victims);
        // A page that becomes frequent while in the window is admitted, displacing probation's oldest page.
        for (int i = 0; i < 10; i++) {
            w.onAccess(15);
        }
        long victim = w.evict();
        assertTrue(victim >= 1 && victim <= 9, "victim " + victim);
    }

    @Test
    void wTinyLfuGrowsItsWindowOnARecencyBiasedTrace() {
        // A working set that drifts: each page is used a few times close together, then never again.
        long[] keys = new long[200_000];
        Random random = new Random(3);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i / 4 + random.nextInt(40);
        }
        WTinyLfuPolicy w = new WTinyLfuPolicy(CAPACITY, Metrics.detached().counter("e"));
        Replays.hits(w, keys, CAPACITY);
        assertTrue(w.windowTarget() > CAPACITY / 4, "window " + w.windowTarget());
    }

    @Test
    void clockProTurnsAColdPageReusedDuringItsTestPeriodHot() {
        // With 100 frames, 1 is cold: a page must prove reuse within its test period to stay.
        long[] loop = loop();
        long hits = Replays.hits(Policies.named("clock-pro", CAPACITY), loop, CAPACITY);
        assertTrue(hits > 0.8 * loop.length);
    }

    @Test
    void adaptiveFollowsTheCandidateThatHitsMore() {
        AdaptivePolicy adaptive = (AdaptivePolicy) Policies.named("adaptive", CAPACITY);
        long[] loop = loop();
        long hits = Replays.hits(adaptive, loop, CAPACITY);
        long lirs = Replays.hits(Policies.named("lirs", CAPACITY), loop, CAPACITY);
        assertEquals("lirs", adaptive.leader());
        assertTrue(hits >= 0.98 * lirs, hits + " vs LIRS " + lirs);

        // A skewed random trace with a one-hit stream: the recency candidates win; the pool must track the
        // leader it picks, and do no worse than LRU.
        Random random = new Random(5);
        long[] keys = new long[100_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextInt(4) == 0 ? 1_000_000 + i : (long) Math.abs(random.nextGaussian() * 60);
        }
        long[] mixed = keys;
        AdaptivePolicy second = (AdaptivePolicy) Policies.named("adaptive", CAPACITY);
        long adaptiveHits = Replays.hits(second, mixed, CAPACITY);
        long best = 0;
        for (String name : List.of("lirs", "s3-fifo", "sieve")) {
            best = Math.max(best, Replays.hits(Policies.named(name, CAPACITY), mixed, CAPACITY));
        }
        assertTrue(adaptiveHits >= 0.97 * best, adaptiveHits + " vs best candidate " + best);
        assertTrue(adaptiveHits >= Replays.hits(Policies.lru(CAPACITY), mixed, CAPACITY));
    }

    @ParameterizedTest
    @MethodSource("org.neuroquantum.plugin.eviction.Policies#names")
    void historyStaysBoundedOnAnEndlessStreamOfNewPages(String policy) {
        // A policy whose ghosts were unbounded would exhaust its fixed node pool and throw.
        long[] keys = new long[200_000];
        Random random = new Random(9);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextInt(3) == 0 ? random.nextInt(30) : i;
        }
        long hits = Replays.hits(Policies.named(policy, 50), keys, 50);
        assertTrue(hits > 0, policy);
    }
}
