/**
 * Reproducible query-graph workloads (chain, star, cycle, clique, random) for testing and benchmarking the
 * join-order optimizers.
 */
package org.neuroquantum.plugin.optimizer.join.workload;
