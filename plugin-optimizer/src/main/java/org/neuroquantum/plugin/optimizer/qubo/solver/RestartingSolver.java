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
 * Shared driver: paces restarts by sweeps or by time, runs independent restarts on a small thread pool and
 * keeps the best result, breaking ties by the lower restart index so that the answer does not depend on which
 * thread finished first.
 */
abstract class RestartingSolver implements QuboSolver {
    /** Fraction of the time limit given to the restarts; the rest absorbs the final descent and thread start. */
    private static final double BUDGET_FRACTION = 0.85;

    /** Problem-specific data computed once per solve (temperature range, Ising form, ...). */
    protected abstract Object prepare(QuboModel model);

    /** One restart, paced by {@code pace}; reports energies to {@code control} for the target. */
    protected abstract Run run(QuboModel model, Object prepared, long seed, Pace pace, Control control);

    @Override
    public final Solution solve(QuboModel model, SolverOptions options) {
        long start = System.nanoTime();
        long deadline = options.timeLimit() == null ? Long.MAX_VALUE
                : start + Math.max(1, options.timeLimit().toNanos());
        Object prepared = prepare(model);
        int threads = Math.min(options.threads(), options.restarts());
        long runBudget = 0;
        if (options.sweeps() == 0) {
            long waves = (options.restarts() + threads - 1) / threads;
            runBudget = Math.max(1, (long) ((deadline - System.nanoTime()) * BUDGET_FRACTION / waves));
        }
        AtomicBoolean stop = new AtomicBoolean();
        Control control = new Control(start, deadline, options.targetEnergy(), stop);
        List<Run> runs = new ArrayList<>();
        long budget = runBudget;
        if (threads == 1) {
            for (int r = 0; r < options.restarts() && (r == 0 || !stop.get()); r++) {
                runs.add(run(model, prepared, FastRandom.mix(options.seed() + r),
                        new Pace(options.sweeps(), budget, control), control));
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
                    futures.add(pool.submit(() -> run(model, prepared, seed,
                            new Pace(options.sweeps(), budget, control), control)));
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
        long sweepsDone = 0;
        boolean deadlineHit = false;
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            updates += run.spinUpdates();
            sweepsDone += run.sweeps();
            deadlineHit |= run.deadlineHit();
            if (run.energy() < runs.get(best).energy()) {
                best = r;
            }
        }
        Run winner = runs.get(best);
        double exact = model.energy(winner.assignment());
        return new Solution(winner.assignment(), exact, sweepsDone / runs.size(), runs.size(), best, updates,
                System.nanoTime() - start, winner.nanosAtBest(), deadlineHit);
    }

    /**
     * The progress of one restart through its schedule. With a sweep budget, progress is
     * {@code sweep/(sweeps−1)} and fully deterministic. With a time budget, progress is the elapsed fraction of
     * it, measured every sweep, so the schedule always completes within the limit whatever the load on the
     * machine; such a run is not reproducible bit for bit (rerun with the reported sweep count for that).
     */
    static final class Pace {
        private final long sweeps;
        private final long budgetNanos;
        private final long runStart;
        private final Control control;
        private long sweep = -1;
        private double progress;
        private boolean deadlineHit;

        Pace(long sweeps, long budgetNanos, Control control) {
            this.sweeps = sweeps;
            this.budgetNanos = budgetNanos;
            this.control = control;
            this.runStart = System.nanoTime();
        }

        /** Advances to the next sweep; false when the run is over (budget spent, deadline or stop). */
        boolean next() {
            sweep++;
            long now = System.nanoTime();
            if (control.stop().get()) {
                return false;
            }
            if (now >= control.deadlineNanos()) {
                deadlineHit = sweeps > 0 && sweep < sweeps;
                return false;
            }
            if (sweeps > 0) {
                if (sweep >= sweeps) {
                    return false;
                }
                progress = sweeps > 1 ? (double) sweep / (sweeps - 1) : 1.0;
                return true;
            }
            double elapsed = (double) (now - runStart) / budgetNanos;
            if (elapsed >= 1.0) {
                return false;
            }
            progress = elapsed;
            return true;
        }

        /** Progress through the schedule in [0, 1]. */
        double progress() {
            return progress;
        }

        /** Sweeps completed so far. */
        long sweepsDone() {
            return Math.max(0, sweep);
        }

        /** Whether a sweep budget was cut short by the deadline. */
        boolean deadlineHit() {
            return deadlineHit;
        }
    }

    /** Shared limits of one solve. */
    record Control(long startNanos, long deadlineNanos, double target, AtomicBoolean stop) {
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
    record Run(byte[] assignment, double energy, long sweeps, long spinUpdates, long nanosAtBest,
            boolean deadlineHit) {
    }
}
