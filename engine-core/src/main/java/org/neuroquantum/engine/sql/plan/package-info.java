/**
 * Planning: for each table of a query the access path (primary key point or range, secondary index point or
 * range, or a full scan) chosen from the WHERE conjuncts, and the placement of each conjunct at the first table of
 * the join order where all its columns are known. Tables are joined in written order by nested loops; a key
 * condition on an earlier table's column makes that loop an index nested loop.
 */
package org.neuroquantum.engine.sql.plan;
