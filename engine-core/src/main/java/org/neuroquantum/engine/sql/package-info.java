/**
 * SQL sessions: a statement's way from text through parsing ({@code parse}), binding ({@code bind}), planning
 * ({@code plan}) and execution ({@code exec}), with transaction control (autocommit, BEGIN/COMMIT/ROLLBACK).
 * The JDBC driver ({@code org.neuroquantum.engine.jdbc}) is a thin layer over {@link
 * org.neuroquantum.engine.sql.SqlSession}.
 */
package org.neuroquantum.engine.sql;
