/**
 * The side-by-side storage suite of issue 3: JMH benchmarks W1–W7 (W8 is measured by W1) parameterised by
 * engine name, the datasets they share, the child process W6 kills, and {@link
 * org.neuroquantum.bench.storage.StorageSuite}, which runs them all in one JMH invocation and writes
 * {@code docs/benchmarks.md}.
 */
package org.neuroquantum.bench.storage;
