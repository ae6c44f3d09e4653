package org.neuroquantum.archfixture.transport;

import org.neuroquantum.spi.transport.Transport;
import org.neuroquantum.spi.transport.TransportContext;
import org.neuroquantum.spi.transport.TransportFactory;
import org.neuroquantum.spi.wal.WriteAheadLog;

/** Violates rule 5 (transports use only the transport SPI) on purpose: a TransportFactory holding the WAL. */
public final class TransportFactoryUsesWal implements TransportFactory {
    public WriteAheadLog wal;

    @Override
    public String name() {
        return "fixture";
    }

    @Override
    public String description() {
        return "Breaks the transport rule on purpose.";
    }

    @Override
    public Transport create(TransportContext context) {
        throw new UnsupportedOperationException();
    }
}
