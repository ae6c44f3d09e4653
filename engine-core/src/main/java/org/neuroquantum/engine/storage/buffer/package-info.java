/**
 * The buffer pool: off-heap page frames, pins and latches, dirty tracking, eviction through the eviction-policy
 * SPI and the write-ahead rule on every write-back.
 */
package org.neuroquantum.engine.storage.buffer;
