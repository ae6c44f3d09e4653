/**
 * Binding: JSqlParser syntax trees checked against the catalog and turned into bound statements whose
 * expressions read columns by position. Unknown tables and columns are reported with the nearest existing name;
 * types are checked where both sides are known before execution.
 */
package org.neuroquantum.engine.sql.bind;
