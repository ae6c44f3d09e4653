package org.neuroquantum.plugin.optimizer.qubo.solver;

import org.neuroquantum.plugin.optimizer.qubo.FastRandom;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * {@code sa}: single-flip Metropolis annealing on a geometric inverse-temperature schedule from
 * {@link BetaRange}, sweeping the variables in index order (sequential sweeps touch the CSR rows in memory
 * order and need no random index), with incrementally maintained local fields so that a rejected flip costs
 * O(1) and an accepted one O(degree). Each restart starts from a uniformly random assignment and ends with a
 * greedy descent to a local minimum. Models with integer coefficients run on integer fields with a per-sweep
 * acceptance table ({@link IntegerCouplings}); others use doubles and a table of {@code exp(−y)}.
 */
public final class SimulatedAnnealing extends RestartingSolver {
    private final double hotFactor;
    private final double coldFactor;
    private final boolean integerFields;

    /** The default temperature range, integer fields when the model allows. */
    public SimulatedAnnealing() {
        this(1.0, 1.0, true);
    }

    /** A temperature range scaled at each end, integer fields when the model allows. */
    public SimulatedAnnealing(double hotFactor, double coldFactor) {
        this(hotFactor, coldFactor, true);
    }

    /**
     * A temperature range scaled at each end (factors multiply the inverse temperatures of {@link BetaRange});
     * {@code integerFields} enables the integer fast path for models with integer coefficients (the results
     * are statistically equivalent; the switch exists to measure the difference).
     */
    public SimulatedAnnealing(double hotFactor, double coldFactor, boolean integerFields) {
        if (!(hotFactor > 0) || !(coldFactor > 0)) {
            throw new IllegalArgumentException("temperature factors must be positive");
        }
        this.hotFactor = hotFactor;
        this.coldFactor = coldFactor;
        this.integerFields = integerFields;
    }

    @Override
    public String name() {
        return "sa";
    }

    private record Prepared(BetaRange range, IntegerCouplings integers) {
    }

    @Override
    protected Object prepare(QuboModel model) {
        return new Prepared(BetaRange.of(model, hotFactor, coldFactor),
                integerFields ? IntegerCouplings.of(model) : null);
    }

    @Override
    protected Run run(QuboModel model, Object preparedObject, long seed, Pace pace, Control control) {
        Prepared prepared = (Prepared) preparedObject;
        if (prepared.integers() != null) {
            return runIntegral(model, prepared.range(), prepared.integers(), seed, pace, control);
        }
        BetaRange range = prepared.range();
        FastRandom rng = new FastRandom(seed);
        int n = model.size();
        byte[] x = new byte[n];
        for (int i = 0; i < n; i++) {
            x[i] = (byte) (rng.nextLong() >>> 63);
        }
        double[] field = model.localFields(x);
        double energy = model.energy(x);
        int[] rowStart = model.rowStart();
        int[] columns = model.columns();
        double[] weights = model.weights();
        float[] table = Metropolis.table();
        int tableLength = table.length;
        double logRatio = Math.log(range.cold() / range.hot());
        long updates = 0;
        while (pace.next()) {
            double beta = range.hot() * Math.exp(logRatio * pace.progress());
            double scale = beta * Metropolis.STEPS_PER_UNIT;
            for (int i = 0; i < n; i++) {
                double f = field[i];
                double d = x[i] == 0 ? f : -f;
                if (d > 0) {
                    double y = d * scale;
                    if (y >= tableLength || rng.nextDouble() >= table[(int) y]) {
                        continue;
                    }
                }
                energy += d;
                double sign = x[i] == 0 ? 1.0 : -1.0;
                x[i] ^= 1;
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                    field[columns[k]] += sign * weights[k];
                }
            }
            updates += n;
            if (energy <= control.target()) {
                break;
            }
        }
        energy += Descent.toLocalMinimum(model, x, field);
        control.reached(energy);
        return new Run(x, energy, pace.sweepsDone(), updates, System.nanoTime() - control.startNanos(),
                pace.deadlineHit());
    }

    /** The same anneal with integer fields and a per-sweep acceptance table (see {@link IntegerCouplings}). */
    private static Run runIntegral(QuboModel model, BetaRange range, IntegerCouplings ints, long seed, Pace pace,
            Control control) {
        IntegerCouplings.FastRandom32 rng = new IntegerCouplings.FastRandom32(seed);
        int n = model.size();
        byte[] x = new byte[n];
        for (int i = 0; i < n; i++) {
            x[i] = (byte) (rng.nextBit() ? 1 : 0);
        }
        int[] field = ints.localFields(model, x);
        double start = model.energy(x);
        long change = 0;
        int[] rowStart = model.rowStart();
        int[] columns = model.columns();
        int[] weights = ints.weights;
        int[] threshold = new int[ints.maxDelta + 2];
        double logRatio = Math.log(range.cold() / range.hot());
        long updates = 0;
        double target = control.target();
        while (pace.next()) {
            double beta = range.hot() * Math.exp(logRatio * pace.progress());
            int cutoff = IntegerCouplings.fillThresholds(threshold, beta);
            change += IntegerCouplings.sweep(rowStart, columns, weights, x, field, threshold, cutoff, rng);
            updates += n;
            if (start + change <= target) {
                break;
            }
        }
        double[] doubleField = model.localFields(x);
        double energy = start + change + Descent.toLocalMinimum(model, x, doubleField);
        control.reached(energy);
        return new Run(x, energy, pace.sweepsDone(), updates, System.nanoTime() - control.startNanos(),
                pace.deadlineHit());
    }
}
