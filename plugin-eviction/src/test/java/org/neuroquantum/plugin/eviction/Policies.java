package org.neuroquantum.plugin.eviction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuroquantum.spi.eviction.EvictionPolicy;

/** Shorthands for creating policies through their factories, as the kernel does. */
final class Policies {
    private Policies() {
    }

    static EvictionPolicy lru(int capacity) {
        return new LruPolicyFactory().create(new TestEvictionContext(capacity));
    }

    static EvictionPolicy clock(int capacity, int maxReferenceCount) {
        return new ClockPolicyFactory().create(new TestEvictionContext(capacity,
                Map.of(ClockPolicyFactory.MAX_REFERENCE_COUNT, Integer.toString(maxReferenceCount))));
    }

    /** Evicts until NO_VICTIM and returns the victims in order. */
    static List<Long> drain(EvictionPolicy policy) {
        List<Long> victims = new ArrayList<>();
        for (long v = policy.evict(); v != EvictionPolicy.NO_VICTIM; v = policy.evict()) {
            victims.add(v);
        }
        return victims;
    }
}
