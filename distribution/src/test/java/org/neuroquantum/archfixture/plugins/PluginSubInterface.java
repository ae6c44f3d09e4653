package org.neuroquantum.archfixture.plugins;

import org.neuroquantum.spi.Plugin;

/** Violates rule 7 (Plugin implementations are not interfaces) on purpose: an interface extending Plugin. */
public interface PluginSubInterface extends Plugin {
}
