/**
 * The SQL benchmarks of issue 6: NeuroQuantumDB, SQLite and H2 driven through JDBC side by side — point and
 * 10-row range selects by primary key, inserts with a commit per row and in batches, and TPC-H queries Q1, Q3,
 * Q5, Q6 and Q10 at scale 0.1 — and {@link org.neuroquantum.bench.sql.SqlSuite}, which runs them and writes the
 * table into {@code docs/benchmarks.md}.
 */
package org.neuroquantum.bench.sql;
