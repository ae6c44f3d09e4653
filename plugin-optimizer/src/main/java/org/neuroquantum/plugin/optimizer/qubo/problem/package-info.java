/**
 * Problem encodings as QUBOs, each with its decoder and its documented penalty choice: Max-Cut, graph
 * colouring (k colours, one-hot) and the travelling salesman problem (n² one-hot permutation encoding), plus
 * the plain data types they read ({@link org.neuroquantum.plugin.optimizer.qubo.problem.Graph},
 * {@link org.neuroquantum.plugin.optimizer.qubo.problem.TspInstance}).
 */
package org.neuroquantum.plugin.optimizer.qubo.problem;
