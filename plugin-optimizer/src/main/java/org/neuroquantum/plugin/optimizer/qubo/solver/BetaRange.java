package org.neuroquantum.plugin.optimizer.qubo.solver;

import org.neuroquantum.plugin.optimizer.qubo.IsingModel;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * The inverse-temperature range of an anneal, derived from the couplings of the model in Ising form.
 *
 * <p>Hot end: at a random configuration the local field of spin {@code i} is a sum of {@code ±J_ij} terms,
 * so its typical magnitude is {@code σ_i = sqrt(h_i² + Σ_j J_ij²)} and a flip typically costs {@code 2σ_i}.
 * {@code β_hot = ln 4 / (2·mean σ)} accepts such a typical uphill move with probability ¼ (downhill moves are
 * always taken), which melts any structure without wasting sweeps at absurd temperatures. The worst-case bound
 * {@code Σ|J|} used by some annealers is several times hotter on dense graphs; on Gset, starting at acceptance ½
 * instead of ¼ cost about 30% of the spin-update rate (the hot sweeps accept most moves, each updating every
 * neighbour's field) and gained no cut weight in our runs. Cold end: the smallest non-zero term {@code m} gives the
 * smallest energy step {@code 2m}; {@code β_cold = ln 100 / (2m)} accepts it with probability 1%, so the final
 * sweeps are essentially greedy.
 *
 * @param hot inverse temperature at the start of an anneal
 * @param cold inverse temperature at its end
 * @param typicalFlipCost {@code 2·mean σ}, the scale in which {@code sqa} expresses Γ and P·T
 */
record BetaRange(double hot, double cold, double typicalFlipCost) {
    /** The range for {@code model}, each end scaled by a factor (1 for the defaults above). */
    static BetaRange of(QuboModel model, double hotFactor, double coldFactor) {
        IsingModel ising = model.toIsing();
        double[] h = ising.fields();
        double[] j = ising.couplings();
        int[] rowStart = ising.rowStart();
        int n = ising.size();
        double sigmaSum = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double squares = h[i] * h[i];
            if (Math.abs(h[i]) > 1e-12) {
                smallest = Math.min(smallest, Math.abs(h[i]));
            }
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                squares += j[k] * j[k];
                smallest = Math.min(smallest, Math.abs(j[k]));
            }
            sigmaSum += Math.sqrt(squares);
        }
        if (n == 0 || sigmaSum == 0) {
            return new BetaRange(1, 1, 1);
        }
        double hot = Math.log(4) / (2 * sigmaSum / n) * hotFactor;
        double cold = Math.log(100) / (2 * smallest) * coldFactor;
        return new BetaRange(Math.min(hot, cold), Math.max(hot, cold), 2 * sigmaSum / n);
    }

    /** The inverse temperature of step {@code k} of {@code steps} on the geometric schedule. */
    double at(long k, long steps) {
        if (steps <= 1) {
            return cold;
        }
        return hot * Math.pow(cold / hot, (double) k / (steps - 1));
    }
}
