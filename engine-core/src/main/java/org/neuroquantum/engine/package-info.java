/**
 * The NeuroQuantumDB kernel: {@link org.neuroquantum.engine.Kernel} ties configuration, plugins and metrics
 * together at start-up. Storage, transactions and SQL live in sub-packages as they are built.
 */
package org.neuroquantum.engine;
