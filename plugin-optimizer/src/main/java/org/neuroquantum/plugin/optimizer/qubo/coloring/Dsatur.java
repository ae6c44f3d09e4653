package org.neuroquantum.plugin.optimizer.qubo.coloring;

import org.neuroquantum.plugin.optimizer.qubo.problem.Graph;

/**
 * Brélaz's DSATUR: repeatedly colour the uncoloured vertex with the most distinct colours among its
 * neighbours (ties: highest degree, then lowest index) with the smallest colour it can take. Deterministic.
 */
public final class Dsatur {
    private Dsatur() {
    }

    /** A proper colouring with colours {@code 0..}; O(n² + m·k). */
    public static int[] colour(Graph graph) {
        int n = graph.vertexCount();
        int[] start = graph.adjacencyStart();
        int[] adj = graph.adjacency();
        int[] colour = new int[n];
        java.util.Arrays.fill(colour, -1);
        int[] saturation = new int[n];
        java.util.BitSet[] seen = new java.util.BitSet[n];
        for (int v = 0; v < n; v++) {
            seen[v] = new java.util.BitSet();
        }
        for (int step = 0; step < n; step++) {
            int pick = -1;
            for (int v = 0; v < n; v++) {
                if (colour[v] < 0 && (pick < 0 || saturation[v] > saturation[pick]
                        || (saturation[v] == saturation[pick]
                                && start[v + 1] - start[v] > start[pick + 1] - start[pick]))) {
                    pick = v;
                }
            }
            int c = seen[pick].nextClearBit(0);
            colour[pick] = c;
            for (int p = start[pick]; p < start[pick + 1]; p++) {
                int u = adj[p];
                if (colour[u] < 0 && !seen[u].get(c)) {
                    seen[u].set(c);
                    saturation[u]++;
                }
            }
        }
        return colour;
    }
}
