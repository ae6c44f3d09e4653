package org.neuroquantum.spi.optimizer;

import java.util.Set;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * Prices plan nodes. The kernel supplies one (from its statistics and executor); optimizers compare plans
 * only through it. Pure and thread-safe.
 */
@Evolving
public interface CostModel {
    /** The join algorithms the executor offers; optimizers choose only among these. */
    Set<JoinAlgorithm> algorithms();

    /**
     * The cost of one join node alone (not its inputs).
     *
     * @param leftRows estimated rows of the left (outer, probe) input
     * @param rightRows estimated rows of the right (inner, build) input
     * @param outputRows estimated rows of the join's result
     */
    double joinCost(JoinAlgorithm algorithm, double leftRows, double rightRows, double outputRows);

    /**
     * C_out: the cost of a join is the size of its result, whatever the algorithm; the cost of a plan is the
     * sum of its intermediate (and final) result sizes. The standard model for comparing join orders.
     */
    static CostModel cOut() {
        return new CostModel() {
            @Override
            public Set<JoinAlgorithm> algorithms() {
                return Set.of(JoinAlgorithm.HASH_JOIN);
            }

            @Override
            public double joinCost(JoinAlgorithm algorithm, double leftRows, double rightRows, double outputRows) {
                return outputRows;
            }
        };
    }
}
