package org.neuroquantum.plugin.archfixture_b;

import org.neuroquantum.plugin.archfixture_a.PluginAUsesPluginB;

/** Violates rule 4 (plugins do not depend on each other) on purpose: uses fake plugin archfixture_a. */
public final class PluginBUsesPluginA {
    public PluginAUsesPluginB a;
}
