package org.neuroquantum.plugin.optimizer.join;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.neuroquantum.spi.optimizer.JoinPlan;

/**
 * One connected component renumbered 0..k-1, with the two join-order encodings the annealer searches and
 * their exact costs under the cost model.
 *
 * <ul>
 *   <li><b>Relation order</b> (left-deep): a permutation of the k relations. Decoding repairs it into a plan
 *       without cross products: the plan starts with the first relation of the order and then always adds the
 *       first not yet joined relation of the order that has a join edge into the relations joined so far.
 *       Every left-deep plan without cross products is the decoding of at least one order (itself).</li>
 *   <li><b>Edge order</b> (bushy): a permutation of the component's distinct join edges (relation pairs).
 *       Decoding runs through the edges and, for each edge whose ends lie in different partial plans, joins
 *       those two plans (as Kruskal's algorithm merges trees). Every bushy plan without cross products is the
 *       decoding of some edge order: pick one edge across each join node and list these in post-order.</li>
 * </ul>
 *
 * <p>Not thread-safe: the evaluation scratch arrays are reused.
 */
final class LocalComponent {
    private final PlanningProblem problem;
    final int k;
    private final int[] global;
    private final long[] neighbours;
    private final double[][] selectivity;
    private final double[] rows;
    private final boolean[] indexed;
    private final double scanCost;
    /** The distinct join edges as {@code {a, b}} with a < b, local numbers. */
    final int[][] edges;

    // Scratch for decoding.
    private final int[] part;
    private final long[] partSet;
    private final double[] partRows;
    private final double[] partCost;
    private final boolean[] used;

    LocalComponent(PlanningProblem problem, long component) {
        this.problem = problem;
        k = Long.bitCount(component);
        global = new int[k];
        int[] local = new int[problem.size()];
        int j = 0;
        for (long rest = component; rest != 0; rest &= rest - 1) {
            int g = Long.numberOfTrailingZeros(rest);
            local[g] = j;
            global[j++] = g;
        }
        neighbours = new long[k];
        selectivity = new double[k][k];
        rows = new double[k];
        indexed = new boolean[k];
        double scans = 0;
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            rows[a] = problem.rows(global[a]);
            indexed[a] = problem.indexedBase(1L << global[a]);
            scans += problem.scan(global[a]).cost();
            for (long adj = problem.neighbours(global[a]) & component; adj != 0; adj &= adj - 1) {
                int b = local[Long.numberOfTrailingZeros(adj)];
                neighbours[a] |= 1L << b;
                selectivity[a][b] = problem.pairSelectivity(global[a], global[b]);
                if (a < b) {
                    pairs.add(new int[] {a, b});
                }
            }
        }
        scanCost = scans;
        edges = pairs.toArray(new int[0][]);
        part = new int[k];
        partSet = new long[k];
        partRows = new double[k];
        partCost = new double[k];
        used = new boolean[k];
    }

    double rows(int relation) {
        return rows[relation];
    }

    long neighbours(int relation) {
        return neighbours[relation];
    }

    /** Combined selectivity of the edges between two local relations (1 without an edge). */
    double pairSelectivity(int a, int b) {
        return ((neighbours[a] >>> b) & 1) != 0 ? selectivity[a][b] : 1.0;
    }

    /** The product of the selectivities of the edges between two disjoint local sets. */
    double selectivity(long a, long b) {
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

    /** The relation's id in the query graph. */
    int global(int relation) {
        return global[relation];
    }

    /** Whether the local set is one relation with an index access path. */
    boolean indexedBase(long set) {
        return Long.bitCount(set) == 1 && indexed[Long.numberOfTrailingZeros(set)];
    }

    /** The cheapest own cost of joining two disjoint local sets (see {@link PlanningProblem#nodeCost}). */
    double nodeCost(long a, double aRows, long b, double bRows, double out) {
        return problem.nodeCost(indexedBase(a), aRows, indexedBase(b), bRows, out);
    }

    /** The repaired join sequence of a relation order: the order in which the left-deep plan adds relations. */
    int[] leftDeepSequence(int[] order) {
        int[] sequence = new int[k];
        Arrays.fill(used, false);
        sequence[0] = order[0];
        used[order[0]] = true;
        long joined = 1L << order[0];
        for (int step = 1; step < k; step++) {
            int next = -1;
            for (int r : order) {
                if (!used[r] && (neighbours[r] & joined) != 0) {
                    next = r;
                    break;
                }
            }
            sequence[step] = next;
            used[next] = true;
            joined |= 1L << next;
        }
        return sequence;
    }

    /** The exact cost of the left-deep plan a relation order decodes to. */
    double leftDeepCost(int[] order) {
        Arrays.fill(used, false);
        int first = order[0];
        used[first] = true;
        long joined = 1L << first;
        double joinedRows = rows[first];
        double cost = scanCost;
        for (int step = 1; step < k; step++) {
            int next = -1;
            for (int r : order) {
                if (!used[r] && (neighbours[r] & joined) != 0) {
                    next = r;
                    break;
                }
            }
            used[next] = true;
            double s = 1.0;
            double[] row = selectivity[next];
            for (long adj = neighbours[next] & joined; adj != 0; adj &= adj - 1) {
                s *= row[Long.numberOfTrailingZeros(adj)];
            }
            double out = joinedRows * rows[next] * s;
            cost += nodeCost(joined, joinedRows, 1L << next, rows[next], out);
            joined |= 1L << next;
            joinedRows = out;
        }
        return cost;
    }

    /** The left-deep plan a relation order decodes to, built through the SPI. */
    JoinPlan leftDeepPlan(int[] order) {
        int[] sequence = leftDeepSequence(order);
        JoinPlan plan = problem.scan(global[sequence[0]]);
        for (int step = 1; step < k; step++) {
            plan = problem.join(plan, problem.scan(global[sequence[step]]));
        }
        return plan;
    }

    /** The exact cost of the bushy plan an edge order (indexes into {@link #edges}) decodes to. */
    double bushyCost(int[] edgeOrder) {
        for (int i = 0; i < k; i++) {
            part[i] = i;
            partSet[i] = 1L << i;
            partRows[i] = rows[i];
            partCost[i] = 0;
        }
        double total = scanCost;
        int merges = 0;
        for (int e = 0; e < edgeOrder.length && merges < k - 1; e++) {
            int[] edge = edges[edgeOrder[e]];
            int pa = part[edge[0]];
            int pb = part[edge[1]];
            if (pa == pb) {
                continue;
            }
            long a = partSet[pa];
            long b = partSet[pb];
            double out = partRows[pa] * partRows[pb] * selectivity(a, b);
            total += nodeCost(a, partRows[pa], b, partRows[pb], out);
            if (Long.bitCount(a) < Long.bitCount(b)) {
                int t = pa;
                pa = pb;
                pb = t;
            }
            for (long rest = partSet[pb]; rest != 0; rest &= rest - 1) {
                part[Long.numberOfTrailingZeros(rest)] = pa;
            }
            partSet[pa] = a | b;
            partRows[pa] = out;
            merges++;
        }
        return total;
    }

    /** The bushy plan an edge order decodes to, built through the SPI. */
    JoinPlan bushyPlan(int[] edgeOrder) {
        JoinPlan[] plans = new JoinPlan[k];
        for (int i = 0; i < k; i++) {
            part[i] = i;
            plans[i] = problem.scan(global[i]);
        }
        for (int index : edgeOrder) {
            int[] edge = edges[index];
            int pa = part[edge[0]];
            int pb = part[edge[1]];
            if (pa == pb) {
                continue;
            }
            JoinPlan joined = problem.join(plans[pa], plans[pb]);
            for (int i = 0; i < k; i++) {
                if (part[i] == pb) {
                    part[i] = pa;
                }
            }
            plans[pa] = joined;
            plans[pb] = null;
        }
        return plans[part[0]];
    }

    /**
     * An edge order decoding to {@code plan} (a plan of this component without cross products): one edge
     * across each join node in post-order, followed by the remaining edges in random order.
     */
    int[] edgeOrderOf(JoinPlan plan, SplittableRandom random) {
        int[] localOf = new int[problem.size()];
        for (int i = 0; i < k; i++) {
            localOf[global[i]] = i;
        }
        List<Integer> order = new ArrayList<>();
        boolean[] taken = new boolean[edges.length];
        collect(plan, localOf, order, taken);
        List<Integer> rest = new ArrayList<>();
        for (int e = 0; e < edges.length; e++) {
            if (!taken[e]) {
                rest.add(e);
            }
        }
        shuffle(rest, random);
        order.addAll(rest);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private void collect(JoinPlan plan, int[] localOf, List<Integer> order, boolean[] taken) {
        if (plan instanceof JoinPlan.Join j) {
            collect(j.left(), localOf, order, taken);
            collect(j.right(), localOf, order, taken);
            long left = toLocal(j.left().relations(), localOf);
            long right = toLocal(j.right().relations(), localOf);
            for (int e = 0; e < edges.length; e++) {
                long a = 1L << edges[e][0];
                long b = 1L << edges[e][1];
                if (((left & a) != 0 && (right & b) != 0) || ((left & b) != 0 && (right & a) != 0)) {
                    order.add(e);
                    taken[e] = true;
                    return;
                }
            }
            throw new IllegalArgumentException("plan has a cross product: " + j);
        }
    }

    private static long toLocal(long globalSet, int[] localOf) {
        long s = 0;
        for (long rest = globalSet; rest != 0; rest &= rest - 1) {
            s |= 1L << localOf[Long.numberOfTrailingZeros(rest)];
        }
        return s;
    }

    /** A uniformly random permutation of 0..n-1. */
    static int[] randomPermutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
