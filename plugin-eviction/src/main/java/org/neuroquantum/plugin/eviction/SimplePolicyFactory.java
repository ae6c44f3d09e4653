package org.neuroquantum.plugin.eviction;

import java.util.function.Function;
import org.neuroquantum.spi.eviction.EvictionContext;
import org.neuroquantum.spi.eviction.EvictionPolicy;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;

/**
 * A factory for a policy that needs nothing from its context but the capacity and the metrics (and perhaps
 * config keys it reads itself): one instance per policy name. Stateless and thread-safe.
 */
final class SimplePolicyFactory implements EvictionPolicyFactory {
    private final String name;
    private final String description;
    private final Function<EvictionContext, EvictionPolicy> creator;

    SimplePolicyFactory(String name, String description, Function<EvictionContext, EvictionPolicy> creator) {
        this.name = name;
        this.description = description;
        this.creator = creator;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public EvictionPolicy create(EvictionContext context) {
        return creator.apply(context);
    }
}
