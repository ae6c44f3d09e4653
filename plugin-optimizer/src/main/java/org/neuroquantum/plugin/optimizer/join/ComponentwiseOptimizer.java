package org.neuroquantum.plugin.optimizer.join;

import java.util.ArrayList;
import java.util.List;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.JoinPlan;
import org.neuroquantum.spi.optimizer.OptimizationResult;
import org.neuroquantum.spi.optimizer.QueryOptimizer;

/**
 * The common frame of the join-order optimizers: each connected component of the query graph is planned on
 * its own without cross products, and the component plans are then joined by cross products, always the two
 * with the fewest rows first (the cross product of a and b has a times b rows, so small inputs first keeps the
 * intermediate results small). A connected graph therefore never gets a cross product, and a disconnected one
 * gets exactly one per additional component.
 */
public abstract class ComponentwiseOptimizer implements QueryOptimizer {
    /** The provider name, reported as {@code optimizer}. */
    protected abstract String name();

    /**
     * Plans one connected component of at least two relations without cross products.
     *
     * @param component bit mask of the component's relations
     */
    protected abstract JoinPlan planComponent(PlanningProblem problem, long component, Deadline deadline,
            SearchReport report);

    @Override
    public final OptimizationResult optimize(JoinGraph graph, CostModel costModel, long deadlineNanos) {
        PlanningProblem problem = new PlanningProblem(graph, costModel);
        Deadline deadline = new Deadline(deadlineNanos);
        SearchReport report = new SearchReport();
        report.note("optimizer", name());
        List<Long> components = problem.components();
        report.add("components", components.size());
        List<JoinPlan> plans = new ArrayList<>();
        for (long component : components) {
            plans.add(Long.bitCount(component) == 1
                    ? problem.scan(Long.numberOfTrailingZeros(component))
                    : planComponent(problem, component, deadline, report));
        }
        JoinPlan plan = joinByCrossProducts(problem, plans);
        if (deadline.passed()) {
            report.note("deadline", "passed");
        }
        return new OptimizationResult(plan, report.asMap());
    }

    private static JoinPlan joinByCrossProducts(PlanningProblem problem, List<JoinPlan> plans) {
        List<JoinPlan> open = new ArrayList<>(plans);
        while (open.size() > 1) {
            open.sort((a, b) -> Double.compare(a.rows(), b.rows()));
            JoinPlan joined = problem.join(open.remove(0), open.remove(0));
            open.add(joined);
        }
        return open.get(0);
    }
}
