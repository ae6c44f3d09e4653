/**
 * The trace simulator's engine: readers for cache trace formats ({@link
 * org.neuroquantum.cli.sim.TraceFormat}), Belady's optimal policy ({@link
 * org.neuroquantum.cli.sim.Belady}) and the replay loop ({@link
 * org.neuroquantum.cli.sim.Replay}) that drives any {@link org.neuroquantum.spi.eviction.EvictionPolicy}
 * exactly as a buffer pool without pinning would, and Caffeine as a peer ({@link
 * org.neuroquantum.cli.sim.CaffeinePeer}). It knows policies only through the SPI, so {@code neuroquantum
 * evict-sim} replays whatever policies the installed plugins provide. It lives in the distribution, not in the
 * eviction plugin, because plugins are never on the command's class path (each has its own class loader).
 */
package org.neuroquantum.cli.sim;
