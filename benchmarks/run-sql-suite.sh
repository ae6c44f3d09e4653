#!/usr/bin/env bash
# Runs the SQL benchmarks of issue 6 (point and range selects, inserts, TPC-H Q1/Q3/Q5/Q6/Q10 at scale 0.1) on
# NeuroQuantumDB, SQLite and H2 side by side through JDBC, and writes the SQL section of docs/benchmarks.md.
# About 10 minutes on 2 cores the first time (the TPC-H databases are generated and loaded), less afterwards.
#
#   benchmarks/run-sql-suite.sh                          # build, run everything, write the report
#   benchmarks/run-sql-suite.sh --scale 0.01 --rows 10000   # a quick check of the whole pipeline
#   benchmarks/run-sql-suite.sh --include 'TpchQuery' --engines neuroquantum,h2
#   benchmarks/run-sql-suite.sh --fresh                  # reload the databases (after a file-format change)
#   SKIP_BUILD=1 benchmarks/run-sql-suite.sh ...         # reuse benchmarks/target/benchmarks.jar
#   benchmarks/run-sql-suite.sh --report-only            # re-render docs/benchmarks.md from docs/benchmarks/
#
# The databases live in benchmarks/target/sql-bench (a real disk, not tmpfs).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -DskipTests package -pl benchmarks -am
fi
exec java -cp benchmarks/target/benchmarks.jar org.neuroquantum.bench.sql.SqlSuite "$@"
