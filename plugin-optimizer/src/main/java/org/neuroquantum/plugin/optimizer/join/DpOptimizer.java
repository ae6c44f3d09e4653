package org.neuroquantum.plugin.optimizer.join;

import org.neuroquantum.spi.optimizer.JoinPlan;

/**
 * The {@code dp} optimizer: DPccp ({@link Dpccp}, optimal bushy plans without cross products) for every
 * connected component of at most {@code maxExactRelations} relations, greedy operator ordering
 * ({@link GreedyOperatorOrdering}) for larger components and for a component whose DPccp run the deadline
 * cuts short. Components are joined by cross products as {@link ComponentwiseOptimizer} describes.
 *
 * <p>Report: {@code algorithm} per component ({@code dpccp}, {@code goo} or {@code goo-after-deadline}) and
 * {@code pairs}, the csg-cmp-pairs DPccp priced. Thread-safe and deterministic.
 */
public final class DpOptimizer extends ComponentwiseOptimizer {
    /** The largest configurable exact limit: beyond it even chains are pointless to time, stars infeasible. */
    public static final int MAX_EXACT_LIMIT = 30;

    private final int maxExactRelations;

    /**
     * @param maxExactRelations components of at most this many relations are planned by DPccp (1 to
     *     {@value #MAX_EXACT_LIMIT}; 1 means always greedy)
     */
    public DpOptimizer(int maxExactRelations) {
        if (maxExactRelations < 1 || maxExactRelations > MAX_EXACT_LIMIT) {
            throw new IllegalArgumentException("the DPccp limit must be between 1 and " + MAX_EXACT_LIMIT
                    + " relations, was " + maxExactRelations);
        }
        this.maxExactRelations = maxExactRelations;
    }

    @Override
    protected String name() {
        return "dp";
    }

    @Override
    protected JoinPlan planComponent(PlanningProblem problem, long component, Deadline deadline,
            SearchReport report) {
        if (Long.bitCount(component) <= maxExactRelations) {
            Dpccp dp = new Dpccp(problem, component, deadline);
            JoinPlan plan = dp.run();
            report.add("pairs", dp.pairs());
            if (plan != null) {
                report.note("algorithm", "dpccp");
                return plan;
            }
            report.note("algorithm", "goo-after-deadline");
        } else {
            report.note("algorithm", "goo");
        }
        return GreedyOperatorOrdering.plan(problem, component);
    }
}
