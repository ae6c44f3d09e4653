package org.neuroquantum.spi.storage;

import java.nio.file.Path;
import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.provider.ProviderContext;

/** What a page store is opened with. */
@Evolving
public interface PageStoreContext extends ProviderContext {
    /** The database directory; the store keeps its files inside it. */
    Path directory();

    /** The page size for a new store; an existing store keeps the size it was created with. */
    int pageSize();

    /** Whether a missing store may be created (otherwise opening a missing store fails). */
    boolean createIfMissing();
}
