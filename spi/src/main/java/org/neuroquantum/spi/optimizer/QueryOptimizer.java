package org.neuroquantum.spi.optimizer;

import org.neuroquantum.spi.annotation.Evolving;

/**
 * Chooses access paths, join order and join algorithms for a join graph.
 *
 * <h2>Contract</h2>
 * The returned plan covers every relation exactly once, uses only algorithms in
 * {@link CostModel#algorithms()} and only access paths offered by the relations, and its costs are those the
 * cost model gives (build nodes with {@link JoinPlan.Join#of}). An optimizer may avoid cross products but
 * must produce a plan for a disconnected graph too. It must honour {@code deadlineNanos} (a
 * {@link System#nanoTime()} value) by returning the best plan found so far.
 *
 * <h2>Threading</h2>
 * Thread-safe: the kernel plans concurrent queries with one instance. Deterministic for a given graph and
 * configuration (randomized optimizers use a configured seed).
 */
@Evolving
public interface QueryOptimizer {
    /** Plans {@code graph} under {@code costModel}. */
    OptimizationResult optimize(JoinGraph graph, CostModel costModel, long deadlineNanos);
}
