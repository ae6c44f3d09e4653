package org.neuroquantum.plugin.optimizer.qubo.solver;

import java.time.Duration;

/**
 * How long and how reproducibly to solve.
 *
 * <ul>
 *   <li>{@code sweeps > 0}: every restart (or replica) performs exactly that many sweeps, a sweep being one
 *       attempted update of every variable (of every Trotter slice for {@code sqa}). The result is then a pure
 *       function of {@code seed} and {@code sweeps}, whatever the thread count.</li>
 *   <li>{@code sweeps == 0} and a {@code timeLimit}: each restart's schedule is driven by the clock (its
 *       progress is the elapsed fraction of its share of 85% of the limit), so it completes within the limit
 *       whatever else runs on the machine. Such runs are not bit-for-bit reproducible; the solution reports the
 *       sweeps each restart managed, and {@code sweeps = N} gives a reproducible run of the same length.</li>
 *   <li>{@code sweeps > 0} with a {@code timeLimit}: the limit is a deadline; a restart reaching it is
 *       quenched (greedy descent) at once and the solution says so.</li>
 *   <li>{@code targetEnergy}: stop all restarts as soon as one reaches an energy at or below it (for
 *       time-to-target measurements); stopping early makes the result depend on timing.</li>
 * </ul>
 *
 * @param seed the master seed; restart {@code r} uses {@code FastRandom.mix(seed + r)}
 * @param sweeps the sweep budget per restart, or 0 to derive it from {@code timeLimit}
 * @param timeLimit the wall-clock limit, or null for none (then {@code sweeps} must be set)
 * @param restarts independent restarts (SA, SQA) or independent PT runs; at least 1
 * @param threads worker threads, at least 1
 * @param targetEnergy stop once an energy at or below this is found; {@code Double.NEGATIVE_INFINITY} for never
 */
public record SolverOptions(long seed, long sweeps, Duration timeLimit, int restarts, int threads,
        double targetEnergy) {
    /** Validates the combination. */
    public SolverOptions {
        if (sweeps < 0) {
            throw new IllegalArgumentException("sweeps must be >= 0, got " + sweeps);
        }
        if (sweeps == 0 && (timeLimit == null || timeLimit.isZero() || timeLimit.isNegative())) {
            throw new IllegalArgumentException("give a sweep budget or a positive time limit");
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** The default thread count: the available processors, at most 2 restarts' worth by default. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** A fixed sweep budget: fully reproducible. One restart per thread. */
    public static SolverOptions sweeps(long seed, long sweeps) {
        int threads = defaultThreads();
        return new SolverOptions(seed, sweeps, null, threads, threads, Double.NEGATIVE_INFINITY);
    }

    /** A time limit; schedules run on the clock. One restart per thread. */
    public static SolverOptions timeLimit(long seed, Duration limit) {
        int threads = defaultThreads();
        return new SolverOptions(seed, 0, limit, threads, threads, Double.NEGATIVE_INFINITY);
    }

    /** A copy with another number of restarts. */
    public SolverOptions withRestarts(int value) {
        return new SolverOptions(seed, sweeps, timeLimit, value, threads, targetEnergy);
    }

    /** A copy with another number of threads. */
    public SolverOptions withThreads(int value) {
        return new SolverOptions(seed, sweeps, timeLimit, restarts, value, targetEnergy);
    }

    /** A copy with a target energy. */
    public SolverOptions withTarget(double value) {
        return new SolverOptions(seed, sweeps, timeLimit, restarts, threads, value);
    }

    /** A copy with a time limit (kept as a deadline even when {@code sweeps} is set). */
    public SolverOptions withTimeLimit(Duration value) {
        return new SolverOptions(seed, sweeps, value, restarts, threads, targetEnergy);
    }
}
