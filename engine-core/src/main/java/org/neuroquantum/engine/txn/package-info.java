/**
 * Transactions over logged indexes: begin, commit (group commit through the log), rollback by compensation,
 * strict two-phase locking through {@link org.neuroquantum.engine.txn.lock.LockManager}, checkpoints and ARIES
 * recovery (analysis, redo, undo of losers). The database assembles these over the storage layer; this package
 * knows indexes only through the index SPI.
 */
package org.neuroquantum.engine.txn;
