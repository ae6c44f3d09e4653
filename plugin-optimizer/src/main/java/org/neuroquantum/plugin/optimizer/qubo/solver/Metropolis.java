package org.neuroquantum.plugin.optimizer.qubo.solver;

import org.neuroquantum.plugin.optimizer.qubo.FastRandom;

/**
 * A table of {@code exp(−y)} for the Metropolis test, so the inner loop needs no {@link Math#exp} call. The
 * table is sampled at the midpoints of steps of 1/{@value #STEPS_PER_UNIT}, giving a relative error below
 * 0.4% in the acceptance probability, far below the statistical noise of a run; beyond {@value #LIMIT}
 * the probability (below 10⁻¹⁰) is taken as zero.
 */
final class Metropolis {
    /** Table resolution: steps per unit of {@code β·ΔE}. */
    static final int STEPS_PER_UNIT = 256;
    /** Largest {@code β·ΔE} with a non-zero acceptance. */
    static final int LIMIT = 24;
    private static final float[] TABLE = new float[STEPS_PER_UNIT * LIMIT];

    static {
        for (int k = 0; k < TABLE.length; k++) {
            TABLE[k] = (float) Math.exp(-(k + 0.5) / STEPS_PER_UNIT);
        }
    }

    private Metropolis() {
    }

    /** The table itself, for inner loops that index it directly with {@code (int) (β·ΔE·STEPS_PER_UNIT)}. */
    static float[] table() {
        return TABLE;
    }

    /**
     * One sequential Metropolis sweep of a QUBO at inverse temperature {@code beta}, keeping the local fields
     * current; returns the energy change.
     */
    static double sweep(int[] rowStart, int[] columns, double[] weights, byte[] x, double[] field, double beta,
            FastRandom rng) {
        double scale = beta * STEPS_PER_UNIT;
        int tableLength = TABLE.length;
        double change = 0;
        for (int i = 0, n = x.length; i < n; i++) {
            double f = field[i];
            double d = x[i] == 0 ? f : -f;
            if (d > 0) {
                double y = d * scale;
                if (y >= tableLength || rng.nextDouble() >= TABLE[(int) y]) {
                    continue;
                }
            }
            change += d;
            double sign = x[i] == 0 ? 1.0 : -1.0;
            x[i] ^= 1;
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                field[columns[k]] += sign * weights[k];
            }
        }
        return change;
    }

    /** {@code exp(−y)} for {@code y ≥ 0} from the table (0 beyond {@link #LIMIT}). */
    static double acceptance(double y) {
        int k = (int) (y * STEPS_PER_UNIT);
        return k < TABLE.length ? TABLE[k] : 0.0;
    }
}
