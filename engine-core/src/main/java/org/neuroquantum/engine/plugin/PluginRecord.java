package org.neuroquantum.engine.plugin;

import java.util.List;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.PluginDescriptor;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.error.PluginException;

/**
 * One plugin found at start-up, loaded or not: what {@code neuroquantum plugins list} shows.
 *
 * @param descriptor the descriptor, or {@code null} when none could be read
 * @param location the plugin's directory (plugin-path mode) or jar/classes location (class-path mode)
 * @param error why it was not loaded, or {@code null} when it was
 * @param plugin the instance, when loaded
 * @param classLoader the class loader its code runs with, when loaded
 * @param configDef the keys it declares, when loaded
 * @param loadNanos how long loading took, when loaded
 */
public record PluginRecord(PluginDescriptor descriptor, String location, PluginException error, Plugin plugin,
        ClassLoader classLoader, ConfigDef configDef, long loadNanos) {

    /**
     * The record of providers built into the kernel: loaded by the kernel's own class loader, described by a
     * descriptor computed from the plugin itself.
     */
    public static PluginRecord builtIn(Plugin plugin, String name, String version, String description,
            String location) {
        List<String> provides = new java.util.ArrayList<>();
        for (org.neuroquantum.spi.ExtensionPoint point : org.neuroquantum.spi.ExtensionPoint.values()) {
            for (org.neuroquantum.spi.provider.ProviderFactory f : point.factoriesOf(plugin)) {
                provides.add(point.id() + ":" + f.name());
            }
        }
        PluginDescriptor descriptor = new PluginDescriptor(name, version, description,
                org.neuroquantum.spi.SpiVersion.current(), provides);
        return new PluginRecord(descriptor, location, null, plugin, plugin.getClass().getClassLoader(),
                plugin.configDef(), 0);
    }

    static PluginRecord failed(PluginDescriptor descriptor, String location, PluginException error) {
        return new PluginRecord(descriptor, location, error, null, null, null, 0);
    }

    /** Whether the plugin loaded and its providers are available. */
    public boolean loaded() {
        return error == null;
    }

    /** The plugin's name, or the location's last element when no descriptor could be read. */
    public String displayName() {
        if (descriptor != null) {
            return descriptor.name();
        }
        String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** What the descriptor says the plugin provides ({@code extensionPoint:name}), or nothing. */
    public List<String> provides() {
        return descriptor == null ? List.of() : descriptor.provides();
    }

    PluginRecord withError(PluginException e) {
        return failed(descriptor, location, e);
    }
}
