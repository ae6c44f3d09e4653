package org.neuroquantum.plugin.optimizer;

import java.util.List;
import org.neuroquantum.plugin.optimizer.join.AnnealingOptimizer;
import org.neuroquantum.plugin.optimizer.join.AnnealingOptimizerFactory;
import org.neuroquantum.plugin.optimizer.join.DpOptimizer;
import org.neuroquantum.plugin.optimizer.join.DpOptimizerFactory;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigType;
import org.neuroquantum.spi.config.Validators;
import org.neuroquantum.spi.optimizer.QueryOptimizerFactory;

/** The optimizer plugin: join-order optimizers {@code dp} and {@code annealing}. */
public final class OptimizerPlugin implements Plugin {
    // Created once: the kernel and the descriptor generator must see the same providers on every call.
    private final List<QueryOptimizerFactory> factories =
            List.of(new DpOptimizerFactory(), new AnnealingOptimizerFactory());

    /** Called by {@link java.util.ServiceLoader}. */
    public OptimizerPlugin() {
    }

    @Override
    public List<QueryOptimizerFactory> queryOptimizerFactories() {
        return factories;
    }

    @Override
    public ConfigDef configDef() {
        // A fresh definition per call: ConfigDef is mutable while being built, so it is never shared.
        return new ConfigDef()
                .define(DpOptimizerFactory.MAX_EXACT_RELATIONS, ConfigType.INT,
                        Integer.toString(DpOptimizerFactory.DEFAULT_MAX_EXACT_RELATIONS),
                        Validators.between(1, DpOptimizer.MAX_EXACT_LIMIT),
                        "The dp optimizer plans each connected part of a query of up to this many relations with"
                                + " DPccp (optimal bushy join order without cross products) and larger ones with"
                                + " greedy operator ordering. DPccp's work grows with the connected subsets: fine"
                                + " for chains at any size, about 2.4 million join pairs for a 14-way clique, 3^n/2"
                                + " for n-way cliques and n 2^n for stars. Used only when optimizer=dp.")
                .define(AnnealingOptimizerFactory.SEED, ConfigType.LONG,
                        Long.toString(AnnealingOptimizerFactory.DEFAULT_SEED), null,
                        "Seed of the annealing optimizer's random streams: the same seed gives the same plan for"
                                + " the same query (unless the planning deadline cuts the search short). Used only"
                                + " when optimizer=annealing.")
                .define(AnnealingOptimizerFactory.RESTARTS, ConfigType.INT,
                        Integer.toString(AnnealingOptimizerFactory.DEFAULT_RESTARTS), Validators.between(1, 1000),
                        "Independent simulated-annealing runs over bushy join orders for each connected part of"
                                + " a query (the first starts from the greedy plan); one more run polishes a left-deep"
                                + " order. Used only when optimizer=annealing.")
                .define(AnnealingOptimizerFactory.EFFORT, ConfigType.INT,
                        Integer.toString(AnnealingOptimizerFactory.DEFAULT_EFFORT), Validators.between(1, 1_000_000),
                        "Moves per annealing run per squared relation count (a 10-way join gets 100 x effort"
                                + " moves per run). Used only when optimizer=annealing.")
                .define(AnnealingOptimizerFactory.QUBO_SWEEPS, ConfigType.LONG,
                        Long.toString(AnnealingOptimizerFactory.DEFAULT_QUBO_SWEEPS), Validators.atLeast(0),
                        "Sweeps of the QUBO simulated annealer over the QUBO encoding of left-deep join orders"
                                + " (parts of up to " + AnnealingOptimizer.QUBO_MAX_RELATIONS + " relations); its"
                                + " decoded order also seeds a left-deep annealing run. 0 skips the QUBO path. Used"
                                + " only when optimizer=annealing.");
    }
}
