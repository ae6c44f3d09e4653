/**
 * The transport SPI: expose database sessions (execute, stream, subscribe, cancel) over a network protocol.
 * Transports reach the database only through {@link org.neuroquantum.spi.transport.SessionFactory}.
 */
package org.neuroquantum.spi.transport;
