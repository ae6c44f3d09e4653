package org.neuroquantum.archfixture.transport;

import java.util.List;
import org.neuroquantum.spi.storage.PageStore;
import org.neuroquantum.spi.transport.Transport;

/** Violates rule 5 (transports use only the transport SPI) on purpose: a Transport reading pages directly. */
public final class TransportUsesPageStore implements Transport {
    private final PageStore pages;

    public TransportUsesPageStore(PageStore pages) {
        this.pages = pages;
    }

    @Override
    public void start() {
        pages.pageCount();
    }

    @Override
    public List<String> endpoints() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
