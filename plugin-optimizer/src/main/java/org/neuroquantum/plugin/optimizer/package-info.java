/**
 * Join-order optimizers (dynamic programming, QUBO annealing) and the QUBO framework and solvers, behind the
 * query-optimizer SPI. The module provides no optimizer yet and is therefore left out of the distribution.
 */
package org.neuroquantum.plugin.optimizer;
