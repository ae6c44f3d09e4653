package org.neuroquantum.spi.optimizer;

import org.neuroquantum.spi.annotation.Evolving;

/**
 * One way to read a relation (a full scan, an index range scan), as the kernel estimates it.
 *
 * @param description what it is, for EXPLAIN (e.g. {@code index scan on sensors_temp})
 * @param cost estimated cost in the cost model's unit
 * @param outputRows estimated rows produced, after the relation's local predicates
 */
@Evolving
public record AccessPath(String description, double cost, double outputRows) {
    /** Checks that cost and rows are non-negative numbers. */
    public AccessPath {
        if (!(cost >= 0) || !(outputRows >= 0)) {
            throw new IllegalArgumentException("cost and outputRows must be non-negative numbers");
        }
    }
}
