/**
 * Join ordering behind the query-optimizer SPI: DPccp with a greedy fallback ({@code dp}) and simulated
 * annealing over join orders with a QUBO encoding of left-deep orders ({@code annealing}). Both plan each
 * connected component of the query graph without cross products and join the components by cross products.
 */
package org.neuroquantum.plugin.optimizer.join;
