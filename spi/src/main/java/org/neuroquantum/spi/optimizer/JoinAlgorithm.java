package org.neuroquantum.spi.optimizer;

import org.neuroquantum.spi.annotation.Evolving;

/** The physical join operators the kernel can execute. */
@Evolving
public enum JoinAlgorithm {
    /** For each left row, scan the right input. */
    NESTED_LOOP,
    /** For each left row, probe an index of the right relation (right must be a base relation with an index). */
    INDEX_NESTED_LOOP,
    /** Build a hash table on the right input, probe with the left. */
    HASH_JOIN
}
