/** Test fixtures inside the WebSocket plugin's package tree that break rule 5 (transports use only the transport SPI). */
package org.neuroquantum.plugin.websocket.archfixture;
