package org.neuroquantum.spi.transport;

import org.neuroquantum.spi.annotation.Evolving;

/** A live subscription; closing it stops deliveries (one in progress may still complete). Idempotent. */
@Evolving
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
