package org.neuroquantum.spi.index;

import org.neuroquantum.spi.annotation.Evolving;
import org.neuroquantum.spi.provider.ProviderFactory;

/**
 * Creates and opens indexes; selected by name with {@code index}. Stateful: the provider's name and
 * {@link #formatVersion()} are recorded in the database's header page.
 */
@Evolving
public interface IndexFactory extends ProviderFactory {
    /** The on-disk format version of the pages this provider writes. */
    int formatVersion();

    /** The largest key plus value, in bytes, an index accepts for a given usable page size. */
    int maxEntryBytes(int usablePageBytes);

    /** Creates a new, empty index inside {@code transaction}. */
    Index create(IndexContext context, IndexTransaction transaction);

    /** Opens an existing index whose root is {@code rootPageId}. */
    Index open(IndexContext context, long rootPageId);
}
