package org.neuroquantum.plugin.optimizer.join.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.neuroquantum.spi.optimizer.JoinEdge;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.Relation;

/**
 * Generates query graphs of the classic shapes for testing and benchmarking join-order optimizers,
 * reproducibly from a seed.
 *
 * <p>Cardinalities are log-uniform between 10 and 10^6 rows, selectivities log-uniform between 10^-4 and
 * 10^-1, drawn independently: joins range from strongly filtering to strongly expanding, so that the order
 * matters and greedy choices can mislead (with selectivities tied to the cardinalities, as {@code 1/max(r, s)}
 * for foreign-key joins, greedy operator ordering was already optimal on most such queries). Random graphs are a random spanning tree (each relation linked to a uniformly chosen
 * earlier one) plus each remaining pair with probability 1.5/n, so about 1.75 edges per relation on average.
 */
public final class QueryGraphGenerator {
    /** The shape of a query graph. */
    public enum Shape {
        /** R0 - R1 - ... - Rn-1. */
        CHAIN,
        /** R0 joined to each of R1..Rn-1. */
        STAR,
        /** A chain closed by an edge Rn-1 - R0 (a chain below 3 relations). */
        CYCLE,
        /** Every pair joined. */
        CLIQUE,
        /** A random spanning tree plus random extra edges. */
        RANDOM;

        /** Parses a shape name, case-insensitively. */
        public static Shape parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown query graph shape '" + name
                        + "'; expected chain, star, cycle, clique or random", e);
            }
        }
    }

    private QueryGraphGenerator() {
    }

    /**
     * A connected query graph.
     *
     * @param relations 1 to {@link JoinGraph#MAX_RELATIONS}
     */
    public static JoinGraph generate(Shape shape, int relations, long seed) {
        if (relations < 1 || relations > JoinGraph.MAX_RELATIONS) {
            throw new IllegalArgumentException("a query graph needs 1 to " + JoinGraph.MAX_RELATIONS
                    + " relations, asked for " + relations);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Relation> rels = new ArrayList<>();
        double[] rows = new double[relations];
        for (int i = 0; i < relations; i++) {
            rows[i] = Math.rint(Math.pow(10, 1 + 5 * random.nextDouble()));
            rels.add(Relation.scanned(i, "r" + i, rows[i]));
        }
        List<int[]> pairs = new ArrayList<>();
        switch (shape) {
            case CHAIN -> {
                for (int i = 1; i < relations; i++) {
                    pairs.add(new int[] {i - 1, i});
                }
            }
            case STAR -> {
                for (int i = 1; i < relations; i++) {
                    pairs.add(new int[] {0, i});
                }
            }
            case CYCLE -> {
                for (int i = 1; i < relations; i++) {
                    pairs.add(new int[] {i - 1, i});
                }
                if (relations > 2) {
                    pairs.add(new int[] {relations - 1, 0});
                }
            }
            case CLIQUE -> {
                for (int i = 0; i < relations; i++) {
                    for (int j = i + 1; j < relations; j++) {
                        pairs.add(new int[] {i, j});
                    }
                }
            }
            case RANDOM -> {
                boolean[][] linked = new boolean[relations][relations];
                for (int i = 1; i < relations; i++) {
                    int j = random.nextInt(i);
                    linked[i][j] = true;
                    pairs.add(new int[] {j, i});
                }
                double p = 1.5 / relations;
                for (int i = 0; i < relations; i++) {
                    for (int j = i + 1; j < relations; j++) {
                        if (!linked[j][i] && random.nextDouble() < p) {
                            pairs.add(new int[] {i, j});
                        }
                    }
                }
            }
            default -> throw new AssertionError(shape);
        }
        List<JoinEdge> edges = new ArrayList<>();
        for (int[] pair : pairs) {
            // Independent of the cardinalities on purpose (see the class comment).
            double selectivity = Math.pow(10, -1 - 3 * random.nextDouble());
            edges.add(new JoinEdge(pair[0], pair[1], selectivity));
        }
        return new JoinGraph(rels, edges);
    }
}
