package org.neuroquantum.spi.optimizer;

import org.neuroquantum.spi.annotation.Evolving;

/**
 * A join predicate between two relations with its estimated selectivity: joining relations of {@code l}
 * and {@code r} rows yields {@code l * r * selectivity} rows.
 *
 * @param left one relation's id
 * @param right the other's (different from {@code left})
 * @param selectivity in (0, 1]
 */
@Evolving
public record JoinEdge(int left, int right, double selectivity) {
    /** Checks the two ends differ and the selectivity lies in (0, 1]. */
    public JoinEdge {
        if (left == right) {
            throw new IllegalArgumentException("a join edge needs two different relations");
        }
        if (!(selectivity > 0 && selectivity <= 1)) {
            throw new IllegalArgumentException("selectivity must be in (0, 1], was " + selectivity);
        }
    }
}
