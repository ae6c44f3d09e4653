package org.neuroquantum.spi;

import java.util.List;
import java.util.function.Function;
import org.neuroquantum.spi.annotation.Stable;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;
import org.neuroquantum.spi.index.IndexFactory;
import org.neuroquantum.spi.optimizer.QueryOptimizerFactory;
import org.neuroquantum.spi.provider.ProviderFactory;
import org.neuroquantum.spi.storage.PageStoreFactory;
import org.neuroquantum.spi.transport.TransportFactory;
import org.neuroquantum.spi.wal.WriteAheadLogFactory;

/**
 * The six extension points. Each has an id (used in descriptors: {@code provides=eviction:lru}) and the
 * configuration key that selects its provider by name.
 */
@Stable
public enum ExtensionPoint {
    /** Fixed-size pages on durable media. */
    PAGE_STORAGE("storage", "page.store", PageStoreFactory.class, Plugin::pageStoreFactories),
    /** Victim selection for the buffer pool. */
    EVICTION("eviction", "eviction.policy", EvictionPolicyFactory.class, Plugin::evictionPolicyFactories),
    /** Ordered byte-key maps over the buffer pool. */
    INDEX("index", "index", IndexFactory.class, Plugin::indexFactories),
    /** The write-ahead log. */
    WAL("wal", "wal", WriteAheadLogFactory.class, Plugin::writeAheadLogFactories),
    /** Join ordering and physical planning. */
    OPTIMIZER("optimizer", "optimizer", QueryOptimizerFactory.class, Plugin::queryOptimizerFactories),
    /** Network access to sessions. */
    TRANSPORT("transport", "transports", TransportFactory.class, Plugin::transportFactories);

    private final String id;
    private final String configKey;
    private final Class<? extends ProviderFactory> factoryType;
    private final Function<Plugin, List<? extends ProviderFactory>> factories;

    ExtensionPoint(String id, String configKey, Class<? extends ProviderFactory> factoryType,
            Function<Plugin, List<? extends ProviderFactory>> factories) {
        this.id = id;
        this.configKey = configKey;
        this.factoryType = factoryType;
        this.factories = factories;
    }

    /** The id used in descriptors and listings, e.g. {@code eviction}. */
    public String id() {
        return id;
    }

    /** The configuration key that selects this extension point's provider(s) by name. */
    public String configKey() {
        return configKey;
    }

    /** The factory interface plugins implement for this extension point. */
    public Class<? extends ProviderFactory> factoryType() {
        return factoryType;
    }

    /** The factories {@code plugin} offers for this extension point (never {@code null}). */
    public List<? extends ProviderFactory> factoriesOf(Plugin plugin) {
        List<? extends ProviderFactory> list = factories.apply(plugin);
        return list == null ? List.of() : list;
    }

    /** The extension point with that id. */
    public static ExtensionPoint byId(String id) {
        for (ExtensionPoint p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown extension point '" + id + "'");
    }
}
