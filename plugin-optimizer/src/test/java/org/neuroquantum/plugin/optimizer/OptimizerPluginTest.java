package org.neuroquantum.plugin.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.neuroquantum.plugin.optimizer.join.AnnealingOptimizer;
import org.neuroquantum.plugin.optimizer.join.AnnealingOptimizerFactory;
import org.neuroquantum.plugin.optimizer.join.DpOptimizer;
import org.neuroquantum.plugin.optimizer.join.DpOptimizerFactory;
import org.neuroquantum.plugin.optimizer.join.workload.QueryGraphGenerator;
import org.neuroquantum.spi.Plugin;
import org.neuroquantum.spi.config.Config;
import org.neuroquantum.spi.config.ConfigDef;
import org.neuroquantum.spi.config.ConfigKey;
import org.neuroquantum.spi.metrics.Metrics;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.QueryOptimizer;
import org.neuroquantum.spi.optimizer.QueryOptimizerFactory;
import org.neuroquantum.spi.provider.ProviderContext;

class OptimizerPluginTest {
    @Test
    void isFoundByServiceLoader() {
        List<String> types = ServiceLoader.load(Plugin.class).stream().map(p -> p.type().getName()).toList();
        assertTrue(types.contains(OptimizerPlugin.class.getName()), types.toString());
    }

    @Test
    void providesDpAndAnnealingWithDescriptions() {
        OptimizerPlugin plugin = new OptimizerPlugin();
        List<QueryOptimizerFactory> factories = plugin.queryOptimizerFactories();
        assertEquals(List.of("dp", "annealing"), factories.stream().map(QueryOptimizerFactory::name).toList());
        factories.forEach(f -> assertFalse(f.description().isBlank(), f.name()));
        assertSame(factories, plugin.queryOptimizerFactories());
    }

    @Test
    void declaresItsKeysWithDefaultsAndLimits() {
        ConfigDef def = new OptimizerPlugin().configDef();
        ConfigKey limit = def.key(DpOptimizerFactory.MAX_EXACT_RELATIONS);
        assertEquals(14, limit.defaultValue());
        assertEquals(30, limit.parseAndValidate("30"));
        assertThrows(IllegalArgumentException.class, () -> limit.parseAndValidate("31"));
        assertThrows(IllegalArgumentException.class, () -> limit.parseAndValidate("0"));
        assertThrows(IllegalArgumentException.class,
                () -> def.key(AnnealingOptimizerFactory.RESTARTS).parseAndValidate("0"));
        assertThrows(IllegalArgumentException.class,
                () -> def.key(AnnealingOptimizerFactory.QUBO_SWEEPS).parseAndValidate("-1"));
        for (ConfigKey k : def.keys()) {
            assertTrue(k.name().startsWith("optimizer.dp.") || k.name().startsWith("optimizer.annealing."), k.name());
            assertFalse(k.documentation().isBlank(), k.name());
        }
        assertEquals(5, def.keys().size());
    }

    @Test
    void factoriesReadTheirKeys() {
        Map<String, String> values = new HashMap<>();
        values.put(DpOptimizerFactory.MAX_EXACT_RELATIONS, "5");
        ProviderContext context = context(values);
        QueryOptimizer dp = new DpOptimizerFactory().create(context);
        assertInstanceOf(DpOptimizer.class, dp);
        JoinGraph six = QueryGraphGenerator.generate(QueryGraphGenerator.Shape.CHAIN, 6, 1);
        assertEquals("goo", dp.optimize(six, CostModel.cOut(), System.nanoTime() + Long.MAX_VALUE).report()
                .get("algorithm"));
        values.put(DpOptimizerFactory.MAX_EXACT_RELATIONS, "6");
        assertEquals("dpccp", new DpOptimizerFactory().create(context(values))
                .optimize(six, CostModel.cOut(), System.nanoTime() + Long.MAX_VALUE).report().get("algorithm"));

        values.put(AnnealingOptimizerFactory.QUBO_SWEEPS, "0");
        QueryOptimizer annealing = new AnnealingOptimizerFactory().create(context(values));
        assertInstanceOf(AnnealingOptimizer.class, annealing);
        assertFalse(annealing.optimize(six, CostModel.cOut(), System.nanoTime() + Long.MAX_VALUE).report()
                .containsKey("qubo.cost"), "QUBO path off with 0 sweeps");
    }

    /** A context whose configuration holds the plugin's defaults overridden by {@code values}. */
    private static ProviderContext context(Map<String, String> values) {
        ConfigDef def = new OptimizerPlugin().configDef();
        Config config = new Config() {
            @Override
            public Object get(String key) {
                ConfigKey k = def.key(key);
                if (k == null) {
                    throw new IllegalArgumentException("undeclared " + key);
                }
                return values.containsKey(key) ? k.parseAndValidate(values.get(key)) : k.defaultValue();
            }

            @Override
            public boolean isExplicit(String key) {
                return values.containsKey(key);
            }
        };
        return new ProviderContext() {
            @Override
            public Config config() {
                return config;
            }

            @Override
            public Metrics metrics() {
                throw new UnsupportedOperationException("the optimizers record no metrics");
            }
        };
    }

}
