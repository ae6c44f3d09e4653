package org.neuroquantum.spi.archfixture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Violates rule 1 (spi depends only on java.*) on purpose: uses SLF4J. */
public final class SpiUsesSlf4j {
    private static final Logger LOG = LoggerFactory.getLogger(SpiUsesSlf4j.class);

    public void log() {
        LOG.info("spi must not log through SLF4J");
    }
}
