package org.neuroquantum.plugin.optimizer.qubo;

/**
 * An immutable Ising model over spins {@code s_i ∈ {−1, +1}}:
 * {@code E(s) = offset + Σ_i h_i·s_i + Σ_{i<j} J_ij·s_i·s_j}, couplings in the same symmetric CSR layout as
 * {@link QuboModel}. Obtained from {@link QuboModel#toIsing()}; {@link #toQubo()} converts back.
 */
public final class IsingModel {
    private final int size;
    private final double offset;
    private final double[] fields;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] couplings;

    IsingModel(int size, double offset, double[] fields, int[] rowStart, int[] columns, double[] couplings) {
        this.size = size;
        this.offset = offset;
        this.fields = fields;
        this.rowStart = rowStart;
        this.columns = columns;
        this.couplings = couplings;
    }

    /** Number of spins. */
    public int size() {
        return size;
    }

    /** The constant term. */
    public double offset() {
        return offset;
    }

    /** The external fields {@code h}; shared, do not modify. */
    public double[] fields() {
        return fields;
    }

    /** CSR row starts; shared, do not modify. */
    public int[] rowStart() {
        return rowStart;
    }

    /** CSR columns; shared, do not modify. */
    public int[] columns() {
        return columns;
    }

    /** CSR couplings {@code J_ij}, parallel to {@link #columns()}; shared, do not modify. */
    public double[] couplings() {
        return couplings;
    }

    /** The energy of a spin configuration (entries −1 or +1). */
    public double energy(byte[] spins) {
        if (spins.length != size) {
            throw new IllegalArgumentException("configuration has " + spins.length + " spins, model has " + size);
        }
        double e = offset;
        for (int i = 0; i < size; i++) {
            double row = fields[i];
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                int j = columns[k];
                if (j > i) {
                    row += couplings[k] * spins[j];
                }
            }
            e += row * spins[i];
        }
        return e;
    }

    /** The energy change of flipping spin {@code i}: {@code −2·s_i·(h_i + Σ_j J_ij·s_j)}. */
    public double flipDelta(byte[] spins, int i) {
        double f = fields[i];
        for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
            f += couplings[k] * spins[columns[k]];
        }
        return -2.0 * spins[i] * f;
    }

    /**
     * The largest energy change a single flip can cause, bounded by {@code 2·max_i(|h_i| + Σ_j |J_ij|)}; and the
     * smallest non-zero magnitude of a term, {@code 2·min(|h_i|, |J_ij|)}. Solvers derive their temperature
     * range from these two numbers.
     */
    public double[] flipDeltaRange() {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            double bound = Math.abs(fields[i]);
            if (fields[i] != 0) {
                min = Math.min(min, Math.abs(fields[i]));
            }
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                bound += Math.abs(couplings[k]);
                min = Math.min(min, Math.abs(couplings[k]));
            }
            max = Math.max(max, bound);
        }
        if (max == 0) {
            return new double[] {0, 0};
        }
        return new double[] {2 * min, 2 * max};
    }

    /** Converts a spin configuration to the binary assignment {@code x = (1 + s)/2}. */
    public static byte[] toBinary(byte[] spins) {
        byte[] x = new byte[spins.length];
        for (int i = 0; i < spins.length; i++) {
            x[i] = (byte) (spins[i] > 0 ? 1 : 0);
        }
        return x;
    }

    /** Converts a binary assignment to spins {@code s = 2x − 1}. */
    public static byte[] toSpins(byte[] x) {
        byte[] s = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = (byte) (x[i] != 0 ? 1 : -1);
        }
        return s;
    }

    /**
     * The equivalent QUBO under {@code s_i = 2x_i − 1}: {@code Q_ij = 4J_ij},
     * {@code linear_i = 2h_i − 2Σ_j J_ij}, {@code offset' = offset − Σ_i h_i + Σ_{i<j} J_ij}.
     */
    public QuboModel toQubo() {
        double[] linear = new double[size];
        double[] q = new double[couplings.length];
        double constant = offset;
        for (int i = 0; i < size; i++) {
            linear[i] = 2 * fields[i];
            constant -= fields[i];
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                q[k] = 4 * couplings[k];
                linear[i] -= 2 * couplings[k];
                if (columns[k] > i) {
                    constant += couplings[k];
                }
            }
        }
        return QuboModel.fromCsr(size, constant, linear, rowStart, columns, q);
    }
}
