package org.neuroquantum.plugin.optimizer.qubo.solver;

import java.util.function.DoubleUnaryOperator;

/**
 * The transverse field Γ as a function of the anneal's progress {@code t ∈ [0, 1]}. Γ must stay positive:
 * the inter-slice coupling {@code J⊥ = −(P·T/2)·ln tanh(Γ/(P·T))} diverges as Γ → 0.
 */
@FunctionalInterface
public interface TransverseFieldSchedule {
    /** Γ at progress {@code t} (0 at the first sweep, 1 at the last). */
    double gamma(double t);

    /** Γ falls linearly from {@code start} to {@code end}. */
    static TransverseFieldSchedule linear(double start, double end) {
        check(start, end);
        return t -> start + (end - start) * t;
    }

    /** Γ falls geometrically from {@code start} to {@code end}. */
    static TransverseFieldSchedule exponential(double start, double end) {
        check(start, end);
        return t -> start * Math.pow(end / start, t);
    }

    /** Any schedule; values are checked when used. */
    static TransverseFieldSchedule custom(DoubleUnaryOperator gammaOfProgress) {
        return gammaOfProgress::applyAsDouble;
    }

    private static void check(double start, double end) {
        if (!(start > 0) || !(end > 0)) {
            throw new IllegalArgumentException("transverse field must stay positive, got " + start + " → " + end);
        }
    }
}
