/**
 * End-to-end runs of the three problems (read the instance, encode, solve, decode, polish, compare with the
 * published reference value), shared by the {@code neuroquantum qubo solve} command and the benchmark runner.
 */
package org.neuroquantum.plugin.optimizer.qubo.run;
