package org.neuroquantum.plugin.optimizer.qubo.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neuroquantum.plugin.optimizer.qubo.FastRandom;
import org.neuroquantum.plugin.optimizer.qubo.QuboModel;

/**
 * Shared driver: turns a time limit into a sweep budget, runs independent restarts on a small thread pool and
 * keeps the best result, breaking ties by the lower restart index so that the answer does not depend on which
 * thread finished first.
 */
abstract class RestartingSolver implements QuboSolver {
    /** Fraction of the remaining time given to the restarts; the rest absorbs scheduling noise. */
    private static final double BUDGET_FRACTION = 0.85;
    private static final long CALIBRATION_SEED = 0x5EEDCA1B;

    /** Problem-specific data computed once per solve (temperature range, Ising form, ...). */
    protected abstract Object prepare(QuboModel model);

    /** One restart with a fixed sweep budget; must honour {@code control}'s deadline and stop flag. */
    protected abstract Run run(QuboModel model, Object prepared, long seed, long sweeps, Control control);

    /** The smallest sweep budget worth running: the first calibration size. */
    protected long minimumSweeps() {
        return 8;
    }

    @Override
    public final Solution solve(QuboModel model, SolverOptions options) {
        long start = System.nanoTime();
        long deadline = options.timeLimit() == null ? Long.MAX_VALUE
                : start + Math.max(1, options.timeLimit().toNanos());
        Object prepared = prepare(model);
        long sweeps = options.sweeps();
        if (sweeps == 0) {
            sweeps = calibrate(model, prepared, options, start, deadline);
        }
        AtomicBoolean stop = new AtomicBoolean();
        Control control = new Control(start, deadline, options.targetEnergy(), stop);
        int threads = Math.min(options.threads(), options.restarts());
        List<Run> runs = new ArrayList<>();
        if (threads == 1) {
            for (int r = 0; r < options.restarts(); r++) {
                runs.add(run(model, prepared, FastRandom.mix(options.seed() + r), sweeps, control));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
                Thread t = new Thread(task, "qubo-" + name());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Run>> futures = new ArrayList<>();
                for (int r = 0; r < options.restarts(); r++) {
                    long seed = FastRandom.mix(options.seed() + r);
                    long budget = sweeps;
                    futures.add(pool.submit(() -> run(model, prepared, seed, budget, control)));
                }
                for (Future<Run> f : futures) {
                    runs.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while solving", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("solver " + name() + " failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        int best = 0;
        long updates = 0;
        boolean deadlineHit = false;
        int ran = 0;
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            updates += run.spinUpdates();
            deadlineHit |= run.deadlineHit();
            if (run.assignment() != null) {
                ran++;
                if (runs.get(best).assignment() == null || run.energy() < runs.get(best).energy()) {
                    best = r;
                }
            }
        }
        Run winner = runs.get(best);
        double exact = model.energy(winner.assignment());
        return new Solution(winner.assignment(), exact, sweeps, ran, best, updates, System.nanoTime() - start,
                winner.nanosAtBest(), deadlineHit);
    }

    private long calibrate(QuboModel model, Object prepared, SolverOptions options, long start, long deadline) {
        long limit = deadline - start;
        long probe = minimumSweeps();
        Control control = new Control(start, deadline, Double.NEGATIVE_INFINITY, new AtomicBoolean());
        while (true) {
            long t0 = System.nanoTime();
            run(model, prepared, CALIBRATION_SEED, probe, control);
            long spent = System.nanoTime() - t0;
            if (spent * 40 >= limit || spent >= 20_000_000L || System.nanoTime() >= deadline) {
                double perSweep = (double) spent / probe;
                long remaining = deadline - System.nanoTime();
                int parallel = Math.min(options.threads(), options.restarts());
                double waves = Math.ceil((double) options.restarts() / parallel);
                long budget = (long) (remaining * BUDGET_FRACTION / waves / perSweep);
                return Math.max(minimumSweeps(), budget);
            }
            probe *= 2;
        }
    }

    /** Shared limits of one solve. */
    record Control(long startNanos, long deadlineNanos, double target, AtomicBoolean stop) {
        /** Whether a restart must stop now. */
        boolean expired() {
            return stop.get() || System.nanoTime() >= deadlineNanos;
        }

        /** Records an energy; signals every restart to stop once the target is met. */
        boolean reached(double energy) {
            if (energy <= target) {
                stop.set(true);
                return true;
            }
            return false;
        }
    }

    /** The outcome of one restart. */
    record Run(byte[] assignment, double energy, long spinUpdates, long nanosAtBest, boolean deadlineHit) {
    }
}
