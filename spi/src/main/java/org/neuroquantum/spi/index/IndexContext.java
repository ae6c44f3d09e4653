package org.neuroquantum.spi.index;

import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.provider.ProviderContext;

/** What an index is created or opened with. */
@Evolving
public interface IndexContext extends ProviderContext {
    /** The index's name in the catalog, for error messages. */
    String indexName();

    /** The pages the index lives in. */
    PageAccess pages();
}
