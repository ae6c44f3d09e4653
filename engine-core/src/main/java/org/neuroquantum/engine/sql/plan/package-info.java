/**
 * Planning: the join order (through the configured optimizer SPI from a join graph with estimates, or the written
 * order), the placement of each conjunct at the first table of the order where all its columns are known, the
 * access path of each table (primary key or secondary index point or range, or a full scan), and the join
 * algorithm of each join (nested loop, index nested loop or hash join) by estimated cost. Cardinalities come from
 * {@link org.neuroquantum.engine.sql.plan.Estimator}, which reads the statistics ANALYZE stored.
 */
package org.neuroquantum.engine.sql.plan;
