package org.neuroquantum.plugin.optimizer.qubo.solver;

import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * An integer copy of a model whose coefficients are all integers (Max-Cut, colouring and TSP with integer
 * distances are), so the annealers can keep integer local fields and look up the Metropolis acceptance of an
 * integer energy change in a table built by repeated multiplication ({@code exp(−β·d) = r^d},
 * {@code r = exp(−β)}) instead of calling {@link Math#exp} or scaling doubles per attempt. Integer arithmetic
 * is also exact, so no energy drift accumulates.
 */
final class IntegerCouplings {
    /** Largest |local field| allowed, so that sums never overflow an int. */
    private static final long LIMIT = 1L << 29;

    final int[] weights;
    final int[] linear;
    /** Upper bound on any flip's |ΔE|: max_i (|linear_i| + Σ_j |Q_ij|). */
    final int maxDelta;

    private IntegerCouplings(int[] weights, int[] linear, int maxDelta) {
        this.weights = weights;
        this.linear = linear;
        this.maxDelta = maxDelta;
    }

    /** The integer form, or null when a coefficient is not an integer or the fields could overflow. */
    static IntegerCouplings of(QuboModel model) {
        double[] w = model.weights();
        double[] h = model.linearTerms();
        int[] rowStart = model.rowStart();
        int[] iw = new int[w.length];
        int[] ih = new int[h.length];
        long max = 0;
        for (int i = 0; i < h.length; i++) {
            if (h[i] != Math.rint(h[i]) || Math.abs(h[i]) > LIMIT) {
                return null;
            }
            ih[i] = (int) h[i];
            long bound = Math.abs(ih[i]);
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                if (w[k] != Math.rint(w[k]) || Math.abs(w[k]) > LIMIT) {
                    return null;
                }
                iw[k] = (int) w[k];
                bound += Math.abs(iw[k]);
            }
            if (bound > LIMIT) {
                return null;
            }
            max = Math.max(max, bound);
        }
        return new IntegerCouplings(iw, ih, (int) max);
    }

    /** Integer local fields of {@code x}. */
    int[] localFields(QuboModel model, byte[] x) {
        int[] f = linear.clone();
        int[] rowStart = model.rowStart();
        int[] columns = model.columns();
        for (int i = 0; i < x.length; i++) {
            if (x[i] != 0) {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    f[columns[k]] += weights[k];
                }
            }
        }
        return f;
    }

    /**
     * Fills {@code table[d]} with the acceptance threshold of an uphill change {@code d} at inverse temperature
     * {@code beta}, as an unsigned 31-bit fraction (compare with 31 random bits), and returns the first {@code d}
     * whose acceptance is below 2⁻³¹ (every larger change is rejected without drawing a random number).
     */
    static int fillThresholds(int[] table, double beta) {
        double r = Math.exp(-beta);
        double p = 1.0;
        int d = 0;
        table[0] = Integer.MAX_VALUE;
        while (++d < table.length) {
            p *= r;
            if (p < 0x1.0p-31) {
                return d;
            }
            table[d] = (int) (p * 0x1.0p31);
        }
        return table.length;
    }

    /**
     * One sequential Metropolis sweep with integer fields; returns the energy change. The generator's state is
     * held in a local variable for the whole sweep (the JIT keeps it in a register) and written back at the end.
     */
    static long sweep(int[] rowStart, int[] columns, int[] weights, byte[] x, int[] field, int[] threshold,
            int cutoff, FastRandom32 rng) {
        long change = 0;
        long state = rng.state;
        for (int i = 0, n = x.length; i < n; i++) {
            int f = field[i];
            int d = x[i] == 0 ? f : -f;
            if (d > 0) {
                if (d >= cutoff) {
                    continue;
                }
                state ^= state >>> 12;
                state ^= state << 25;
                state ^= state >>> 27;
                if ((int) ((state * 0x2545F4914F6CDD1DL) >>> 33) >= threshold[d]) {
                    continue;
                }
            }
            change += d;
            int sign = x[i] == 0 ? 1 : -1;
            x[i] ^= 1;
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                field[columns[k]] += sign * weights[k];
            }
        }
        rng.state = state;
        return change;
    }

    /** xorshift64* returning 31-bit values, inlined into the sweep. */
    static final class FastRandom32 {
        long state;

        FastRandom32(long seed) {
            long z = org.neuroquantum.plugin.optimizer.qubo.FastRandom.mix(seed);
            state = z == 0 ? 1 : z;
        }

        int next31() {
            long x = state;
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            state = x;
            return (int) ((x * 0x2545F4914F6CDD1DL) >>> 33);
        }

        boolean nextBit() {
            return (next31() & 1) != 0;
        }
    }
}
