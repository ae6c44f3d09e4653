package org.neuroquantum.spi.optimizer;

import java.util.List;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * A base relation of a query (a table reference or a subquery result).
 *
 * @param id its position in {@link JoinGraph#relations()}, 0-based
 * @param name the name or alias, for EXPLAIN
 * @param rows estimated rows after local predicates (the cheapest access path's output)
 * @param accessPaths the ways to read it; at least one
 */
@Evolving
public record Relation(int id, String name, double rows, List<AccessPath> accessPaths) {
    public Relation {
        accessPaths = List.copyOf(accessPaths);
        if (accessPaths.isEmpty()) {
            throw new IllegalArgumentException("relation " + name + " needs at least one access path");
        }
        if (!(rows >= 0)) {
            throw new IllegalArgumentException("rows must be a non-negative number");
        }
    }

    /** Convenience for a relation read by a full scan costing its row count. */
    public static Relation scanned(int id, String name, double rows) {
        return new Relation(id, name, rows, List.of(new AccessPath("scan " + name, rows, rows)));
    }
}
