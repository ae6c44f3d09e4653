package org.neuroquantum.engine.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neuroquantum.spi.ExtensionPoint;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.PluginException;
import org.neuroquantum.spi.provider.ProviderFactory;

/**
 * The providers of the loaded plugins, by extension point and name. Provider names are unique per extension
 * point: a plugin that offers a name another loaded plugin already offers is refused, naming both.
 */
public final class ProviderRegistry {
    /** A provider and the plugin it came from. */
    public record Registered(ExtensionPoint point, ProviderFactory factory, PluginRecord plugin) {
        /** "lru (plugin eviction 0.1.0 at plugins/eviction-0.1.0)". */
        public String describe() {
            return factory.name() + " (plugin " + plugin.descriptor().name() + " " + plugin.descriptor().version()
                    + " at " + plugin.location() + ")";
        }
    }

    private final Map<ExtensionPoint, Map<String, Registered>> byPoint = new EnumMap<>(ExtensionPoint.class);
    private final List<PluginRecord> records = new ArrayList<>();

    ProviderRegistry(List<PluginRecord> candidates) {
        for (ExtensionPoint point : ExtensionPoint.values()) {
            byPoint.put(point, new LinkedHashMap<>());
        }
        for (PluginRecord record : candidates) {
            records.add(record.loaded() ? register(record) : record);
        }
    }

    private PluginRecord register(PluginRecord record) {
        for (ExtensionPoint point : ExtensionPoint.values()) {
            for (ProviderFactory factory : point.factoriesOf(record.plugin())) {
                Registered existing = byPoint.get(point).get(factory.name());
                if (existing != null) {
                    return record.withError(new PluginException(ErrorCode.PROVIDER_DUPLICATE,
                            "Plugin '" + record.descriptor().name() + "' at " + record.location() + " offers the "
                                    + point.id() + " provider '" + factory.name() + "', which plugin '"
                                    + existing.plugin().descriptor().name() + "' at " + existing.plugin().location()
                                    + " already offers.",
                            "Remove one of the two plugins; provider names must be unique per extension point."));
                }
            }
        }
        for (ExtensionPoint point : ExtensionPoint.values()) {
            for (ProviderFactory factory : point.factoriesOf(record.plugin())) {
                byPoint.get(point).put(factory.name(), new Registered(point, factory, record));
            }
        }
        return record;
    }

    /** Every record after the provider-name check, in discovery order. */
    List<PluginRecord> records() {
        return records;
    }

    /** The providers of one extension point, by name, in discovery order. */
    public Map<String, Registered> of(ExtensionPoint point) {
        return Collections.unmodifiableMap(byPoint.get(point));
    }

    /**
     * The provider named {@code name}.
     *
     * @throws PluginException {@code PROVIDER_UNKNOWN}, listing the available names and where each came from
     */
    public Registered resolve(ExtensionPoint point, String name) {
        Registered found = byPoint.get(point).get(name);
        if (found != null) {
            return found;
        }
        for (PluginRecord refused : records) {
            if (!refused.loaded() && refused.descriptor() != null
                    && refused.descriptor().providersOf(point).contains(name)) {
                throw new PluginException(ErrorCode.PROVIDER_UNKNOWN,
                        "The " + point.id() + " provider '" + name + "' (set by " + point.configKey() + ") comes from "
                                + "plugin '" + refused.descriptor().name() + "' at " + refused.location()
                                + ", which was refused: " + refused.error().causeDescription(),
                        refused.error().remedy());
            }
        }
        Map<String, Registered> available = byPoint.get(point);
        String listing = available.isEmpty() ? "no loaded plugin provides any"
                : "available: " + available.values().stream().map(Registered::describe)
                        .collect(Collectors.joining(", "));
        throw new PluginException(ErrorCode.PROVIDER_UNKNOWN,
                "No " + point.id() + " provider is named '" + name + "' (set by " + point.configKey() + "); "
                        + listing + ".",
                available.isEmpty()
                        ? "Install a plugin with a provider for extension point '" + point.id()
                                + "' into the plugins directory, or change " + point.configKey() + "."
                        : "Set " + point.configKey() + " to one of: " + String.join(", ", available.keySet())
                                + ", or install the plugin that provides '" + name + "'.");
    }

    /**
     * Creates a provider with the plugin's class loader as the thread's context class loader.
     *
     * @throws PluginException {@code PROVIDER_FAILED} when the factory throws
     */
    public <F extends ProviderFactory, T> T create(ExtensionPoint point, String name, Class<F> factoryType,
            Function<F, T> creator) {
        Registered registered = resolve(point, name);
        F factory = factoryType.cast(registered.factory());
        try {
            return ContextClassLoader.call(registered.plugin().classLoader(), () -> creator.apply(factory));
        } catch (PluginException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PluginException(ErrorCode.PROVIDER_FAILED,
                    "The " + point.id() + " provider " + registered.describe() + " failed to start: " + e + ".",
                    "Check the configuration keys of that plugin (neuroquantum config), or choose another provider "
                            + "with " + point.configKey() + ".", e);
        }
    }
}
