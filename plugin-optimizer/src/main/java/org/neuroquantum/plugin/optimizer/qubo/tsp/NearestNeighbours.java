package org.neuroquantum.plugin.optimizer.qubo.tsp;

import org.neuroquantum.plugin.optimizer.qubo.problem.TspInstance;

/** Candidate lists: for each city its {@code k} nearest other cities, nearest first (flat array, k per city). */
final class NearestNeighbours {
    private NearestNeighbours() {
    }

    static int[] lists(TspInstance instance, int k) {
        int n = instance.size();
        int[] d = instance.matrix();
        int[] out = new int[n * k];
        long[] keys = new long[n - 1];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    keys[m++] = ((long) d[i * n + j] << 32) | j;
                }
            }
            java.util.Arrays.sort(keys);
            for (int t = 0; t < k; t++) {
                out[i * k + t] = (int) keys[t];
            }
        }
        return out;
    }
}
