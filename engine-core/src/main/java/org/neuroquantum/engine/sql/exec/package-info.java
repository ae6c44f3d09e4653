/**
 * Execution of planned statements within a transaction. A SELECT runs as a tree of Volcano-style
 * {@link org.neuroquantum.engine.sql.exec.Operator}s built by {@link org.neuroquantum.engine.sql.exec.Executor}:
 * scans over {@link org.neuroquantum.engine.sql.exec.RowSource}s (storage tables through their access paths; the
 * interface other row producers such as derived or system tables implement), nested-loop, index nested-loop and
 * hash joins (inner and left), hash aggregation, HAVING, projection, DISTINCT, sorting (spilling to disk beyond the
 * working memory) and OFFSET/LIMIT. Rows stream to the caller through a
 * {@link org.neuroquantum.engine.sql.exec.StatementResult}; an
 * {@link org.neuroquantum.engine.sql.exec.ExecContext} carries cancellation, the statement timeout, the
 * working-memory limit and progress, and {@link org.neuroquantum.engine.sql.exec.Explain} renders a tree with its
 * estimates and actual figures. INSERT/UPDATE/DELETE collect the affected rows before changing any.
 * {@link org.neuroquantum.engine.sql.exec.SubqueryExecution} runs a statement's sub-queries, derived tables and
 * set operations, caching results per correlation values.
 */
package org.neuroquantum.engine.sql.exec;
