/**
 * Problem-native TSP search on permutations: 2-opt and Or-opt local search over nearest-neighbour candidate
 * lists with don't-look bits, and iterated local search with segment double-bridge kicks. Used on its own and
 * to polish tours decoded from the one-hot QUBO.
 */
package org.neuroquantum.plugin.optimizer.qubo.tsp;
