package org.neuroquantum.spi.transport;

import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.provider.ProviderFactory;

/** Creates transports; the ones named in {@code transports} are started with the database. */
@Evolving
public interface TransportFactory extends ProviderFactory {
    /** Creates a transport, not yet started. */
    Transport create(TransportContext context);
}
