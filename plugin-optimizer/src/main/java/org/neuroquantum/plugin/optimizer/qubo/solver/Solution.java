package org.neuroquantum.plugin.optimizer.qubo.solver;

/**
 * The best assignment a solver found.
 *
 * @param assignment the binary assignment (entries 0 or 1); owned by the caller
 * @param energy its exact energy, recomputed from the model
 * @param sweepsPerRestart sweeps each restart performed (mean over restarts); a time-limited run repeated with
 *     this sweep budget is reproducible
 * @param restarts restarts that ran
 * @param bestRestart the index of the restart that produced {@code assignment}
 * @param spinUpdates attempted single-variable updates, summed over restarts, slices and replicas
 * @param nanos wall-clock time of the whole solve, calibration included
 * @param nanosToBest wall-clock time from the start until the returned energy was first reached by its restart
 *     (measured at the end of that restart when it is not tracked more finely)
 * @param deadlineHit whether a sweep budget was cut short by the time limit in some restart
 */
public record Solution(byte[] assignment, double energy, long sweepsPerRestart, int restarts, int bestRestart,
        long spinUpdates, long nanos, long nanosToBest, boolean deadlineHit) {
}
