package org.neuroquantum.plugin.optimizer.qubo.problem;

import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * Graph colouring with {@code k} colours as a one-hot QUBO: variable {@code x[v·k + c] = 1} means vertex
 * {@code v} has colour {@code c}. Energy
 * {@code A·Σ_v (1 − Σ_c x_vc)² + B·Σ_{(u,v)∈E} Σ_c x_uc·x_vc}, which expands to linear terms {@code −A}, couplings
 * {@code 2A} between the colours of one vertex, {@code B} between equal colours of adjacent vertices, and a
 * constant {@code A·n}.
 *
 * <p>Penalty choice: {@code B = 1} and {@code A = 2}. The energy is 0 exactly for proper k-colourings, whatever
 * {@code A, B > 0}; the ratio only shapes the landscape. With {@code A = 2} a vertex with one colour and one
 * conflict gains nothing by dropping its colour (+2 − 1), so one-hot violations do not pay off in a local
 * minimum unless a vertex has at least two conflicts in its colour, while A stays small enough that a vertex can
 * pass through "uncoloured" on its way to a better colour at moderate temperatures. Measured with 1 s of
 * {@code sa} at k = χ on queen6_6 and games120: A = 1 and A = 2 found proper colourings in every run, A = 4 in
 * none (docs/optimizer.md).
 */
public final class GraphColoring {
    /** The one-hot penalty A. */
    public static final double ONE_HOT_PENALTY = 2.0;
    /** The conflict weight B. */
    public static final double CONFLICT_WEIGHT = 1.0;

    private GraphColoring() {
    }

    /** The QUBO for {@code k} colours with the documented penalties. */
    public static QuboModel toQubo(Graph graph, int k) {
        return toQubo(graph, k, ONE_HOT_PENALTY, CONFLICT_WEIGHT);
    }

    /** The QUBO for {@code k} colours with penalties {@code a} (one-hot) and {@code b} (conflicts). */
    public static QuboModel toQubo(Graph graph, int k, double a, double b) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one colour, got " + k);
        }
        int n = graph.vertexCount();
        QuboModel.Builder q = QuboModel.builder(n * k).addOffset(a * n);
        for (int v = 0; v < n; v++) {
            for (int c = 0; c < k; c++) {
                q.addLinear(v * k + c, -a);
                for (int c2 = c + 1; c2 < k; c2++) {
                    q.addQuadratic(v * k + c, v * k + c2, 2 * a);
                }
            }
        }
        int[] start = graph.adjacencyStart();
        int[] adj = graph.adjacency();
        for (int u = 0; u < n; u++) {
            for (int p = start[u]; p < start[u + 1]; p++) {
                int v = adj[p];
                if (v > u) {
                    for (int c = 0; c < k; c++) {
                        q.addQuadratic(u * k + c, v * k + c, b);
                    }
                }
            }
        }
        return q.build();
    }

    /** Whether every vertex has exactly one colour in the assignment. */
    public static boolean isOneHot(byte[] x, int n, int k) {
        for (int v = 0; v < n; v++) {
            int count = 0;
            for (int c = 0; c < k; c++) {
                count += x[v * k + c];
            }
            if (count != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes an assignment into colours, repairing where needed: a vertex with exactly one colour keeps it;
     * one with none or several takes, among its set colours (or all colours if none is set), the one with the
     * fewest neighbours already decoded to it. Returns colours {@code 0..k−1} per vertex.
     */
    public static int[] decode(Graph graph, byte[] x, int k) {
        int n = graph.vertexCount();
        int[] colour = new int[n];
        java.util.Arrays.fill(colour, -1);
        for (int v = 0; v < n; v++) {
            int count = 0;
            int only = -1;
            for (int c = 0; c < k; c++) {
                if (x[v * k + c] != 0) {
                    count++;
                    only = c;
                }
            }
            if (count == 1) {
                colour[v] = only;
            }
        }
        int[] start = graph.adjacencyStart();
        int[] adj = graph.adjacency();
        int[] clash = new int[k];
        for (int v = 0; v < n; v++) {
            if (colour[v] >= 0) {
                continue;
            }
            java.util.Arrays.fill(clash, 0);
            for (int p = start[v]; p < start[v + 1]; p++) {
                int c = colour[adj[p]];
                if (c >= 0) {
                    clash[c]++;
                }
            }
            boolean anySet = false;
            for (int c = 0; c < k; c++) {
                anySet |= x[v * k + c] != 0;
            }
            int best = -1;
            for (int c = 0; c < k; c++) {
                if ((!anySet || x[v * k + c] != 0) && (best < 0 || clash[c] < clash[best])) {
                    best = c;
                }
            }
            colour[v] = best;
        }
        return colour;
    }

    /** The number of edges whose ends share a colour. */
    public static int conflicts(Graph graph, int[] colour) {
        int count = 0;
        for (int e = 0; e < graph.edgeCount(); e++) {
            if (colour[graph.from(e)] == colour[graph.to(e)]) {
                count++;
            }
        }
        return count;
    }

    /** The number of distinct colours used. */
    public static int coloursUsed(int[] colour) {
        return (int) java.util.Arrays.stream(colour).distinct().count();
    }
}
