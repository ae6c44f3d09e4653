package org.neuroquantum.engine.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroquantum.spi.optimizer.AccessPath;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinAlgorithm;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.JoinPlan;
import org.neuroquantum.spi.optimizer.OptimizationResult;
import org.neuroquantum.spi.optimizer.QueryOptimizer;
import org.neuroquantum.spi.optimizer.QueryOptimizerFactory;
import org.neuroquantum.spi.optimizer.Relation;
import org.neuroquantum.spi.provider.ProviderContext;

/**
 * Query optimizers for engine-core's tests (engine-core cannot depend on plugin-optimizer's main code):
 * {@code test-exhaustive} tries every left-deep order and every offered algorithm per join and keeps the cheapest
 * under the kernel's cost model; {@code test-reverse} joins the relations in reverse written order with hash joins
 * (to see the kernel follow an optimizer and keep left joins after their preserved side);
 * {@code test-nested-loop} keeps the written order and asks for nested loops everywhere.
 */
final class TestOptimizers {
    private TestOptimizers() {
    }

    static List<QueryOptimizerFactory> factories() {
        return List.of(factory("test-exhaustive", TestOptimizers::exhaustive),
                factory("test-reverse", (g, m) -> fixed(g, m, reversed(g.size()), JoinAlgorithm.HASH_JOIN)),
                factory("test-nested-loop", (g, m) -> fixed(g, m, written(g.size()), JoinAlgorithm.NESTED_LOOP)));
    }

    private interface Search {
        OptimizationResult run(JoinGraph graph, CostModel model);
    }

    private static QueryOptimizerFactory factory(String name, Search search) {
        return new QueryOptimizerFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "Test optimizer " + name + ".";
            }

            @Override
            public QueryOptimizer create(ProviderContext context) {
                return (graph, model, deadline) -> search.run(graph, model);
            }
        };
    }

    private static List<Integer> written(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        return order;
    }

    private static List<Integer> reversed(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            order.add(i);
        }
        return order;
    }

    private static JoinPlan.Scan scan(Relation r) {
        AccessPath best = r.accessPaths().get(0);
        for (AccessPath p : r.accessPaths()) {
            best = p.cost() < best.cost() ? p : best;
        }
        return new JoinPlan.Scan(r.id(), best);
    }

    private static OptimizationResult fixed(JoinGraph g, CostModel m, List<Integer> order, JoinAlgorithm algorithm) {
        JoinPlan plan = scan(g.relations().get(order.get(0)));
        for (int i = 1; i < order.size(); i++) {
            plan = JoinPlan.Join.of(g, m, plan, scan(g.relations().get(order.get(i))), algorithm);
        }
        return new OptimizationResult(plan, Map.of("order", order.toString()));
    }

    private static OptimizationResult exhaustive(JoinGraph g, CostModel m) {
        JoinPlan[] best = {null};
        long[] enumerated = {0};
        permute(g, m, new ArrayList<>(), 0, best, enumerated);
        Map<String, String> report = new LinkedHashMap<>();
        report.put("enumerated", Long.toString(enumerated[0]));
        return new OptimizationResult(best[0], report);
    }

    private static void permute(JoinGraph g, CostModel m, List<Integer> prefix, long used, JoinPlan[] best,
            long[] enumerated) {
        if (prefix.size() == g.size()) {
            enumerated[0]++;
            JoinPlan plan = scan(g.relations().get(prefix.get(0)));
            for (int i = 1; i < prefix.size(); i++) {
                JoinPlan right = scan(g.relations().get(prefix.get(i)));
                JoinPlan cheapest = null;
                for (JoinAlgorithm a : JoinAlgorithm.values()) {
                    if (m.algorithms().contains(a)) {
                        JoinPlan j = JoinPlan.Join.of(g, m, plan, right, a);
                        cheapest = cheapest == null || j.cost() < cheapest.cost() ? j : cheapest;
                    }
                }
                plan = cheapest;
            }
            if (best[0] == null || plan.cost() < best[0].cost()) {
                best[0] = plan;
            }
            return;
        }
        for (int r = 0; r < g.size(); r++) {
            if ((used & (1L << r)) == 0) {
                prefix.add(r);
                permute(g, m, prefix, used | (1L << r), best, enumerated);
                prefix.remove(prefix.size() - 1);
            }
        }
    }
}
