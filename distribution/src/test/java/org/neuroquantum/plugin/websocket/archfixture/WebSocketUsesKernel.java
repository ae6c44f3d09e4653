package org.neuroquantum.plugin.websocket.archfixture;

import org.neuroquantum.engine.Kernel;

/** Violates rule 5 (transports use only the transport SPI) on purpose: a WebSocket-package class using the kernel. */
public final class WebSocketUsesKernel {
    public Kernel kernel;
}
