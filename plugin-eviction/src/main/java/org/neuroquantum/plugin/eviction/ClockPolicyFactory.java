package org.neuroquantum.plugin.eviction;

import org.neuroquantum.spi.eviction.EvictionContext;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;

/** Creates {@link ClockPolicy} instances: {@code eviction.policy=clock}. Stateless and thread-safe. */
public final class ClockPolicyFactory implements EvictionPolicyFactory {
    /** The cap on each page's reference counter; declared by {@link EvictionPlugin#configDef()}. */
    public static final String MAX_REFERENCE_COUNT = "eviction.clock.max-reference-count";

    @Override
    public String name() {
        return "clock";
    }

    @Override
    public String description() {
        return "Clock (GCLOCK): approximates LRU with a per-page reference counter swept by a hand, so a hit"
                + " costs only a counter bump; raise " + MAX_REFERENCE_COUNT + " to favour frequently used pages.";
    }

    @Override
    public EvictionPolicy create(EvictionContext context) {
        return new ClockPolicy(context.capacity(), context.config().getInt(MAX_REFERENCE_COUNT),
                context.metrics().counter("evictions"));
    }
}
