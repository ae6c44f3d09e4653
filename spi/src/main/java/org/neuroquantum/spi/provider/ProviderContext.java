package org.neuroquantum.spi.provider;

import org.neuroquantum.spi.annotation.Stable;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.metrics.Metrics;

/**
 * What the kernel hands every provider it creates. Each SPI extends it with what that provider needs.
 * Implementations are supplied by the kernel; plugins only consume them.
 */
@Stable
public interface ProviderContext {
    /** The effective configuration, validated, including the keys the provider's plugin declared. */
    Config config();

    /** Metrics scoped to this provider (names are prefixed with its extension point and name). */
    Metrics metrics();
}
