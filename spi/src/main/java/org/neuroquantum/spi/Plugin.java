package org.neuroquantum.spi;

import java.util.List;
import org.neuroquantum.spi.annotation.Stable;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.eviction.EvictionPolicyFactory;
import org.neuroquantum.spi.index.IndexFactory;
import org.neuroquantum.spi.optimizer.QueryOptimizerFactory;
import org.neuroquantum.spi.storage.PageStoreFactory;
import org.neuroquantum.spi.transport.TransportFactory;
import org.neuroquantum.spi.wal.WriteAheadLogFactory;

/**
 * The one entry point of a plugin. A plugin jar holds exactly one public, concrete implementation with a
 * public no-argument constructor, listed in {@code META-INF/services/org.neuroquantum.spi.Plugin}.
 *
 * <p>Each extension point has a default method returning an empty list, so an extension point added in a
 * later SPI minor version does not break existing plugins. A plugin overrides the ones it provides for.
 *
 * <h2>Lifecycle and threading</h2>
 * The kernel instantiates the plugin once, with the plugin's class loader as the thread's context class
 * loader, and then asks it for its factories and configuration once each; those calls must be cheap and
 * side-effect free (no threads, no I/O): start work only when a factory creates a provider. The build
 * generates the plugin's descriptor by calling the same methods, so they must return the same providers
 * every time.
 */
@Stable
public interface Plugin {
    /** Page-storage providers, selected with {@code page.store}. */
    default List<PageStoreFactory> pageStoreFactories() {
        return List.of();
    }

    /** Eviction policies, selected with {@code eviction.policy}. */
    default List<EvictionPolicyFactory> evictionPolicyFactories() {
        return List.of();
    }

    /** Index providers, selected with {@code index}. */
    default List<IndexFactory> indexFactories() {
        return List.of();
    }

    /** Write-ahead-log providers, selected with {@code wal}. */
    default List<WriteAheadLogFactory> writeAheadLogFactories() {
        return List.of();
    }

    /** Query optimizers, selected with {@code optimizer}. */
    default List<QueryOptimizerFactory> queryOptimizerFactories() {
        return List.of();
    }

    /** Transports, started when named in {@code transports}. */
    default List<TransportFactory> transportFactories() {
        return List.of();
    }

    /**
     * The configuration keys this plugin's providers read. Names should start with the extension point's id
     * and the provider's name (e.g. {@code eviction.clock.}); the kernel refuses a key another declaration
     * already owns.
     */
    default ConfigDef configDef() {
        return new ConfigDef();
    }
}
