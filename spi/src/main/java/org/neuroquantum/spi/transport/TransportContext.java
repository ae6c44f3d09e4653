package org.neuroquantum.spi.transport;

import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.provider.ProviderContext;

/** What a transport is created with. */
@Evolving
public interface TransportContext extends ProviderContext {
    /** Opens sessions of the database this transport serves. */
    SessionFactory sessions();
}
