/**
 * Problem-native graph colouring: DSATUR for a first colouring and TabuCol (Hertz and de Werra 1987, with
 * Galinier and Hao's dynamic tabu tenure) on the k-colouring conflict objective, lowering k while it succeeds.
 * Reported side by side with the one-hot QUBO path.
 */
package org.neuroquantum.plugin.optimizer.qubo.coloring;
