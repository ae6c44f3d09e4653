/**
 * Execution of planned statements against tables within a transaction: nested-loop scans over the chosen access
 * paths, hash grouping with COUNT/SUM/AVG/MIN/MAX, sorting with NULL placement, DISTINCT, OFFSET/LIMIT, and
 * INSERT/UPDATE/DELETE (which collect the affected rows before changing any). Results are materialised for now.
 * {@link org.neuroquantum.engine.sql.exec.SubqueryExecution} runs a statement's sub-queries, derived tables and
 * set operations, caching results per correlation values.
 */
package org.neuroquantum.engine.sql.exec;
