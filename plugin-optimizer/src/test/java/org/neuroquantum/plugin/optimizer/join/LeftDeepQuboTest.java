package org.neuroquantum.plugin.optimizer.join;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.neuroquantum.plugin.optimizer.join.workload.QueryGraphGenerator;
import org.neuroquantum.plugin.optimizer.join.workload.QueryGraphGenerator.Shape;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;
import org.neuroquantum.plugin.optimizer.qubo.solver.SimulatedAnnealing;
import org.neuroquantum.plugin.optimizer.qubo.solver.Solution;
import org.neuroquantum.plugin.optimizer.qubo.solver.SolverOptions;
import org.neuroquantum.spi.optimizer.CostModel;
import org.neuroquantum.spi.optimizer.JoinGraph;

class LeftDeepQuboTest {
    private static LocalComponent component(Shape shape, int n, long seed) {
        JoinGraph g = QueryGraphGenerator.generate(shape, n, seed);
        return new LocalComponent(new PlanningProblem(g, CostModel.cOut()), Plans.all(g));
    }

    /** Σ_{j=2..k} ln|P_j| over the prefixes of the order, computed directly. */
    private static double sumOfLogPrefixRows(LocalComponent c, int[] order) {
        double sum = 0;
        double logRows = 0;
        for (int j = 0; j < order.length; j++) {
            logRows += Math.log(c.rows(order[j]));
            for (int i = 0; i < j; i++) {
                logRows += Math.log(c.pairSelectivity(order[i], order[j]));
            }
            if (j >= 1) {
                sum += logRows;
            }
        }
        return sum;
    }

    @Test
    void theEnergyOfAPermutationIsTheSumOfLogPrefixCardinalities() {
        for (Shape shape : Shape.values()) {
            LocalComponent c = component(shape, 6, 3);
            LeftDeepQubo qubo = new LeftDeepQubo(c);
            int[] order = {3, 1, 4, 0, 5, 2};
            byte[] x = qubo.encode(order);
            assertTrue(qubo.feasible(x));
            assertEquals(sumOfLogPrefixRows(c, order), qubo.model().energy(x), 1e-9, shape.toString());
            assertArrayEquals(order, qubo.decode(x));
        }
    }

    @Test
    void theGroundStateIsTheBestPermutationByExhaustiveSearch() {
        LocalComponent c = component(Shape.CYCLE, 3, 8);
        LeftDeepQubo qubo = new LeftDeepQubo(c);
        QuboModel model = qubo.model();
        double best = Double.POSITIVE_INFINITY;
        byte[] arg = null;
        for (int bits = 0; bits < 1 << 9; bits++) {
            byte[] x = new byte[9];
            for (int v = 0; v < 9; v++) {
                x[v] = (byte) ((bits >>> v) & 1);
            }
            double e = model.energy(x);
            if (e < best) {
                best = e;
                arg = x;
            }
        }
        assertTrue(qubo.feasible(arg), "the minimum is a permutation matrix: " + Arrays.toString(arg));
        double bestPermutation = Double.POSITIVE_INFINITY;
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : perms) {
            bestPermutation = Math.min(bestPermutation, sumOfLogPrefixRows(c, p));
        }
        assertEquals(bestPermutation, best, 1e-9);
    }

    @Test
    void anyAssignmentDecodesToAPermutation() {
        LeftDeepQubo qubo = new LeftDeepQubo(component(Shape.RANDOM, 5, 2));
        byte[] empty = new byte[25];
        assertFalse(qubo.feasible(empty));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, qubo.decode(empty));
        byte[] messy = new byte[25];
        messy[4 * 5 + 0] = 1; // relation 4 at position 0
        messy[1 * 5 + 0] = 1; // relation 1 at position 0 too
        messy[2 * 5 + 3] = 1; // relation 2 at 3; relations 0 and 3 nowhere
        assertArrayEquals(new int[] {1, 4, 2, 0, 3}, qubo.decode(messy));
    }

    @Test
    void theQuboAnnealerFindsAFeasibleOrderAndItIsRepairedIntoAPlan() {
        LocalComponent c = component(Shape.STAR, 6, 5);
        LeftDeepQubo qubo = new LeftDeepQubo(c);
        Solution s = new SimulatedAnnealing().solve(qubo.model(), new SolverOptions(11, 2000, null, 2, 1,
                Double.NEGATIVE_INFINITY));
        assertTrue(qubo.feasible(s.assignment()));
        int[] sequence = c.leftDeepSequence(qubo.decode(s.assignment()));
        long joined = 1L << sequence[0];
        for (int i = 1; i < sequence.length; i++) {
            assertTrue((c.neighbours(sequence[i]) & joined) != 0, "no cross product");
            joined |= 1L << sequence[i];
        }
        assertEquals(63, joined);
        // In a star every left-deep plan without cross products starts at the hub or joins it second.
        assertTrue(sequence[0] == 0 || sequence[1] == 0);
    }
}
