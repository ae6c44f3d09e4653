package org.neuroquantum.archfixture.plugins;

import org.neuroquantum.spi.Plugin;

/** Violates rule 7 (Plugin implementations are concrete) on purpose: abstract. */
public abstract class AbstractPlugin implements Plugin {
    public AbstractPlugin() {
    }
}
