package org.neuroquantum.archfixture.plugins;

import org.neuroquantum.spi.Plugin;

/** Violates rule 7 (public no-argument constructor) on purpose: its no-argument constructor is private. */
public final class PluginWithPrivateNoArgConstructor implements Plugin {
    private PluginWithPrivateNoArgConstructor() {
    }

    /** The only way to get one. */
    public static PluginWithPrivateNoArgConstructor create() {
        return new PluginWithPrivateNoArgConstructor();
    }
}
