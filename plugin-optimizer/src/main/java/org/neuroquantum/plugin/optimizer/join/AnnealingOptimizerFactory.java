package org.neuroquantum.plugin.optimizer.join;

import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.optimizer.QueryOptimizer;
import org.neuroquantum.spi.optimizer.QueryOptimizerFactory;
import org.neuroquantum.spi.provider.ProviderContext;

/** Creates {@link AnnealingOptimizer}: {@code optimizer=annealing}. Stateless and thread-safe. */
public final class AnnealingOptimizerFactory implements QueryOptimizerFactory {
    /** The master seed of the annealing runs. */
    public static final String SEED = "optimizer.annealing.seed";
    /** Annealing runs per encoding. */
    public static final String RESTARTS = "optimizer.annealing.restarts";
    /** Moves per run per squared relation count. */
    public static final String EFFORT = "optimizer.annealing.effort";
    /** Sweeps of the QUBO solver on the left-deep QUBO; 0 skips it. */
    public static final String QUBO_SWEEPS = "optimizer.annealing.qubo-sweeps";

    /** Default of {@link #SEED}. */
    public static final long DEFAULT_SEED = 42;
    /** Default of {@link #RESTARTS}. */
    public static final int DEFAULT_RESTARTS = 3;
    /** Default of {@link #EFFORT}. */
    public static final int DEFAULT_EFFORT = 50;
    /** Default of {@link #QUBO_SWEEPS}. */
    public static final long DEFAULT_QUBO_SWEEPS = 500;

    @Override
    public String name() {
        return "annealing";
    }

    @Override
    public String description() {
        return "Simulated annealing over bushy and left-deep join orders, with a QUBO encoding of left-deep orders"
                + " solved by the QUBO annealer; for queries too large for dynamic programming.";
    }

    @Override
    public QueryOptimizer create(ProviderContext context) {
        Config c = context.config();
        return new AnnealingOptimizer(c.getLong(SEED), c.getInt(RESTARTS), c.getInt(EFFORT), c.getLong(QUBO_SWEEPS));
    }
}
