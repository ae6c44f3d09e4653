/**
 * The WebSocket transport (Tyrus): connections, channels, live queries, streaming, flow control. It reaches
 * the database only through the transport SPI. The module provides nothing yet and is therefore left out of
 * the distribution.
 */
package org.neuroquantum.plugin.websocket;
