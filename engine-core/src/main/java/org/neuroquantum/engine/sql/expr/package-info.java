/**
 * Bound scalar expressions and SQL value semantics: comparison across numeric types, arithmetic with overflow
 * checks, LIKE, and three-valued logic where {@code null} stands for both SQL NULL and UNKNOWN. Expressions read
 * their input from a row array by position; binding (names to positions) happens in {@code sql.bind}. Sub-query
 * expressions run their sub-query through the statement's {@link org.neuroquantum.engine.sql.expr.SubqueryRunner};
 * correlated ones read the enclosing row's values as extra parameters.
 */
package org.neuroquantum.engine.sql.expr;
