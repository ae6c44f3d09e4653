/**
 * Buffer-pool eviction policies behind the eviction-policy SPI ({@code eviction.policy=lru}, {@code clock},
 * {@code lru-2}, {@code 2q}, {@code arc}, {@code lirs}, {@code clock-pro}, {@code sieve}, {@code s3-fifo},
 * {@code w-tinylfu} or {@code adaptive}), and {@link org.neuroquantum.plugin.eviction.EvictionPlugin}, the
 * plugin's entry point. docs/eviction.md compares them on real traces.
 *
 * <p>Each policy is a small class with no knowledge of the buffer pool, as in Caffeine, so the same class runs
 * in the pool and in a trace simulator. Policies keep their state in arrays sized once from the pool's
 * capacity: every event costs O(1) and no event allocates.
 */
package org.neuroquantum.plugin.eviction;
