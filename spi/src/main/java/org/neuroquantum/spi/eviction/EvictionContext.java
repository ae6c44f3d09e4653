package org.neuroquantum.spi.eviction;

import org.neuroquantum.spi.annotation.Stable;
import org.neuroquantum.spi.provider.ProviderContext;

/** What an eviction policy is created with. */
@Stable
public interface EvictionContext extends ProviderContext {
    /**
     * The number of frames the pool has: at most this many pages are resident at once. At least 1. Policies
     * size their structures (and the bound on their history) from it.
     */
    int capacity();
}
