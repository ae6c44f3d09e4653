package org.neuroquantum.plugin.optimizer.qubo.solver;

import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * A heuristic minimiser of a {@link QuboModel}. Implementations are stateless and thread-safe: one instance
 * may solve many models concurrently. The result is a deterministic function of the model, the seed and the
 * sweep budget (see {@link SolverOptions}).
 */
public interface QuboSolver {
    /** The short name used on the command line: {@code sa}, {@code sqa} or {@code pt}. */
    String name();

    /** Minimises {@code model}; never returns null. */
    Solution solve(QuboModel model, SolverOptions options);
}
