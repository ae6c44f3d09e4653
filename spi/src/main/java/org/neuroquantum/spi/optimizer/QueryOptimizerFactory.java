package org.neuroquantum.spi.optimizer;

import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.provider.ProviderContext;
import org.neuroquantum.spi.provider.ProviderFactory;

/**
 * Creates query optimizers; selected by name with {@code optimizer}. Stateless across restarts. Without a
 * configured optimizer the kernel joins relations in written order.
 */
@Evolving
public interface QueryOptimizerFactory extends ProviderFactory {
    /** Creates the optimizer the kernel uses for every query. */
    QueryOptimizer create(ProviderContext context);
}
