package org.neuroquantum.plugin.optimizer.join;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.neuroquantum.spi.optimizer.AccessPath;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinAlgorithm;
import org.neuroquantum.spi.optimizer.JoinEdge;
import org.neuroquantum.spi.optimizer.JoinGraph;
import org.neuroquantum.spi.optimizer.JoinPlan;
import org.neuroquantum.spi.optimizer.Relation;

/**
 * One query graph and one cost model, prepared for fast search: the access path chosen for each relation,
 * selectivities per pair of relations, and the pricing of a single join node.
 *
 * <p>Access paths: each relation is read through its cheapest access path (ties broken by fewer output rows);
 * its rows are that path's output rows. Join orientation and algorithm do not change a node's output rows,
 * so the searches price sets of relations by their rows and leave orientation and algorithm to
 * {@link #nodeCost} and {@link #join}, which pick the cheapest of both orientations and every algorithm the
 * cost model offers.
 *
 * <p>{@link JoinAlgorithm#INDEX_NESTED_LOOP} needs an index on a base relation as its inner input. The SPI has
 * no flag for "has an index", so a relation counts as indexed when one of its access paths is described as an
 * index access (its description starts with {@code index}, as in {@code index scan on t}).
 *
 * <p>Immutable once built; thread-confined use is not required.
 */
public final class PlanningProblem {
    private final JoinGraph graph;
    private final CostModel costModel;
    private final JoinAlgorithm[] algorithms;
    private final JoinPlan.Scan[] scans;
    private final double[] rows;
    private final boolean[] indexed;
    private final long[] neighbours;
    private final double[][] selectivity;

    /**
     * Prepares {@code graph} under {@code costModel}.
     *
     * @throws IllegalArgumentException when either is null or the cost model offers no join algorithm that can
     *     join arbitrary inputs (nested loop or hash join)
     */
    public PlanningProblem(JoinGraph graph, CostModel costModel) {
        if (graph == null) {
            throw new IllegalArgumentException("no join graph given");
        }
        if (costModel == null) {
            throw new IllegalArgumentException("no cost model given");
        }
        Set<JoinAlgorithm> offered = costModel.algorithms();
        if (offered == null || !(offered.contains(JoinAlgorithm.HASH_JOIN)
                || offered.contains(JoinAlgorithm.NESTED_LOOP))) {
            throw new IllegalArgumentException("the cost model must offer HASH_JOIN or NESTED_LOOP (offers "
                    + offered + "): INDEX_NESTED_LOOP alone cannot join two intermediate results");
        }
        this.graph = graph;
        this.costModel = costModel;
        this.algorithms = offered.stream().sorted().toArray(JoinAlgorithm[]::new);
        int n = graph.size();
        scans = new JoinPlan.Scan[n];
        rows = new double[n];
        indexed = new boolean[n];
        neighbours = new long[n];
        selectivity = new double[n][n];
        for (Relation r : graph.relations()) {
            AccessPath best = null;
            for (AccessPath p : r.accessPaths()) {
                if (best == null || p.cost() < best.cost()
                        || (p.cost() == best.cost() && p.outputRows() < best.outputRows())) {
                    best = p;
                }
                indexed[r.id()] |= p.description() != null
                        && p.description().trim().toLowerCase(Locale.ROOT).startsWith("index");
            }
            scans[r.id()] = new JoinPlan.Scan(r.id(), best);
            rows[r.id()] = best.outputRows();
        }
        for (double[] row : selectivity) {
            java.util.Arrays.fill(row, 1.0);
        }
        for (JoinEdge e : graph.edges()) {
            selectivity[e.left()][e.right()] *= e.selectivity();
            selectivity[e.right()][e.left()] *= e.selectivity();
            neighbours[e.left()] |= 1L << e.right();
            neighbours[e.right()] |= 1L << e.left();
        }
    }

    public JoinGraph graph() {
        return graph;
    }

    public CostModel costModel() {
        return costModel;
    }

    /** The number of relations. */
    public int size() {
        return rows.length;
    }

    /** Output rows of the access path chosen for {@code relation}. */
    public double rows(int relation) {
        return rows[relation];
    }

    /** The leaf reading {@code relation}. */
    public JoinPlan.Scan scan(int relation) {
        return scans[relation];
    }

    /** Bit mask of the relations sharing a join edge with {@code relation}. */
    public long neighbours(int relation) {
        return neighbours[relation];
    }

    /** Bit mask of the relations sharing a join edge with some relation of {@code set}, minus {@code set}. */
    public long neighbourhood(long set) {
        long n = 0;
        for (long rest = set; rest != 0; rest &= rest - 1) {
            n |= neighbours[Long.numberOfTrailingZeros(rest)];
        }
        return n & ~set;
    }

    /** Combined selectivity of the edges between two relations (1 when there is none). */
    public double pairSelectivity(int a, int b) {
        return selectivity[a][b];
    }

    /** The product of the selectivities of all edges between the disjoint sets {@code a} and {@code b}. */
    public double selectivity(long a, long b) {
        if (Long.bitCount(a) > Long.bitCount(b)) {
            long t = a;
            a = b;
            b = t;
        }
        double s = 1.0;
        for (long rest = a; rest != 0; rest &= rest - 1) {
            int i = Long.numberOfTrailingZeros(rest);
            double[] row = selectivity[i];
            for (long adj = neighbours[i] & b; adj != 0; adj &= adj - 1) {
                s *= row[Long.numberOfTrailingZeros(adj)];
            }
        }
        return s;
    }

    /** The rows of the set {@code s}: the product of its relations' rows and its inner edges' selectivities. */
    public double rowsOf(long s) {
        double r = 1.0;
        long seen = 0;
        for (long rest = s; rest != 0; rest &= rest - 1) {
            int i = Long.numberOfTrailingZeros(rest);
            r *= rows[i];
            double[] row = selectivity[i];
            for (long adj = neighbours[i] & seen; adj != 0; adj &= adj - 1) {
                r *= row[Long.numberOfTrailingZeros(adj)];
            }
            seen |= 1L << i;
        }
        return r;
    }

    /** Whether {@code set} is a single relation that can be the inner input of an index nested-loop join. */
    boolean indexedBase(long set) {
        return Long.bitCount(set) == 1 && indexed[Long.numberOfTrailingZeros(set)];
    }

    /**
     * The cheapest own cost of joining inputs {@code a} and {@code b} (either orientation, any offered
     * algorithm applicable to them), whose result has {@code outRows} rows.
     *
     * @throws IllegalStateException when the cost model returns a negative or NaN cost
     */
    public double nodeCost(long a, double aRows, long b, double bRows, double outRows) {
        return nodeCost(indexedBase(a), aRows, indexedBase(b), bRows, outRows);
    }

    /** As {@link #nodeCost(long, double, long, double, double)}, told whether each input is an indexed base relation. */
    double nodeCost(boolean aIndexed, double aRows, boolean bIndexed, double bRows, double outRows) {
        double best = Double.POSITIVE_INFINITY;
        for (JoinAlgorithm alg : algorithms) {
            if (alg != JoinAlgorithm.INDEX_NESTED_LOOP || bIndexed) {
                best = Math.min(best, checked(alg, aRows, bRows, outRows));
            }
            if (alg != JoinAlgorithm.INDEX_NESTED_LOOP || aIndexed) {
                best = Math.min(best, checked(alg, bRows, aRows, outRows));
            }
        }
        return best;
    }

    private double checked(JoinAlgorithm alg, double left, double right, double out) {
        double c = costModel.joinCost(alg, left, right, out);
        if (!(c >= 0)) {
            throw new IllegalStateException("the cost model priced " + alg + " (left " + left + " rows, right "
                    + right + " rows, output " + out + ") at " + c + "; costs must be non-negative numbers");
        }
        return c;
    }

    /**
     * Joins two plans of disjoint relation sets with the cheapest orientation and algorithm, built with
     * {@link JoinPlan.Join#of} so that rows and costs are the cost model's.
     */
    public JoinPlan.Join join(JoinPlan a, JoinPlan b) {
        JoinPlan.Join best = null;
        for (JoinAlgorithm alg : algorithms) {
            if (alg != JoinAlgorithm.INDEX_NESTED_LOOP || isIndexedScan(b)) {
                best = cheaper(best, JoinPlan.Join.of(graph, costModel, a, b, alg));
            }
            if (alg != JoinAlgorithm.INDEX_NESTED_LOOP || isIndexedScan(a)) {
                best = cheaper(best, JoinPlan.Join.of(graph, costModel, b, a, alg));
            }
        }
        return best;
    }

    private boolean isIndexedScan(JoinPlan p) {
        return p instanceof JoinPlan.Scan s && indexed[s.relation()];
    }

    private static JoinPlan.Join cheaper(JoinPlan.Join best, JoinPlan.Join candidate) {
        if (!(candidate.cost() >= 0)) {
            throw new IllegalStateException("the cost model priced a " + candidate.algorithm() + " join at "
                    + candidate.cost() + "; costs must be non-negative numbers");
        }
        return best == null || candidate.cost() < best.cost() ? candidate : best;
    }

    /** The connected components of the graph as bit masks, in order of their lowest relation id. */
    public List<Long> components() {
        List<Long> result = new ArrayList<>();
        long unseen = size() == 64 ? -1L : (1L << size()) - 1;
        while (unseen != 0) {
            long component = Long.lowestOneBit(unseen);
            long frontier = component;
            while (frontier != 0) {
                frontier = neighbourhood(component) & ~component;
                component |= frontier;
            }
            result.add(component);
            unseen &= ~component;
        }
        return result;
    }
}
