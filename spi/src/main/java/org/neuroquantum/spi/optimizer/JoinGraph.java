package org.neuroquantum.spi.optimizer;

import java.util.List;
import org.neuroquantum.spi.annotation.Evolving;

/**
 * The query graph an optimizer orders: relations with cardinality estimates and join edges with
 * selectivities. Relations without a connecting edge can only be joined by a cross product. At most
 * {@link #MAX_RELATIONS} relations, so that sets of relations fit in a {@code long} bit mask.
 *
 * <p>Immutable and thread-safe.
 */
@Evolving
public final class JoinGraph {
    /** The largest number of relations a graph may have. */
    public static final int MAX_RELATIONS = 64;

    private final List<Relation> relations;
    private final List<JoinEdge> edges;
    private final long[] neighbours;

    public JoinGraph(List<Relation> relations, List<JoinEdge> edges) {
        this.relations = List.copyOf(relations);
        this.edges = List.copyOf(edges);
        int n = this.relations.size();
        if (n == 0 || n > MAX_RELATIONS) {
            throw new IllegalArgumentException("a join graph needs 1 to " + MAX_RELATIONS + " relations, had " + n);
        }
        for (int i = 0; i < n; i++) {
            if (this.relations.get(i).id() != i) {
                throw new IllegalArgumentException("relation at position " + i + " has id "
                        + this.relations.get(i).id());
            }
        }
        neighbours = new long[n];
        for (JoinEdge e : this.edges) {
            if (e.left() < 0 || e.left() >= n || e.right() < 0 || e.right() >= n) {
                throw new IllegalArgumentException("join edge " + e + " names a relation that does not exist");
            }
            neighbours[e.left()] |= 1L << e.right();
            neighbours[e.right()] |= 1L << e.left();
        }
    }

    public List<Relation> relations() {
        return relations;
    }

    public List<JoinEdge> edges() {
        return edges;
    }

    /** The number of relations. */
    public int size() {
        return relations.size();
    }

    /** Bit mask of the relations joined to {@code relation} by an edge. */
    public long neighbours(int relation) {
        return neighbours[relation];
    }

    /** The product of the selectivities of all edges with one end in {@code left} and the other in {@code right}. */
    public double selectivity(long left, long right) {
        double s = 1.0;
        for (JoinEdge e : edges) {
            long a = 1L << e.left();
            long b = 1L << e.right();
            if (((left & a) != 0 && (right & b) != 0) || ((left & b) != 0 && (right & a) != 0)) {
                s *= e.selectivity();
            }
        }
        return s;
    }

    /** Whether at least one edge connects the two disjoint sets. */
    public boolean connected(long left, long right) {
        long reach = 0;
        for (long rest = left; rest != 0; rest &= rest - 1) {
            reach |= neighbours[Long.numberOfTrailingZeros(rest)];
        }
        return (reach & right) != 0;
    }
}
