/**
 * One small engine-neutral key-value interface, {@link org.neuroquantum.bench.kv.KvEngine}, and an adapter per
 * engine (NeuroQuantumDB and its peers SQLite, H2 MVStore, RocksDB and LMDB), so that every storage workload
 * drives every engine through the same calls, each write being one durable transaction.
 */
package org.neuroquantum.bench.kv;
