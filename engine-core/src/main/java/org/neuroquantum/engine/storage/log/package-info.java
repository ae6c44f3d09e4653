/**
 * Kernel log records and physical redo: {@link org.neuroquantum.engine.storage.log.MiniTransactionRecord} (the
 * WAL payload of one index operation), {@link org.neuroquantum.engine.storage.log.LoggedPageAccess} (the
 * {@link org.neuroquantum.spi.index.PageAccess} that records every page change of a
 * {@link org.neuroquantum.engine.storage.log.MiniTransaction} and appends them as one record at its end) and
 * {@link org.neuroquantum.engine.storage.log.RedoRecovery} (replays those records after a crash). Depends on the
 * SPI, the buffer pool and the page store only.
 */
package org.neuroquantum.engine.storage.log;
