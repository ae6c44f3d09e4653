package org.neuroquantum.plugin.optimizer.qubo.tsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroquantum.plugin.optimizer.qubo.FastRandom;
import org.neuroquantum.plugin.optimizer.qubo.SharedData;
import org.neuroquantum.plugin.optimizer.qubo.io.TsplibReader;
import org.neuroquantum.plugin.optimizer.qubo.problem.TspInstance;

class TspSearchTest {
    private static TspInstance random(int n, long seed) {
        FastRandom rng = new FastRandom(seed);
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(1000);
            y[i] = rng.nextInt(1000);
        }
        int[] d = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = (int) Math.round(Math.hypot(x[i] - x[j], y[i] - y[j]));
            }
        }
        return new TspInstance("random" + n, n, d);
    }

    @Test
    void localSearchKeepsAValidTourAndATrueLengthAndReachesALocalOptimum() {
        for (long seed = 1; seed <= 5; seed++) {
            TspInstance t = random(40 + (int) seed * 7, seed);
            TwoOptOrOpt ls = new TwoOptOrOpt(t, 8);
            int[] start = new int[t.size()];
            for (int i = 0; i < start.length; i++) {
                start[i] = i;
            }
            ls.load(start);
            long before = ls.length();
            ls.optimise();
            assertTrue(t.isPermutation(ls.tour()));
            assertEquals(t.tourLength(ls.tour()), ls.length());
            assertTrue(ls.length() < before);
            // A 2-opt local optimum of a random uniform instance is typically within ~5% of a 3-opt one; the
            // nearest-neighbour start is ~25% above optimum. Check that the search closed most of that gap.
            long nn = t.tourLength(IteratedLocalSearch.nearestNeighbourTour(t, 0));
            assertTrue(ls.length() < before / 2, "identity tour " + before + " -> " + ls.length());
            assertTrue(ls.length() <= nn * 1.05, "local optimum " + ls.length() + " vs nearest neighbour " + nn);
        }
    }

    @Test
    void kicksAndLocalSearchKeepToursConsistent() {
        TspInstance t = random(60, 9);
        TwoOptOrOpt ls = new TwoOptOrOpt(t, 10);
        ls.load(IteratedLocalSearch.nearestNeighbourTour(t, 0));
        ls.optimise();
        FastRandom rng = new FastRandom(4);
        for (int k = 0; k < 500; k++) {
            ls.doubleBridge(rng.nextInt(60), 1 + rng.nextInt(20), 1 + rng.nextInt(20));
            assertEquals(t.tourLength(ls.tour()), ls.length(), "after kick " + k);
            ls.optimise();
            assertEquals(t.tourLength(ls.tour()), ls.length(), "after search " + k);
        }
    }

    @Test
    void iteratedLocalSearchFindsPublishedOptimaDeterministically() throws Exception {
        TspInstance berlin = TsplibReader.read(SharedData.file("tsplib/berlin52.tsp"));
        IteratedLocalSearch.Options o = new IteratedLocalSearch.Options(5, null, 2000, 0, 2, 2);
        IteratedLocalSearch.Result a = IteratedLocalSearch.solve(berlin, o);
        IteratedLocalSearch.Result b = IteratedLocalSearch.solve(berlin, o);
        assertEquals(7542, a.length());
        assertEquals(berlin.tourLength(a.tour()), a.length());
        assertArrayEquals(a.tour(), b.tour());
        TspInstance st70 = TsplibReader.read(SharedData.file("tsplib/st70.tsp"));
        assertEquals(675, IteratedLocalSearch.solve(st70, new IteratedLocalSearch.Options(1, java.time.Duration.ofSeconds(30), 0, 675, 2, 2)
                ).length());
    }
}
