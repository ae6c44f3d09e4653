package org.neuroquantum.spi.optimizer;

import org.neuroquantum.spi.annotation.Evolving;

/**
 * A join tree: leaves read base relations, inner nodes join two subtrees. Every node carries its estimated
 * output rows and its total cost (its own plus its inputs'). Immutable.
 */
@Evolving
public sealed interface JoinPlan permits JoinPlan.Scan, JoinPlan.Join {
    /** Estimated rows produced. */
    double rows();

    /** Estimated total cost of this subtree. */
    double cost();

    /** Bit mask of the relations this subtree covers. */
    long relations();

    /**
     * A leaf: one relation read through one access path.
     *
     * @param relation the relation's id
     * @param path the access path chosen
     */
    record Scan(int relation, AccessPath path) implements JoinPlan {
        @Override
        public double rows() {
            return path.outputRows();
        }

        @Override
        public double cost() {
            return path.cost();
        }

        @Override
        public long relations() {
            return 1L << relation;
        }
    }

    /**
     * An inner node.
     *
     * @param left the outer (probe) input
     * @param right the inner (build) input
     * @param algorithm how the two are joined
     * @param rows estimated output rows
     * @param cost total cost: both inputs' costs plus this join's
     */
    record Join(JoinPlan left, JoinPlan right, JoinAlgorithm algorithm, double rows, double cost) implements JoinPlan {
        public Join {
            if ((left.relations() & right.relations()) != 0) {
                throw new IllegalArgumentException("join inputs overlap");
            }
        }

        @Override
        public long relations() {
            return left.relations() | right.relations();
        }

        /** Joins two subtrees, estimating rows from the graph and pricing the node with the cost model. */
        public static Join of(JoinGraph graph, CostModel model, JoinPlan left, JoinPlan right,
                JoinAlgorithm algorithm) {
            double rows = left.rows() * right.rows() * graph.selectivity(left.relations(), right.relations());
            double cost = left.cost() + right.cost() + model.joinCost(algorithm, left.rows(), right.rows(), rows);
            return new Join(left, right, algorithm, rows, cost);
        }
    }
}
