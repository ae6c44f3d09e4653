/**
 * System tables and query statistics: {@code nq_stat_statements}, {@code nq_stat_indexes}, {@code nq_locks},
 * {@code nq_plugins} and {@code nq_metrics}, each a {@link org.neuroquantum.engine.sql.system.SystemTable} whose
 * rows are a snapshot taken when a statement names it; the per-database statement statistics and the slow-query
 * log they read from.
 */
package org.neuroquantum.engine.sql.system;
