package org.neuroquantum.archfixture.plugins;

import org.neuroquantum.spi.Plugin;

/** Violates rule 7 (Plugin implementations are public) on purpose: package-private. */
final class NonPublicPlugin implements Plugin {
    public NonPublicPlugin() {
    }
}
