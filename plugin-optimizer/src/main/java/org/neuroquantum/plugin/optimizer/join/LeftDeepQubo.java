package org.neuroquantum.plugin.optimizer.join;

import java.util.Arrays;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * The QUBO encoding of left-deep join orders of one connected component of k relations.
 *
 * <h2>Variables</h2>
 * {@code x[r,p] = 1} when relation r is at position p of the order (0-based); variable index {@code r·k + p},
 * k² variables.
 *
 * <h2>Objective: linearised log-cardinality</h2>
 * A left-deep order joins the prefixes P_2, ..., P_k (P_j: the first j relations). C_out sums their
 * cardinalities, which is not quadratic; the sum of their <em>logarithms</em> is, exactly:
 * {@code log|P_j| = Σ_{r∈P_j} log rows_r + Σ_{edges (a,b) ⊆ P_j} log sel_ab}. Relation r at position p lies in
 * {@code k − max(p, 1)} of the prefixes P_2..P_k, and an edge whose ends sit at positions p and q in
 * {@code k − max(p, q, 1)} of them, so
 * <pre>
 *   f(x) = Σ_{r,p} (k − max(p,1)) · log rows_r · x[r,p]
 *        + Σ_{edges (a,b)} Σ_{p≠q} (k − max(p,q,1)) · log sel_ab · x[a,p] · x[b,q]
 * </pre>
 * Minimising the sum of log-cardinalities favours small intermediate results early, as C_out does, but it
 * weighs a prefix of 10⁶ rows only twice as much as one of 10³ rather than a thousand times: it is an
 * approximation, and its decoded order is always re-priced with the exact cost model.
 *
 * <h2>Permutation penalties</h2>
 * Each relation at exactly one position and each position holding exactly one relation:
 * {@code A·Σ_r (1 − Σ_p x[r,p])² + A·Σ_p (1 − Σ_r x[r,p])²}. With {@code x² = x} each square expands to
 * {@code 1 − Σ x + 2·Σ_{pairs} x·x'}. The weight is {@code A = 1 + max_v (|h_v| + Σ_u |J_uv|)} over the
 * objective's linear terms h and couplings J: no single flip can gain more objective than A, so leaving a
 * relation unplaced or a position empty, or doubling one, never pays at a local minimum.
 *
 * <h2>Decoding and repair</h2>
 * {@link #decode} turns any assignment into a permutation: each relation is ranked by the lowest position it
 * is assigned to (relations assigned nowhere go last), ties broken by relation number; the permutation is then
 * repaired into a plan without cross products by {@link LocalComponent#leftDeepSequence}.
 */
final class LeftDeepQubo {
    /** Rows below this count as this many in the logarithm, so that empty relations stay finite. */
    private static final double MIN_ROWS = 1e-3;

    private final int k;
    private final QuboModel model;
    private final double penalty;

    LeftDeepQubo(LocalComponent component) {
        k = component.k;
        int n = k * k;
        double[] linear = new double[n];
        // Objective couplings, dense (k ≤ 64 relations, but the annealer uses the QUBO path only for small k).
        double[][] coupling = new double[n][];
        for (int r = 0; r < k; r++) {
            double logRows = Math.log(Math.max(component.rows(r), MIN_ROWS));
            for (int p = 0; p < k; p++) {
                linear[r * k + p] = (k - Math.max(p, 1)) * logRows;
            }
        }
        for (int[] edge : component.edges) {
            int a = edge[0];
            int b = edge[1];
            double logSel = Math.log(component.pairSelectivity(a, b));
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    if (p != q) {
                        add(coupling, a * k + p, b * k + q, (k - Math.max(Math.max(p, q), 1)) * logSel, n);
                    }
                }
            }
        }
        double strongest = 0;
        for (int v = 0; v < n; v++) {
            double s = Math.abs(linear[v]);
            if (coupling[v] != null) {
                for (double w : coupling[v]) {
                    s += Math.abs(w);
                }
            }
            strongest = Math.max(strongest, s);
        }
        penalty = 1 + strongest;
        QuboModel.Builder b = QuboModel.builder(n);
        for (int v = 0; v < n; v++) {
            b.addLinear(v, linear[v]);
            if (coupling[v] != null) {
                for (int u = v + 1; u < n; u++) {
                    if (coupling[v][u] != 0) {
                        b.addQuadratic(v, u, coupling[v][u]);
                    }
                }
            }
        }
        for (int r = 0; r < k; r++) {
            oneHot(b, r * k, 1);
        }
        for (int p = 0; p < k; p++) {
            oneHot(b, p, k);
        }
        model = b.build();
    }

    private static void add(double[][] coupling, int v, int u, double w, int n) {
        if (coupling[v] == null) {
            coupling[v] = new double[n];
        }
        if (coupling[u] == null) {
            coupling[u] = new double[n];
        }
        coupling[v][u] += w;
        coupling[u][v] += w;
    }

    /** Adds {@code A·(1 − Σ x)²} over the k variables {@code first, first + stride, ...}. */
    private void oneHot(QuboModel.Builder b, int first, int stride) {
        b.addOffset(penalty);
        for (int i = 0; i < k; i++) {
            int v = first + i * stride;
            b.addLinear(v, -penalty);
            for (int j = i + 1; j < k; j++) {
                b.addQuadratic(v, first + j * stride, 2 * penalty);
            }
        }
    }

    QuboModel model() {
        return model;
    }

    /** The penalty weight A. */
    double penalty() {
        return penalty;
    }

    /** Whether an assignment is a permutation matrix (satisfies every one-hot constraint). */
    boolean feasible(byte[] x) {
        for (int r = 0; r < k; r++) {
            int row = 0;
            int column = 0;
            for (int p = 0; p < k; p++) {
                row += x[r * k + p];
                column += x[p * k + r];
            }
            if (row != 1 || column != 1) {
                return false;
            }
        }
        return true;
    }

    /** The assignment placing {@code order[p]} at position p. */
    byte[] encode(int[] order) {
        byte[] x = new byte[k * k];
        for (int p = 0; p < k; p++) {
            x[order[p] * k + p] = 1;
        }
        return x;
    }

    /** A relation order from any assignment (see the class comment); a permutation matrix decodes exactly. */
    int[] decode(byte[] x) {
        long[] keys = new long[k];
        for (int r = 0; r < k; r++) {
            int position = k;
            for (int p = 0; p < k; p++) {
                if (x[r * k + p] != 0) {
                    position = p;
                    break;
                }
            }
            keys[r] = (long) position << 32 | r;
        }
        Arrays.sort(keys);
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }
}
