package org.neuroquantum.spi.archfixture;

import org.neuroquantum.engine.Kernel;

/** Violates rule 1 (spi depends only on java.*) on purpose: uses the kernel. */
public final class SpiUsesEngine {
    public Kernel kernel;
}
