package org.neuroquantum.plugin.optimizer.qubo;

import java.util.Arrays;

/**
 * An immutable QUBO: minimise {@code E(x) = offset + Σ_i linear[i]·x_i + Σ_{i<j} Q_ij·x_i·x_j} over
 * {@code x ∈ {0,1}^n}.
 *
 * <p>The couplings are stored symmetrically in compressed-sparse-row form: row {@code i} lists every
 * {@code j ≠ i} with {@code Q_ij ≠ 0}, and each pair appears in both rows with the full weight {@code Q_ij}.
 * This doubles the memory but lets a solver update the local fields of all neighbours of a flipped variable
 * by walking one contiguous row, which is what makes single-flip Monte Carlo fast.
 *
 * <p>The <em>local field</em> of variable {@code i} is {@code f_i = linear[i] + Σ_j Q_ij·x_j}; flipping
 * {@code x_i} changes the energy by {@code (1 − 2x_i)·f_i} (see {@link #flipDelta}).
 */
public final class QuboModel {
    private final int size;
    private final double offset;
    private final double[] linear;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] weights;

    private QuboModel(int size, double offset, double[] linear, int[] rowStart, int[] columns, double[] weights) {
        this.size = size;
        this.offset = offset;
        this.linear = linear;
        this.rowStart = rowStart;
        this.columns = columns;
        this.weights = weights;
    }

    /** A builder for a model over {@code size} binary variables. */
    public static Builder builder(int size) {
        return new Builder(size);
    }

    /** Number of binary variables. */
    public int size() {
        return size;
    }

    /** The constant term. */
    public double offset() {
        return offset;
    }

    /** The linear coefficient of variable {@code i}. */
    public double linear(int i) {
        return linear[i];
    }

    /** Number of distinct coupled pairs {@code i < j}. */
    public int couplingCount() {
        return columns.length / 2;
    }

    /**
     * CSR row starts: the neighbours of {@code i} are {@code columns()[rowStart()[i] .. rowStart()[i+1])}.
     * The arrays are shared, not copied, for speed: callers must not modify them.
     */
    public int[] rowStart() {
        return rowStart;
    }

    /** CSR column indices, each row sorted ascending; shared, do not modify. */
    public int[] columns() {
        return columns;
    }

    /** CSR weights {@code Q_ij} parallel to {@link #columns()}; shared, do not modify. */
    public double[] weights() {
        return weights;
    }

    /** Linear coefficients; shared, do not modify. */
    public double[] linearTerms() {
        return linear;
    }

    /** The coupling {@code Q_ij} (0 when absent or {@code i == j}). */
    public double coupling(int i, int j) {
        int at = Arrays.binarySearch(columns, rowStart[i], rowStart[i + 1], j);
        return at >= 0 ? weights[at] : 0.0;
    }

    /** The energy of an assignment (entries 0 or 1). */
    public double energy(byte[] x) {
        checkLength(x);
        double e = offset;
        for (int i = 0; i < size; i++) {
            if (x[i] != 0) {
                double row = linear[i];
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                    int j = columns[k];
                    if (j > i && x[j] != 0) {
                        row += weights[k];
                    }
                }
                e += row;
            }
        }
        return e;
    }

    /** The local field {@code f_i = linear[i] + Σ_j Q_ij·x_j}. */
    public double localField(byte[] x, int i) {
        double f = linear[i];
        for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
            if (x[columns[k]] != 0) {
                f += weights[k];
            }
        }
        return f;
    }

    /** The change of energy when {@code x_i} is flipped, computed in time proportional to its degree. */
    public double flipDelta(byte[] x, int i) {
        double f = localField(x, i);
        return x[i] == 0 ? f : -f;
    }

    /** All local fields of {@code x} at once, in time proportional to the number of couplings. */
    public double[] localFields(byte[] x) {
        checkLength(x);
        double[] f = linear.clone();
        for (int i = 0; i < size; i++) {
            if (x[i] != 0) {
                for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                    f[columns[k]] += weights[k];
                }
            }
        }
        return f;
    }

    /**
     * The equivalent Ising model under {@code x_i = (1 + s_i)/2}: {@code J_ij = Q_ij/4},
     * {@code h_i = linear[i]/2 + Σ_j Q_ij/4}, {@code offset' = offset + Σ_i linear[i]/2 + Σ_{i<j} Q_ij/4}.
     * Energies agree exactly for corresponding assignments.
     */
    public IsingModel toIsing() {
        double[] h = new double[size];
        double constant = offset;
        double[] j = new double[weights.length];
        for (int i = 0; i < size; i++) {
            h[i] = linear[i] / 2;
            constant += linear[i] / 2;
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                j[k] = weights[k] / 4;
                h[i] += weights[k] / 4;
                if (columns[k] > i) {
                    constant += weights[k] / 4;
                }
            }
        }
        return new IsingModel(size, constant, h, rowStart, columns, j);
    }

    static QuboModel fromCsr(int size, double offset, double[] linear, int[] rowStart, int[] columns,
            double[] weights) {
        return new QuboModel(size, offset, linear, rowStart, columns, weights);
    }

    private void checkLength(byte[] x) {
        if (x.length != size) {
            throw new IllegalArgumentException("assignment has " + x.length + " entries, model has " + size);
        }
    }

    @Override
    public String toString() {
        return "QuboModel[variables=" + size + ", couplings=" + couplingCount() + "]";
    }

    /**
     * Accumulates terms; repeated pairs are summed, {@code x_i·x_i} folds into the linear term (since
     * {@code x² = x} for binaries), and pairs that sum to zero are dropped.
     */
    public static final class Builder {
        private final int size;
        private final double[] linear;
        private double offset;
        private int[] pairI = new int[16];
        private int[] pairJ = new int[16];
        private double[] pairW = new double[16];
        private int pairs;

        Builder(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("negative number of variables: " + size);
            }
            this.size = size;
            this.linear = new double[size];
        }

        /** Adds a constant. */
        public Builder addOffset(double value) {
            offset += value;
            return this;
        }

        /** Adds {@code weight·x_i}. */
        public Builder addLinear(int i, double weight) {
            check(i);
            linear[i] += weight;
            return this;
        }

        /** Adds {@code weight·x_i·x_j}; {@code i == j} adds to the linear term. */
        public Builder addQuadratic(int i, int j, double weight) {
            check(i);
            check(j);
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("coupling (" + i + "," + j + ") is not finite: " + weight);
            }
            if (i == j) {
                linear[i] += weight;
                return this;
            }
            if (weight == 0) {
                return this;
            }
            if (pairs == pairI.length) {
                int grown = pairs * 2;
                pairI = Arrays.copyOf(pairI, grown);
                pairJ = Arrays.copyOf(pairJ, grown);
                pairW = Arrays.copyOf(pairW, grown);
            }
            pairI[pairs] = Math.min(i, j);
            pairJ[pairs] = Math.max(i, j);
            pairW[pairs] = weight;
            pairs++;
            return this;
        }

        private void check(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("variable " + i + " outside 0.." + (size - 1));
            }
        }

        /** Builds the CSR model. */
        public QuboModel build() {
            // Bucket both directions by row, then sort each row by column and merge duplicates.
            int[] degree = new int[size + 1];
            for (int p = 0; p < pairs; p++) {
                degree[pairI[p]]++;
                degree[pairJ[p]]++;
            }
            int[] start = new int[size + 1];
            for (int i = 0; i < size; i++) {
                start[i + 1] = start[i] + degree[i];
            }
            int[] fill = Arrays.copyOf(start, size);
            int[] cols = new int[start[size]];
            double[] ws = new double[start[size]];
            for (int p = 0; p < pairs; p++) {
                int a = pairI[p];
                int b = pairJ[p];
                cols[fill[a]] = b;
                ws[fill[a]++] = pairW[p];
                cols[fill[b]] = a;
                ws[fill[b]++] = pairW[p];
            }
            int[] outStart = new int[size + 1];
            int out = 0;
            long[] keys = new long[0];
            double[] rowWeights = new double[0];
            for (int i = 0; i < size; i++) {
                int from = start[i];
                int to = start[i + 1];
                int len = to - from;
                if (keys.length < len) {
                    keys = new long[Math.max(len, keys.length * 2)];
                    rowWeights = new double[keys.length];
                }
                // Sort by column while remembering the slot in the row, packed into one long.
                for (int k = 0; k < len; k++) {
                    keys[k] = ((long) cols[from + k] << 32) | k;
                    rowWeights[k] = ws[from + k];
                }
                Arrays.sort(keys, 0, len);
                outStart[i] = out;
                int k = 0;
                while (k < len) {
                    int col = (int) (keys[k] >>> 32);
                    double sum = 0;
                    while (k < len && (int) (keys[k] >>> 32) == col) {
                        sum += rowWeights[(int) keys[k]];
                        k++;
                    }
                    if (sum != 0) {
                        cols[out] = col;
                        ws[out] = sum;
                        out++;
                    }
                }
            }
            outStart[size] = out;
            // Compaction in place is safe: out never exceeds the start of the row being read, whose
            // weights were copied to rowWeights first.
            return new QuboModel(size, offset, linear.clone(), outStart, Arrays.copyOf(cols, out),
                    Arrays.copyOf(ws, out));
        }
    }
}
