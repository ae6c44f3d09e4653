package org.neuroquantum.plugin.optimizer.qubo;

/** Small random QUBOs and their exact minima by enumeration, for tests. */
public final class SpinGlasses {
    private SpinGlasses() {
    }

    /** A random ±J spin glass on {@code n} spins with edge density {@code density}, as a QUBO, plus fields. */
    public static QuboModel random(int n, double density, long seed) {
        FastRandom rng = new FastRandom(seed);
        QuboModel.Builder b = QuboModel.builder(n);
        for (int i = 0; i < n; i++) {
            b.addLinear(i, Math.round((rng.nextDouble() - 0.5) * 8) / 2.0);
            for (int j = i + 1; j < n; j++) {
                if (rng.nextDouble() < density) {
                    b.addQuadratic(i, j, rng.nextDouble() < 0.5 ? -3 : 3);
                }
            }
        }
        return b.addOffset(1.5).build();
    }

    /** The exact minimum energy by enumerating all 2^n assignments (Gray code, incremental). */
    public static double exhaustiveMinimum(QuboModel model) {
        int n = model.size();
        if (n > 24) {
            throw new IllegalArgumentException("too many variables to enumerate: " + n);
        }
        byte[] x = new byte[n];
        double[] field = model.localFields(x);
        double energy = model.energy(x);
        double best = energy;
        for (long k = 1; k < (1L << n); k++) {
            int i = Long.numberOfTrailingZeros(k);
            double d = x[i] == 0 ? field[i] : -field[i];
            energy += d;
            double sign = x[i] == 0 ? 1 : -1;
            x[i] ^= 1;
            for (int p = model.rowStart()[i]; p < model.rowStart()[i + 1]; p++) {
                field[model.columns()[p]] += sign * model.weights()[p];
            }
            best = Math.min(best, energy);
        }
        return best;
    }
}
