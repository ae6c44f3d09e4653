package org.neuroquantum.archfixture.plugins;

import org.neuroquantum.spi.Plugin;

/** Violates rule 7 (public no-argument constructor) on purpose: its only constructor takes an argument. */
public final class PluginWithoutNoArgConstructor implements Plugin {
    private final String name;

    public PluginWithoutNoArgConstructor(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
