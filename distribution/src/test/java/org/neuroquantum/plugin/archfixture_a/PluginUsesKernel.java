package org.neuroquantum.plugin.archfixture_a;

import org.neuroquantum.engine.Kernel;

/** Violates rule 3 (plugins never depend on engine-core) on purpose: uses the kernel. */
public final class PluginUsesKernel {
    public Kernel kernel;
}
