package org.neuroquantum.plugin.archfixture_a;

import org.neuroquantum.plugin.archfixture_b.PluginBUsesPluginA;

/** Violates rule 4 (plugins do not depend on each other) on purpose: uses fake plugin archfixture_b. */
public final class PluginAUsesPluginB {
    public PluginBUsesPluginA b;
}
