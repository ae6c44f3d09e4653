package org.neuroquantum.plugin.optimizer.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.neuroquantum.spi.optimizer.AccessPath;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinAlgorithm;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.JoinPlan;
import org.neuroquantum.spi.optimizer.Relation;

/** Test helpers: plan validity checks, brute-force enumeration, cost models. */
final class Plans {
    private Plans() {
    }

    /** All relations of a graph as a bit mask. */
    static long all(JoinGraph g) {
        return g.size() == 64 ? -1L : (1L << g.size()) - 1;
    }

    /**
     * Asserts the plan is valid for the graph and model: every relation exactly once, access paths offered by
     * the relation, algorithms offered by the model (index nested loop only into an indexed base relation),
     * rows and costs as Join.of computes them, and no cross product when the graph is connected.
     */
    static void assertValid(JoinGraph g, CostModel model, JoinPlan plan) {
        List<Integer> leaves = new ArrayList<>();
        boolean connected = new PlanningProblem(g, model).components().size() == 1;
        check(g, model, plan, leaves, connected);
        assertEquals(g.size(), leaves.size(), "leaves " + leaves);
        assertEquals(all(g), plan.relations());
        assertEquals(g.size(), leaves.stream().distinct().count(), "each relation once: " + leaves);
    }

    private static void check(JoinGraph g, CostModel model, JoinPlan plan, List<Integer> leaves,
            boolean connected) {
        if (plan instanceof JoinPlan.Scan s) {
            leaves.add(s.relation());
            assertTrue(g.relations().get(s.relation()).accessPaths().contains(s.path()), "offered path");
            return;
        }
        JoinPlan.Join j = (JoinPlan.Join) plan;
        check(g, model, j.left(), leaves, connected);
        check(g, model, j.right(), leaves, connected);
        assertTrue(model.algorithms().contains(j.algorithm()), j.algorithm().toString());
        if (j.algorithm() == JoinAlgorithm.INDEX_NESTED_LOOP) {
            assertTrue(j.right() instanceof JoinPlan.Scan, "index nested loop needs a base relation inside");
        }
        if (connected) {
            assertTrue(g.connected(j.left().relations(), j.right().relations()), "cross product in " + j);
        }
        JoinPlan.Join recomputed = JoinPlan.Join.of(g, model, j.left(), j.right(), j.algorithm());
        assertEquals(recomputed.rows(), j.rows(), 1e-9 * Math.max(1, j.rows()));
        assertEquals(recomputed.cost(), j.cost(), 1e-9 * Math.max(1, j.cost()));
    }

    /** The cheapest plan among all bushy plans without cross products, found by listing every one of them. */
    static double bruteForceOptimum(JoinGraph g, CostModel model) {
        double best = Double.POSITIVE_INFINITY;
        for (JoinPlan p : allPlans(g, model, all(g), new java.util.HashMap<>())) {
            best = Math.min(best, p.cost());
        }
        return best;
    }

    /**
     * Every bushy plan without cross products over {@code set} (ordered inputs, every algorithm, every path);
     * {@code listed} keeps the lists of subsets already made, so each subset's list is built once.
     */
    static List<JoinPlan> allPlans(JoinGraph g, CostModel model, long set,
            java.util.Map<Long, List<JoinPlan>> listed) {
        List<JoinPlan> known = listed.get(set);
        if (known != null) {
            return known;
        }
        List<JoinPlan> result = new ArrayList<>();
        listed.put(set, result);
        if (Long.bitCount(set) == 1) {
            Relation r = g.relations().get(Long.numberOfTrailingZeros(set));
            for (AccessPath p : r.accessPaths()) {
                result.add(new JoinPlan.Scan(r.id(), p));
            }
            return result;
        }
        for (long left = (set - 1) & set; left != 0; left = (left - 1) & set) {
            long right = set & ~left;
            if (!isConnected(g, left) || !isConnected(g, right) || !g.connected(left, right)) {
                continue;
            }
            List<JoinPlan> rightPlans = allPlans(g, model, right, listed);
            for (JoinPlan lp : allPlans(g, model, left, listed)) {
                for (JoinPlan rp : rightPlans) {
                    for (JoinAlgorithm a : model.algorithms()) {
                        if (a == JoinAlgorithm.INDEX_NESTED_LOOP && !(rp instanceof JoinPlan.Scan s
                                && g.relations().get(s.relation()).accessPaths().stream()
                                        .anyMatch(p -> p.description().startsWith("index")))) {
                            continue;
                        }
                        result.add(JoinPlan.Join.of(g, model, lp, rp, a));
                    }
                }
            }
        }
        return result;
    }

    static boolean isConnected(JoinGraph g, long set) {
        long reached = Long.lowestOneBit(set);
        while (true) {
            long next = reached;
            for (long rest = reached; rest != 0; rest &= rest - 1) {
                next |= g.neighbours(Long.numberOfTrailingZeros(rest)) & set;
            }
            if (next == reached) {
                return reached == set;
            }
            reached = next;
        }
    }

    /**
     * A cost model where orientation and algorithm matter: hash join builds on the right (1.5 per build row), a
     * nested loop pays per pair, an index nested loop per outer row.
     */
    static CostModel asymmetric() {
        return new CostModel() {
            @Override
            public Set<JoinAlgorithm> algorithms() {
                return Set.of(JoinAlgorithm.HASH_JOIN, JoinAlgorithm.NESTED_LOOP, JoinAlgorithm.INDEX_NESTED_LOOP);
            }

            @Override
            public double joinCost(JoinAlgorithm a, double left, double right, double out) {
                return switch (a) {
                    case HASH_JOIN -> left + 1.5 * right + out;
                    case NESTED_LOOP -> 0.05 * left * right + out;
                    case INDEX_NESTED_LOOP -> 3 * left + out;
                };
            }
        };
    }
}
