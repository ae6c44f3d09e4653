/**
 * The storage layer of the kernel. This package holds what spans its parts, such as the database header page;
 * the parts live in sub-packages: {@code page} (page store), {@code buffer} (buffer pool), {@code wal}
 * (write-ahead log).
 */
package org.neuroquantum.engine.storage;
