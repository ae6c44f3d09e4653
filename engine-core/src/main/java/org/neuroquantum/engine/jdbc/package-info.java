/**
 * The JDBC driver {@code jdbc:neuroquantum:<directory>[?key=value&…]}: connections over {@link
 * org.neuroquantum.engine.sql.SqlSession}, statements, prepared statements, forward-only result sets and their
 * metadata. Connections to the same directory in one JVM share one open database (reference-counted). Errors
 * arrive as {@link java.sql.SQLException}s carrying the SQLSTATE of the NeuroQuantumDB error code.
 */
package org.neuroquantum.engine.jdbc;
