package org.neuroquantum.plugin.optimizer.join;

import java.util.ArrayList;
import java.util.List;
import org.neuroquantum.spi.optimizer.JoinPlan;

/**
 * Greedy operator ordering (GOO, Fegaras 1998): start with one plan per relation and repeatedly join the two
 * plans connected by a join edge whose result has the fewest rows (ties: the cheaper join, then the lower
 * relation ids), until one plan is left. Bushy, without cross products on a connected component, O(n^3) pair
 * inspections; used above the DPccp size limit, when DPccp misses its deadline, and as a start for annealing.
 */
public final class GreedyOperatorOrdering {
    private GreedyOperatorOrdering() {
    }

    /**
     * The greedy plan for the connected {@code component}.
     *
     * @throws IllegalArgumentException when the component is not connected
     */
    public static JoinPlan plan(PlanningProblem problem, long component) {
        List<JoinPlan> open = new ArrayList<>();
        for (long rest = component; rest != 0; rest &= rest - 1) {
            open.add(problem.scan(Long.numberOfTrailingZeros(rest)));
        }
        while (open.size() > 1) {
            int bestA = -1;
            int bestB = -1;
            double bestRows = Double.POSITIVE_INFINITY;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int a = 0; a < open.size(); a++) {
                JoinPlan pa = open.get(a);
                long reach = problem.neighbourhood(pa.relations());
                for (int b = a + 1; b < open.size(); b++) {
                    JoinPlan pb = open.get(b);
                    if ((reach & pb.relations()) == 0) {
                        continue;
                    }
                    double rows = pa.rows() * pb.rows() * problem.selectivity(pa.relations(), pb.relations());
                    if (rows > bestRows) {
                        continue;
                    }
                    double cost = pa.cost() + pb.cost()
                            + problem.nodeCost(pa.relations(), pa.rows(), pb.relations(), pb.rows(), rows);
                    if (rows < bestRows || cost < bestCost) {
                        bestA = a;
                        bestB = b;
                        bestRows = rows;
                        bestCost = cost;
                    }
                }
            }
            if (bestA < 0) {
                throw new IllegalArgumentException("greedy operator ordering needs a connected component");
            }
            JoinPlan joined = problem.join(open.get(bestA), open.get(bestB));
            open.remove(bestB);
            open.set(bestA, joined);
        }
        return open.get(0);
    }
}
