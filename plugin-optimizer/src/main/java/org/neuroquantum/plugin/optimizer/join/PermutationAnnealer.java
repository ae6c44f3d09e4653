package org.neuroquantum.plugin.optimizer.join;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Simulated annealing over permutations with three moves, each chosen with probability 1/3: swap two
 * positions, move one element to another position (insert), reverse a segment. The energy is
 * {@code ln(1 + cost)}: join costs span many orders of magnitude, and in log space a temperature means the
 * same relative worsening whatever the query's scale. The best permutation seen is kept.
 *
 * <p>Temperatures are derived from the problem rather than fixed: {@value #PROBES} random moves from the
 * start measure the uphill energy steps; the anneal starts where the median step is accepted with probability
 * 1/2 and ends where the smallest tenth of the steps are accepted with probability 1/100, falling
 * geometrically in between. Under C_out the costs of good plans differ by fractions of a percent (the final
 * result and the scans are common to all plans), so a fixed end temperature would either freeze too early on
 * large queries or never resolve those differences.
 */
final class PermutationAnnealer {
    /** Moves between two looks at the clock. */
    private static final int DEADLINE_CHECK_INTERVAL = 64;
    /** Random moves that measure the energy steps before annealing. */
    static final int PROBES = 100;

    /** The outcome of one anneal. */
    record Result(int[] best, double bestCost, long moves, boolean deadlinePassed) {
    }

    private PermutationAnnealer() {
    }

    /**
     * Anneals from {@code start} (not modified) for at most {@code moves} moves (the probes included) or
     * until the deadline.
     *
     * @param cost the exact cost of a permutation; must not keep or modify the array
     */
    static Result anneal(int[] start, ToDoubleFunction<int[]> cost, long moves, SplittableRandom random,
            Deadline deadline) {
        int n = start.length;
        int[] current = start.clone();
        int[] best = current.clone();
        double bestCost = cost.applyAsDouble(current);
        if (n < 2) {
            return new Result(best, bestCost, 0, false);
        }
        double energy = Math.log1p(bestCost);
        double[] steps = new double[PROBES];
        int uphill = 0;
        for (int probe = 0; probe < PROBES; probe++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n - 1);
            if (j >= i) {
                j++;
            }
            int kind = random.nextInt(3);
            apply(current, kind, i, j);
            double delta = Math.log1p(cost.applyAsDouble(current)) - energy;
            undo(current, kind, i, j);
            if (delta > 1e-12) {
                steps[uphill++] = delta;
            }
        }
        moves = Math.max(0, moves - PROBES);
        if (uphill == 0) {
            steps[uphill++] = 1.0;
        }
        java.util.Arrays.sort(steps, 0, uphill);
        double hot = steps[uphill / 2] / Math.log(2);
        double cold = Math.min(hot, steps[uphill / 10] / Math.log(100));
        double ratio = moves > 1 ? Math.pow(cold / hot, 1.0 / (moves - 1)) : 1.0;
        double temperature = moves > 1 ? hot : cold;
        long done = 0;
        boolean late = false;
        for (; done < moves; done++, temperature *= ratio) {
            if (done % DEADLINE_CHECK_INTERVAL == 0 && deadline.passed()) {
                late = true;
                break;
            }
            int i = random.nextInt(n);
            int j = random.nextInt(n - 1);
            if (j >= i) {
                j++;
            }
            int kind = random.nextInt(3);
            apply(current, kind, i, j);
            double c = cost.applyAsDouble(current);
            double e = Math.log1p(c);
            double delta = e - energy;
            if (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature)) {
                energy = e;
                if (c < bestCost) {
                    bestCost = c;
                    System.arraycopy(current, 0, best, 0, n);
                }
            } else {
                undo(current, kind, i, j);
            }
        }
        return new Result(best, bestCost, done, late);
    }

    private static void apply(int[] p, int kind, int i, int j) {
        switch (kind) {
            case 0 -> swap(p, i, j);
            case 1 -> move(p, i, j);
            default -> reverse(p, Math.min(i, j), Math.max(i, j));
        }
    }

    private static void undo(int[] p, int kind, int i, int j) {
        switch (kind) {
            case 0 -> swap(p, i, j);
            case 1 -> move(p, j, i);
            default -> reverse(p, Math.min(i, j), Math.max(i, j));
        }
    }

    private static void swap(int[] p, int i, int j) {
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
    }

    /** Takes the element at {@code from} out and puts it back at index {@code to}. */
    static void move(int[] p, int from, int to) {
        int v = p[from];
        if (from < to) {
            System.arraycopy(p, from + 1, p, from, to - from);
        } else {
            System.arraycopy(p, to, p, to + 1, from - to);
        }
        p[to] = v;
    }

    private static void reverse(int[] p, int i, int j) {
        while (i < j) {
            swap(p, i++, j--);
        }
    }
}
