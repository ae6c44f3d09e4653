package org.neuroquantum.plugin.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuroquantum.spi.eviction.EvictionPolicy.NO_VICTIM;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroquantum.spi.eviction.EvictionPolicy;

class LruPolicyTest {
    private static EvictionPolicy filled(int capacity) {
        EvictionPolicy lru = Policies.lru(capacity);
        for (long p = 1; p <= capacity; p++) {
            lru.onInsert(p);
        }
        return lru;
    }

    @Test
    void evictsLeastRecentlyInsertedFirst() {
        EvictionPolicy lru = filled(4);
        assertEquals(List.of(1L, 2L, 3L, 4L), Policies.drain(lru));
        assertEquals(0, lru.residentCount());
        assertEquals(NO_VICTIM, lru.evict());
    }

    @Test
    void accessRefreshesRecency() {
        EvictionPolicy lru = filled(4);
        lru.onAccess(1);
        lru.onAccess(3);
        assertEquals(List.of(2L, 4L, 1L, 3L), Policies.drain(lru));
    }

    @Test
    void pinnedPageIsNeverEvictedAndReturnsAsMostRecent() {
        EvictionPolicy lru = filled(3);
        lru.onPin(1);
        assertEquals(2L, lru.evict());
        lru.onInsert(4);
        lru.onUnpin(1);
        assertEquals(List.of(3L, 4L, 1L), Policies.drain(lru));
    }

    @Test
    void noVictimWhenAllPinnedAndNothingChanges() {
        EvictionPolicy lru = filled(3);
        lru.onPin(1);
        lru.onPin(2);
        assertEquals(3L, lru.evict());
        lru.onInsert(3);
        lru.onPin(3);
        assertEquals(NO_VICTIM, lru.evict());
        assertEquals(NO_VICTIM, lru.evict());
        assertEquals(3, lru.residentCount());
        lru.onUnpin(2);
        lru.onUnpin(3);
        lru.onUnpin(1);
        assertEquals(List.of(2L, 3L, 1L), Policies.drain(lru));
    }

    @Test
    void accessWhilePinnedDoesNotPutThePageBackOnTheList() {
        EvictionPolicy lru = filled(2);
        lru.onPin(1);
        lru.onAccess(1);
        assertEquals(2L, lru.evict());
        assertEquals(NO_VICTIM, lru.evict());
    }

    @Test
    void onRemoveForgetsThePage() {
        EvictionPolicy lru = filled(3);
        lru.onRemove(2);
        assertEquals(2, lru.residentCount());
        lru.onPin(3);
        lru.onRemove(3);
        assertEquals(1, lru.residentCount());
        assertThrows(IllegalStateException.class, () -> lru.onAccess(2));
        assertEquals(List.of(1L), Policies.drain(lru));
    }

    @Test
    void reinsertAfterEvictStartsAsMostRecent() {
        EvictionPolicy lru = filled(3);
        assertEquals(1L, lru.evict());
        lru.onInsert(1);
        assertEquals(List.of(2L, 3L, 1L), Policies.drain(lru));
    }

    @Test
    void countsEvictions() {
        TestEvictionContext context = new TestEvictionContext(2);
        EvictionPolicy lru = new LruPolicyFactory().create(context);
        lru.onInsert(7);
        lru.onInsert(8);
        Policies.drain(lru);
        assertEquals(2, context.count("evictions"));
    }

    @Test
    void reportsContractViolations() {
        EvictionPolicy lru = filled(2);
        assertThrows(IllegalStateException.class, () -> lru.onInsert(1));
        assertThrows(IllegalStateException.class, () -> lru.onInsert(3));
        assertThrows(IllegalStateException.class, () -> lru.onAccess(9));
        assertThrows(IllegalStateException.class, () -> lru.onUnpin(1));
        lru.onPin(1);
        assertThrows(IllegalStateException.class, () -> lru.onPin(1));
        assertThrows(IllegalStateException.class, () -> lru.onRemove(9));
        assertEquals(2, lru.residentCount());
    }
}
