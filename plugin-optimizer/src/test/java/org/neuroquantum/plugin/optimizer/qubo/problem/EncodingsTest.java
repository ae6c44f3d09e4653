package org.neuroquantum.plugin.optimizer.qubo.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;
import org.neuroquantum.plugin.optimizer.qubo.SpinGlasses;
import org.neuroquantum.plugin.optimizer.qubo.solver.SimulatedAnnealing;
import org.neuroquantum.plugin.optimizer.qubo.solver.Solution;
import org.neuroquantum.plugin.optimizer.qubo.solver.SolverOptions;

class EncodingsTest {
    private static byte[] bits(long mask, int n) {
        byte[] x = new byte[n];
        for (int i = 0; i < n; i++) {
            x[i] = (byte) ((mask >> i) & 1);
        }
        return x;
    }

    @Test
    void maxCutEnergyIsMinusTheCutForEveryAssignment() {
        Graph g = new Graph("w", 5, new int[] {0, 0, 1, 2, 3, 1}, new int[] {1, 2, 2, 3, 4, 4},
                new double[] {1, -1, 2, 1, 3, 1});
        QuboModel q = MaxCut.toQubo(g);
        double best = Double.NEGATIVE_INFINITY;
        for (long m = 0; m < 32; m++) {
            byte[] x = bits(m, 5);
            assertEquals(-MaxCut.cutWeight(g, x), q.energy(x), 1e-9);
            best = Math.max(best, MaxCut.cutWeight(g, x));
        }
        assertEquals(-best, SpinGlasses.exhaustiveMinimum(q), 1e-9);
    }

    @Test
    void maxCutOfSmallGraphsMatchesKnownValues() {
        // K4: 4 of 6 edges; the 5-cycle: 4 of 5; the Petersen graph: 12 of 15.
        Graph k4 = Graph.unweighted("k4", 4, new int[] {0, 0, 0, 1, 1, 2}, new int[] {1, 2, 3, 2, 3, 3});
        Graph c5 = Graph.unweighted("c5", 5, new int[] {0, 1, 2, 3, 4}, new int[] {1, 2, 3, 4, 0});
        Graph petersen = Graph.unweighted("petersen", 10, new int[] {0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                new int[] {1, 2, 3, 4, 0, 5, 6, 7, 8, 9, 7, 8, 9, 5, 6});
        assertEquals(4, solveCut(k4));
        assertEquals(4, solveCut(c5));
        assertEquals(12, solveCut(petersen));
    }

    private static double solveCut(Graph g) {
        Solution s = new SimulatedAnnealing().solve(MaxCut.toQubo(g), SolverOptions.sweeps(1, 200).withThreads(1));
        return MaxCut.cutWeight(g, s.assignment());
    }

    @Test
    void coloringEnergyIsZeroExactlyForProperOneHotColourings() {
        // A path a-b-c plus the edge a-c makes a triangle: needs 3 colours.
        Graph triangle = Graph.unweighted("t", 3, new int[] {0, 1, 0}, new int[] {1, 2, 2});
        for (int k = 2; k <= 3; k++) {
            QuboModel q = GraphColoring.toQubo(triangle, k);
            int zeros = 0;
            for (long m = 0; m < (1L << (3 * k)); m++) {
                byte[] x = bits(m, 3 * k);
                double e = q.energy(x);
                assertTrue(e >= 0);
                boolean proper = GraphColoring.isOneHot(x, 3, k)
                        && GraphColoring.conflicts(triangle, GraphColoring.decode(triangle, x, k)) == 0;
                assertEquals(proper, e == 0.0, "k=" + k + " mask " + m);
                if (proper) {
                    zeros++;
                }
            }
            assertEquals(k == 3 ? 6 : 0, zeros, "proper colourings of a triangle with " + k + " colours");
        }
    }

    @Test
    void decodingRepairsVerticesWithoutExactlyOneColour() {
        Graph path = Graph.unweighted("p", 3, new int[] {0, 1}, new int[] {1, 2});
        byte[] x = {1, 0, /* vertex 1: none */ 0, 0, /* vertex 2: both */ 1, 1};
        int[] colour = GraphColoring.decode(path, x, 2);
        assertEquals(0, colour[0]);
        assertEquals(1, colour[1]);
        assertEquals(0, colour[2]);
        assertEquals(0, GraphColoring.conflicts(path, colour));
    }

    private static TspInstance square() {
        // Four corners of a 3x4 rectangle: optimum 14 around the edge, crossings cost 2·5 + 2·3 or 2·5 + 2·4.
        int[] d = {0, 3, 5, 4, 3, 0, 4, 5, 5, 4, 0, 3, 4, 5, 3, 0};
        return new TspInstance("rect", 4, d);
    }

    @Test
    void tspQuboCostsEveryPermutationItsLengthAndItsMinimumIsTheOptimumTour() {
        TspInstance t = square();
        QuboModel q = TspQubo.toQubo(t);
        int n = 4;
        double min = Double.POSITIVE_INFINITY;
        for (long m = 0; m < (1L << 16); m++) {
            byte[] x = bits(m, 16);
            double e = q.energy(x);
            if (TspQubo.isFeasible(x, n)) {
                int[] tour = TspQubo.decode(t, x);
                assertEquals(t.tourLength(tour), e, 1e-9);
            }
            min = Math.min(min, e);
        }
        assertEquals(14, min, 1e-9);
        // Every assignment at the minimum is a permutation (the penalty is large enough).
        for (long m = 0; m < (1L << 16); m++) {
            byte[] x = bits(m, 16);
            if (q.energy(x) == min) {
                assertTrue(TspQubo.isFeasible(x, n), "mask " + m);
            }
        }
    }

    @Test
    void tspDecodingRepairsInfeasibleAssignmentsIntoTours() {
        TspInstance t = square();
        byte[] x = new byte[16];
        x[TspQubo.variable(4, 0, 0)] = 1;
        x[TspQubo.variable(4, 1, 0)] = 1; // two cities at position 0
        x[TspQubo.variable(4, 2, 2)] = 1; // city 3 nowhere
        assertFalse(TspQubo.isFeasible(x, 4));
        int[] tour = TspQubo.decode(t, x);
        assertTrue(t.isPermutation(tour));
        byte[] feasible = new byte[16];
        int[] perm = {2, 0, 3, 1};
        for (int p = 0; p < 4; p++) {
            feasible[TspQubo.variable(4, perm[p], p)] = 1;
        }
        assertArrayEquals(perm, TspQubo.decode(t, feasible));
    }
}
