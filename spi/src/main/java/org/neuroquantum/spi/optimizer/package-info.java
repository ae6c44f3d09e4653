/**
 * The query-optimizer SPI: given a join graph with cardinality estimates and a cost model, choose access
 * paths, join order and join algorithms.
 */
package org.neuroquantum.spi.optimizer;
