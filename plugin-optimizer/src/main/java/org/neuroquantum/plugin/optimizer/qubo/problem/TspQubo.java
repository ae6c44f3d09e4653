package org.neuroquantum.plugin.optimizer.qubo.problem;

import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * The TSP as an n² one-hot QUBO (Lucas 2014, section 7.1): {@code x[c·n + p] = 1} means city {@code c} is
 * visited at position {@code p}. Energy
 * {@code A·Σ_c (1 − Σ_p x_cp)² + A·Σ_p (1 − Σ_c x_cp)² + B·Σ_{c≠c'} d(c,c')·Σ_p x_{c,p}·x_{c',p+1}} (positions
 * cyclic), so a feasible assignment has energy {@code B ×} its tour length.
 *
 * <p>Penalty choice: {@code B = 1} and {@code A = λ·max d} with {@code λ} = {@value #DEFAULT_LAMBDA} by default.
 * Lucas gives {@code 0 < B·max d < A} as the condition under which breaking a one-hot constraint never pays,
 * so λ sits just above 1. A larger λ stiffens the constraints without making annealed states more often
 * feasible (every eil51 run ended on a permutation at λ = 1.1) and raises the barriers between tours: with 2 s
 * of {@code sa} on eil51 the median annealed tour was 2.6× the optimum at λ = 1.1, 2.7× at λ = 1.5 and 3.4× at
 * λ = 3 (docs/optimizer.md).
 */
public final class TspQubo {
    /** Default ratio of the one-hot penalty to the largest distance. */
    public static final double DEFAULT_LAMBDA = 1.1;

    private TspQubo() {
    }

    /** Index of the variable "city c at position p". */
    public static int variable(int n, int city, int position) {
        return city * n + position;
    }

    /** The QUBO with the default penalty. */
    public static QuboModel toQubo(TspInstance instance) {
        return toQubo(instance, DEFAULT_LAMBDA);
    }

    /** The QUBO with {@code A = lambda·max d}, {@code B = 1}. */
    public static QuboModel toQubo(TspInstance instance, double lambda) {
        int n = instance.size();
        int maxDistance = 0;
        for (int v : instance.matrix()) {
            maxDistance = Math.max(maxDistance, v);
        }
        double a = lambda * maxDistance;
        QuboModel.Builder q = QuboModel.builder(n * n).addOffset(2 * a * n);
        for (int c = 0; c < n; c++) {
            for (int p = 0; p < n; p++) {
                // Each variable sits in one city row and one position column: −A from each.
                q.addLinear(variable(n, c, p), -2 * a);
                for (int p2 = p + 1; p2 < n; p2++) {
                    q.addQuadratic(variable(n, c, p), variable(n, c, p2), 2 * a);
                }
                for (int c2 = c + 1; c2 < n; c2++) {
                    q.addQuadratic(variable(n, c, p), variable(n, c2, p), 2 * a);
                }
            }
        }
        for (int c = 0; c < n; c++) {
            for (int c2 = 0; c2 < n; c2++) {
                if (c == c2) {
                    continue;
                }
                double d = instance.distance(c, c2);
                for (int p = 0; p < n; p++) {
                    q.addQuadratic(variable(n, c, p), variable(n, c2, (p + 1) % n), d);
                }
            }
        }
        return q.build();
    }

    /** Whether the assignment is a permutation matrix (every city once, every position once). */
    public static boolean isFeasible(byte[] x, int n) {
        for (int c = 0; c < n; c++) {
            int row = 0;
            int col = 0;
            for (int p = 0; p < n; p++) {
                row += x[c * n + p];
                col += x[p * n + c];
            }
            if (row != 1 || col != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes into a tour, repairing an infeasible assignment: positions are read in order and each takes a set,
     * still unplaced city (the one nearest to the previous city if several); cities left over are then inserted
     * where they lengthen the tour least. A feasible assignment decodes to exactly its permutation.
     */
    public static int[] decode(TspInstance instance, byte[] x) {
        int n = instance.size();
        boolean[] placed = new boolean[n];
        int[] partial = new int[n];
        int m = 0;
        for (int p = 0; p < n; p++) {
            int pick = -1;
            for (int c = 0; c < n; c++) {
                if (!placed[c] && x[c * n + p] != 0) {
                    if (pick < 0 || (m > 0 && instance.distance(partial[m - 1], c)
                            < instance.distance(partial[m - 1], pick))) {
                        pick = c;
                    }
                }
            }
            if (pick >= 0) {
                placed[pick] = true;
                partial[m++] = pick;
            }
        }
        for (int c = 0; c < n; c++) {
            if (placed[c]) {
                continue;
            }
            if (m < 2) {
                partial[m++] = c;
                continue;
            }
            int bestAt = 0;
            long bestCost = Long.MAX_VALUE;
            for (int i = 0; i < m; i++) {
                int a = partial[i];
                int b = partial[(i + 1) % m];
                long cost = (long) instance.distance(a, c) + instance.distance(c, b) - instance.distance(a, b);
                if (cost < bestCost) {
                    bestCost = cost;
                    bestAt = i + 1;
                }
            }
            System.arraycopy(partial, bestAt, partial, bestAt + 1, m - bestAt);
            partial[bestAt] = c;
            m++;
        }
        return partial;
    }
}
