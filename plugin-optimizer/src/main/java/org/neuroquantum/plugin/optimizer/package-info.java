/**
 * The optimizer plugin ({@link org.neuroquantum.plugin.optimizer.OptimizerPlugin}): join-order optimizers
 * {@code dp} and {@code annealing} behind the query-optimizer SPI, and the QUBO framework and solvers.
 */
package org.neuroquantum.plugin.optimizer;
