/**
 * The eviction-policy SPI: which unpinned buffer frame to give up. Policies are small classes apart from the
 * buffer pool, as in Caffeine, so the same class runs in the pool and in the trace simulator.
 */
package org.neuroquantum.spi.eviction;
