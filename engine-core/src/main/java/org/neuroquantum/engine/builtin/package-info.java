/**
 * The kernel's built-in providers (page store {@code file}; WAL and index as the storage engine grows),
 * packaged as a {@link org.neuroquantum.spi.Plugin} the plugin manager registers ahead of every plugin.
 */
package org.neuroquantum.engine.builtin;
