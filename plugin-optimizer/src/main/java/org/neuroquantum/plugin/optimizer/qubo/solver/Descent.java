package org.neuroquantum.plugin.optimizer.qubo.solver;

import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/** Steepest-free greedy descent: flips any variable that lowers the energy until none does. */
final class Descent {
    private Descent() {
    }

    /**
     * Flips improving variables of {@code x} in index order until a local minimum under single flips, keeping
     * {@code field} (the local fields of {@code x}) current. Returns the total energy change (≤ 0).
     */
    static double toLocalMinimum(QuboModel model, byte[] x, double[] field) {
        int[] rowStart = model.rowStart();
        int[] columns = model.columns();
        double[] weights = model.weights();
        int n = x.length;
        double change = 0;
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int i = 0; i < n; i++) {
                double d = x[i] == 0 ? field[i] : -field[i];
                if (d < -1e-12) {
                    change += d;
                    improved = true;
                    x[i] ^= 1;
                    double sign = x[i] == 1 ? 1.0 : -1.0;
                    for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                        field[columns[k]] += sign * weights[k];
                    }
                }
            }
        }
        return change;
    }
}
