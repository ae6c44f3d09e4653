/**
 * The kernel's built-in providers (page store {@code file}, write-ahead log {@code file}, index {@code btree}),
 * packaged as a {@link org.neuroquantum.spi.Plugin} the plugin manager registers ahead of every plugin.
 */
package org.neuroquantum.engine.builtin;
