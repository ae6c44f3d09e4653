package org.neuroquantum.plugin.optimizer.qubo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuboModelTest {
    private static double bruteEnergy(double offset, double[] lin, double[][] q, byte[] x) {
        double e = offset;
        for (int i = 0; i < x.length; i++) {
            e += lin[i] * x[i];
            for (int j = i + 1; j < x.length; j++) {
                e += q[i][j] * x[i] * x[j];
            }
        }
        return e;
    }

    @Test
    void builderMergesDuplicatesFoldsDiagonalAndDropsCancelledPairs() {
        QuboModel m = QuboModel.builder(4).addQuadratic(0, 1, 2).addQuadratic(1, 0, 3).addQuadratic(2, 2, 5)
                .addQuadratic(2, 3, 1).addQuadratic(3, 2, -1).addLinear(0, -1).addOffset(7).build();
        assertEquals(5, m.coupling(0, 1));
        assertEquals(5, m.coupling(1, 0));
        assertEquals(5, m.linear(2));
        assertEquals(0, m.coupling(2, 3));
        assertEquals(1, m.couplingCount());
        assertEquals(7 - 1 + 5, m.energy(new byte[] {1, 1, 0, 0}));
    }

    @Test
    void energyDeltaAndIsingRoundTripAgreeWithBruteForce() {
        int n = 9;
        FastRandom rng = new FastRandom(3);
        double[] lin = new double[n];
        double[][] q = new double[n][n];
        QuboModel.Builder b = QuboModel.builder(n).addOffset(0.25);
        for (int i = 0; i < n; i++) {
            lin[i] = rng.nextInt(11) - 5;
            b.addLinear(i, lin[i]);
            for (int j = i + 1; j < n; j++) {
                if (rng.nextDouble() < 0.6) {
                    q[i][j] = rng.nextInt(9) - 4;
                    b.addQuadratic(j, i, q[i][j]);
                }
            }
        }
        QuboModel m = b.build();
        IsingModel ising = m.toIsing();
        QuboModel back = ising.toQubo();
        for (int mask = 0; mask < (1 << n); mask++) {
            byte[] x = new byte[n];
            for (int i = 0; i < n; i++) {
                x[i] = (byte) ((mask >> i) & 1);
            }
            double e = bruteEnergy(0.25, lin, q, x);
            assertEquals(e, m.energy(x), 1e-9);
            assertEquals(e, ising.energy(IsingModel.toSpins(x)), 1e-9);
            assertEquals(e, back.energy(x), 1e-9);
            for (int i = 0; i < n; i++) {
                byte[] y = x.clone();
                y[i] ^= 1;
                assertEquals(bruteEnergy(0.25, lin, q, y) - e, m.flipDelta(x, i), 1e-9);
                assertEquals(bruteEnergy(0.25, lin, q, y) - e, ising.flipDelta(IsingModel.toSpins(x), i), 1e-9);
            }
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IndexOutOfBoundsException.class, () -> QuboModel.builder(2).addLinear(2, 1));
        assertThrows(IllegalArgumentException.class, () -> QuboModel.builder(2).addQuadratic(0, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> QuboModel.builder(2).build().energy(new byte[3]));
    }
}
