package org.neuroquantum.plugin.optimizer.qubo.solver;

import org.neuroquantum.plugin.optimizer.qubo.FastRandom;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * {@code sa}: single-flip Metropolis annealing on a geometric inverse-temperature schedule from
 * {@link BetaRange}, sweeping the variables in index order (sequential sweeps touch the CSR rows in memory
 * order and need no random index), with incrementally maintained local fields so that a rejected flip costs
 * O(1) and an accepted one O(degree). Each restart starts from a uniformly random assignment and ends with a
 * greedy descent to a local minimum.
 */
public final class SimulatedAnnealing extends RestartingSolver {
    private final double hotFactor;
    private final double coldFactor;

    /** The default temperature range. */
    public SimulatedAnnealing() {
        this(1.0, 1.0);
    }

    /** A temperature range scaled at each end (factors multiply the inverse temperatures of {@link BetaRange}). */
    public SimulatedAnnealing(double hotFactor, double coldFactor) {
        if (!(hotFactor > 0) || !(coldFactor > 0)) {
            throw new IllegalArgumentException("temperature factors must be positive");
        }
        this.hotFactor = hotFactor;
        this.coldFactor = coldFactor;
    }

    @Override
    public String name() {
        return "sa";
    }

    @Override
    protected Object prepare(QuboModel model) {
        return BetaRange.of(model, hotFactor, coldFactor);
    }

    @Override
    protected Run run(QuboModel model, Object prepared, long seed, long sweeps, Control control) {
        BetaRange range = (BetaRange) prepared;
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
        double ratio = sweeps > 1 ? Math.pow(range.cold() / range.hot(), 1.0 / (sweeps - 1)) : 1.0;
        double beta = sweeps > 1 ? range.hot() : range.cold();
        long updates = 0;
        boolean deadlineHit = false;
        for (long s = 0; s < sweeps; s++) {
            if (control.expired()) {
                deadlineHit = !control.stop().get();
                break;
            }
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
            beta *= ratio;
            if (energy <= control.target()) {
                break;
            }
        }
        energy += Descent.toLocalMinimum(model, x, field);
        control.reached(energy);
        return new Run(x, energy, updates, System.nanoTime() - control.startNanos(), deadlineHit);
    }
}
