/**
 * The lock manager behind serializable isolation: strict two-phase locking with multiple granularity
 * ({@link org.neuroquantum.engine.txn.lock.LockMode} IS, IX, S, SIX, X), immediate deadlock detection and
 * a lock wait timeout.
 *
 * <p>A transaction locks resources named by {@link org.neuroquantum.engine.txn.lock.LockKey} (a whole
 * relation, i.e. a table or an index, or one key in it) through
 * {@link org.neuroquantum.engine.txn.lock.LockManager#acquire}, keeps every lock until it ends, and then
 * gives them all back with {@link org.neuroquantum.engine.txn.lock.LockManager#releaseAll} (commit or
 * rollback alike). Locking is top-down: before a key lock, the caller takes the intention mode
 * {@link org.neuroquantum.engine.txn.lock.LockMode#parentIntention()} on the key's relation; the lock manager
 * itself treats every key as an independent resource.
 *
 * <p>Failures are {@link org.neuroquantum.spi.error.NeuroQuantumException}s: a deadlock victim gets
 * {@link org.neuroquantum.spi.error.ErrorCode#TRANSACTION_SERIALIZATION} (SQLSTATE 40001), a wait longer than
 * the timeout {@link org.neuroquantum.spi.error.ErrorCode#TRANSACTION_LOCK_TIMEOUT} (55P03), an interrupted
 * wait {@link org.neuroquantum.spi.error.ErrorCode#CANCELLED} (57014). In every case the failed request has
 * left the lock table; the locks the transaction already held stay held until its rollback calls
 * {@code releaseAll}.
 *
 * <p>{@link org.neuroquantum.engine.txn.lock.LockManager#currentWaits()} is the snapshot of the waits-for
 * graph (who waits for what, held by whom) that a system table can show.
 *
 * <p>This package depends on the JDK, the SPI and SLF4J only; nothing else in the kernel.
 */
package org.neuroquantum.engine.txn.lock;
