/**
 * JMH benchmarks of NeuroQuantumDB, run side by side with peer engines where an issue names them. Build with
 * {@code mvn -B -DskipTests package -pl benchmarks -am}, run with
 * {@code java -jar benchmarks/target/benchmarks.jar [regex]}; results go to {@code docs/benchmarks.md}. The
 * side-by-side storage suite lives in {@code org.neuroquantum.bench.storage} (run it with
 * {@code benchmarks/run-storage-suite.sh}), its engine adapters in {@code org.neuroquantum.bench.kv}.
 */
package org.neuroquantum.bench;
