#!/usr/bin/env bash
# Runs the side-by-side storage suite (issue 3, workloads W1-W8, NeuroQuantumDB and its peers) and writes
# docs/benchmarks.md. CI-sized: about 10-15 minutes on 2 cores at the default 1,000,000 records.
#
#   benchmarks/run-storage-suite.sh                        # build, run everything, write the report
#   benchmarks/run-storage-suite.sh --records 10000        # a quick check of the whole pipeline
#   benchmarks/run-storage-suite.sh --engines rocksdb,lmdb --include 'W2.*'
#   SKIP_BUILD=1 benchmarks/run-storage-suite.sh ...       # reuse benchmarks/target/benchmarks.jar
#   benchmarks/run-storage-suite.sh --report-only          # re-render docs/benchmarks.md from docs/benchmarks/
#
# The data directory (default benchmarks/target/storage-bench, wiped first) must be on a real disk, not tmpfs.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -DskipTests package -pl benchmarks -am
fi
exec java -cp benchmarks/target/benchmarks.jar org.neuroquantum.bench.storage.StorageSuite "$@"
