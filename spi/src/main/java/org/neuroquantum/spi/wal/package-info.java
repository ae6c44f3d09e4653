/**
 * The write-ahead-log SPI: LSN-addressed, checksummed, group-committed records in segments, with an archive
 * hook for backups.
 */
package org.neuroquantum.spi.wal;
