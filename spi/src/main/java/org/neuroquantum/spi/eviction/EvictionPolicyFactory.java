package org.neuroquantum.spi.eviction;

import org.neuroquantum.spi.annotation.Stable;
import org.neuroquantum.spi.provider.ProviderFactory;

/**
 * Creates eviction policies; selected by name with {@code eviction.policy}. Eviction policies are stateless
 * across restarts, so a database may be reopened with any other policy.
 */
@Stable
public interface EvictionPolicyFactory extends ProviderFactory {
    /**
     * Creates an empty policy for a pool of {@link EvictionContext#capacity()} frames. Each buffer pool (and
     * each simulator run) gets its own instance.
     *
     * @throws org.neuroquantum.spi.error.NeuroQuantumException when the configuration does not allow it
     */
    EvictionPolicy create(EvictionContext context);
}
