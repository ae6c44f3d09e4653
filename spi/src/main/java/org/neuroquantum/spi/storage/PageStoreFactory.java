package org.neuroquantum.spi.storage;

import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.provider.ProviderFactory;

/**
 * Opens page stores; selected by name with {@code page.store}. A page store is stateful: its name and
 * {@link #formatVersion()} are written into the database's header page, and a database is only reopened with
 * the same provider and a format version it can read.
 */
@Evolving
public interface PageStoreFactory extends ProviderFactory {
    /** The on-disk format version this provider writes. */
    int formatVersion();

    /** Whether this provider can read stores written in {@code version}. */
    default boolean canRead(int version) {
        return version == formatVersion();
    }

    /** Opens (or creates) the store. */
    PageStore open(PageStoreContext context);
}
