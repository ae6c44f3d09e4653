package org.neuroquantum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.neuroquantum.engine.Kernel;
import org.neuroquantum.engine.config.RawConfig;
import org.neuroquantum.spi.error.ConfigException;
import org.neuroquantum.spi.error.ErrorCode;
import org.neuroquantum.spi.error.NeuroQuantumException;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinEdge;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.JoinPlan;
import org.neuroquantum.spi.optimizer.OptimizationResult;
import org.neuroquantum.spi.optimizer.QueryOptimizer;
import org.neuroquantum.spi.optimizer.Relation;

/** The real optimizer plugin, found on the class path (embedded mode), selected by name through the kernel. */
class OptimizerSelectionTest {
    private static Kernel kernel(String... assignments) {
        RawConfig raw = RawConfig.empty();
        for (String a : assignments) {
            raw.addOverride(a);
        }
        return Kernel.start(Kernel.Options.embedded(raw));
    }

    /** orders(1000) - items(10^6) - products(100): joining the small dimension first is far cheaper. */
    private static final JoinGraph QUERY = new JoinGraph(
            List.of(Relation.scanned(0, "orders", 1_000), Relation.scanned(1, "items", 1_000_000),
                    Relation.scanned(2, "products", 100)),
            List.of(new JoinEdge(0, 1, 1e-3), new JoinEdge(1, 2, 1e-5)));

    private static OptimizationResult plan(Optional<QueryOptimizer> optimizer) {
        return optimizer.orElseThrow().optimize(QUERY, CostModel.cOut(), System.nanoTime() + 1_000_000_000L);
    }

    @Test
    void noOptimizerByDefault() {
        assertTrue(kernel().newOptimizer().isEmpty());
    }

    @Test
    void dpAndAnnealingAreSelectedByNameAndAgreeOnTheOptimum() {
        OptimizationResult dp = plan(kernel("optimizer=dp").newOptimizer());
        OptimizationResult annealing = plan(kernel("optimizer=annealing").newOptimizer());
        assertEquals("dp", dp.report().get("optimizer"));
        assertEquals("annealing", annealing.report().get("optimizer"));
        // items x products first: 10^6 * 100 * 1e-5 = 1000 rows, then orders: 1000 rows. C_out 2000 + scans.
        JoinPlan.Join top = (JoinPlan.Join) dp.plan();
        assertEquals(0b110, (top.left() instanceof JoinPlan.Join ? top.left() : top.right()).relations());
        assertEquals(1_001_100 + 2_000, dp.plan().cost(), 1e-6);
        assertEquals(dp.plan().cost(), annealing.plan().cost(), 1e-6);
    }

    @Test
    void pluginKeysAreReadAndValidatedNamingTheKey() {
        assertEquals("goo", plan(kernel("optimizer=dp", "optimizer.dp.max-exact-relations=2").newOptimizer())
                .report().get("algorithm"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> kernel("optimizer=dp", "optimizer.dp.max-exact-relations=99"));
        assertEquals("optimizer.dp.max-exact-relations", e.key());
        ConfigException seed = assertThrows(ConfigException.class,
                () -> kernel("optimizer=annealing", "optimizer.annealing.seed=abc"));
        assertEquals("optimizer.annealing.seed", seed.key());
    }

    @Test
    void anUnknownOptimizerNamesTheAvailableOnes() {
        NeuroQuantumException e = assertThrows(NeuroQuantumException.class,
                () -> kernel("optimizer=genetic").newOptimizer());
        assertEquals(ErrorCode.PROVIDER_UNKNOWN, e.errorCode());
        assertTrue(e.getMessage().contains("dp (plugin optimizer") && e.getMessage().contains("annealing (plugin optimizer"),
                e.getMessage());
    }
}
