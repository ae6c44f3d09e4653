package org.neuroquantum.plugin.optimizer.qubo.solver;

import org.neuroquantum.plugin.optimizer.qubo.FastRandom;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * {@code pt}: parallel tempering (replica exchange). {@code replicas} copies of the system sit on a geometric
 * ladder of inverse temperatures spanning {@link BetaRange}; each round every replica performs one Metropolis
 * sweep at its temperature, then neighbouring temperatures exchange configurations with the Metropolis
 * probability {@code min(1, exp((β_k − β_{k+1})(E_k − E_{k+1})))}, alternating even and odd pairs. The lowest
 * energy seen by any replica is kept and finally descended to a local minimum. A sweep budget counts rounds, so
 * a run performs {@code sweeps × replicas × n} spin updates. Independent PT runs (restarts) use the cores.
 */
public final class ParallelTempering extends RestartingSolver {
    private final int replicas;
    private final double hotFactor;
    private final double coldFactor;

    /** 16 replicas on the default range. */
    public ParallelTempering() {
        this(16, 1.0, 1.0);
    }

    /** A ladder of {@code replicas} temperatures, ends scaled as in {@link SimulatedAnnealing}. */
    public ParallelTempering(int replicas, double hotFactor, double coldFactor) {
        if (replicas < 2) {
            throw new IllegalArgumentException("parallel tempering needs at least 2 replicas, got " + replicas);
        }
        this.replicas = replicas;
        this.hotFactor = hotFactor;
        this.coldFactor = coldFactor;
    }

    @Override
    public String name() {
        return "pt";
    }

    /** Number of replicas (temperatures). */
    public int replicas() {
        return replicas;
    }

    private record Prepared(BetaRange range, IntegerCouplings integers) {
    }

    @Override
    protected Object prepare(QuboModel model) {
        return new Prepared(BetaRange.of(model, hotFactor, coldFactor), IntegerCouplings.of(model));
    }

    @Override
    protected Run run(QuboModel model, Object preparedObject, long seed, Pace pace, Control control) {
        Prepared prepared = (Prepared) preparedObject;
        BetaRange range = prepared.range();
        IntegerCouplings ints = prepared.integers();
        FastRandom rng = new FastRandom(seed);
        IntegerCouplings.FastRandom32 rng32 = new IntegerCouplings.FastRandom32(seed ^ 0x5DEECE66DL);
        int n = model.size();
        int[] rowStart = model.rowStart();
        int[] columns = model.columns();
        double[] weights = model.weights();
        double[] beta = new double[replicas];
        byte[][] x = new byte[replicas][];
        double[][] field = new double[replicas][];
        int[][] intField = new int[replicas][];
        int[][] threshold = new int[replicas][];
        int[] cutoff = new int[replicas];
        double[] energy = new double[replicas];
        for (int k = 0; k < replicas; k++) {
            beta[k] = range.at(k, replicas);
            x[k] = new byte[n];
            for (int i = 0; i < n; i++) {
                x[k][i] = (byte) (rng.nextLong() >>> 63);
            }
            if (ints != null) {
                // Temperatures are fixed, so each replica's acceptance table is built once.
                intField[k] = ints.localFields(model, x[k]);
                threshold[k] = new int[ints.maxDelta + 2];
                cutoff[k] = IntegerCouplings.fillThresholds(threshold[k], beta[k]);
            } else {
                field[k] = model.localFields(x[k]);
            }
            energy[k] = model.energy(x[k]);
        }
        int[] intWeights = ints == null ? null : ints.weights;
        byte[] best = x[0].clone();
        double bestEnergy = energy[0];
        long nanosAtBest = System.nanoTime() - control.startNanos();
        long updates = 0;
        long s = 0;
        while (pace.next()) {
            for (int k = 0; k < replicas; k++) {
                if (ints != null) {
                    energy[k] += IntegerCouplings.sweep(rowStart, columns, intWeights, x[k], intField[k],
                            threshold[k], cutoff[k], rng32);
                } else {
                    energy[k] += Metropolis.sweep(rowStart, columns, weights, x[k], field[k], beta[k], rng);
                }
            }
            updates += (long) n * replicas;
            int bestSlot = -1;
            for (int k = 0; k < replicas; k++) {
                if (energy[k] < bestEnergy - 1e-9) {
                    bestEnergy = energy[k];
                    bestSlot = k;
                }
            }
            if (bestSlot >= 0) {
                System.arraycopy(x[bestSlot], 0, best, 0, n);
                nanosAtBest = System.nanoTime() - control.startNanos();
                if (control.reached(bestEnergy)) {
                    break;
                }
            }
            for (int k = (int) (s & 1); k + 1 < replicas; k += 2) {
                double a = (beta[k] - beta[k + 1]) * (energy[k] - energy[k + 1]);
                if (a >= 0 || rng.nextDouble() < Math.exp(a)) {
                    byte[] tx = x[k];
                    x[k] = x[k + 1];
                    x[k + 1] = tx;
                    double[] tf = field[k];
                    field[k] = field[k + 1];
                    field[k + 1] = tf;
                    int[] ti = intField[k];
                    intField[k] = intField[k + 1];
                    intField[k + 1] = ti;
                    double te = energy[k];
                    energy[k] = energy[k + 1];
                    energy[k + 1] = te;
                }
            }
            s++;
        }
        double[] bestField = model.localFields(best);
        double e = model.energy(best);
        double after = e + Descent.toLocalMinimum(model, best, bestField);
        if (after < e - 1e-9) {
            nanosAtBest = System.nanoTime() - control.startNanos();
        }
        control.reached(after);
        return new Run(best, after, pace.sweepsDone(), updates, nanosAtBest, pace.deadlineHit());
    }
}
