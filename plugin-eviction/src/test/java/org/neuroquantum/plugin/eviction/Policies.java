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

    /** The policy the plugin provides under {@code name}, created through its factory as the kernel does. */
    static EvictionPolicy named(String name, int capacity) {
        return new EvictionPlugin().evictionPolicyFactories().stream().filter(f -> f.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no policy " + name))
                .create(new TestEvictionContext(capacity));
    }

    /** Every provider name of the plugin. */
    static List<String> names() {
        return new EvictionPlugin().evictionPolicyFactories().stream().map(f -> f.name()).toList();
    }

    /** Loads {@code pages} in order into {@code policy}, evicting when full; returns the victims. */
    static List<Long> load(EvictionPolicy policy, int capacity, long... pages) {
        List<Long> victims = new ArrayList<>();
        for (long page : pages) {
            if (policy.residentCount() == capacity) {
                victims.add(policy.evict());
            }
            policy.onInsert(page);
        }
        return victims;
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
