package org.neuroquantum.plugin.optimizer.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neuroquantum.plugin.optimizer.join.workload.QueryGraphGenerator;
import org.neuroquantum.plugin.optimizer.join.workload.QueryGraphGenerator.Shape;
import org.neuroquantum.spi.optimizer.AccessPath;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinEdge;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.JoinPlan;
import org.neuroquantum.spi.optimizer.OptimizationResult;
import org.neuroquantum.spi.optimizer.Relation;

class DpOptimizerTest {
    private static final long NO_DEADLINE = System.nanoTime() + Long.MAX_VALUE;

    private static int bruteForceSize(Shape shape) {
        return shape == Shape.CLIQUE ? 5 : 6;
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void dpccpMatchesBruteForceUnderCout(Shape shape) {
        DpOptimizer dp = new DpOptimizer(14);
        for (int n = 2; n <= bruteForceSize(shape) + 1; n++) {
            for (long seed = 1; seed <= 6; seed++) {
                JoinGraph g = QueryGraphGenerator.generate(shape, n, seed * 1000 + n);
                OptimizationResult r = dp.optimize(g, CostModel.cOut(), NO_DEADLINE);
                Plans.assertValid(g, CostModel.cOut(), r.plan());
                double optimum = Plans.bruteForceOptimum(g, CostModel.cOut());
                assertEquals(optimum, r.plan().cost(), 1e-9 * optimum, shape + " n=" + n + " seed=" + seed);
                assertEquals("dpccp", r.report().get("algorithm"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void dpccpMatchesBruteForceWhenOrientationAndAlgorithmMatter(Shape shape) {
        CostModel model = Plans.asymmetric();
        DpOptimizer dp = new DpOptimizer(14);
        for (long seed = 1; seed <= 4; seed++) {
            JoinGraph g = withIndexes(QueryGraphGenerator.generate(shape, 5, seed));
            OptimizationResult r = dp.optimize(g, model, NO_DEADLINE);
            Plans.assertValid(g, model, r.plan());
            double optimum = Plans.bruteForceOptimum(g, model);
            assertEquals(optimum, r.plan().cost(), 1e-9 * optimum, shape + " seed=" + seed);
        }
    }

    /** Gives every other relation a cheaper index path as well, so access paths and index joins are in play. */
    static JoinGraph withIndexes(JoinGraph g) {
        List<Relation> rels = new ArrayList<>();
        for (Relation r : g.relations()) {
            rels.add(r.id() % 2 == 0 ? r : new Relation(r.id(), r.name(), r.rows(), List.of(
                    new AccessPath("scan " + r.name(), r.rows(), r.rows()),
                    new AccessPath("index scan on " + r.name(), r.rows() * 0.5, r.rows()))));
        }
        return new JoinGraph(rels, g.edges());
    }

    @Test
    void countsExactlyTheCsgCmpPairs() {
        // Known counts of unordered csg-cmp-pairs (Moerkotte & Neumann 2006): chain (n^3-n)/6, clique
        // (3^n-2^(n+1)+1)/2, star (n-1)2^(n-2). DPccp prices each exactly once.
        JoinGraph chain = QueryGraphGenerator.generate(Shape.CHAIN, 10, 1);
        assertEquals((1000 - 10) / 6, pairs(chain));
        JoinGraph clique = QueryGraphGenerator.generate(Shape.CLIQUE, 8, 1);
        assertEquals((6561 - 512 + 1) / 2, pairs(clique));
        JoinGraph star = QueryGraphGenerator.generate(Shape.STAR, 8, 1);
        assertEquals(7 * (1 << 6), pairs(star));
    }

    private static long pairs(JoinGraph g) {
        return Long.parseLong(new DpOptimizer(14).optimize(g, CostModel.cOut(), NO_DEADLINE).report().get("pairs"));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void gooAboveTheLimitGivesValidPlansNoBetterThanDp(Shape shape) {
        for (long seed = 1; seed <= 3; seed++) {
            JoinGraph g = QueryGraphGenerator.generate(shape, 12, seed);
            OptimizationResult greedy = new DpOptimizer(11).optimize(g, CostModel.cOut(), NO_DEADLINE);
            OptimizationResult exact = new DpOptimizer(12).optimize(g, CostModel.cOut(), NO_DEADLINE);
            assertEquals("goo", greedy.report().get("algorithm"));
            Plans.assertValid(g, CostModel.cOut(), greedy.plan());
            assertTrue(greedy.plan().cost() >= exact.plan().cost() * (1 - 1e-9));
        }
        JoinGraph big = QueryGraphGenerator.generate(shape, 64, 7);
        Plans.assertValid(big, CostModel.cOut(), new DpOptimizer(14).optimize(big, CostModel.cOut(), NO_DEADLINE)
                .plan());
    }

    @Test
    void disconnectedGraphsGetCrossProductsOnlyBetweenComponents() {
        List<Relation> rels = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rels.add(Relation.scanned(i, "t" + i, 10 + 100 * i));
        }
        // Components {0,1,2}, {3,4}, {5}, {6}.
        JoinGraph g = new JoinGraph(rels, List.of(new JoinEdge(0, 1, 0.01), new JoinEdge(1, 2, 0.02),
                new JoinEdge(3, 4, 0.001)));
        OptimizationResult r = new DpOptimizer(14).optimize(g, CostModel.cOut(), NO_DEADLINE);
        assertEquals("4", r.report().get("components"));
        assertEquals(3, crossProducts(g, r.plan()));
        assertEquals(7, Long.bitCount(r.plan().relations()));
    }

    static int crossProducts(JoinGraph g, JoinPlan p) {
        if (p instanceof JoinPlan.Join j) {
            return (g.connected(j.left().relations(), j.right().relations()) ? 0 : 1)
                    + crossProducts(g, j.left()) + crossProducts(g, j.right());
        }
        return 0;
    }

    @Test
    void aPassedDeadlineStillGivesAValidPlan() {
        JoinGraph g = QueryGraphGenerator.generate(Shape.CLIQUE, 14, 3);
        OptimizationResult r = new DpOptimizer(14).optimize(g, CostModel.cOut(), System.nanoTime() - 1);
        Plans.assertValid(g, CostModel.cOut(), r.plan());
        assertEquals("goo-after-deadline", r.report().get("algorithm"));
        assertEquals("passed", r.report().get("deadline"));
    }

    @Test
    void singleRelation() {
        JoinGraph g = new JoinGraph(List.of(Relation.scanned(0, "only", 5)), List.of());
        assertEquals(new JoinPlan.Scan(0, g.relations().get(0).accessPaths().get(0)),
                new DpOptimizer(14).optimize(g, CostModel.cOut(), NO_DEADLINE).plan());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DpOptimizer(0));
        assertThrows(IllegalArgumentException.class, () -> new DpOptimizer(31));
        JoinGraph g = QueryGraphGenerator.generate(Shape.CHAIN, 3, 1);
        DpOptimizer dp = new DpOptimizer(14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dp.optimize(null, CostModel.cOut(), NO_DEADLINE));
        assertTrue(e.getMessage().contains("graph"));
        assertThrows(IllegalArgumentException.class, () -> dp.optimize(g, null, NO_DEADLINE));
        CostModel indexOnly = new CostModel() {
            @Override
            public java.util.Set<org.neuroquantum.spi.optimizer.JoinAlgorithm> algorithms() {
                return java.util.Set.of(org.neuroquantum.spi.optimizer.JoinAlgorithm.INDEX_NESTED_LOOP);
            }

            @Override
            public double joinCost(org.neuroquantum.spi.optimizer.JoinAlgorithm a, double l, double r, double o) {
                return o;
            }
        };
        e = assertThrows(IllegalArgumentException.class, () -> dp.optimize(g, indexOnly, NO_DEADLINE));
        assertTrue(e.getMessage().contains("INDEX_NESTED_LOOP"), e.getMessage());
        CostModel negative = new CostModel() {
            @Override
            public java.util.Set<org.neuroquantum.spi.optimizer.JoinAlgorithm> algorithms() {
                return CostModel.cOut().algorithms();
            }

            @Override
            public double joinCost(org.neuroquantum.spi.optimizer.JoinAlgorithm a, double l, double r, double o) {
                return -1;
            }
        };
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> dp.optimize(g, negative, NO_DEADLINE));
        assertTrue(s.getMessage().contains("non-negative"), s.getMessage());
    }
}
