/**
 * The trace simulator's engine: readers for cache trace formats ({@link
 * org.neuroquantum.plugin.eviction.sim.TraceFormat}), Belady's optimal policy ({@link
 * org.neuroquantum.plugin.eviction.sim.Belady}) and the replay loop ({@link
 * org.neuroquantum.plugin.eviction.sim.Replay}) that drives any {@link org.neuroquantum.spi.eviction.EvictionPolicy}
 * exactly as a buffer pool without pinning would. It uses only the JDK and the SPI, so the command-line
 * simulator can replay the policies of any installed plugin.
 */
package org.neuroquantum.plugin.eviction.sim;
