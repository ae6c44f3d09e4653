/**
 * SQL text to syntax trees through JSqlParser (no grammar of our own): one statement at a time, syntax errors
 * reported with line and column (SQLSTATE 42601), transaction control statements recognised before parsing.
 */
package org.neuroquantum.engine.sql.parse;
