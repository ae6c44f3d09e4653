/**
 * The QUBO model: quadratic unconstrained binary optimisation over variables x<sub>i</sub> in {0, 1}, stored
 * as sparse symmetric couplings in compressed-sparse-row form plus linear terms, with conversion to and from
 * the Ising form, energy and the incremental energy change of a single flip. Solvers live in
 * {@code qubo.solver}, problem encodings in {@code qubo.problem}, instance readers in {@code qubo.io}.
 */
package org.neuroquantum.plugin.optimizer.qubo;
