package org.neuroquantum.spi.provider;

import org.neuroquantum.spi.annotation.Stable;

/**
 * Common shape of every extension point's factory: a name users select it by, and a description. Each SPI
 * adds its own {@code create}/{@code open} method taking that SPI's context.
 *
 * <p>Factories are created once per plugin load and must be stateless and thread-safe: the kernel may call
 * them from any thread, and may create several providers from one factory.
 */
@Stable
public interface ProviderFactory {
    /**
     * The name users select this provider by, e.g. {@code clock} in {@code eviction.policy=clock}: lower-case
     * letters, digits and dashes, unique within its extension point across all loaded plugins.
     */
    String name();

    /** One sentence saying what this provider is and when to choose it. */
    String description();
}
