/**
 * Buffer-pool eviction policies behind the eviction-policy SPI ({@code eviction.policy=lru} or
 * {@code clock}), and {@link org.neuroquantum.plugin.eviction.EvictionPlugin}, the plugin's entry point.
 *
 * <p>Each policy is a small class with no knowledge of the buffer pool, as in Caffeine, so the same class runs
 * in the pool and in a trace simulator. Policies keep their state in arrays sized once from the pool's
 * capacity: every event costs O(1) and no event allocates.
 */
package org.neuroquantum.plugin.eviction;
