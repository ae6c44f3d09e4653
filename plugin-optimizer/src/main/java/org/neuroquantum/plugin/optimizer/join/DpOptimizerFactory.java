package org.neuroquantum.plugin.optimizer.join;

import org.neuroquantum.spi.optimizer.QueryOptimizer;
import org.neuroquantum.spi.optimizer.QueryOptimizerFactory;
import org.neuroquantum.spi.provider.ProviderContext;

/** Creates {@link DpOptimizer}: {@code optimizer=dp}. Stateless and thread-safe. */
public final class DpOptimizerFactory implements QueryOptimizerFactory {
    /** Components up to this many relations get DPccp, larger ones greedy operator ordering. */
    public static final String MAX_EXACT_RELATIONS = "optimizer.dp.max-exact-relations";
    /** The default of {@link #MAX_EXACT_RELATIONS}. */
    public static final int DEFAULT_MAX_EXACT_RELATIONS = 14;

    @Override
    public String name() {
        return "dp";
    }

    @Override
    public String description() {
        return "Dynamic programming (DPccp): optimal bushy join orders without cross products up to "
                + MAX_EXACT_RELATIONS + " relations, greedy operator ordering above; the reference choice.";
    }

    @Override
    public QueryOptimizer create(ProviderContext context) {
        return new DpOptimizer(context.config().getInt(MAX_EXACT_RELATIONS));
    }
}
