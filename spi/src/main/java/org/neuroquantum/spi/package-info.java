/**
 * The plugin contract: {@link org.neuroquantum.spi.Plugin}, the one entry point of every plugin jar; its
 * {@link org.neuroquantum.spi.PluginDescriptor}; the six {@link org.neuroquantum.spi.ExtensionPoint}s; and
 * {@link org.neuroquantum.spi.SpiVersion} with the compatibility rule. The SPIs themselves live in the
 * sub-packages, one per extension point. This module depends on the JDK only.
 */
package org.neuroquantum.spi;
