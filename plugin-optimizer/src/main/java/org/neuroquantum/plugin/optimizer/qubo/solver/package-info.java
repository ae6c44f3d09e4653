/**
 * QUBO solvers behind one interface, {@link org.neuroquantum.plugin.optimizer.qubo.solver.QuboSolver}:
 * simulated annealing ({@code sa}), simulated quantum annealing of the transverse-field Ising model by
 * path-integral Monte Carlo ({@code sqa}) and parallel tempering ({@code pt}). All are deterministic functions
 * of the seed and the sweep budget; a time limit is turned into a sweep budget by a short calibration run, and
 * independent restarts or replicas are spread over the available cores.
 */
package org.neuroquantum.plugin.optimizer.qubo.solver;
