/**
 * The {@code file} write-ahead log, the built-in provider of the WAL SPI ({@link org.neuroquantum.spi.wal}):
 * checksummed records in segment files named by their first LSN, group commit (concurrent forces share one
 * write and one {@code fsync}), recovery that cuts a torn tail of the last segment and refuses to open a log
 * damaged anywhere else, and segment archiving and deletion on {@code truncateBefore}.
 *
 * <p>The on-disk format is specified in {@code docs/file-format.md} ("Write-ahead log"). Entry points are
 * {@link org.neuroquantum.engine.storage.wal.FileWriteAheadLogFactory} and
 * {@link org.neuroquantum.engine.storage.wal.FileWriteAheadLog}. Every file operation goes through the small
 * package-private {@code WalIo} seam, so that tests can drop unsynced writes, tear writes and fill the disk.
 *
 * <p>This package depends on the JDK, the SPI and SLF4J only; nothing else in the kernel.
 */
package org.neuroquantum.engine.storage.wal;
