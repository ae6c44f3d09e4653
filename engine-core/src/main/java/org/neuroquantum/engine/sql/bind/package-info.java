/**
 * Binding: JSqlParser syntax trees checked against the catalog and turned into bound statements whose
 * expressions read columns by position. Unknown tables and columns are reported with the nearest existing name;
 * types are checked where both sides are known before execution. Sub-queries are bound with the enclosing
 * query's scope as their outer scope; WITH queries and set operations become {@code Relation}s.
 */
package org.neuroquantum.engine.sql.bind;
