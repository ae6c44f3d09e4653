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
 * <p>Cardinalities are log-uniform between 10 and 10^6 rows. Selectivities follow one of two models
 * ({@link Selectivities}): {@code KEY} joins behave like foreign-key joins with noise, so intermediate results
 * neither grow nor shrink on average; {@code INDEPENDENT} selectivities ignore the cardinalities and make most
 * joins expanding, so that the last joins dominate the cost. Random graphs are a random spanning tree (each relation linked to a uniformly chosen
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

    /** How edge selectivities are drawn. */
    public enum Selectivities {
        /**
         * {@code f / max(r, s)} for relations of r and s rows, f log-uniform in [0.1, 10], capped at 1: around
         * f = 1 a foreign-key join (the result as large as the larger input), below it filtering, above it
         * many-to-many.
         */
        KEY,
        /** Log-uniform in [10^-4, 10^-1], independent of the cardinalities. */
        INDEPENDENT;

        /** Parses a model name, case-insensitively. */
        public static Selectivities parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown selectivity model '" + name
                        + "'; expected key or independent", e);
            }
        }
    }

    private QueryGraphGenerator() {
    }

    /** A connected query graph with {@link Selectivities#KEY} selectivities. */
    public static JoinGraph generate(Shape shape, int relations, long seed) {
        return generate(shape, relations, Selectivities.KEY, seed);
    }

    /**
     * A connected query graph.
     *
     * @param relations 1 to {@link JoinGraph#MAX_RELATIONS}
     */
    public static JoinGraph generate(Shape shape, int relations, Selectivities selectivities, long seed) {
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
            double selectivity = switch (selectivities) {
                case KEY -> Math.min(1.0, Math.pow(10, -1 + 2 * random.nextDouble())
                        / Math.max(rows[pair[0]], rows[pair[1]]));
                case INDEPENDENT -> Math.pow(10, -1 - 3 * random.nextDouble());
            };
            edges.add(new JoinEdge(pair[0], pair[1], selectivity));
        }
        return new JoinGraph(rels, edges);
    }
}
