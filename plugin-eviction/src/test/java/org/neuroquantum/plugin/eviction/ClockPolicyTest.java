package org.neuroquantum.plugin.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuroquantum.spi.eviction.EvictionPolicy.NO_VICTIM;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroquantum.spi.eviction.EvictionPolicy;

class ClockPolicyTest {
    private static EvictionPolicy filled(int capacity, int maxReferenceCount) {
        EvictionPolicy clock = Policies.clock(capacity, maxReferenceCount);
        for (long p = 1; p <= capacity; p++) {
            clock.onInsert(p);
        }
        return clock;
    }

    @Test
    void unreferencedPagesGoInRingOrder() {
        assertEquals(List.of(1L, 2L, 3L, 4L), Policies.drain(filled(4, 1)));
    }

    @Test
    void referencedPageGetsASecondChance() {
        EvictionPolicy clock = filled(3, 1);
        clock.onAccess(1);
        clock.onAccess(1); // capped at 1: still one chance only
        assertEquals(2L, clock.evict()); // the hand cleared 1's bit on the way
        clock.onInsert(4);
        assertEquals(3L, clock.evict());
        clock.onInsert(5);
        assertEquals(1L, clock.evict()); // its chance is used up
    }

    @Test
    void higherCapKeepsAHotPageOverSeveralSweeps() {
        int cap = 3;
        EvictionPolicy clock = filled(4, cap);
        for (int i = 0; i < 10; i++) {
            clock.onAccess(1);
        }
        // Each eviction of a cold page costs page 1 one decrement per pass; replace cold pages with new
        // unreferenced ones so that every sweep finds a victim.
        long next = 5;
        for (int sweep = 0; sweep < cap; sweep++) {
            for (int i = 0; i < 3; i++) {
                long victim = clock.evict();
                assertNotEquals(1L, victim, "hot page evicted in sweep " + sweep);
                clock.onInsert(next++);
            }
        }
        // The counter is now used up: page 1 goes at the hand's next visit.
        assertEquals(1L, clock.evict());
    }

    @Test
    void capOfOneLosesTheHotPageAfterOneSweep() {
        EvictionPolicy clock = filled(4, 1);
        for (int i = 0; i < 10; i++) {
            clock.onAccess(1);
        }
        for (int i = 0; i < 3; i++) {
            clock.evict();
            clock.onInsert(10 + i);
        }
        assertEquals(1L, clock.evict());
    }

    @Test
    void pinnedPagesAreSkipped() {
        EvictionPolicy clock = filled(3, 2);
        clock.onPin(1);
        clock.onPin(2);
        clock.onAccess(3);
        clock.onAccess(3);
        // The hand passes the pinned pages and spends page 3's two references before taking it.
        assertEquals(3L, clock.evict());
        assertEquals(NO_VICTIM, clock.evict());
        clock.onUnpin(2);
        assertEquals(2L, clock.evict());
        assertEquals(1, clock.residentCount());
    }

    @Test
    void noVictimWhenAllPinnedLeavesCountersAndHandAlone() {
        EvictionPolicy clock = filled(3, 2);
        clock.onAccess(3);
        for (long p = 1; p <= 3; p++) {
            clock.onPin(p);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(NO_VICTIM, clock.evict());
        }
        assertEquals(3, clock.residentCount());
        for (long p = 1; p <= 3; p++) {
            clock.onUnpin(p);
        }
        // The hand is still at page 1, and page 3 still holds its reference.
        assertEquals(List.of(1L, 2L, 3L), Policies.drain(clock));
    }

    @Test
    void onRemoveForgetsThePageAndFreesItsSlot() {
        EvictionPolicy clock = filled(3, 1);
        clock.onPin(2);
        clock.onRemove(2);
        clock.onRemove(3);
        assertEquals(1, clock.residentCount());
        assertThrows(IllegalStateException.class, () -> clock.onAccess(2));
        clock.onInsert(4);
        clock.onInsert(5);
        assertEquals(3, clock.residentCount());
        assertEquals(List.of(1L, 5L, 4L), Policies.drain(clock));
    }

    @Test
    void reinsertAfterEvict() {
        EvictionPolicy clock = filled(2, 1);
        assertEquals(1L, clock.evict());
        clock.onInsert(1);
        clock.onAccess(1);
        assertEquals(2L, clock.evict());
        assertEquals(1L, clock.evict());
    }

    @Test
    void rejectsOutOfRangeCap() {
        assertThrows(IllegalArgumentException.class, () -> new ClockPolicy(4, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new ClockPolicy(4, 16, null));
        assertThrows(IllegalArgumentException.class, () -> new ClockPolicy(0, 1, null));
    }
}
