/**
 * The page-storage SPI: fixed-size, checksummed pages on durable media, below the buffer pool.
 */
package org.neuroquantum.spi.storage;
