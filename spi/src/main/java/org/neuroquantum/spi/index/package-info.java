/**
 * The index SPI: ordered byte-key maps over the buffer pool (the built-in provider is a B+ tree), with the
 * page access interface through which every change is logged.
 */
package org.neuroquantum.spi.index;
