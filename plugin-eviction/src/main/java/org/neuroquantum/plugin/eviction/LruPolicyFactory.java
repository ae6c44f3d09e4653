package org.neuroquantum.plugin.eviction;

import org.neuroquantum.spi.eviction.EvictionContext;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;

/** Creates {@link LruPolicy} instances: {@code eviction.policy=lru}. Stateless and thread-safe. */
public final class LruPolicyFactory implements EvictionPolicyFactory {
    @Override
    public String name() {
        return "lru";
    }

    @Override
    public String description() {
        return "Least recently used: evicts the unpinned page unused for longest, exact recency at the price of a"
                + " list update on every hit; a sound default for workloads with temporal locality.";
    }

    @Override
    public EvictionPolicy create(EvictionContext context) {
        return new LruPolicy(context.capacity(), context.metrics().counter("evictions"));
    }
}
