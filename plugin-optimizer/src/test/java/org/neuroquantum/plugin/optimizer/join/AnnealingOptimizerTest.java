package org.neuroquantum.plugin.optimizer.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neuroquantum.plugin.optimizer.join.workload.QueryGraphGenerator;
import org.neuroquantum.plugin.optimizer.join.workload.QueryGraphGenerator.Shape;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinEdge;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.OptimizationResult;
import org.neuroquantum.spi.optimizer.Relation;

class AnnealingOptimizerTest {
    private static final long NO_DEADLINE = System.nanoTime() + Long.MAX_VALUE;
    private static final AnnealingOptimizer DEFAULT = new AnnealingOptimizer(42, 3, 100, 500);

    @ParameterizedTest
    @EnumSource(Shape.class)
    void plansAreValidAtEverySize(Shape shape) {
        AnnealingOptimizer light = new AnnealingOptimizer(7, 1, 5, 50);
        for (int n : new int[] {1, 2, 3, 5, 9, 13, 24}) {
            JoinGraph g = QueryGraphGenerator.generate(shape, n, 31L * n);
            OptimizationResult r = light.optimize(g, CostModel.cOut(), NO_DEADLINE);
            Plans.assertValid(g, CostModel.cOut(), r.plan());
        }
        JoinGraph largest = QueryGraphGenerator.generate(shape, JoinGraph.MAX_RELATIONS, 64);
        Plans.assertValid(largest, CostModel.cOut(), new AnnealingOptimizer(7, 1, 1, 0)
                .optimize(largest, CostModel.cOut(), NO_DEADLINE).plan());
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void findsTheDpOptimumOnSmallGraphs(Shape shape) {
        DpOptimizer dp = new DpOptimizer(14);
        for (int n = 3; n <= 8; n++) {
            for (long seed = 1; seed <= 4; seed++) {
                JoinGraph g = QueryGraphGenerator.generate(shape, n, 77 * seed + n);
                double optimum = dp.optimize(g, CostModel.cOut(), NO_DEADLINE).plan().cost();
                OptimizationResult r = DEFAULT.optimize(g, CostModel.cOut(), NO_DEADLINE);
                Plans.assertValid(g, CostModel.cOut(), r.plan());
                assertEquals(optimum, r.plan().cost(), 1e-9 * optimum, shape + " n=" + n + " seed=" + seed
                        + " " + r.report());
            }
        }
    }

    @Test
    void orientationAndAlgorithmsAreChosenUnderAnAsymmetricModel() {
        CostModel model = Plans.asymmetric();
        for (Shape shape : Shape.values()) {
            JoinGraph g = DpOptimizerTest.withIndexes(QueryGraphGenerator.generate(shape, 7, 5));
            double optimum = new DpOptimizer(14).optimize(g, model, NO_DEADLINE).plan().cost();
            OptimizationResult r = DEFAULT.optimize(g, model, NO_DEADLINE);
            Plans.assertValid(g, model, r.plan());
            assertEquals(optimum, r.plan().cost(), 1e-9 * optimum, shape.toString());
        }
    }

    @Test
    void neverWorseThanGreedyAndReportsItsSearch() {
        for (Shape shape : Shape.values()) {
            JoinGraph g = QueryGraphGenerator.generate(shape, 22, 9);
            OptimizationResult r = new AnnealingOptimizer(1, 1, 20, 100).optimize(g, CostModel.cOut(), NO_DEADLINE);
            double greedy = new DpOptimizer(1).optimize(g, CostModel.cOut(), NO_DEADLINE).plan().cost();
            assertTrue(r.plan().cost() <= greedy * (1 + 1e-12), shape.toString());
            assertEquals("annealing", r.report().get("optimizer"));
            assertNotNull(r.report().get("found-by"));
            assertTrue(Long.parseLong(r.report().get("moves")) > 0);
            assertTrue(r.report().containsKey("qubo.feasible"));
        }
    }

    @Test
    void deterministicForASeed() {
        JoinGraph g = QueryGraphGenerator.generate(Shape.RANDOM, 16, 4);
        OptimizationResult a = new AnnealingOptimizer(5, 2, 30, 100).optimize(g, CostModel.cOut(), NO_DEADLINE);
        OptimizationResult b = new AnnealingOptimizer(5, 2, 30, 100).optimize(g, CostModel.cOut(), NO_DEADLINE);
        assertEquals(a.plan(), b.plan());
        assertEquals(a.report(), b.report());
    }

    @Test
    void aPassedDeadlineStillGivesAValidPlan() {
        for (Shape shape : Shape.values()) {
            JoinGraph g = QueryGraphGenerator.generate(shape, 20, 2);
            OptimizationResult r = DEFAULT.optimize(g, CostModel.cOut(), System.nanoTime() - 1);
            Plans.assertValid(g, CostModel.cOut(), r.plan());
            assertEquals("passed", r.report().get("deadline"));
            assertEquals("greedy", r.report().get("found-by"));
            assertEquals("0", r.report().get("moves"));
        }
    }

    @Test
    void disconnectedGraphsGetCrossProductsOnlyBetweenComponents() {
        List<Relation> rels = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rels.add(Relation.scanned(i, "t" + i, 10 + 37 * i));
        }
        JoinGraph g = new JoinGraph(rels, List.of(new JoinEdge(0, 4, 0.01), new JoinEdge(4, 8, 0.02),
                new JoinEdge(8, 0, 0.5), new JoinEdge(1, 2, 0.001), new JoinEdge(2, 3, 0.1)));
        OptimizationResult r = DEFAULT.optimize(g, CostModel.cOut(), NO_DEADLINE);
        assertEquals("5", r.report().get("components"));
        assertEquals(4, DpOptimizerTest.crossProducts(g, r.plan()));
        assertEquals(new DpOptimizer(14).optimize(g, CostModel.cOut(), NO_DEADLINE).plan().cost(),
                r.plan().cost(), 1e-9 * r.plan().cost());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnnealingOptimizer(1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AnnealingOptimizer(1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new AnnealingOptimizer(1, 1, 1, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DEFAULT.optimize(QueryGraphGenerator.generate(Shape.STAR, 4, 1), null, NO_DEADLINE));
        assertTrue(e.getMessage().contains("cost model"), e.getMessage());
    }
}
